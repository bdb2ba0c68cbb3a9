package rules

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/oversight-project/oversight"
)

// Field types a pack may declare.
const (
	TypeString    = "string"
	TypeBool      = "bool"
	TypeInt       = "int"
	TypeDate      = "date"
	TypeList      = "list"      // list of strings
	TypeCountry   = "country"   // ISO 3166-1 alpha-2, upper-cased on input
	TypeCountries = "countries" // list of country codes
)

var fieldTypes = []string{TypeString, TypeBool, TypeInt, TypeDate, TypeList, TypeCountry, TypeCountries}

// Field is a declared transfer field.
type Field struct {
	Path        string
	Type        string
	Default     any // typed like values of the field; nil if none
	DefaultFrom string
	Values      string // name of the set of allowed values, or ""
	Screen      bool   // normally filled by the screening step
	Computed    bool   // computed by the engine; not accepted in documents
	Line        int

	segs []string // path split at '.', list segments end in "[]"
}

// IsList reports whether the field holds a list of strings.
func (f *Field) IsList() bool { return f.Type == TypeList || f.Type == TypeCountries }

// Flattened reports whether the path goes through a list of objects.
func (f *Field) Flattened() bool { return strings.Contains(f.Path, "[]") }

// Rule is one compiled rule.
type Rule struct {
	ID             string
	Title          string
	Regime         string
	Instrument     string
	Citation       string
	SourceURL      string
	Strength       string
	AppliesTo      string
	Stage          int
	ProfilesOnly   []string
	EffectiveFrom  string
	Verdict        oversight.Verdict
	RedlineVerdict oversight.Verdict
	Obligations    []string
	Evidence       []string
	Tags           []string
	Rationale      string
	Example        string
	Verification   string
	Line           int

	scope cond // nil: always in scope
	when  cond
}

// RedFlag reports whether the rule counts toward redflags.*.
func (r *Rule) RedFlag() bool { return slices.Contains(r.Tags, "redflag") }

// Ref returns the rule's identifying fields for reports.
func (r *Rule) Ref() oversight.RuleRef {
	return oversight.RuleRef{ID: r.ID, Title: r.Title, Regime: r.Regime, Strength: r.Strength,
		Citation: r.Citation, SourceURL: r.SourceURL, Verification: r.Verification}
}

// Profile caps verdicts by strength.
type Profile struct {
	Name              string
	Description       string
	Caps              map[string]oversight.Verdict
	UseRedlineVerdict bool
}

// Program is a parsed, checked and compiled rule pack. It is immutable.
type Program struct {
	Info        oversight.PackInfo
	Notes       string
	Fields      map[string]*Field
	Sets        map[string][]string
	Profiles    map[string]*Profile
	Strengths   map[string]string
	Obligations map[string]string
	Rules       []*Rule

	derived map[string]cond
	tree    *node // the transfer document shape
}

// DefaultProfile is used when none is given.
const DefaultProfile = "compliance"

