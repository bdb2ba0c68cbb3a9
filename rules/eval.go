package rules

import (
	"slices"
	"sort"
	"strings"

	"github.com/oversight-project/oversight"
)

// Options control one evaluation.
type Options struct {
	// Profile is the evaluation profile (compliance, authority, redlines); "" means compliance.
	Profile string
}

// Disclaimer is attached to every decision.
const Disclaimer = "Not legal advice. Soft-law, benchmark and policy rules are labelled as such; " +
	"rules marked from_knowledge_verify must be checked against the official text before they are relied on."

// Eval evaluates the program against a transfer and returns the decision. The transfer's
// `date` decides which rules are in force; it is required. Eval does not modify t and may be
// called concurrently.
func (p *Program) Eval(t *oversight.Transfer, opt Options) (*oversight.Decision, error) {
	profName := opt.Profile
	if profName == "" {
		profName = DefaultProfile
	}
	prof, ok := p.Profiles[profName]
	if !ok {
		return nil, oversight.Errorf(oversight.EINVALID, "unknown profile %q; allowed: %s", profName, strings.Join(p.ProfileNames(), ", "))
	}
	kind := t.Kind()
	if kind != oversight.KindTechnology && kind != oversight.KindBiometricData {
		return nil, oversight.Errorf(oversight.EINVALID, "kind: want technology or biometric_data")
	}
	date, _ := t.Get("date").(string)
	if !dateRe.MatchString(date) {
		return nil, oversight.Errorf(oversight.EINVALID, "date: required, of the form YYYY-MM-DD")
	}
	s := &state{p: p, values: t.Values, computed: map[string]any{}, cache: map[string]lval{}, derived: map[string]result{}}
	id, _ := t.Get("id").(string)
	d := &oversight.Decision{
		Profile: profName, Kind: kind, Date: date, TransferID: id, Pack: p.Info,
		Fired: []*oversight.FiredRule{}, Pending: []*oversight.PendingRule{}, Future: []*oversight.FutureRule{},
		Obligations: []*oversight.Obligation{}, Parties: []*oversight.Party{}, Facts: []*oversight.Fact{},
		RedFlags:   oversight.RedFlags{Fired: []string{}, Unresolved: []string{}, Resolved: []*oversight.RedFlagRecord{}},
		Disclaimer: Disclaimer,
	}
	resolved := resolutions(t)
	for stage := 1; stage <= maxRuleStage; stage++ {
		if stage == 2 {
			// Red flags are known once stage 1 is done.
			for _, f := range d.Fired {
				if !f.RedFlag {
					continue
				}
				d.RedFlags.Fired = append(d.RedFlags.Fired, f.ID)
				if rec, ok := resolved[f.ID]; ok {
					f.Resolved = true
					d.RedFlags.Resolved = append(d.RedFlags.Resolved, rec)
				} else {
					d.RedFlags.Unresolved = append(d.RedFlags.Unresolved, f.ID)
				}
			}
			s.computed["redflags.fired"] = d.RedFlags.Fired
			s.computed["redflags.unresolved"] = d.RedFlags.Unresolved
			s.computed["redflags.unresolved_count"] = int64(len(d.RedFlags.Unresolved))
			// Computed values change the meaning of cached derived conditions that read them.
			s.derived = map[string]result{}
		}
		for _, r := range p.Rules {
			if r.Stage != stage || !r.appliesTo(kind) || !r.inProfile(profName) {
				continue
			}
			p.evalRule(s, r, prof, date, d)
		}
	}
	p.combine(d)
	return d, nil
}

func (r *Rule) appliesTo(kind string) bool { return r.AppliesTo == "both" || r.AppliesTo == kind }

func (r *Rule) inProfile(profile string) bool {
	return len(r.ProfilesOnly) == 0 || slices.Contains(r.ProfilesOnly, profile)
}

// verdictUnder returns the rule's verdict under a profile: the redline verdict where the
// profile uses it, capped by the profile's cap for the rule's strength.
func (r *Rule) verdictUnder(prof *Profile) oversight.Verdict {
	v := r.Verdict
	if prof.UseRedlineVerdict && r.RedlineVerdict != "" {
		v = r.RedlineVerdict
	}
	if c, ok := prof.Caps[r.Strength]; ok {
		v = oversight.Milder(v, c)
	}
	return v
}

