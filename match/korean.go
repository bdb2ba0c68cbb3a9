package match

import (
	"math"
	"strings"
)

// Hangul names are read syllable by syllable (analyze gives a Korean name of two to four
// syllables one token per syllable), while Latin spellings join syllables at will: Kim Jong Un,
// Kim Jong-un, Kim Jongun, Kimjongun are one name, and 오바마 is Obama in one word. Token by
// token, Kim Jongun has a word no syllable pairs with. syllableRuns compares the two by
// spelling with each Latin word set against a run of syllables.

// syllabic is what syllableRuns needs of a name written in Hangul besides its tokens.
type syllabic struct {
	// word is the index of the word of the name each token comes from (김 정은: 0, 1, 1).
	word []uint8
	// plain, when a surname syllable was given its usual spelling (오 is Oh), holds each
	// token's Revised Romanization (o) where it differs, "" elsewhere: the syllable may begin
	// a foreign name (오바마, Obama).
	plain []string
}

// maxRunTokens bounds the names syllableRuns compares: Korean names have a few syllables.
const maxRunTokens = 12

// syllableRuns compares a name written in Hangul (every token a Hangul word) with one written
// in Latin letters (words and initials, no legal form or particle) by spelling: each Latin
// token is set against a run of the Hangul tokens, the runs following each other in the
// order of the Latin tokens (or with the first or last Latin token moved to the other end: a
// family name written first or last) and covering every Hangul token. A run stays within a
// word of the Hangul name; an initial's run is one syllable. A run is spelt by
// joining its syllables' Latin forms, a surname in its Revised Romanization when it begins a
// longer run (오 is Oh alone, but 오바마 is obama). The score is the best cover's mean token
// similarity (spellingSim, by spelling only: no sound), weighted by the Latin tokens'
// weights, or 0 when no cover pairs every token; it is computed only for such pairs of names.
func syllableRuns(a, b *name) float64 {
	h, l := a, b
	if !h.hangul {
		h, l = b, a
	}
	if !h.hangul || !l.latin || len(l.tokens) > len(h.tokens) || len(h.tokens) > maxRunTokens {
		return 0
	}
	return runCover(h, l.tokens, h.tokens)
}

// runCover is syllableRuns' search, over the three orders of the Latin tokens it allows.
func runCover(h *name, lt, ht []*token) float64 {
	n := len(ht)
	// sim of Latin token x against the run ht[j:k].
	cache := map[[3]int]float64{}
	sim := func(i int, x *token, j, k int) float64 {
		key := [3]int{i, j, k}
		if s, ok := cache[key]; ok {
			return s
		}
		s := spellingSim(x, runToken(h.runText(j, k)))
		if k-j == 1 && h.ko.plain != nil && h.ko.plain[j] != "" {
			s = max(s, spellingSim(x, runToken(h.ko.plain[j])))
		}
		cache[key] = s
		return s
	}
	var wsum float64
	words := false
	for _, t := range lt {
		wsum += t.w
		words = words || t.kind == kindWord
	}
	if !words || wsum == 0 {
		return 0
	}
	idx := make([]int, len(lt)) // the order of the Latin tokens tried
	best := 0.0
	try := func() {
		// f[j]: the best weighted sum covering ht[:j] with the Latin tokens placed so far.
		f := make([]float64, n+1)
		for j := range f {
			f[j] = math.Inf(-1)
		}
		f[0] = 0
		for p, i := range idx {
			g := make([]float64, n+1)
			for j := range g {
				g[j] = math.Inf(-1)
			}
			rest := len(idx) - p - 1 // Latin tokens still to place, one Hangul token each
			for j := range n {
				if math.IsInf(f[j], -1) {
					continue
				}
				for k := j + 1; k <= n-rest && h.ko.word[k-1] == h.ko.word[j]; k++ {
					if k > j+1 && lt[i].kind == kindInitial {
						break // an initial stands for one syllable
					}
					if s := sim(i, lt[i], j, k); s > 0 {
						g[k] = max(g[k], f[j]+lt[i].w*s)
					}
				}
			}
			f = g
		}
		if !math.IsInf(f[n], -1) {
			best = max(best, f[n]/wsum)
		}
	}
	for i := range idx {
		idx[i] = i
	}
	for _, order := range familyOrders(idx) {
		copy(idx, order)
		try()
	}
	return best
}

// runToken is a run of Hangul syllables spelt together, as a token for spellingSim.
func runToken(text string) *token { return wordToken(text, "hangul") }

// runWord is a run token with its sounds, as an Index files and looks up runs: a whole
// Hangul word of several syllables meets the Latin words that sound like it (폴란드, Poland).
func runWord(text string) *token {
	t := runToken(text)
	t.sounds = sounds(text, "hangul")
	return t
}

// wordToken is a word written in the script, with the forms spellingSim and the index's keys
// need (not its sounds).
func wordToken(text, script string) *token {
	t := &token{text: text, kind: kindWord, script: script}
	t.deriveSpelling()
	return t
}

// runText spells the tokens j..k-1 of a Hangul name together, a surname that begins a longer
// run in its Revised Romanization.
func (n *name) runText(j, k int) string {
	if k-j == 1 {
		return n.tokens[j].text
	}
	var b strings.Builder
	for m := j; m < k; m++ {
		if m == j && n.ko.plain != nil && n.ko.plain[m] != "" {
			b.WriteString(n.ko.plain[m])
		} else {
			b.WriteString(n.tokens[m].text)
		}
	}
	return b.String()
}

// eachRun calls fn with the spellings syllableRuns gives a Hangul name's runs that are not
// its tokens: each run of two syllables or more within a word, each surname in its Revised
// Romanization. An Index files them as words of the name.
func (n *name) eachRun(fn func(text string)) {
	if !n.hangul || len(n.tokens) > maxRunTokens {
		return
	}
	for j := range n.tokens {
		if n.ko.plain != nil && n.ko.plain[j] != "" {
			fn(n.ko.plain[j])
		}
		for k := j + 2; k <= len(n.tokens) && n.ko.word[k-1] == n.ko.word[j]; k++ {
			fn(n.runText(j, k))
		}
	}
}

// koreanU reports whether, of two tokens, the one in Hangul written with u for ㅓ (eo), as
// many Korean names are in Latin letters (Myung for 명, myeong; Sung for 성; Hyun for 현),
// folds as the other does.
func koreanU(x, y *token) bool {
	if y.script == "hangul" {
		x, y = y, x
	}
	return strings.Contains(x.text, "eo") && koreanFold(eoAsU(x.text)) == y.fold
}

// eoAsU writes ㅓ (eo in the Revised Romanization) as u.
func eoAsU(s string) string { return strings.ReplaceAll(s, "eo", "u") }

// wholeWord reports whether the tokens j..k-1 of a name written in Hangul are one whole word
// of it (the syllables 폴 란 드 of 폴란드).
func (n *name) wholeWord(j, k int) bool {
	if n.ko == nil || j >= k || k > len(n.tokens) {
		return false
	}
	w := n.ko.word
	return w[j] == w[k-1] && (j == 0 || w[j-1] != w[j]) && (k == len(w) || w[k] != w[k-1])
}