// Rule returns the rule with the given id, or nil.
func (p *Program) Rule(id string) *Rule {
	for _, r := range p.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// ProfileNames lists the pack's profiles, sorted.
func (p *Program) ProfileNames() []string {
	var out []string
	for k := range p.Profiles {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type rawPack struct {
	SchemaVersion int `yaml:"schema_version"`
	Ruleset       struct {
		Name    string `yaml:"name"`
		Version string `yaml:"version"`
		AsOf    string `yaml:"as_of"`
		Notes   string `yaml:"notes"`
	} `yaml:"ruleset"`
	Verdicts []struct {
		Name     string `yaml:"name"`
		Severity int    `yaml:"severity"`
		Meaning  string `yaml:"meaning"`
	} `yaml:"verdicts"`
	Strengths map[string]string `yaml:"strengths"`
	Profiles  map[string]struct {
		Description       string            `yaml:"description"`
		Caps              map[string]string `yaml:"caps"`
		UseRedlineVerdict bool              `yaml:"use_redline_verdict"`
	} `yaml:"profiles"`
	Obligations map[string]string   `yaml:"obligations"`
	Fields      yaml.Node           `yaml:"fields"`
	Sets        map[string][]string `yaml:"sets"`
	Derived     yaml.Node           `yaml:"derived"`
	Rules       []rawRule           `yaml:"rules"`
}

type rawRule struct {
	ID             string    `yaml:"id"`
	Title          string    `yaml:"title"`
	Regime         string    `yaml:"regime"`
	Instrument     string    `yaml:"instrument"`
	Citation       string    `yaml:"citation"`
	SourceURL      string    `yaml:"source_url"`
	Strength       string    `yaml:"strength"`
	AppliesTo      string    `yaml:"applies_to"`
	Stage          int       `yaml:"stage"`
	ProfilesOnly   []string  `yaml:"profiles_only"`
	EffectiveFrom  string    `yaml:"effective_from"`
	Scope          yaml.Node `yaml:"scope"`
	When           yaml.Node `yaml:"when"`
	Verdict        string    `yaml:"verdict"`
	RedlineVerdict string    `yaml:"redline_verdict"`
	Obligations    []string  `yaml:"obligations"`
	Evidence       []string  `yaml:"evidence"`
	Tags           []string  `yaml:"tags"`
	Rationale      string    `yaml:"rationale"`
	Example        string    `yaml:"example"`
	Verification   string    `yaml:"verification"`
}

// errList collects load errors; each names the file, line and what is wrong.
type errList struct {
	file string
	errs []string
}

func (e *errList) add(line int, format string, args ...any) {
	e.errs = append(e.errs, fmt.Sprintf("%s:%d: %s", e.file, line, fmt.Sprintf(format, args...)))
}

func (e *errList) err() error {
	if len(e.errs) == 0 {
		return nil
	}
	const most = 20
	msg := e.errs
	if len(msg) > most {
		msg = append(msg[:most:most], fmt.Sprintf("… and %d more errors", len(e.errs)-most))
	}
	return oversight.Errorf(oversight.EINVALID, "rule pack is not valid:\n  %s", strings.Join(msg, "\n  "))
}

var (
	dateRe    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	countryRe = regexp.MustCompile(`^[A-Z]{2}$`)
)

// Parse parses, checks and compiles a rule pack. name is used in error messages (a file name).
// Errors are EINVALID and list every problem found, each with file:line and the rule id and
// condition path concerned.
func Parse(name string, src []byte) (*Program, error) {
	var raw rawPack
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		return nil, oversight.Errorf(oversight.EINVALID, "%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	el := &errList{file: name}
	if raw.SchemaVersion != 1 {
		el.add(1, "schema_version %d is not supported (want 1)", raw.SchemaVersion)
	}
	p := &Program{
		Info:        oversight.PackInfo{Name: raw.Ruleset.Name, Version: raw.Ruleset.Version, AsOf: raw.Ruleset.AsOf},
		Notes:       strings.TrimSpace(raw.Ruleset.Notes),
		Fields:      map[string]*Field{},
		Sets:        raw.Sets,
		Profiles:    map[string]*Profile{},
		Strengths:   raw.Strengths,
		Obligations: raw.Obligations,
		derived:     map[string]cond{},
	}
	if p.Sets == nil {
		p.Sets = map[string][]string{}
	}
	// The verdict lattice is fixed by the engine; the pack must agree with it.
	for _, v := range raw.Verdicts {
		if vv := oversight.Verdict(v.Name); !vv.Valid() || vv.Severity() != v.Severity {
			el.add(1, "verdicts: %q with severity %d does not match the engine's lattice", v.Name, v.Severity)
		}
	}
	for name, rp := range raw.Profiles {
		pr := &Profile{Name: name, Description: rp.Description, Caps: map[string]oversight.Verdict{}, UseRedlineVerdict: rp.UseRedlineVerdict}
		for s, v := range rp.Caps {
			if _, ok := p.Strengths[s]; !ok {
				el.add(1, "profiles.%s.caps: unknown strength %q", name, s)
			}
			if !oversight.Verdict(v).Valid() {
				el.add(1, "profiles.%s.caps.%s: unknown verdict %q", name, s, v)
			}
			pr.Caps[s] = oversight.Verdict(v)
		}
		p.Profiles[name] = pr
	}
	if _, ok := p.Profiles[DefaultProfile]; !ok {
		el.add(1, "profiles: the default profile %q is missing", DefaultProfile)
	}
	p.parseFields(&raw.Fields, el)
	p.tree = buildTree(p.Fields)

	// Derived conditions may refer to each other; compile lazily with cycle detection.
	c := &compiler{p: p, el: el, rawDerived: map[string]*yaml.Node{}, state: map[string]int{}}
	if raw.Derived.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(raw.Derived.Content); i += 2 {
			c.rawDerived[raw.Derived.Content[i].Value] = raw.Derived.Content[i+1]
		}
		for i := 0; i+1 < len(raw.Derived.Content); i += 2 {
			c.derivedCond(raw.Derived.Content[i].Value, raw.Derived.Content[i].Line)
		}
	}
	seen := map[string]bool{}
	for i := range raw.Rules {
		if r := p.compileRule(&raw.Rules[i], c, el); r != nil {
			if seen[r.ID] {
				el.add(r.Line, "rule %s: duplicate id", r.ID)
			}
			seen[r.ID] = true
			p.Rules = append(p.Rules, r)
		}
	}
	if err := el.err(); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Program) parseFields(n *yaml.Node, el *errList) {
	if n.Kind != yaml.MappingNode {
		el.add(n.Line, "fields: want a mapping of path -> declaration")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f := &Field{Path: k.Value, Line: k.Line, segs: strings.Split(k.Value, ".")}
		var decl struct {
			Type        string    `yaml:"type"`
			Default     yaml.Node `yaml:"default"`
			DefaultFrom string    `yaml:"default_from"`
			Values      string    `yaml:"values"`
			Screen      bool      `yaml:"screen"`
			Computed    bool      `yaml:"computed"`
		}
		if err := v.Decode(&decl); err != nil {
			el.add(k.Line, "fields.%s: %v", k.Value, err)
			continue
		}
		f.Type, f.DefaultFrom, f.Values, f.Screen, f.Computed = decl.Type, decl.DefaultFrom, decl.Values, decl.Screen, decl.Computed
		if !slices.Contains(fieldTypes, f.Type) {
			el.add(k.Line, "fields.%s: unknown type %q; allowed: %s", k.Value, f.Type, strings.Join(fieldTypes, ", "))
		}
		if _, dup := p.Fields[f.Path]; dup {
			el.add(k.Line, "fields.%s: declared twice", f.Path)
		}
		if f.Values != "" {
			if _, ok := p.Sets[f.Values]; !ok {
				el.add(k.Line, "fields.%s: values: unknown set %q", f.Path, f.Values)
			}
		}
		if decl.Default.Kind != 0 {
			val, msg := p.scalarValue(f, &decl.Default)
			if msg != "" {
				el.add(decl.Default.Line, "fields.%s: default: %s", f.Path, msg)
			}
			f.Default = val
		}
		p.Fields[f.Path] = f
	}
	for _, f := range p.Fields {
		if f.DefaultFrom != "" {
			g, ok := p.Fields[f.DefaultFrom]
			if !ok {
				el.add(f.Line, "fields.%s: default_from: unknown field %q", f.Path, f.DefaultFrom)
			} else if g.Type != f.Type || g.Flattened() || f.Flattened() {
				el.add(f.Line, "fields.%s: default_from %s: types differ or path goes through a list", f.Path, g.Path)
			}
		}
	}
}

// scalarValue decodes a YAML node as a value of field f's type and checks it against the
// field's declared set. It returns a message on error.
func (p *Program) scalarValue(f *Field, n *yaml.Node) (any, string) {
	switch f.Type {
	case TypeList, TypeCountries:
		if n.Kind != yaml.SequenceNode {
			return nil, "want a list"
		}
		out := []string{}
		for _, x := range n.Content {
			s, msg := p.stringValue(f, x)
			if msg != "" {
				return nil, msg
			}
			out = append(out, s)
		}
		return out, ""
	case TypeBool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			return nil, fmt.Sprintf("want true or false, got %s", describeNode(n))
		}
		return n.Value == "true", ""
	case TypeInt:
		var i int64
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Decode(&i) != nil {
			return nil, fmt.Sprintf("want an integer, got %s", describeNode(n))
		}
		return i, ""
	default:
		return p.stringValue(f, n)
	}
}

func (p *Program) stringValue(f *Field, n *yaml.Node) (string, string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && !(f.Type == TypeDate && n.Tag == "!!timestamp")) {
		return "", fmt.Sprintf("want a string, got %s", describeNode(n))
	}
	s := n.Value
	switch f.Type {
	case TypeDate:
		if !dateRe.MatchString(s) {
			return "", fmt.Sprintf("%q is not a date of the form YYYY-MM-DD", s)
		}
	case TypeCountry, TypeCountries:
		s = strings.ToUpper(strings.TrimSpace(s))
		if !countryRe.MatchString(s) {
			return "", fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code", n.Value)
		}
	}
	if f.Values != "" && !slices.Contains(p.Sets[f.Values], s) {
		return "", fmt.Sprintf("unknown value %q; allowed: %s", s, strings.Join(p.Sets[f.Values], ", "))
	}
	return s, ""
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!str":
		return fmt.Sprintf("string %q", n.Value)
	case "!!int":
		return "integer " + n.Value
	case "!!float":
		return "number " + n.Value
	case "!!bool":
		return n.Value
	case "!!null":
		return "null"
	case "!!timestamp":
		return "timestamp " + n.Value
	}
	return fmt.Sprintf("%q", n.Value)
}

