// Package match finds the entities a name refers to. It is pure: no I/O, no environment, no
// clock; its Config is passed in.
//
// This is the first matcher: it normalises names (Unicode NFKC, case folding, marks,
// punctuation, legal forms such as Ltd., GmbH, 有限公司 or 주식회사), finds a registry's own names
// and aliases exactly in any script, and scores near misses by edit distance over the sorted
// tokens. It scans every indexed name per query, which is fine for a registry of hundreds of
// entities; the candidate index, transliteration and token weighting come next.
package match

import (
	"slices"
	"sort"

	"github.com/oversight-project/oversight"
)

// Config holds the matcher's parameters.
type Config struct {
	// Threshold is the score at or above which a candidate is a match.
	Threshold float64
	// ReviewThreshold is the score at or above which a candidate below Threshold is reported
	// as a possible match that needs human review.
	ReviewThreshold float64
	// CountryPenalty multiplies the score when the query's country and the entity's differ.
	CountryPenalty float64
	// Limit is the default number of matches returned.
	Limit int
}

// DefaultConfig returns the default parameters.
func DefaultConfig() Config {
	return Config{Threshold: 0.9, ReviewThreshold: 0.75, CountryPenalty: 0.85, Limit: 5}
}

// Index holds entities for matching. Build it with Add, then call Match; a built Index may be
// used concurrently for reading.
type Index struct {
	cfg     Config
	entries []*entry
	byID    map[string]*entry
}

type entry struct {
	e     *oversight.Entity
	names []nameForm
}

type nameForm struct {
	raw, normalized, key, sortedKey string
}

// NewIndex returns an empty index.
func NewIndex(cfg Config) *Index { return &Index{cfg: cfg, byID: map[string]*entry{}} }

// Config returns the index's configuration.
func (ix *Index) Config() Config { return ix.cfg }

// Len returns the number of indexed entities.
func (ix *Index) Len() int { return len(ix.entries) }

// Add indexes an entity under all its names. Entities without names are ignored.
func (ix *Index) Add(e *oversight.Entity) {
	names := e.Names()
	if len(names) == 0 {
		return
	}
	en := &entry{e: e}
	for _, n := range names {
		nf := nameForm{raw: n}
		nf.normalized, nf.key, nf.sortedKey = keys(n)
		if nf.normalized != "" {
			en.names = append(en.names, nf)
		}
	}
	ix.entries = append(ix.entries, en)
	ix.byID[e.ID] = en
}

// Entity returns an indexed entity by id, or nil.
func (ix *Index) Entity(id string) *oversight.Entity {
	if en, ok := ix.byID[id]; ok {
		return en.e
	}
	return nil
}

// Match returns candidates scoring at least minScore for the query, best first, at most
// q.Limit (or the configured limit).
func (ix *Index) Match(q oversight.NameQuery, minScore float64) []*oversight.Match {
	qn, qk, qs := keys(q.Name)
	if qn == "" {
		return nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = ix.cfg.Limit
	}
	var out []*oversight.Match
	for _, en := range ix.entries {
		if len(q.Schemata) > 0 && !slices.Contains(q.Schemata, en.e.Schema) {
			continue
		}
		best, bestName, method := 0.0, "", ""
		for _, nf := range en.names {
			s, m := Compare(qn, qk, qs, nf.normalized, nf.key, nf.sortedKey)
			if s > best {
				best, bestName, method = s, nf.raw, m
			}
		}
		country := "unknown"
		if q.Country != "" {
			if cs := en.e.Get("country"); len(cs) > 0 {
				country = "mismatch"
				for _, c := range cs {
					if equalFold(c, q.Country) {
						country = "match"
					}
				}
				if country == "mismatch" {
					best *= ix.cfg.CountryPenalty
				}
			}
		}
		if best < minScore || best == 0 {
			continue
		}
		out = append(out, &oversight.Match{
			ID: en.e.ID, Caption: en.e.Caption(), Schema: en.e.Schema, Score: round(best), Matched: bestName,
			Datasets: en.e.Datasets, Sources: en.e.Get("sourceUrl"),
			Features: map[string]any{"method": method, "country": country},
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ID < out[j].ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// ScoreSchema compares two names of entities of the given FtM schema ("" if unknown).
func ScoreSchema(a, b, schema string) float64 {
	return Score(a, b)
}

// Score compares two names directly and returns the score in [0,1].
func Score(a, b string) float64 {
	an, ak, as := keys(a)
	bn, bk, bs := keys(b)
	s, _ := Compare(an, ak, as, bn, bk, bs)
	return round(s)
}

// Compare scores two names given their normalised forms, keys and sorted keys, and says
// which comparison decided: exact (1.0), legal_form, token_order, or edit distance.
func Compare(an, ak, as, bn, bk, bs string) (float64, string) {
	switch {
	case an == "" || bn == "":
		return 0, ""
	case an == bn:
		return 1, "exact"
	case ak == bk:
		return 0.98, "legal_form"
	case as == bs:
		return 0.95, "token_order"
	}
	return 0.95 * ratio(as, bs), "edit"
}

// ratio is 1 - normalised Levenshtein distance over runes.
func ratio(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 && len(rb) == 0 {
		return 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(rb)])/float64(max(len(ra), len(rb)))
}

func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i]|0x20, b[i]|0x20
		if x != y {
			return false
		}
	}
	return true
}
