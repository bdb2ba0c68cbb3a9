package rules_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/bundle"
	"github.com/oversight-project/oversight/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

func mustProgram(tb testing.TB, replace ...string) *rules.Program {
	tb.Helper()
	src := string(bundle.Rules)
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(src, replace[i]) {
			tb.Fatalf("pack has no %q to replace", replace[i])
		}
		src = strings.Replace(src, replace[i], replace[i+1], 1)
	}
	p, err := rules.Parse("rules.yaml", []byte(src))
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// decodeValue turns a YAML value (from yaml.Unmarshal) into a validated transfer.
func decodeValue(tb testing.TB, p *rules.Program, v any) *oversight.Transfer {
	tb.Helper()
	b, err := yaml.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	t, err := p.DecodeTransfer("case", bytes.NewReader(b))
	if err != nil {
		tb.Fatalf("decode: %v\n%s", err, b)
	}
	return t
}

// merge returns base with patch applied: objects merge, everything else replaces.
func merge(base, patch any) any {
	bm, ok1 := base.(map[string]any)
	pm, ok2 := patch.(map[string]any)
	if !ok1 || !ok2 {
		return patch
	}
	out := map[string]any{}
	for k, v := range bm {
		out[k] = v
	}
	for k, v := range pm {
		out[k] = merge(bm[k], v)
	}
	return out
}

type ruleCase struct {
	Rule        string         `yaml:"rule"`
	Base        string         `yaml:"base"`
	Profile     string         `yaml:"profile"`
	PackReplace []string       `yaml:"pack_replace"`
	Fires       map[string]any `yaml:"fires"`
	Not         map[string]any `yaml:"not"`
}

func fired(d *oversight.Decision, id string) bool {
	return slices.ContainsFunc(d.Fired, func(f *oversight.FiredRule) bool { return f.ID == id })
}

func pending(d *oversight.Decision, id string) bool {
	return slices.ContainsFunc(d.Pending, func(f *oversight.PendingRule) bool { return f.ID == id })
}

// TestRules_EachRule checks that every rule of the bundled pack fires in one case and does
// not fire (nor stay pending) in a nearby one.
func TestRules_EachRule(t *testing.T) {
	src, err := os.ReadFile("testdata/rule_cases.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Bases map[string]map[string]any `yaml:"bases"`
		Cases []ruleCase                `yaml:"cases"`
	}
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	base := mustProgram(t)
	covered := map[string]bool{}
	for _, c := range doc.Cases {
		covered[c.Rule] = true
		t.Run(c.Rule, func(t *testing.T) {
			p := base
			if len(c.PackReplace) > 0 {
				p = mustProgram(t, c.PackReplace...)
			}
			if p.Rule(c.Rule) == nil {
				t.Fatalf("no rule %s in the pack", c.Rule)
			}
			b, ok := doc.Bases[c.Base]
			if !ok {
				t.Fatalf("unknown base %q", c.Base)
			}
			for _, variant := range []struct {
				name  string
				patch map[string]any
				want  bool
			}{{"Fires", c.Fires, true}, {"Not", c.Not, false}} {
				tr := decodeValue(t, p, merge(b, variant.patch))
				d, err := p.Eval(tr, rules.Options{Profile: c.Profile})
				if err != nil {
					t.Fatal(err)
				}
				if got := fired(d, c.Rule); got != variant.want {
					t.Errorf("%s: fired=%v, want %v (fired: %v, pending: %v)", variant.name, got, variant.want, ids(d), pendingIDs(d))
				}
				if pending(d, c.Rule) {
					t.Errorf("%s: %s is pending; a case must decide it", variant.name, c.Rule)
				}
			}
		})
	}
	for _, r := range base.Rules {
		if !covered[r.ID] {
			t.Errorf("rule %s has no case in testdata/rule_cases.yaml", r.ID)
		}
	}
}

func ids(d *oversight.Decision) []string {
	var out []string
	for _, f := range d.Fired {
		out = append(out, f.ID)
	}
	return out
}

func pendingIDs(d *oversight.Decision) []string {
	var out []string
	for _, f := range d.Pending {
		out = append(out, f.ID)
	}
	return out
}

