package match

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/bundle"
)

// TestIndex_CandidatesLoseNothing: for typo'd and reordered forms of every party name in the
// seed registry, the candidate index returns every entity a full scan scores at or above the
// review threshold.
func TestIndex_CandidatesLoseNothing(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	for _, line := range bytes.Split(bundle.Seed, []byte("\n")) {
		var e oversight.Entity
		if json.Unmarshal(line, &e) != nil {
			continue
		}
		if slices.Contains([]string{"Company", "Organization", "PublicBody", "Person"}, e.Schema) {
			ix.Add(&e)
		}
	}
	ix.Freeze()
	brute := func(q *name) []string {
		for _, t := range q.tokens {
			t.w = ix.weight(t)
		}
		var ids []string
		for _, en := range ix.entries {
			for id := en.first; id < en.first+en.n; id++ {
				if s, _ := compare(q, ix.names[id]); s >= ix.cfg.ReviewThreshold {
					ids = append(ids, en.e.ID)
					break
				}
			}
		}
		return ids
	}
	checked := 0
	for _, en := range ix.entries {
		for _, raw := range ix.raw[en.first : en.first+en.n] {
			rs := []rune(raw)
			variants := []string{raw, strings.ToUpper(raw)}
			if len(rs) > 6 { // drop a letter in the middle, swap two neighbours
				variants = append(variants, string(rs[:len(rs)/2])+string(rs[len(rs)/2+1:]))
				sw := slices.Clone(rs)
				sw[2], sw[3] = sw[3], sw[2]
				variants = append(variants, string(sw))
			}
			if f := strings.Fields(raw); len(f) > 1 {
				variants = append(variants, strings.Join(append(f[1:], f[0]), " "))
			}
			for _, v := range variants {
				q := ix.k.analyze(v)
				want := brute(q)
				var got []string
				for _, m := range ix.Match(oversight.NameQuery{Name: v, Limit: 1000}, ix.cfg.ReviewThreshold) {
					got = append(got, m.ID)
				}
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("%q: index found %v, full scan %v", v, got, want)
				}
				checked++
			}
		}
	}
	t.Logf("%d queries checked", checked)
}
