package screen_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/bundle"
	"github.com/oversight-project/oversight/ftm"
	"github.com/oversight-project/oversight/match"
	"github.com/oversight-project/oversight/rules"
	"github.com/oversight-project/oversight/screen"
	"github.com/oversight-project/oversight/sqlite"
)

// newService returns a Service over a temporary store holding the bundled registry, not
// yet loaded.
func newService(t *testing.T) *screen.Service {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "t.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	es := sqlite.NewEntityService(db)
	es.CommonSchema = ftm.Default.Common
	for _, data := range [][]byte{bundle.Seed, bundle.Enrichment} {
		if _, err := es.ImportEntities(context.Background(), "bundle", ftm.NewDecoder(bytes.NewReader(data), "bundle")); err != nil {
			t.Fatal(err)
		}
	}
	prog, err := rules.Parse("rules.yaml", bundle.Rules)
	if err != nil {
		t.Fatal(err)
	}
	risk, _ := prog.ParseRiskTable("country_risk.yaml", bundle.CountryRisk)
	return &screen.Service{Program: prog, Risk: risk, Entities: es, Config: match.DefaultConfig(),
		Parties: ftm.Default.Descendants("LegalEntity"), IsRef: ftm.Default.IsRef}
}

func TestService(t *testing.T) {
	ctx := context.Background()
	s := newService(t)
	if _, err := s.Match(ctx, oversight.NameQuery{Name: "x"}, -1); oversight.ErrorCode(err) != oversight.EUNAVAILABLE || s.Ready() {
		t.Fatalf("before Load: err=%v ready=%v, want unavailable", err, s.Ready())
	}
	if err := s.Load(ctx); err != nil {
		t.Fatal(err)
	}
	t.Run("Related", func(t *testing.T) {
		rels, err := s.Related(ctx, "org-shanghai-psb")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rels {
			via := ""
			if r.Via != nil {
				via = " via " + r.Via.ID
			}
			got = append(got, r.Direction+" "+r.Label+" "+r.Other.ID+via)
		}
		for _, want := range []string{
			"in authority contract-morpho-shanghai-psb-2015",
			"in Contract → ContractAward: supplier co-morpho via contract-morpho-shanghai-psb-2015",
			"in Contract → UnknownLink: object tech-morpho-face-recognition via contract-morpho-shanghai-psb-2015",
		} {
			if !strings.Contains(strings.Join(got, "\n"), want) {
				t.Errorf("relations lack %q:\n%s", want, strings.Join(got, "\n"))
			}
		}
		if strings.Contains(strings.Join(got, "\n"), "doc-amnesty") && strings.Contains(strings.Join(got, "\n"), "Document →") {
			t.Errorf("a shared document joined parties:\n%s", strings.Join(got, "\n"))
		}
		if _, err := s.Related(ctx, "no-such"); oversight.ErrorCode(err) != oversight.ENOTFOUND {
			t.Errorf("unknown id: err=%v", err)
		}
	})
	t.Run("Search", func(t *testing.T) {
		ms, n, err := s.Search(ctx, "public security bureau", 0, 3)
		if err != nil || len(ms) != 3 || n <= 3 {
			t.Fatalf("search: %d of %d, %v", len(ms), n, err)
		}
		next, _, _ := s.Search(ctx, "public security bureau", 3, 3)
		if len(next) == 0 || next[0].ID == ms[0].ID {
			t.Errorf("second page repeats the first")
		}
		if ms, n, _ := s.Search(ctx, "public security bureau", n+5, 3); len(ms) != 0 || n == 0 {
			t.Errorf("past the end: %d results", len(ms))
		}
	})
	t.Run("ErrProfile", func(t *testing.T) {
		if _, err := s.Screen(ctx, &oversight.Transfer{Values: map[string]any{"kind": "technology"}}, "nope"); oversight.ErrorCode(err) != oversight.EINVALID {
			t.Fatalf("err=%v", err)
		}
	})
}