// loadScenarios reads testdata/scenarios.yaml: name → (profile, transfer).
func loadScenarios(tb testing.TB, p *rules.Program) (names []string, profiles map[string]string, transfers map[string]*oversight.Transfer) {
	tb.Helper()
	src, err := os.ReadFile("testdata/scenarios.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		tb.Fatal(err)
	}
	profiles, transfers = map[string]string{}, map[string]*oversight.Transfer{}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		name, body := m.Content[i].Value, m.Content[i+1]
		profiles[name] = rules.DefaultProfile
		for j := 0; j+1 < len(body.Content); j += 2 {
			if body.Content[j].Value == "_profile" {
				profiles[name] = body.Content[j+1].Value
				body.Content = append(body.Content[:j], body.Content[j+2:]...)
				break
			}
		}
		b, _ := yaml.Marshal(body)
		tr, err := p.DecodeTransfer(name, bytes.NewReader(b))
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		names = append(names, name)
		transfers[name] = tr
	}
	return names, profiles, transfers
}

// summary renders a decision in the layout of shared/policy/scenarios/expected.txt.
func summary(name, profile string, d *oversight.Decision) string {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s [%s] => %s\n", name, profile, d.Verdict)
	for _, f := range d.Fired {
		fmt.Fprintf(&b, "   %-17s fired    %s\n", f.Verdict, f.ID)
	}
	for _, f := range d.Pending {
		fmt.Fprintf(&b, "   %-17s pending  %s missing=%v\n", f.Verdict, f.ID, f.Missing)
	}
	for _, f := range d.Future {
		fmt.Fprintf(&b, "   %-17s future   %s\n", f.Verdict, f.ID)
	}
	fmt.Fprintf(&b, "   unresolved redflags: %v\n", d.RedFlags.Unresolved)
	return b.String()
}

// TestRules_Scenarios runs the worked scenarios of the policy research against a golden file
// and, where ../shared is present, against the research's own expected.txt (the same
// verdict and the same set of fired, pending and future rules).
func TestRules_Scenarios(t *testing.T) {
	p := mustProgram(t)
	names, profiles, transfers := loadScenarios(t, p)
	var got strings.Builder
	decisions := map[string]*oversight.Decision{}
	for _, name := range names {
		d, err := p.Eval(transfers[name], rules.Options{Profile: profiles[name]})
		if err != nil {
			t.Fatal(err)
		}
		decisions[name] = d
		got.WriteString(summary(name, profiles[name], d))
	}
	golden := "testdata/scenarios.golden"
	if *update {
		os.WriteFile(golden, []byte(got.String()), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("scenarios differ from %s (run with -update after checking):\n%s", golden, got.String())
	}

	expected, err := os.ReadFile("../../shared/policy/scenarios/expected.txt")
	if err != nil {
		t.Log("shared expected.txt not present; compared with the golden file only")
		return
	}
	for _, block := range strings.Split(string(expected), "== ")[1:] {
		lines := strings.Split(strings.TrimSpace(block), "\n")
		head := strings.Fields(lines[0]) // name [profile] => verdict
		name, verdict := head[0], head[len(head)-1]
		d := decisions[name]
		if d == nil {
			t.Errorf("%s: in expected.txt but not in testdata/scenarios.yaml", name)
			continue
		}
		if string(d.Verdict) != verdict {
			t.Errorf("%s: verdict=%s, want %s", name, d.Verdict, verdict)
		}
		var wantRules, gotRules []string
		for _, l := range lines[1:] {
			if f := strings.Fields(l); len(f) >= 3 && (f[1] == "fired" || f[1] == "pending" || f[1] == "future") {
				wantRules = append(wantRules, f[1]+" "+f[0]+" "+f[2])
			}
		}
		for _, f := range d.Fired {
			gotRules = append(gotRules, "fired "+string(f.Verdict)+" "+f.ID)
		}
		for _, f := range d.Pending {
			gotRules = append(gotRules, "pending "+string(f.Verdict)+" "+f.ID)
		}
		for _, f := range d.Future {
			gotRules = append(gotRules, "future "+string(f.Verdict)+" "+f.ID)
		}
		slices.Sort(wantRules)
		slices.Sort(gotRules)
		if !slices.Equal(wantRules, gotRules) {
			t.Errorf("%s: rules=%v, want %v", name, gotRules, wantRules)
		}
	}
}
