package screen

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"sync/atomic"
	"time"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/match"
	"github.com/oversight-project/oversight/rules"
)

// Ensure the service implements the interface.
var _ oversight.RegistryService = (*Service)(nil)

// Service is a RegistryService over a store: it loads the registry into memory with Load, and
// Load again swaps in a fresh copy once built, so that requests never wait on a reload. Set
// the fields, then call Load; a Service may be used concurrently.
type Service struct {
	Program  *rules.Program
	Risk     *rules.RiskTable
	Entities oversight.EntityService
	Config   match.Config
	// Parties lists the schemata whose names are indexed (the legal-entity schemata).
	Parties []string
	// IsRef reports whether a property of a schema names another entity; it drives Related.
	IsRef func(schema, prop string) bool
	// Now gives the screening date used when a transfer has none; nil means time.Now.
	Now func() time.Time
	// SearchFloor is the lowest score Search reports (default 0.5).
	SearchFloor float64

	state atomic.Pointer[loaded]
}

// loaded is one built registry with what is derived from it.
type loaded struct {
	screener *Screener
	refs     map[string][]ref // entity id → entities that name it
}

type ref struct {
	from string // the entity that names
	prop string // in this property
}

// Load reads the registry from the store and builds its index, then makes it the one that
// requests use.
func (s *Service) Load(ctx context.Context) error {
	reg, err := LoadRegistry(ctx, s.Entities, s.Config, s.Parties)
	if err != nil {
		return err
	}
	l := &loaded{refs: map[string][]ref{}}
	l.screener = &Screener{Program: s.Program, Registry: reg, Risk: s.Risk, Statements: s.Entities.FindStatements, Now: s.Now}
	if s.IsRef != nil {
		for _, id := range slices.Sorted(maps.Keys(reg.Entities)) {
			e := reg.Entities[id]
			for _, prop := range slices.Sorted(maps.Keys(e.Properties)) {
				if !s.IsRef(e.Schema, prop) {
					continue
				}
				for _, v := range e.Properties[prop] {
					l.refs[v] = append(l.refs[v], ref{from: id, prop: prop})
				}
			}
		}
	}
	s.state.Store(l)
	return nil
}

func (s *Service) current() (*loaded, error) {
	l := s.state.Load()
	if l == nil {
		return nil, oversight.Errorf(oversight.EUNAVAILABLE, "the registry is still loading; try again shortly")
	}
	return l, nil
}

// Ready implements oversight.RegistryService.
func (s *Service) Ready() bool { return s.state.Load() != nil }

// Profiles implements oversight.RegistryService.
func (s *Service) Profiles() []string { return s.Program.ProfileNames() }

// DecodeTransfer implements oversight.RegistryService.
func (s *Service) DecodeTransfer(name string, data []byte) (*oversight.Transfer, error) {
	return s.Program.DecodeTransfer(name, bytes.NewReader(data))
}

// Screen implements oversight.RegistryService.
func (s *Service) Screen(ctx context.Context, t *oversight.Transfer, profile string) (*oversight.Decision, error) {
	if profile == "" {
		profile = rules.DefaultProfile
	}
	if _, ok := s.Program.Profiles[profile]; !ok {
		return nil, oversight.Errorf(oversight.EINVALID, "profile %q: want one of %v", profile, s.Program.ProfileNames())
	}
	l, err := s.current()
	if err != nil {
		return nil, err
	}
	return l.screener.Screen(ctx, t, rules.Options{Profile: profile})
}

// Match implements oversight.RegistryService.
func (s *Service) Match(ctx context.Context, q oversight.NameQuery, threshold float64) ([]*oversight.Match, error) {
	l, err := s.current()
	if err != nil {
		return nil, err
	}
	if threshold < 0 {
		threshold = s.Config.Threshold
	}
	if len(q.Schemata) == 0 {
		q.Schemata = s.Parties
	}
	return l.screener.Registry.Index.Match(q, threshold), nil
}

