// Package match finds the entities a name refers to. It is pure: no I/O, no environment, no
// clock; its Config is passed in.
//
// A name is normalised (Unicode NFKC, case folding, marks, punctuation, dotted abbreviations,
// apostrophes), split into tokens, and tokens in other scripts are transliterated: Han to
// pinyin, Hangul letter by letter, Cyrillic, Greek, Arabic, Hebrew and others through
// unidecode, with Chinese and Korean institutional terms (公安局, 법무부 …) rendered in English
// first. Legal forms fold to a canonical form (Aktiengesellschaft → ag), honorifics are
// dropped, particles and initials are marked (knowledge/*.tsv).
//
// Two names are compared by aligning their tokens: each token pairs with its most similar
// counterpart (exact, within a typo budget that grows with the token's length, initial to word,
// or equal consonant skeletons across scripts), and the score is the weighted share of both
// names that found a counterpart. Extra tokens on one side (a middle name, a patronymic)
// weigh less when the other side is fully matched. Names written without spaces are compared
// whole as well. Scores are in [0,1]; 1 only for equal normalised names.
package match

import (
	"math"
	"slices"
	"sort"
	"strings"

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
	k       *Knowledge
	entries []*entry
	df      map[string]int // token → number of indexed names containing it
	names   int
	keys    map[string][]int32 // candidate key → entries (positions in entries) that have it
}

type entry struct {
	e     *oversight.Entity
	names []*name
	raw   []string
}

// NewIndex returns an empty index.
func NewIndex(cfg Config) *Index {
	return &Index{cfg: cfg, k: DefaultKnowledge(), df: map[string]int{}, keys: map[string][]int32{}}
}

// Config returns the index's configuration.
func (ix *Index) Config() Config { return ix.cfg }

// Len returns the number of indexed entities.
func (ix *Index) Len() int { return len(ix.entries) }

// Add indexes an entity under all its names. Entities without names are ignored.
func (ix *Index) Add(e *oversight.Entity) {
	raws := e.Names()
	if len(raws) == 0 {
		return
	}
	en := &entry{e: e}
	for _, r := range raws {
		n := ix.k.analyze(r)
		if n.normalized == "" {
			continue
		}
		en.names = append(en.names, n)
		en.raw = append(en.raw, r)
		seen := map[string]bool{}
		for _, t := range n.tokens {
			if !seen[t.text] {
				ix.df[t.text]++
				seen[t.text] = true
			}
		}
		ix.names++
	}
	pos := int32(len(ix.entries))
	ix.entries = append(ix.entries, en)
	done := map[string]bool{}
	for _, n := range en.names {
		for _, key := range candidateKeys(n) {
			if !done[key] {
				ix.keys[key] = append(ix.keys[key], pos)
				done[key] = true
			}
		}
	}
}

// candidateKeys are the keys under which a name is found: each distinctive token, its first
// and last three letters (so that one typo leaves a key intact), its consonant skeleton, and
// the start of the name written without spaces.
func candidateKeys(n *name) []string {
	var keys []string
	for _, t := range n.tokens {
		if t.kind != kindWord {
			continue
		}
		rs := []rune(t.text)
		keys = append(keys, "t:"+t.text)
		if len(rs) >= 4 {
			keys = append(keys, "p:"+string(rs[:3]), "s:"+string(rs[len(rs)-3:]), "e:"+string(rs[:2])+string(rs[len(rs)-1:]))
			// The letters in order: any swap of neighbours keeps it (Yitu/Yiut).
			sorted := slices.Clone(rs)
			slices.Sort(sorted)
			keys = append(keys, "a:"+string(sorted))
		}
		if len(t.skelX) >= 2 {
			keys = append(keys, "k:"+t.skelX)
		}
	}
	if rs := []rune(n.joined); len(rs) >= 4 {
		keys = append(keys, "j:"+string(rs[:4]))
	}
	if n.cjk {
		keys = append(keys, "n:"+n.normalized)
	}
	return keys
}

