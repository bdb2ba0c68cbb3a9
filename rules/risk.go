package rules

import (
	"bytes"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/oversight-project/oversight"
)

// RiskTable is the country and region risk table: a level 0-4 and destination flags for each
// country and for some sub-national regions, each value with the URL of its evidence.
type RiskTable struct {
	Version   string
	Countries map[string]*CountryRisk
	Regions   []*RegionRisk
}

// CountryRisk is one country's row.
type CountryRisk struct {
	Code   string
	Name   string            `yaml:"name"`
	Level  int               `yaml:"level"`
	Source string            `yaml:"source"`
	Verify bool              `yaml:"verify"`
	Flags  map[string]string `yaml:"flags"` // flag -> evidence URL
}

// RegionRisk is one sub-national region's row.
type RegionRisk struct {
	Country string            `yaml:"country"`
	Region  string            `yaml:"region"`
	Aliases []string          `yaml:"aliases"`
	Level   int               `yaml:"level"`
	Source  string            `yaml:"source"`
	Verify  bool              `yaml:"verify"`
	Flags   map[string]string `yaml:"flags"`
}

// ParseRiskTable reads a risk table and checks it against the program's destination_flags
// set: levels 0-4, known flags, a source URL for every value.
func (p *Program) ParseRiskTable(name string, src []byte) (*RiskTable, error) {
	var raw struct {
		Version   string                  `yaml:"version"`
		Countries map[string]*CountryRisk `yaml:"countries"`
		Regions   []*RegionRisk           `yaml:"regions"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		return nil, oversight.Errorf(oversight.EINVALID, "%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	flags := p.Sets["destination_flags"]
	var errs []string
	check := func(where string, level int, source string, fl map[string]string) {
		if level < 0 || level > 4 {
			errs = append(errs, where+": level must be 0-4")
		}
		if !strings.HasPrefix(source, "http") {
			errs = append(errs, where+": source URL required")
		}
		for f, u := range fl {
			if !slices.Contains(flags, f) {
				errs = append(errs, where+": unknown flag "+f)
			}
			if !strings.HasPrefix(u, "http") {
				errs = append(errs, where+": flag "+f+": source URL required")
			}
		}
	}
	for code, c := range raw.Countries {
		if !countryRe.MatchString(code) {
			errs = append(errs, "countries."+code+": not an ISO 3166-1 alpha-2 code")
		}
		c.Code = code
		check("countries."+code, c.Level, c.Source, c.Flags)
	}
	for _, r := range raw.Regions {
		check("regions["+r.Region+"]", r.Level, r.Source, r.Flags)
	}
	if len(errs) > 0 {
		return nil, oversight.Errorf(oversight.EINVALID, "%s: %s", name, strings.Join(errs, "; "))
	}
	return &RiskTable{Version: raw.Version, Countries: raw.Countries, Regions: raw.Regions}, nil
}

// Region finds a region of a country by name or alias, case-insensitively.
func (t *RiskTable) Region(country, name string) *RegionRisk {
	for _, r := range t.Regions {
		if r.Country != country {
			continue
		}
		if strings.EqualFold(r.Region, name) || slices.ContainsFunc(r.Aliases, func(a string) bool { return strings.EqualFold(a, name) }) {
			return r
		}
	}
	return nil
}