var (
	appliesTo     = []string{oversight.KindTechnology, oversight.KindBiometricData, "both"}
	verifications = []string{"sourced", "from_knowledge_verify"}
	idRe          = regexp.MustCompile(`^[A-Z0-9]+(-[A-Z0-9]+)*$`)
)

// Rules run in two stages: classification and red flags first, then decisions that may read
// redflags.*.
const (
	redFlagStage = 1
	maxRuleStage = 2
)

func (p *Program) compileRule(rr *rawRule, c *compiler, el *errList) *Rule {
	line := rr.Scope.Line
	if line == 0 {
		line = rr.When.Line
	}
	r := &Rule{
		ID: rr.ID, Title: rr.Title, Regime: rr.Regime, Instrument: rr.Instrument, Citation: rr.Citation,
		SourceURL: rr.SourceURL, Strength: rr.Strength, AppliesTo: rr.AppliesTo, Stage: rr.Stage,
		ProfilesOnly: rr.ProfilesOnly, EffectiveFrom: rr.EffectiveFrom, Verdict: oversight.Verdict(rr.Verdict),
		RedlineVerdict: oversight.Verdict(rr.RedlineVerdict), Obligations: rr.Obligations, Evidence: rr.Evidence,
		Tags: rr.Tags, Rationale: strings.TrimSpace(rr.Rationale), Example: rr.Example, Verification: rr.Verification,
		Line: line,
	}
	where := "rule " + r.ID
	if !idRe.MatchString(r.ID) {
		el.add(line, "rule %q: id must be upper-case words joined by '-'", r.ID)
	}
	if r.Title == "" || r.Citation == "" || r.SourceURL == "" {
		el.add(line, "%s: title, citation and source_url are required", where)
	}
	if _, ok := p.Strengths[r.Strength]; !ok {
		el.add(line, "%s: unknown strength %q", where, r.Strength)
	}
	if !slices.Contains(appliesTo, r.AppliesTo) {
		el.add(line, "%s: applies_to %q; allowed: %s", where, r.AppliesTo, strings.Join(appliesTo, ", "))
	}
	if r.Stage == 0 {
		r.Stage = maxRuleStage
	}
	if r.Stage < 1 || r.Stage > maxRuleStage {
		el.add(line, "%s: stage %d; allowed: 1, 2", where, r.Stage)
	}
	if r.RedFlag() && r.Stage != redFlagStage {
		el.add(line, "%s: red-flag rules must be stage 1", where)
	}
	for _, pr := range r.ProfilesOnly {
		if _, ok := p.Profiles[pr]; !ok {
			el.add(line, "%s: profiles_only: unknown profile %q", where, pr)
		}
	}
	if !dateRe.MatchString(r.EffectiveFrom) {
		el.add(line, "%s: effective_from %q is not a date of the form YYYY-MM-DD", where, r.EffectiveFrom)
	}
	if !r.Verdict.Valid() {
		el.add(line, "%s: unknown verdict %q", where, rr.Verdict)
	}
	if rr.RedlineVerdict != "" && !r.RedlineVerdict.Valid() {
		el.add(line, "%s: unknown redline_verdict %q", where, rr.RedlineVerdict)
	}
	if !slices.Contains(verifications, r.Verification) {
		el.add(line, "%s: verification %q; allowed: %s", where, r.Verification, strings.Join(verifications, ", "))
	}
	for _, o := range r.Obligations {
		if _, ok := p.Obligations[o]; !ok {
			el.add(line, "%s: unknown obligation %q", where, o)
		}
	}
	for _, e := range r.Evidence {
		if _, ok := p.Fields[e]; !ok {
			el.add(line, "%s: evidence: unknown field %q", where, e)
		}
	}
	if rr.Scope.Kind != 0 {
		r.scope = c.compile(&rr.Scope, where+": scope", r.Stage)
	}
	if rr.When.Kind == 0 {
		el.add(line, "%s: when is required", where)
	} else {
		r.when = c.compile(&rr.When, where+": when", r.Stage)
	}
	return r
}
