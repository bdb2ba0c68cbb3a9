package oversight

import "context"

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
	// Identifiers are the party's registration, tax, LEI, IMO, passport … numbers, optional:
	// an entity holding one of them matches at 0.95 at least, whatever its name.
	Identifiers []string
	Limit       int
}

// IsCountryCode reports whether c has the shape of a lower-case ISO 3166-1 alpha-2 code, as
// NameQuery.Country and FtM write them.
func IsCountryCode(c string) bool {
	return len(c) == 2 && c[0] >= 'a' && c[0] <= 'z' && c[1] >= 'a' && c[1] <= 'z'
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

// Relation is a link between an entity and another: a property of one that names the other
// (a parent body), or a link entity that names both (an Ownership, a contract, a Sanction).
type Relation struct {
	Label     string  `json:"label"`     // e.g. "parent", "owner of", "Sanction", "Ownership: asset"
	Direction string  `json:"direction"` // "out": the entity names Other; "in": Other (or Via) names the entity
	Via       *Entity `json:"via,omitempty"`
	Other     *Entity `json:"entity"`
}

// RegistryService screens transfers and answers name queries against the registry and the
// official lists, held in memory. It loads in the background: until it has, methods that need
// it return EUNAVAILABLE.
type RegistryService interface {
	// Ready reports whether the registry is loaded.
	Ready() bool

	// Profiles lists the rule pack's evaluation profiles.
	Profiles() []string

	// DecodeTransfer reads a transfer document (YAML or JSON). Returns EINVALID naming the
	// path of every bad value.
	DecodeTransfer(name string, data []byte) (*Transfer, error)

	// Screen screens t under the named profile ("" for the default).
	Screen(ctx context.Context, t *Transfer, profile string) (*Decision, error)

	// Match finds the entities a name refers to, scoring at least threshold (a negative
	// threshold means the calibrated default).
	Match(ctx context.Context, q NameQuery, threshold float64) ([]*Match, error)

	// Search finds registry entities by name in any script, loosely: best first, with the
	// total number found.
	Search(ctx context.Context, q string, offset, limit int) ([]*Match, int, error)

	// Related returns the relations of an entity. Returns ENOTFOUND.
	Related(ctx context.Context, id string) ([]*Relation, error)
}
