package rules_test

import (
	"testing"

	"github.com/oversight-project/oversight/bundle"
	"github.com/oversight-project/oversight/rules"
)

func TestParseBundled(t *testing.T) {
	p, err := rules.Parse("rules.yaml", bundle.Rules)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rules, %d fields", len(p.Rules), len(p.Fields))
}