// maxSearch bounds the matches Search ranks.
const maxSearch = 500

// Search implements oversight.RegistryService.
func (s *Service) Search(ctx context.Context, q string, offset, limit int) ([]*oversight.Match, int, error) {
	l, err := s.current()
	if err != nil {
		return nil, 0, err
	}
	floor := s.SearchFloor
	if floor == 0 {
		floor = 0.5
	}
	ms := l.screener.Registry.Index.Match(oversight.NameQuery{Name: q, Limit: maxSearch}, floor)
	n := len(ms)
	offset = min(max(offset, 0), n)
	return ms[offset:min(offset+max(limit, 0), n)], n, nil
}

// Related implements oversight.RegistryService. It gives the entity's own links and, through
// the deals between parties (a Contract or Project), what is one step further: the supplier
// and the technology of a contract whose authority is the entity.
func (s *Service) Related(ctx context.Context, id string) ([]*oversight.Relation, error) {
	l, err := s.current()
	if err != nil {
		return nil, err
	}
	if _, ok := l.screener.Registry.Entities[id]; !ok {
		return nil, oversight.Errorf(oversight.ENOTFOUND, "entity %q not found", id)
	}
	out := s.neighbours(l, id)
	seen := map[string]bool{id: true}
	for _, r := range out {
		seen[r.Other.ID] = true
	}
	for _, r := range slices.Clone(out) {
		if r.Other.Schema != "Contract" && r.Other.Schema != "Project" {
			continue // only deals join parties: a shared document or product does not
		}
		for _, r2 := range s.neighbours(l, r.Other.ID) {
			if seen[r2.Other.ID] {
				continue
			}
			seen[r2.Other.ID] = true
			out = append(out, &oversight.Relation{Label: r.Other.Schema + " → " + r2.Label, Direction: r.Direction, Via: r.Other, Other: r2.Other})
		}
	}
	return out, nil
}

// neighbours returns the relations one step from an entity.
func (s *Service) neighbours(l *loaded, id string) []*oversight.Relation {
	ents := l.screener.Registry.Entities
	e := ents[id]
	var out []*oversight.Relation
	// What the entity names itself.
	for _, prop := range slices.Sorted(maps.Keys(e.Properties)) {
		if s.IsRef == nil || !s.IsRef(e.Schema, prop) {
			continue
		}
		for _, v := range e.Properties[prop] {
			if o, ok := ents[v]; ok {
				out = append(out, &oversight.Relation{Label: prop, Direction: "out", Other: o})
			}
		}
	}
	// What names the entity: a party or a thing directly, or a link entity (an Ownership,
	// a contract award, a Sanction) whose other ends are the related entities.
	for _, r := range l.refs[id] {
		from := ents[r.from]
		if !link(from.Schema) {
			out = append(out, &oversight.Relation{Label: r.prop, Direction: "in", Other: from})
			continue
		}
		others := 0
		for _, prop := range slices.Sorted(maps.Keys(from.Properties)) {
			if prop == r.prop || !s.IsRef(from.Schema, prop) {
				continue
			}
			for _, v := range from.Properties[prop] {
				if o, ok := ents[v]; ok && v != id {
					out = append(out, &oversight.Relation{Label: from.Schema + ": " + prop, Direction: "in", Via: from, Other: o})
					others++
				}
			}
		}
		if others == 0 {
			out = append(out, &oversight.Relation{Label: from.Schema, Direction: "in", Other: from})
		}
	}
	return out
}

// link reports whether entities of a schema stand for a relation between others (FtM's
// interval schemata) rather than for a thing of their own, like a Contract or a Technology.
func link(schema string) bool {
	switch schema {
	case "Ownership", "Directorship", "Membership", "Employment", "Representation", "Succession",
		"UnknownLink", "ContractAward", "Documentation", "Associate", "Family", "Payment", "Sanction":
		return true
	}
	return false
}
