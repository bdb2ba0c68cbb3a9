package rules_test

import (
	"testing"

	"github.com/oversight-project/oversight/bundle"
	"github.com/oversight-project/oversight/rules"
)

// BenchmarkParse measures loading and checking the bundled pack (done once per process).
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rules.Parse("rules.yaml", bundle.Rules); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEval measures evaluating the pack on each worked scenario.
func BenchmarkEval(b *testing.B) {
	p := mustProgram(b)
	names, profiles, transfers := loadScenarios(b, p)
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			if _, err := p.Eval(transfers[n], rules.Options{Profile: profiles[n]}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
