package ftm

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

//go:embed schemata.json
var schemataJSON []byte

// Property types that are checked on input.
const (
	TypeName    = "name"
	TypeDate    = "date"
	TypeCountry = "country"
	TypeURL     = "url"
	TypeEntity  = "entity"
	TypeTopic   = "topic"
)

// Property is one property of a schema.
type Property struct {
	Name  string
	Type  string // name, string, text, date, country, url, entity, identifier, …
	Range string // for entity properties: the schema the value must refer to
}

// Schema is one FtM schema with its properties, own and inherited.
type Schema struct {
	Name       string
	Abstract   bool
	Closed     bool // only its own properties (Technology)
	Extends    []string
	Properties map[string]*Property
	ancestors  []string // itself and every schema it extends, transitively
}

// IsA reports whether the schema is name or extends it.
func (s *Schema) IsA(name string) bool { return slices.Contains(s.ancestors, name) }

// Model is the schema table.
type Model struct {
	Schemata map[string]*Schema
}

// Default is the embedded schema table (ftm/schemata.json).
var Default = mustModel(schemataJSON)

func mustModel(b []byte) *Model {
	m, err := ParseModel(b)
	if err != nil {
		panic(err)
	}
	return m
}

// ParseModel reads a schema table.
func ParseModel(b []byte) (*Model, error) {
	var raw struct {
		Schemata map[string]struct {
			Abstract   bool              `json:"abstract"`
			Closed     bool              `json:"closed"`
			Extends    []string          `json:"extends"`
			Properties map[string]string `json:"properties"`
		} `json:"schemata"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("schema table: %w", err)
	}
	m := &Model{Schemata: map[string]*Schema{}}
	for name, rs := range raw.Schemata {
		s := &Schema{Name: name, Abstract: rs.Abstract, Closed: rs.Closed, Extends: rs.Extends, Properties: map[string]*Property{}}
		for pn, pt := range rs.Properties {
			p := &Property{Name: pn, Type: pt}
			if r, ok := strings.CutPrefix(pt, "entity:"); ok {
				p.Type, p.Range = TypeEntity, r
			}
			s.Properties[pn] = p
		}
		m.Schemata[name] = s
	}
	// Inherit properties, parents first; a closed schema keeps only its own.
	done := map[string]bool{}
	var resolve func(name string, depth int) error
	resolve = func(name string, depth int) error {
		s := m.Schemata[name]
		if done[name] {
			return nil
		}
		if depth > 20 {
			return fmt.Errorf("schema table: %s: extends cycle", name)
		}
		s.ancestors = []string{name}
		for _, parent := range s.Extends {
			ps, ok := m.Schemata[parent]
			if !ok {
				return fmt.Errorf("schema table: %s extends unknown schema %s", name, parent)
			}
			if err := resolve(parent, depth+1); err != nil {
				return err
			}
			for _, a := range ps.ancestors {
				if !slices.Contains(s.ancestors, a) {
					s.ancestors = append(s.ancestors, a)
				}
			}
			if s.Closed {
				continue
			}
			for pn, p := range ps.Properties {
				if _, own := s.Properties[pn]; !own {
					s.Properties[pn] = p
				}
			}
		}
		done[name] = true
		return nil
	}
	for name := range m.Schemata {
		if err := resolve(name, 0); err != nil {
			return nil, err
		}
	}
	for _, s := range m.Schemata {
		for _, p := range s.Properties {
			if p.Range != "" && m.Schemata[p.Range] == nil {
				return nil, fmt.Errorf("schema table: %s.%s: unknown range %s", s.Name, p.Name, p.Range)
			}
		}
	}
	return m, nil
}

// Schema returns the named schema, or nil.
func (m *Model) Schema(name string) *Schema { return m.Schemata[name] }

// Descendants returns every non-abstract schema that is or extends name, sorted.
func (m *Model) Descendants(name string) []string {
	var out []string
	for n, s := range m.Schemata {
		if !s.Abstract && s.IsA(name) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// Common returns the more specific of two schemata when one extends the other, or "".
func (m *Model) Common(a, b string) string {
	sa, sb := m.Schemata[a], m.Schemata[b]
	switch {
	case sa == nil || sb == nil:
		return ""
	case sa.IsA(b):
		return a
	case sb.IsA(a):
		return b
	}
	return ""
}

var (
	dateRe    = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$`)
	countryRe = regexp.MustCompile(`^[a-z]{2}(-[a-z0-9]{1,8})*$|^[a-z]{4}$`)
	idRe      = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,254}$`)
)

// checkValue validates one value against its property type; it returns a message or "".
func checkValue(p *Property, v string) string {
	switch p.Type {
	case TypeDate:
		if !dateRe.MatchString(v) {
			return fmt.Sprintf("%q is not an ISO 8601 date (or prefix)", v)
		}
	case TypeCountry:
		if !countryRe.MatchString(v) {
			return fmt.Sprintf("%q is not a lower-case country code", v)
		}
	case TypeEntity:
		if !idRe.MatchString(v) {
			return fmt.Sprintf("%q is not an entity id", v)
		}
	case TypeURL:
		if strings.ContainsAny(v, " \t\n") || !strings.Contains(v, ":") {
			return fmt.Sprintf("%q is not a URL", v)
		}
	}
	return ""
}

// IsRef reports whether prop of schema holds the ids of other entities.
func (m *Model) IsRef(schema, prop string) bool {
	if s := m.Schemata[schema]; s != nil {
		if p := s.Properties[prop]; p != nil {
			return p.Type == "entity"
		}
	}
	return false
}
