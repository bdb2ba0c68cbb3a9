package oversight

// Party roles in a transfer.
const (
	RoleExporter     = "exporter"
	RoleEndUser      = "end_user"
	RoleIntermediary = "intermediary"
	RoleController   = "controller"
	RoleRecipient    = "recipient"
)

// NameQuery asks which entities a name refers to.
type NameQuery struct {
	Name     string
	Country  string   // ISO 3166-1 alpha-2, optional
	Schemata []string // optional: only entities of these schemata (or their descendants)
	Limit    int
}

// Match is a candidate entity for a name, with its score in [0,1] and what produced it.
type Match struct {
	ID       string         `json:"id"`
	Caption  string         `json:"caption"`
	Schema   string         `json:"schema"`
	Score    float64        `json:"score"`
	Matched  string         `json:"matched"` // the entity name the query met
	Datasets []string       `json:"datasets"`
	Sources  []string       `json:"sources"`
	Features map[string]any `json:"features,omitempty"`
}

// Party is one named party of a transfer and what screening found for it.
type Party struct {
	Role     string   `json:"role"`
	Path     string   `json:"path"` // where the name stands in the document, e.g. intermediaries[0]
	Name     string   `json:"name"`
	Country  string   `json:"country,omitempty"`
	Resolved bool     `json:"resolved"`
	Status   string   `json:"status"` // "resolved", "possible" (needs review) or "unresolved"
	Matches  []*Match `json:"matches"`
	Possible []*Match `json:"possible,omitempty"`
}
