package rules_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/oversight-project/oversight/bundle"
	"github.com/oversight-project/oversight/rules"
)

// TestSharedScenarios runs the worked scenarios of the policy research (../shared) when they
// are present and prints the engine's reading in the same layout as expected.txt.
func TestSharedScenarios(t *testing.T) {
	src, err := os.ReadFile("../../shared/policy/scenarios/scenarios.yaml")
	if err != nil {
		t.Skip("shared scenarios not present")
	}
	p, err := rules.Parse("rules.yaml", bundle.Rules)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Content[0]
	var out strings.Builder
	for i := 0; i+1 < len(m.Content); i += 2 {
		name, body := m.Content[i].Value, m.Content[i+1]
		profile := "compliance"
		for j := 0; j+1 < len(body.Content); j += 2 {
			if body.Content[j].Value == "_profile" {
				profile = body.Content[j+1].Value
				body.Content = append(body.Content[:j], body.Content[j+2:]...)
				break
			}
		}
		b, _ := yaml.Marshal(body)
		tr, err := p.DecodeTransfer(name, bytes.NewReader(b))
		if err != nil {
			fmt.Fprintf(&out, "== %s: %v\n", name, err)
			continue
		}
		d, err := p.Eval(tr, rules.Options{Profile: profile})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "== %s [%s] => %s\n", name, profile, d.Verdict)
		for _, f := range d.Fired {
			fmt.Fprintf(&out, "   %-17s fired    %s\n", f.Verdict, f.ID)
		}
		for _, f := range d.Pending {
			fmt.Fprintf(&out, "   %-17s pending  %s missing=%v\n", f.Verdict, f.ID, f.Missing)
		}
		for _, f := range d.Future {
			fmt.Fprintf(&out, "   %-17s future   %s\n", f.Verdict, f.ID)
		}
		fmt.Fprintf(&out, "   unresolved redflags: %v\n", d.RedFlags.Unresolved)
	}
	os.WriteFile(os.Getenv("SCENARIO_OUT"), []byte(out.String()), 0o644)
}
