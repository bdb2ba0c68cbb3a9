package match_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/ftm"
	"github.com/oversight-project/oversight/internal/typo"
	"github.com/oversight-project/oversight/lists"
	"github.com/oversight-project/oversight/lists/ofac"
	"github.com/oversight-project/oversight/match"
)

// sdnParties reads the real OFAC SDN list from ../shared, or skips.
func sdnParties(b testing.TB) []*oversight.Entity {
	b.Helper()
	paths, err := lists.FindFiles("../../shared/data/watchlists", ofac.SDN)
	if err != nil || len(paths) == 0 {
		b.Skip("no ../../shared/data/watchlists/sdn.csv")
	}
	ents, _, err := lists.Read(ofac.SDN, lists.PathOpener(paths))
	if err != nil {
		b.Fatal(err)
	}
	parties := ftm.Default.Descendants("LegalEntity") // as oversight bench match indexes
	var out []*oversight.Entity
	for _, e := range ents {
		if slices.Contains(parties, e.Schema) && len(e.Names()) > 0 {
			out = append(out, e)
		}
	}
	b.Logf("%d parties", len(out))
	return out
}

// typos returns n names of the entities, each with one edit (a letter dropped, doubled,
// replaced, or swapped with the next).
func typos(ents []*oversight.Entity, n int) []string {
	rng := rand.New(rand.NewPCG(1, 0))
	var qs []string
	for len(qs) < n {
		if q, ok := typo.OneEdit(rng, ents[rng.IntN(len(ents))].Caption()); ok {
			qs = append(qs, q)
		}
	}
	return qs
}

// BenchmarkIndex_SDN builds the index of the SDN list's parties: with AddAll, as the product
// does (names analysed on every core), and one entity at a time with Add.
func BenchmarkIndex_SDN(b *testing.B) {
	ents := sdnParties(b)
	for _, bb := range []struct {
		name string
		add  func(*match.Index)
	}{
		{"all_cores", func(ix *match.Index) { ix.AddAll(ents) }},
		{"one_by_one", func(ix *match.Index) {
			for _, e := range ents {
				ix.Add(e)
			}
		}},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix := match.NewIndex(match.DefaultConfig())
				bb.add(ix)
				ix.Freeze()
			}
		})
	}
}

// BenchmarkMatch_SDN matches one-edit typos of SDN names, one query per operation, and
// reports the median and 99th-percentile latency: at the default threshold, and for the best
// five whatever their score. Up to 20,000 operations, each query is another (run it with
// -benchtime 20000x): the index keeps what words asked before pair with, and a query asked
// again is quicker. Words recur across queries, as they do in a batch of names.
func BenchmarkMatch_SDN(b *testing.B) {
	ents := sdnParties(b)
	qs := typos(ents, 20000)
	for _, bb := range []struct {
		name     string
		minScore float64
	}{{"threshold", match.DefaultConfig().Threshold}, {"top5", 0}} {
		b.Run(bb.name, func(b *testing.B) {
			ix := match.NewIndex(match.DefaultConfig()) // nothing asked before
			for _, e := range ents {
				ix.Add(e)
			}
			ix.Freeze()
			var lat []time.Duration
			i := 0
			for b.Loop() {
				t := time.Now()
				ix.Match(oversight.NameQuery{Name: qs[i%len(qs)], Limit: 5}, bb.minScore)
				lat = append(lat, time.Since(t))
				i++
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds()), "p50-ns")
			b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds()), "p99-ns")
		})
	}
}