func (p *Program) evalRule(s *state, r *Rule, prof *Profile, date string, d *oversight.Decision) {
	scope := result{v: tTrue}
	if r.scope != nil {
		scope = r.scope.eval(s)
	}
	if scope.v == tFalse {
		return
	}
	when := r.when.eval(s)
	v := r.verdictUnder(prof)
	var out tri
	switch {
	case when.v == tFalse:
		return
	case scope.v == tTrue && when.v == tTrue:
		out = tTrue
	default:
		out = tUnknown
	}
	if r.EffectiveFrom > date {
		d.Future = append(d.Future, &oversight.FutureRule{RuleRef: r.Ref(), EffectiveFrom: r.EffectiveFrom, Verdict: v, Pending: out == tUnknown})
		return
	}
	if out == tUnknown {
		missing := union(append([]string(nil), scope.missing...), when.missing)
		if scope.v == tTrue {
			missing = when.missing
		} else if when.v == tTrue {
			missing = scope.missing
		}
		sort.Strings(missing)
		d.Pending = append(d.Pending, &oversight.PendingRule{
			RuleRef: r.Ref(), Verdict: oversight.Milder(v, oversight.Escalate), RuleVerdict: r.Verdict,
			Missing: missing, Reason: "insufficient_information",
		})
		return
	}
	f := &oversight.FiredRule{
		RuleRef: r.Ref(), Verdict: v, RuleVerdict: r.Verdict, RedFlag: r.RedFlag(),
		Because: because(when.because), Obligations: r.Obligations, Unknown: union(nil, when.missing),
	}
	if f.Obligations == nil {
		f.Obligations = []string{}
	}
	for _, path := range r.Evidence {
		lv := s.lookup(p.Fields[path])
		e := &oversight.Evidence{Path: path}
		switch {
		case lv.unknown:
			e.Value, e.Source = nil, "unknown"
		case !lv.present:
			e.Value, e.Source = nil, "not given"
		default:
			e.Value, e.Source = lv.value(), "document"
			if _, given := walk(s.values, p.Fields[path].segs); given == walkAbsent && !p.Fields[path].Flattened() && !p.Fields[path].Computed {
				e.Source = "default"
			}
			if p.Fields[path].Computed {
				e.Source = "engine"
			}
		}
		f.Evidence = append(f.Evidence, e)
	}
	if f.Evidence == nil {
		f.Evidence = []*oversight.Evidence{}
	}
	d.Fired = append(d.Fired, f)
}

// resolutions returns the red-flag resolutions recorded in due diligence that name both a
// reviewer and a justification; others do not count.
func resolutions(t *oversight.Transfer) map[string]*oversight.RedFlagRecord {
	out := map[string]*oversight.RedFlagRecord{}
	dd, _ := t.Get("due_diligence").(map[string]any)
	recs, _ := dd["resolved_redflags"].([]map[string]any)
	for _, r := range recs {
		id, _ := r["rule_id"].(string)
		rev, _ := r["reviewer"].(string)
		just, _ := r["justification"].(string)
		if id != "" && strings.TrimSpace(rev) != "" && strings.TrimSpace(just) != "" {
			out[id] = &oversight.RedFlagRecord{RuleID: id, Reviewer: rev, Justification: just}
		}
	}
	return out
}

// combine computes the final verdict, marks decisive rules, orders the report and gathers
// obligations.
func (p *Program) combine(d *oversight.Decision) {
	final := oversight.Clear
	for _, f := range d.Fired {
		if !f.Resolved {
			final = oversight.Worse(final, f.Verdict)
		}
	}
	for _, pr := range d.Pending {
		final = oversight.Worse(final, pr.Verdict)
	}
	d.Verdict = final
	for _, f := range d.Fired {
		f.Decisive = !f.Resolved && f.Verdict == final && final != oversight.Clear
	}
	order := map[string]int{}
	for i, r := range p.Rules {
		order[r.ID] = i
	}
	sort.SliceStable(d.Fired, func(i, j int) bool {
		a, b := d.Fired[i], d.Fired[j]
		if a.Resolved != b.Resolved {
			return !a.Resolved
		}
		if a.Verdict.Severity() != b.Verdict.Severity() {
			return a.Verdict.Severity() > b.Verdict.Severity()
		}
		return order[a.ID] < order[b.ID]
	})
	sort.SliceStable(d.Pending, func(i, j int) bool {
		return d.Pending[i].Verdict.Severity() > d.Pending[j].Verdict.Severity()
	})
	byCode := map[string]*oversight.Obligation{}
	for _, f := range d.Fired {
		if f.Resolved {
			continue
		}
		for _, code := range f.Obligations {
			o, ok := byCode[code]
			if !ok {
				o = &oversight.Obligation{Code: code, Meaning: p.Obligations[code]}
				byCode[code] = o
				d.Obligations = append(d.Obligations, o)
			}
			o.Rules = append(o.Rules, f.ID)
		}
	}
}

// because drops the transfer kind from a rule's reasons: it says which branch applies, not
// why the rule fired.
func because(reasons []string) []string {
	out := []string{}
	for _, r := range reasons {
		if !strings.HasPrefix(r, "kind = ") {
			out = union(out, []string{r})
		}
	}
	return out
}
