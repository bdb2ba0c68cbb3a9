// Package screen screens a transfer: it resolves every named party against the registry and
// watchlists with match, derives the facts the rule pack marks `screen: true` (end-user
// categories, listings, abuse records, destination risk) with their sources, and evaluates the
// rule pack with rules. A value given in the document wins over a derived one; the decision
// shows both. A party that cannot be resolved is reported as such, and facts that hinge on an
// unresolved near-miss are left unknown, so a failed lookup never yields clear.
package screen

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/rules"
)

// Screener screens transfers. Set the fields, then call Screen; a Screener may be used
// concurrently.
type Screener struct {
	Program  *rules.Program
	Registry *Registry
	Risk     *rules.RiskTable
	// Statements, if set, gives each derived fact the source URLs of the statements behind it.
	Statements func(ctx context.Context, entityID string) ([]*oversight.Statement, error)
	// Now gives the screening date used when a transfer has none.
	Now func() time.Time
}

// partySpec says where a party's name stands and which facts screening derives for it.
type partySpec struct {
	role  string
	path  string // object path in the document: end_user, intermediaries[0], …
	facts []string
}

// screening is the state of one Screen call.
type screening struct {
	s     *Screener
	ctx   context.Context
	t     *oversight.Transfer
	date  string
	facts []*oversight.Fact
}

// Screen resolves the parties of t, derives the screening facts and evaluates the rules.
// It does not modify t.
func (s *Screener) Screen(ctx context.Context, t *oversight.Transfer, opt rules.Options) (*oversight.Decision, error) {
	sc := &screening{s: s, ctx: ctx, t: t.Clone()}
	sc.date, _ = sc.t.Get("date").(string)
	if sc.date == "" {
		now := time.Now
		if s.Now != nil {
			now = s.Now
		}
		sc.date = now().UTC().Format("2006-01-02")
		sc.t.Set("date", sc.date)
		sc.facts = append(sc.facts, &oversight.Fact{Path: "date", Derived: sc.date, Used: "derived", Sources: []string{},
			Note: "no date given: the screening date is used"})
	}
	var parties []*oversight.Party
	for _, spec := range sc.partySpecs() {
		p, err := sc.party(spec)
		if err != nil {
			return nil, err
		}
		if p != nil {
			parties = append(parties, p)
		}
	}
	if s.Risk != nil && sc.t.Kind() == oversight.KindTechnology {
		sc.destination()
	}
	d, err := s.Program.Eval(sc.t, opt)
	if err != nil {
		return nil, err
	}
	d.Parties = parties
	if d.Parties == nil {
		d.Parties = []*oversight.Party{}
	}
	d.Facts = sc.facts
	sc.annotate(d)
	return d, nil
}

func (sc *screening) partySpecs() []partySpec {
	endUserFacts := []string{"categories", "government_linked", "listings", "abuse_record"}
	switch sc.t.Kind() {
	case oversight.KindTechnology:
		specs := []partySpec{{oversight.RoleExporter, "exporter", nil}, {oversight.RoleEndUser, "end_user", endUserFacts}}
		inter, _ := sc.t.Get("intermediaries").([]map[string]any)
		for i := range inter {
			specs = append(specs, partySpec{oversight.RoleIntermediary, fmt.Sprintf("intermediaries[%d]", i), []string{"listings"}})
		}
		return specs
	case oversight.KindBiometricData:
		return []partySpec{{oversight.RoleController, "controller", nil}, {oversight.RoleRecipient, "recipient", []string{"listings"}}}
	}
	return nil
}

// object returns the document object at a party path, or nil.
func (sc *screening) object(path string) map[string]any {
	if name, idx, ok := strings.Cut(path, "["); ok {
		var i int
		fmt.Sscanf(idx, "%d]", &i)
		list, _ := sc.t.Get(name).([]map[string]any)
		if i < len(list) {
			return list[i]
		}
		return nil
	}
	m, _ := sc.t.Get(path).(map[string]any)
	return m
}

