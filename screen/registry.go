package screen

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/match"
)

// Registry is the in-memory view of the store that screening reads: every entity, a name
// index over the parties (legal entities), the sanctions on each entity, and the control
// relations through which risk passes from a body to the bodies it runs or owns.
type Registry struct {
	Entities map[string]*oversight.Entity
	Index    *match.Index

	sanctions   map[string][]*oversight.Entity // entity id → Sanction entities
	controllers map[string][]control           // entity id → bodies that run or own it
}

// control is a relation through which a controlling body's risk passes to another.
type control struct {
	ID  string // the controlling entity
	Via string // how, e.g. "parent" or "Ownership own-x (97.9%)"
}

// LoadRegistry reads every entity from the store. parties lists the schemata to index by
// name (the legal-entity schemata).
func LoadRegistry(ctx context.Context, svc oversight.EntityService, cfg match.Config, parties []string) (*Registry, error) {
	r := NewRegistry(cfg)
	// Parties are indexed in batches, their names analysed on every core.
	err := r.Index.AddEach(func(index func(*oversight.Entity) error) error {
		return svc.EachEntity(ctx, nil, func(e *oversight.Entity) error {
			r.Add(e, false)
			if slices.Contains(parties, e.Schema) {
				return index(e)
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// NewRegistry returns an empty registry whose name index uses cfg.
func NewRegistry(cfg match.Config) *Registry {
	return &Registry{
		Entities: map[string]*oversight.Entity{}, Index: match.NewIndex(cfg),
		sanctions: map[string][]*oversight.Entity{}, controllers: map[string][]control{},
	}
}

// Add adds an entity; indexed says whether it is a party to match names against.
func (r *Registry) Add(e *oversight.Entity, indexed bool) {
	r.Entities[e.ID] = e
	if indexed {
		r.Index.Add(e)
	}
	switch e.Schema {
	case "Sanction":
		for _, id := range e.Get("entity") {
			r.sanctions[id] = append(r.sanctions[id], e)
		}
	case "Ownership":
		if controlling(e) {
			for _, asset := range e.Get("asset") {
				for _, owner := range e.Get("owner") {
					via := "Ownership " + e.ID
					if p := e.First("percentage"); p != "" {
						via += " (" + p + "%)"
					} else if role := e.First("role"); role != "" {
						via += " (" + role + ")"
					}
					r.controllers[asset] = append(r.controllers[asset], control{ID: owner, Via: via})
				}
			}
		}
	}
	for _, parent := range e.Get("parent") {
		r.controllers[e.ID] = append(r.controllers[e.ID], control{ID: parent, Via: "parent"})
	}
}

// controlling reports whether an Ownership passes control: 50% or more (the OFAC 50 Percent
// Rule; EU "owned or controlled"), or a role that says so where no percentage is recorded.
func controlling(own *oversight.Entity) bool {
	if p := own.First("percentage"); p != "" {
		f, err := strconv.ParseFloat(strings.TrimSuffix(p, "%"), 64)
		return err == nil && f >= 50
	}
	role := strings.ToLower(own.First("role"))
	for _, w := range []string{"parent", "majority", "controlling"} {
		if strings.Contains(role, w) {
			return true
		}
	}
	return false
}

// ancestors returns the bodies that run or own id, transitively, nearest first, with how.
func (r *Registry) ancestors(id string) []control {
	var out []control
	seen := map[string]bool{id: true}
	queue := []control{{ID: id}}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, c := range r.controllers[cur.ID] {
			if seen[c.ID] || r.Entities[c.ID] == nil {
				continue
			}
			seen[c.ID] = true
			via := c.Via
			if cur.Via != "" {
				via = cur.Via + ", then " + c.Via
			}
			next := control{ID: c.ID, Via: via}
			out = append(out, next)
			queue = append(queue, next)
		}
	}
	return out
}

// programListings maps the programId of a Sanction to the listing the rules know (SPEC §4.3).
// The keys are those the seed registry uses (OpenSanctions' programme keys) and those the list
// readers give (docs/lists.md).
var programListings = map[string]string{
	"US-OFAC-SDN":          "ofac_sdn",
	"US-GLOMAG":            "ofac_sdn",
	"US-BIS-EL":            "us_entity_list",
	"US-BIS-MEU":           "us_other_restricted",
	"US-BIS-DPL":           "us_other_restricted",
	"US-BIS-UVL":           "us_other_restricted",
	"US-NS-CMIC":           "us_other_restricted",
	"US-UFLPA":             "us_other_restricted",
	"US-OFAC-SSI":          "us_other_restricted",
	"US-OFAC-PLC":          "us_other_restricted",
	"US-OFAC-MBS":          "us_other_restricted",
	"US-OFAC-FSE":          "us_other_restricted",
	"US-OFAC-CAPTA":        "us_other_restricted",
	"US-OFAC-NONSDN":       "us_other_restricted",
	"US-DDTC-DEBARRED":     "us_other_restricted",
	"US-DOS-ISN":           "us_other_restricted",
	"EU-HR":                "eu_ghrsr",
	"GB-HR":                "uk_asset_freeze",
	"GB-FCDO-ASSET-FREEZE": "uk_asset_freeze",
}

// programPrefixes maps families of programIds to listings: every UN Security Council regime
// is a UN sanction, every EU FSF programme an EU asset freeze, and a CSL source list the CSL
// reader does not know a US restriction.
var programPrefixes = []struct{ prefix, listing string }{
	{"UN-SC-", "un_sanctions"},
	{"EU-FSF-", "eu_asset_freeze"},
	{"US-CSL-", "us_other_restricted"},
}

// programListing returns the listing a programId means, or "".
func programListing(id string) string {
	if l, ok := programListings[id]; ok {
		return l
	}
	for _, p := range programPrefixes {
		if strings.HasPrefix(id, p.prefix) {
			return p.listing
		}
	}
	return ""
}

// listing is one listing in force for an entity, with the sanction that records it.
type listing struct {
	Listing  string
	Sanction *oversight.Entity
	Via      string // "" if the entity itself is listed, else how its controller's listing passes
	ViaID    string
}

// listings returns the listings in force on date for id and the bodies that control it.
func (r *Registry) listings(id, date string) []listing {
	var out []listing
	add := func(eid, via string) {
		for _, s := range r.sanctions[eid] {
			if !inForce(s, date) {
				continue
			}
			var seen []string
			for _, pid := range s.Get("programId") {
				l := programListing(pid)
				if l == "" || slices.Contains(seen, l) {
					continue
				}
				seen = append(seen, l)
				out = append(out, listing{Listing: l, Sanction: s, Via: via, ViaID: eid})
			}
		}
	}
	add(id, "")
	for _, c := range r.ancestors(id) {
		add(c.ID, c.Via)
	}
	return out
}

// inForce reports whether a sanction had started by date and had not ended.
func inForce(s *oversight.Entity, date string) bool {
	start := s.First("startDate")
	if start == "" {
		start = s.First("listingDate")
	}
	if start != "" && start > date {
		return false
	}
	if end := s.First("endDate"); end != "" && end < date {
		return false
	}
	return true
}

// topicCategories maps FtM topics to end-user categories where the mapping is unambiguous.
var topicCategories = map[string]string{"mil": "military", "gov.soe": "state_owned_enterprise"}

// categories returns the entity's own end-user categories and what they rest on.
func (r *Registry) categories(e *oversight.Entity) ([]string, string) {
	if cs := e.Get("endUserCategory"); len(cs) > 0 {
		return slices.Clone(cs), "endUserCategory of " + e.ID
	}
	var out []string
	for _, t := range e.Get("topics") {
		if c, ok := topicCategories[t]; ok && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if len(out) > 0 {
		sort.Strings(out)
		return out, "FtM topics of " + e.ID
	}
	if e.Schema == "Company" {
		return []string{"private_commercial"}, e.ID + " is a Company with no other category recorded"
	}
	return nil, ""
}