// candidates returns the entries that share a key with the query, or every entry when the
// query has no key (a name of initials and particles only).
func (ix *Index) candidates(q *name) []int32 {
	keys := candidateKeys(q)
	if len(keys) == 0 {
		all := make([]int32, len(ix.entries))
		for i := range all {
			all[i] = int32(i)
		}
		return all
	}
	seen := map[int32]bool{}
	var out []int32
	for _, k := range keys {
		for _, p := range ix.keys[k] {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return out
}

// weight is a token's weight in this index: rare tokens decide, common ones do not.
func (ix *Index) weight(t token) float64 {
	w := kindWeight(t)
	if ix.names < 20 || t.kind != kindWord {
		return w
	}
	df := ix.df[t.text]
	// Inverse document frequency, scaled to (0.3, 1]: a token in every name weighs 0.3.
	idf := math.Log(float64(ix.names+1)/float64(df+1)) / math.Log(float64(ix.names+1))
	return w * (0.3 + 0.7*max(0, min(1, idf)))
}

func kindWeight(t token) float64 {
	switch t.kind {
	case kindLegal:
		return 0.1
	case kindStop:
		return 0.2
	case kindInitial:
		return 0.5
	}
	return 1
}

// Match returns candidates scoring at least minScore for the query, best first, at most
// q.Limit (or the configured limit).
func (ix *Index) Match(q oversight.NameQuery, minScore float64) []*oversight.Match {
	qn := ix.k.analyze(q.Name)
	if qn.normalized == "" {
		return nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = ix.cfg.Limit
	}
	var out []*oversight.Match
	for _, p := range ix.candidates(qn) {
		en := ix.entries[p]
		if len(q.Schemata) > 0 && !slices.Contains(q.Schemata, en.e.Schema) {
			continue
		}
		best, bestName, method := 0.0, "", ""
		for i, n := range en.names {
			s, m := compare(qn, n, ix.weight)
			if s > best {
				best, bestName, method = s, en.raw[i], m
			}
		}
		country := "unknown"
		if q.Country != "" {
			if cs := en.e.Get("country"); len(cs) > 0 {
				country = "mismatch"
				for _, c := range cs {
					if strings.EqualFold(c, q.Country) {
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

// ScoreSchema compares two names of entities of the given FtM schema ("" if unknown). The
// schema does not change the score yet: persons and organisations share one comparison, and
// honorifics and legal forms are recognised whatever the schema.
func ScoreSchema(a, b, schema string) float64 {
	return Score(a, b)
}

// Score compares two names directly and returns the score in [0,1].
func Score(a, b string) float64 {
	k := DefaultKnowledge()
	s, _ := compare(k.analyze(a), k.analyze(b), kindWeight)
	return round(s)
}

// compare scores two analysed names and says which comparison decided.
func compare(a, b *name, weight func(token) float64) (float64, string) {
	switch {
	case a.normalized == "" || b.normalized == "":
		return 0, ""
	case a.normalized == b.normalized:
		return 1, "exact"
	}
	if a.cjk && b.cjk {
		// In Han, Hangul and Kana a different character is a different name (习近平 and
		// 习近朋), not a typo: compare the characters, and stay below a match when any differs.
		return 0.85 * ratio(a.normalized, b.normalized), "characters"
	}
	s, method := align(a.tokens, b.tokens, weight)
	if a.joined != "" && b.joined != "" {
		if a.joined == b.joined {
			s, method = max(s, 0.97), "joined"
		} else if la, lb := len(a.joined), len(b.joined); 10*min(la, lb) >= 9*max(la, lb) && 0.9 > s {
			// A ratio of 0.9 or more is at most a tenth of the letters edited.
			l := max(len(a.jr), len(b.jr))
			if d := boundedLevenshtein(a.jr, b.jr, l/10); d <= l/10 {
				if r := 1 - float64(d)/float64(l); r >= 0.9 && 0.9*r > s {
					s, method = 0.9*r, "joined_edit"
				}
			}
		}
	}
	// Two different legal forms (S.A.S. and S.A.R.L.) suggest two entities of one group.
	if legalConflict(a.tokens, b.tokens) {
		s *= 0.92
		method += "+legal_form_differs"
	}
	if a.translit || b.translit {
		method += "+translit"
	}
	return min(s, 0.99), method
}

type pair struct {
	i, j int
	sim  float64
}

// align pairs the tokens of a and b greedily by similarity and returns the weighted share of
// both names that found a counterpart.
func align(a, b []token, weight func(token) float64) (float64, string) {
	var cands []pair
	for i, x := range a {
		for j, y := range b {
			if s := tokenSim(x, y); s > 0 {
				cands = append(cands, pair{i, j, s})
			}
		}
	}
	// Ties break on the pair's texts, taken in either order, so that compare(a, b) and
	// compare(b, a) make the same pairs.
	key := func(c pair) string {
		x, y := a[c.i].text, b[c.j].text
		if x > y {
			x, y = y, x
		}
		return x + "\x00" + y
	}
	sort.SliceStable(cands, func(p, q int) bool {
		if cands[p].sim != cands[q].sim {
			return cands[p].sim > cands[q].sim
		}
		return key(cands[p]) < key(cands[q])
	})
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	var matched float64
	words := 0 // pairs of two words (not initials, particles or legal forms)
	for _, c := range cands {
		if usedA[c.i] || usedB[c.j] {
			continue
		}
		usedA[c.i], usedB[c.j] = true, true
		w := weight(a[c.i]) + weight(b[c.j])
		matched += c.sim * w
		if a[c.i].kind == kindWord && b[c.j].kind == kindWord {
			words++
		}
	}
	if words == 0 {
		// Initials, particles and legal forms alone do not make two names alike.
		return 0, "tokens"
	}
	restA, restB := unmatched(a, usedA, weight), unmatched(b, usedB, weight)
	matchedA, matchedB := total(a, weight)-restA, total(b, weight)-restB
	// Tokens left over on one side count at a third when the other side found a counterpart
	// for everything that weighs (a middle name, a patronymic, a descriptive word).
	const extra = 1.0 / 3
	switch {
	case restA <= restB && restA < 0.25:
		restB *= extra
	case restB < restA && restB < 0.25:
		restA *= extra
	}
	return matched / (matchedA + restA + matchedB + restB), "tokens"
}

// legalConflict reports whether both names carry legal forms and share none.
func legalConflict(a, b []token) bool {
	var la, lb []string
	for _, t := range a {
		if t.kind == kindLegal {
			la = append(la, t.text)
		}
	}
	for _, t := range b {
		if t.kind == kindLegal {
			lb = append(lb, t.text)
		}
	}
	if len(la) == 0 || len(lb) == 0 {
		return false
	}
	for _, x := range la {
		if slices.Contains(lb, x) {
			return false
		}
	}
	return true
}

func unmatched(ts []token, used []bool, weight func(token) float64) float64 {
	var s float64
	for i, t := range ts {
		if !used[i] {
			s += weight(t)
		}
	}
	return s
}

func total(ts []token, weight func(token) float64) float64 {
	var s float64
	for _, t := range ts {
		s += weight(t)
	}
	return s
}

// tokenSim is the similarity of two tokens in [0,1]; 0 means they do not pair.
func tokenSim(x, y token) float64 {
	if x.kind == kindLegal || y.kind == kindLegal {
		if x.kind == y.kind && x.text == y.text {
			return 1
		}
		return 0
	}
	if x.text == y.text {
		return 1
	}
	if x.kind == kindInitial || y.kind == kindInitial {
		if x.text[0] == y.text[0] {
			return 0.9
		}
		return 0
	}
	if x.abjad() || y.abjad() {
		if len(x.skel) >= 2 && x.skel == y.skel {
			return 0.9
		}
	}
	if (x.script == "hangul") != (y.script == "hangul") && x.fold == y.fold {
		return 0.95
	}
	// x and ks are one sound in transliteration (Alexander, Aleksandr, Αλέξανδρος).
	if x.xt == y.xt {
		return 0.95
	}
	lx, ly := len(x.xr), len(y.xr)
	l, short := max(lx, ly), min(lx, ly)
	// Only distances up to the larger of the typo budget and a quarter of the length matter
	// below; the distance is computed up to that bound (the length difference alone may
	// rule it out).
	limit := max(typoBudget(short), l/4)
	d := l
	if float64(l-short)/float64(l) <= 0.25 || l-short <= typoBudget(short) {
		d = boundedLevenshtein(x.xr, y.xr, limit)
	}
	if d <= typoBudget(short) {
		return 1 - 0.5*float64(d)/float64(l)
	}
	// Spellings of one name across transliteration systems (Osama/Usama, Husayn/Hussein)
	// share their consonants.
	if len(x.skelX) >= 2 && short >= 4 && x.skelX == y.skelX {
		return 0.85
	}
	if r := 1 - float64(d)/float64(l); r >= 0.75 {
		return r * 0.85
	}
	return 0
}

// typoBudget is how many edits a token of n letters may differ by and still be the same word.
func typoBudget(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	case n <= 9:
		return 2
	}
	return 3
}

// ratio is 1 - normalised Levenshtein distance over runes.
func ratio(a, b string) float64 {
	if a == "" && b == "" {
		return 1
	}
	ra, rb := []rune(a), []rune(b)
	l := max(len(ra), len(rb))
	return 1 - float64(boundedLevenshtein(ra, rb, l))/float64(l)
}

// boundedLevenshtein is the optimal-string-alignment edit distance over runes (insertions,
// deletions, substitutions and transpositions of neighbours, as in Appel/Apple, cost 1), for
// distances up to limit: any larger distance is returned as limit+1. It does not allocate for
// words of up to 63 letters.
func boundedLevenshtein(ra, rb []rune, limit int) int {
	if abs(len(ra)-len(rb)) > limit {
		return limit + 1
	}
	var buf [3 * 64]int
	var pp, prev, cur []int
	if n := len(rb) + 1; n <= 64 {
		pp, prev, cur = buf[:n], buf[64:64+n], buf[128:128+n]
	} else {
		pp, prev, cur = make([]int, n), make([]int, n), make([]int, n)
	}
	for j := range prev {
		prev[j] = j
	}
	prevMin := 0
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		// Every later cell is at least the smallest of this row or the one before (a
		// transposition reaches back two rows).
		if min(rowMin, prevMin) > limit {
			return limit + 1
		}
		prevMin = rowMin
		pp, prev, cur = prev, cur, pp
	}
	return min(prev[len(rb)], limit+1)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
