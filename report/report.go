// Package report writes decisions for people and programs: a human-readable text record and
// the JSON object documented in docs/transfers.md. Writers are pure encoders over io.Writer.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/oversight-project/oversight"
)

// WriteJSON writes the decision as indented JSON.
func WriteJSON(w io.Writer, d *oversight.Decision) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// WriteText writes the decision as a plain-text due-diligence record.
func WriteText(w io.Writer, d *oversight.Decision) error {
	p := &printer{w: w}
	p.f("VERDICT: %s\n", strings.ToUpper(string(d.Verdict)))
	id := ""
	if d.TransferID != "" {
		id = "transfer " + d.TransferID + ", "
	}
	p.f("  %s%s transfer dated %s; profile %s; rule pack %s %s\n", id, d.Kind, d.Date, d.Profile, d.Pack.Name, d.Pack.Version)
	if d.Verdict == oversight.Clear {
		p.f("  No rule fired and none is pending.\n")
	}
	if n := unresolved(d); n > 0 {
		p.f("  %d of %d parties NOT RESOLVED in the registry or watchlists (see Parties).\n", n, len(d.Parties))
		if d.Verdict == oversight.Clear {
			p.f("  No rule in this pack turns on what they are; check them before relying on this.\n")
		}
	}

	var decisive, other, resolved []*oversight.FiredRule
	for _, f := range d.Fired {
		switch {
		case f.Resolved:
			resolved = append(resolved, f)
		case f.Decisive:
			decisive = append(decisive, f)
		default:
			other = append(other, f)
		}
	}
	if len(decisive) > 0 {
		p.section("Decisive rules")
		for _, f := range decisive {
			p.rule(f)
		}
	}
	if len(d.Pending) > 0 {
		p.section("Pending rules (not decided for want of facts; each counts as escalate at most)")
		for _, r := range d.Pending {
			p.f("  ? %s [%s, counts as %s]\n", r.ID, r.RuleVerdict, r.Verdict)
			p.f("      %s\n", r.Title)
			p.f("      %s, %s: %s\n", r.Regime, r.Strength, r.Citation)
			p.f("      missing: %s\n", strings.Join(r.Missing, ", "))
		}
	}
	if len(other) > 0 {
		p.section("Other fired rules")
		for _, f := range other {
			p.rule(f)
		}
	}
	if len(d.RedFlags.Fired) > 0 {
		p.section("Red flags")
		p.f("  unresolved: %s\n", listOrNone(d.RedFlags.Unresolved))
		for _, r := range d.RedFlags.Resolved {
			p.f("  resolved: %s by %s: %s\n", r.RuleID, r.Reviewer, r.Justification)
		}
		for _, f := range resolved {
			p.f("  (%s is resolved and does not count)\n", f.ID)
		}
	}
	if len(d.Obligations) > 0 {
		p.section("Obligations")
		for _, o := range d.Obligations {
			p.f("  - %s: %s\n      required by %s\n", o.Code, o.Meaning, strings.Join(o.Rules, ", "))
		}
	}
	if len(d.Parties) > 0 {
		p.section("Parties")
		for _, pt := range d.Parties {
			country := ""
			if pt.Country != "" {
				country = " (" + pt.Country + ")"
			}
			p.f("  %s %q%s: %s\n", pt.Role, pt.Name, country, partyStatus(pt))
			for _, m := range pt.Matches {
				p.match(m)
			}
			for _, m := range pt.Possible {
				p.f("      possible, needs review:\n")
				p.match(m)
			}
		}
	}
	if len(d.Facts) > 0 {
		p.section("Screening facts (a value given in the document wins)")
		for _, f := range d.Facts {
			switch f.Used {
			case "given":
				p.f("  %s = %s (given; screening found %s)\n", f.Path, show(f.Given), show(f.Derived))
			case "unknown":
				p.f("  %s unknown\n", f.Path)
			default:
				p.f("  %s = %s\n", f.Path, show(f.Derived))
			}
			if f.Note != "" {
				p.f("      %s\n", f.Note)
			}
			if len(f.Sources) > 0 {
				p.f("      sources: %s\n", strings.Join(f.Sources, " "))
			}
		}
	}
	if len(d.Future) > 0 {
		p.section("Rules that apply from a later date")
		for _, r := range d.Future {
			state := "would fire"
			if r.Pending {
				state = "could not be decided"
			}
			p.f("  %s from %s: %s (%s)\n", r.ID, r.EffectiveFrom, state, r.Verdict)
		}
	}
	p.f("\n%s\n", d.Disclaimer)
	return p.err
}

func unresolved(d *oversight.Decision) int {
	n := 0
	for _, p := range d.Parties {
		if !p.Resolved {
			n++
		}
	}
	return n
}

func partyStatus(p *oversight.Party) string {
	switch p.Status {
	case "resolved":
		return "resolved"
	case "possible":
		return "NOT RESOLVED: only possible matches below the threshold; review them"
	}
	return "NOT RESOLVED: no registry or watchlist entity matched"
}

func listOrNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) section(title string) { p.f("\n%s\n", title) }

func (p *printer) rule(f *oversight.FiredRule) {
	verdict := string(f.Verdict)
	if f.Verdict != f.RuleVerdict {
		verdict = fmt.Sprintf("%s, capped from %s by the profile", f.Verdict, f.RuleVerdict)
	}
	p.f("  * %s [%s]\n", f.ID, verdict)
	p.f("      %s\n", f.Title)
	p.f("      %s, %s, %s: %s\n", f.Regime, f.Strength, f.Verification, f.Citation)
	p.f("      %s\n", f.SourceURL)
	if len(f.Because) > 0 {
		p.f("      because: %s\n", strings.Join(f.Because, "; "))
	}
	for _, e := range f.Evidence {
		p.f("      evidence: %s = %s [%s]\n", e.Path, show(e.Value), e.Source)
		if e.Note != "" {
			p.f("          %s\n", e.Note)
		}
		if len(e.Sources) > 0 {
			p.f("          sources: %s\n", strings.Join(e.Sources, " "))
		}
	}
}

func (p *printer) match(m *oversight.Match) {
	p.f("      %.3f  %s  %s (%s), matched %q\n", m.Score, m.ID, m.Caption, m.Schema, m.Matched)
	if len(m.Datasets) > 0 {
		p.f("             datasets: %s\n", strings.Join(m.Datasets, ", "))
	}
	if len(m.Sources) > 0 {
		srcs := m.Sources
		if len(srcs) > 3 {
			srcs = append(srcs[:3:3], fmt.Sprintf("(+%d more)", len(m.Sources)-3))
		}
		p.f("             sources: %s\n", strings.Join(srcs, " "))
	}
}

func show(v any) string {
	switch v := v.(type) {
	case nil:
		return "(none)"
	case []string:
		s := append([]string(nil), v...)
		sort.Strings(s)
		return "[" + strings.Join(s, ", ") + "]"
	case []any:
		var parts []string
		for _, x := range v {
			parts = append(parts, show(x))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case string:
		return v
	}
	return fmt.Sprint(v)
}