func (sc *screening) party(spec partySpec) (*oversight.Party, error) {
	obj := sc.object(spec.path)
	name, _ := obj["name"].(string)
	if strings.TrimSpace(name) == "" {
		return nil, nil
	}
	country, _ := obj["country"].(string)
	var ids []string
	switch l := obj["identifiers"].(type) {
	case []string:
		ids = l
	case []any:
		for _, v := range l {
			switch v := v.(type) {
			case string:
				ids = append(ids, v)
			case int, int64, uint64: // an unquoted number in YAML
				ids = append(ids, fmt.Sprint(v))
			}
		}
	}
	reg := sc.s.Registry
	cfg := reg.Index.Config()
	p := &oversight.Party{Role: spec.role, Path: spec.path, Name: name, Country: country, Matches: []*oversight.Match{}}
	for _, m := range reg.Index.Match(oversight.NameQuery{Name: name, Country: country, Identifiers: ids}, cfg.ReviewThreshold) {
		if m.Score >= cfg.Threshold {
			p.Matches = append(p.Matches, m)
		} else {
			p.Possible = append(p.Possible, m)
		}
	}
	switch {
	case len(p.Matches) > 0:
		p.Resolved, p.Status = true, "resolved"
	case len(p.Possible) > 0:
		p.Status = "possible"
	default:
		p.Status = "unresolved"
	}
	for _, f := range spec.facts {
		if err := sc.derive(spec.path, f, p); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// derive sets one fact of a party (categories, government_linked, listings, abuse_record).
func (sc *screening) derive(objPath, fact string, p *oversight.Party) error {
	path := objPath + "." + fact
	reg := sc.s.Registry
	if !p.Resolved {
		// Candidates below the match threshold: if any of them would change this fact, the
		// fact is unknown until a person reviews the match; otherwise nothing was found.
		var risky []string
		for _, m := range p.Possible {
			if e := reg.Entities[m.ID]; e != nil && sc.wouldMatter(e, fact) {
				risky = append(risky, fmt.Sprintf("%s (%s, score %.2f)", m.ID, m.Caption, m.Score))
			}
		}
		switch {
		case len(risky) > 0:
			sc.set(path, oversight.Unknown{Reason: "possible match needs review"}, nil,
				"possible match needs review: "+strings.Join(risky, "; "))
		case fact == "categories":
			sc.set(path, oversight.Unknown{Reason: "party not resolved"}, nil,
				"no registry entity matched, so the end-user's categories are not known; give them in the document")
		case fact == "government_linked":
			sc.set(path, false, nil, "no registry entity matched")
		default:
			sc.set(path, []string{}, nil, "no registry or watchlist entity matched at the threshold")
		}
		return nil
	}
	best := reg.Entities[p.Matches[0].ID]
	switch fact {
	case "categories":
		cats, why := reg.categories(best)
		if cats == nil {
			sc.set(path, oversight.Unknown{Reason: "no category recorded"}, nil,
				fmt.Sprintf("matched %s, which has no end-user category in the registry", best.ID))
			return nil
		}
		srcs, err := sc.sources(best.ID, "endUserCategory")
		if err != nil {
			return err
		}
		sc.set(path, cats, srcs, "matched "+best.ID+": "+why)
	case "government_linked":
		linked, why, srcs := sc.governmentLinked(best)
		sc.set(path, linked, srcs, why)
	case "listings":
		var vals, notes, srcs []string
		for _, m := range p.Matches {
			for _, l := range reg.listings(m.ID, sc.date) {
				vals = addUnique(vals, l.Listing)
				note := fmt.Sprintf("%s: %s", l.Listing, l.Sanction.ID)
				if l.Via != "" {
					note += fmt.Sprintf(" on %s, via %s", l.ViaID, l.Via)
				}
				notes = addUnique(notes, note)
				srcs = addUnique(srcs, l.Sanction.Get("sourceUrl")...)
			}
		}
		if vals == nil {
			vals = []string{}
			notes = []string{"no listing in force for " + matchedIDs(p)}
		}
		sort.Strings(vals)
		sc.set(path, vals, srcs, strings.Join(notes, "; "))
	case "abuse_record":
		var vals, notes, srcs []string
		for _, m := range p.Matches {
			ids := []control{{ID: m.ID}}
			ids = append(ids, reg.ancestors(m.ID)...)
			for _, c := range ids {
				e := reg.Entities[c.ID]
				if len(e.Get("abuseRecord")) == 0 {
					continue
				}
				vals = addUnique(vals, e.Get("abuseRecord")...)
				note := "abuseRecord of " + c.ID
				if c.Via != "" {
					note += " (via " + c.Via + ")"
				}
				notes = addUnique(notes, note)
				s, err := sc.sources(c.ID, "abuseRecord")
				if err != nil {
					return err
				}
				srcs = addUnique(srcs, s...)
			}
		}
		if vals == nil {
			vals = []string{}
			notes = []string{"no abuse record in the registry for " + matchedIDs(p)}
		}
		sc.set(path, vals, srcs, strings.Join(notes, "; "))
	}
	return nil
}

func matchedIDs(p *oversight.Party) string {
	var ids []string
	for _, m := range p.Matches {
		ids = append(ids, m.ID)
	}
	return strings.Join(ids, ", ")
}

// wouldMatter reports whether a candidate entity would give a fact a value that could make
// a rule fire.
func (sc *screening) wouldMatter(e *oversight.Entity, fact string) bool {
	reg := sc.s.Registry
	switch fact {
	case "categories":
		return true
	case "government_linked":
		linked, _, _ := sc.governmentLinked(e)
		return linked
	case "listings":
		return len(reg.listings(e.ID, sc.date)) > 0
	case "abuse_record":
		if len(e.Get("abuseRecord")) > 0 {
			return true
		}
		for _, c := range reg.ancestors(e.ID) {
			if len(reg.Entities[c.ID].Get("abuseRecord")) > 0 {
				return true
			}
		}
	}
	return false
}

// governmentLinked: a public body, a government category, or run or owned by such a body.
func (sc *screening) governmentLinked(e *oversight.Entity) (bool, string, []string) {
	reg := sc.s.Registry
	gov := sc.s.Program.Sets["government_categories"]
	check := func(x *oversight.Entity) (bool, string) {
		if x.Schema == "PublicBody" {
			return true, x.ID + " is a public body"
		}
		cats, _ := reg.categories(x)
		for _, c := range cats {
			if slices.Contains(gov, c) {
				return true, x.ID + " has government category " + c
			}
		}
		return false, ""
	}
	if ok, why := check(e); ok {
		return true, why, e.Get("sourceUrl")
	}
	for _, c := range reg.ancestors(e.ID) {
		x := reg.Entities[c.ID]
		if ok, why := check(x); ok {
			return true, fmt.Sprintf("%s, which controls %s (via %s)", why, e.ID, c.Via), x.Get("sourceUrl")
		}
	}
	return false, "no government link recorded for " + e.ID, []string{}
}

// sources returns the source URLs of the statements of prop on an entity, or the entity's
// sourceUrl when statement provenance is not available.
func (sc *screening) sources(entityID, prop string) ([]string, error) {
	if sc.s.Statements != nil {
		sts, err := sc.s.Statements(sc.ctx, entityID)
		if err != nil {
			return nil, err
		}
		var out []string
		for _, st := range sts {
			if st.Prop == prop {
				out = addUnique(out, st.Sources...)
			}
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	return sc.s.Registry.Entities[entityID].Get("sourceUrl"), nil
}

// set records a derived fact. A value given in the document wins; the fact shows both.
func (sc *screening) set(path string, derived any, sources []string, note string) {
	if sources == nil {
		sources = []string{}
	}
	f := &oversight.Fact{Path: path, Derived: derived, Sources: sources, Note: note}
	if _, ok := derived.(oversight.Unknown); ok {
		f.Derived, f.Used = nil, "unknown"
	}
	objPath, key := path[:strings.LastIndex(path, ".")], path[strings.LastIndex(path, ".")+1:]
	obj := sc.object(objPath)
	if obj == nil {
		obj = map[string]any{}
		sc.t.Set(objPath, obj)
	}
	if given, ok := obj[key]; ok && given != nil {
		f.Given, f.Used = given, "given"
	} else {
		obj[key] = derived
		if f.Used == "" {
			f.Used = "derived"
		}
	}
	sc.facts = append(sc.facts, f)
}

// destination derives the destination's risk levels and flags from the risk table.
func (sc *screening) destination() {
	country, _ := sc.t.Get("destination.country").(string)
	if country == "" {
		return
	}
	risk := sc.s.Risk
	row := risk.Countries[country]
	if row == nil {
		why := fmt.Sprintf("%s is not in the country-risk table (version %s)", country, risk.Version)
		sc.set("destination.risk_level", oversight.Unknown{Reason: why}, nil, why)
		sc.set("destination.region_risk_level", oversight.Unknown{Reason: why}, nil, why)
		sc.set("destination.effective_risk", oversight.Unknown{Reason: why}, nil, why)
		sc.set("destination.flags", oversight.Unknown{Reason: why}, nil, why)
		return
	}
	tableNote := fmt.Sprintf("country-risk table %s, row %s", risk.Version, country)
	if row.Verify {
		tableNote += " (marked verify)"
	}
	sc.set("destination.risk_level", int64(row.Level), []string{row.Source}, tableNote)
	flags, flagSrcs := sortedFlags(row.Flags)
	regionLevel, regionNote, regionSrcs := int64(row.Level), "no region given: the country level is used", []string{row.Source}
	if name, _ := sc.t.Get("destination.region").(string); name != "" {
		if r := risk.Region(country, name); r != nil {
			regionLevel, regionNote, regionSrcs = int64(r.Level), fmt.Sprintf("country-risk table %s, region %s/%s", risk.Version, country, r.Region), []string{r.Source}
			rf, rs := sortedFlags(r.Flags)
			flags, flagSrcs = addUnique(flags, rf...), addUnique(flagSrcs, rs...)
			sort.Strings(flags)
		} else {
			regionNote = fmt.Sprintf("region %q is not in the country-risk table: the country level is used", name)
		}
	}
	sc.set("destination.region_risk_level", regionLevel, regionSrcs, regionNote)
	sc.set("destination.flags", flags, flagSrcs, tableNote)
	// The effective risk is the higher of the two levels actually used (given or derived).
	a, aok := sc.t.Get("destination.risk_level").(int64)
	b, bok := sc.t.Get("destination.region_risk_level").(int64)
	if aok && bok {
		sc.set("destination.effective_risk", max(a, b), addUnique(slices.Clone(regionSrcs), row.Source), "higher of risk_level and region_risk_level")
	}
}

func sortedFlags(m map[string]string) ([]string, []string) {
	flags := []string{}
	var srcs []string
	for f := range m {
		flags = append(flags, f)
	}
	sort.Strings(flags)
	for _, f := range flags {
		srcs = addUnique(srcs, m[f])
	}
	return flags, srcs
}

// annotate gives each evidence value that screening derived its note and sources.
func (sc *screening) annotate(d *oversight.Decision) {
	byTemplate := map[string][]*oversight.Fact{}
	for _, f := range sc.facts {
		tmpl := f.Path
		if i := strings.Index(tmpl, "["); i >= 0 {
			j := strings.Index(tmpl, "]")
			tmpl = tmpl[:i] + "[]" + tmpl[j+1:]
		}
		byTemplate[tmpl] = append(byTemplate[tmpl], f)
	}
	for _, fr := range d.Fired {
		for _, e := range fr.Evidence {
			for _, f := range byTemplate[e.Path] {
				if f.Used == "given" {
					continue
				}
				e.Source = "screening"
				e.Note = addNote(e.Note, f.Note)
				e.Sources = addUnique(e.Sources, f.Sources...)
			}
		}
	}
}

func addNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func addUnique(xs []string, ys ...string) []string {
	for _, y := range ys {
		if !slices.Contains(xs, y) {
			xs = append(xs, y)
		}
	}
	return xs
}
