package match

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
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
// in Latin letters, or another alphabet read in them (words and initials, no legal form:
// spelt), by spelling: each Latin
// token is set against a run of the Hangul tokens, the runs following each other in the
// order of the Latin tokens (or with the first or last Latin token moved to the other end: a
// family name written first or last) and covering every Hangul token. A run stays within a
// word of the Hangul name; an initial's run is one syllable. A run is spelt by
// joining its syllables' Latin forms, a surname in its Revised Romanization when it begins a
// longer run (오 is Oh alone, but 오바마 is obama). The score is the best cover's mean token
// similarity (spellingSim, by spelling only: no sound), weighted by the Latin tokens'
// weights, or 0 when no cover pairs every token; it is computed only for such pairs of names.
//
// Whole words at either end of the Hangul name may be left out of the cover, and patronymics
// anywhere, as align leaves words over: a given name that a rendering writes and the Latin
// name does not (블라디미르 푸틴 and Präsident Putin, or Putin alone). A word left counts as
// one word at the share align gives words left over (extra, a third when one Latin word
// paired, titledExtra for a title and a family name: titledOutweighs), a patronymic nothing
// (a rendering's: see align). A word between two covered ones is not left (현우 현정 장 is
// not JANG, Hyon U), and a syllable left of a word partly covered leaves no cover (성훈 김
// is not KIM, Song).
func syllableRuns(a, b *name, extra float64) float64 {
	h, l := a, b
	if !h.hangul {
		h, l = b, a
	}
	if !h.hangul || !spelt(l) || len(l.tokens) > len(h.tokens) || len(h.tokens) > maxRunTokens {
		return 0
	}
	pos := make([]int, len(h.tokens))
	for i := range pos {
		pos[i] = i
	}
	best := runCover(h, l.tokens, pos)
	words := int(h.ko.word[len(h.tokens)-1]) + 1
	if words < 2 || words > maxLeftWords {
		return best
	}
	var wsum float64
	lw := 0
	for _, t := range l.tokens {
		wsum += t.w
		if t.kind == kindWord {
			lw++
		}
	}
	if wsum == 0 {
		return best
	}
	// weight[w]: word w of the Hangul name as one word, the mean of its syllables' weights;
	// 0 for a patronymic.
	weight := make([]float64, words)
	count := make([]int, words)
	patronymics := 0 // bit w: word w is a patronymic
	for i := range h.tokens {
		if h.patronymic&(1<<i) == 0 {
			weight[h.ko.word[i]] += h.tokens[i].w
		} else {
			patronymics |= 1 << h.ko.word[i]
		}
		count[h.ko.word[i]]++
	}
	for w := range weight {
		weight[w] /= float64(count[w])
	}
	for left := 1; left < 1<<words-1; left++ { // the words left out, one kept at least
		if kept := (1<<words - 1) &^ left &^ patronymics; kept != 0 {
			// The words kept, patronymics aside, are consecutive.
			lo := bits.TrailingZeros(uint(kept))
			if hi := bits.Len(uint(kept)); (1<<hi-1)&^(1<<lo-1)&^patronymics&^kept != 0 {
				continue
			}
		}
		pos, skipped, heaviest := pos[:0], 0.0, 0.0
		for i := range h.tokens {
			if left&(1<<h.ko.word[i]) == 0 {
				pos = append(pos, i)
			}
		}
		for w := range words {
			if left&(1<<w) != 0 {
				skipped += weight[w]
				heaviest = max(heaviest, weight[w])
			}
		}
		if len(pos) < len(l.tokens) {
			continue
		}
		c := runCover(h, l.tokens, pos)
		if c == 0 {
			continue
		}
		e := extra
		first, last := h.ko.word[pos[0]], h.ko.word[pos[len(pos)-1]]
		switch {
		case lw == 1 && len(l.tokens) == 1 && extra == personExtra && l.titled && l.tokens[0].w >= rareWeight &&
			heaviest <= l.tokens[0].w+1e-9 && first == last && (first == 0 || int(first) == words-1):
			e = titledExtra // a title and the family name, first or last (titledOutweighs)
		case lw < 2:
			e = max(e, 1.0/3)
		}
		best = max(best, c/(1+e*skipped/(2*wsum)))
	}
	return best
}

// spelt reports whether every token of a name is written in Latin letters or in another
// alphabet that writes vowels as Latin does (Cyrillic, Greek …: alphabetic), read in Latin
// letters, and none is a legal form: syllableRuns compares such a name with one in Hangul.
func spelt(n *name) bool {
	if n.latin {
		return true
	}
	for _, t := range n.tokens {
		if t.kind == kindLegal || !alphabetic(t.script) {
			return false
		}
	}
	return len(n.tokens) > 0
}

// maxLeftWords bounds the words of a Hangul name syllableRuns tries leaving out, each subset
// of them in turn.
const maxLeftWords = 4

// runCover is syllableRuns' search, over the three orders of the Latin tokens it allows, of
// a cover of the Hangul name's tokens at positions pos (ascending; whole words).
func runCover(h *name, lt []*token, pos []int) float64 {
	n := len(pos)
	// sim of Latin token x against the run ht[j:k].
	cache := map[[3]int]float64{}
	sim := func(i int, x *token, j, k int) float64 {
		j, k = pos[j], pos[k-1]+1 // within a word: consecutive tokens of the name
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
				for k := j + 1; k <= n-rest && h.ko.word[pos[k-1]] == h.ko.word[pos[j]]; k++ {
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
	return strings.Contains(x.text, "eo") && hangulFold(eoAsU(x.text)) == y.fold
}

// koreanSurname reports whether, of two tokens, the one in Hangul is a surname (in its usual
// spelling, analyze) and the other folds as one of its other spellings (korean_surnames.tsv:
// 노, Noh, is Roh; 이, Lee, is Yi, Rhee, Ri).
func koreanSurname(x, y *token) bool {
	if y.script == "hangul" {
		x, y = y, x
	}
	others := DefaultKnowledge().koOther[x.text]
	return others != nil && slices.Contains(others, y.fold)
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

// hangulArticleForms are the readings of a name in Hangul whose words of three syllables or
// more begin with 알, the Arabic article as Korean writes it, joined to the word (알샤바브,
// al-Shabaab; 아이만 알자와히리, Ayman al-Zawahiri): with the article a word of its own (split:
// 아이만 알 자와히리) and without it (drop: 아이만 자와히리). nil for another name. They are
// compared only with names that write the article (hangulArticleSim): 알바니아 is Albania,
// not Bania.
func (k *Knowledge) hangulArticleForms(n *name) (split, drop *name) {
	if !n.hangul || n.articleForm || !strings.Contains(n.normalized, "알") {
		return nil, nil
	}
	words := strings.Fields(n.normalized)
	sw, dw := make([]string, 0, len(words)+1), make([]string, 0, len(words))
	found := false
	for _, w := range words {
		if rest, ok := strings.CutPrefix(w, "알"); ok && utf8.RuneCountInString(rest) >= 2 {
			sw, dw = append(sw, "알", rest), append(dw, rest)
			found = true
			continue
		}
		sw, dw = append(sw, w), append(dw, w)
	}
	if !found {
		return nil, nil
	}
	split, drop = k.analyze(strings.Join(sw, " ")), k.analyze(strings.Join(dw, " "))
	split.articleForm, drop.articleForm = true, true // a rest that begins with 알 again is not cut again (알알…)
	return split, drop
}

// latinArticle reports whether a name writes the Arabic article as a particle of its own
// (al-Shabaab, el-Sisi, Harakat ul-Mujahidin).
func latinArticle(n *name) bool {
	return slices.ContainsFunc(n.tokens, func(t *token) bool {
		return t.kind == kindStop && (t.text == "al" || t.text == "el" || t.text == "ul")
	})
}

// hangulArticleSim is the best score of a name in Hangul's hangulArticleForms against a name
// that writes the article, and its method; 0 for other pairs.
func hangulArticleSim(a, b *name, extra float64) (float64, string) {
	if !a.hangul {
		a, b = b, a
	}
	if !a.hangul || b.hangul || !latinArticle(b) {
		return 0, ""
	}
	split, drop := DefaultKnowledge().hangulArticleForms(a)
	if split == nil {
		return 0, ""
	}
	forms := []*name{split}
	// Without the article, a name of few consonants sounds like too many (바니아 like Barney,
	// 카에다 like Kawthar): it needs three, or as many syllables as the other name's words
	// say (샤바브 and Shabaab two: 브 writes a consonant, not a syllable).
	if len(joinSounds(drop.tokens, bySyllables)) >= 3 || saidSyllables(drop) == latinSyllables(b) {
		forms = append(forms, drop)
	}
	best, method := 0.0, ""
	for _, f := range forms {
		if s, m := compareNames(f, b, extra); s > best {
			best, method = s, m+"+article"
		}
	}
	return best, method
}

// saidSyllables is the number of a Hangul name's syllables but those of ㅡ alone, which a
// rendering writes for a consonant with no vowel after it (샤바브, Shabaab: two).
func saidSyllables(n *name) int {
	c := 0
	for _, r := range n.normalized {
		if r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)/28%21 != 18 { // ㅡ
			c++
		}
	}
	return c
}

// latinSyllables is the number of syllables of a name's words in Latin letters (syllables).
func latinSyllables(n *name) int {
	c := 0
	for _, t := range n.tokens {
		if t.kind == kindWord {
			k, _ := syllables(t.text)
			c += k
		}
	}
	return c
}

// koreanLegalWords is, of a name in Hangul and a name in Latin letters whose last token is
// a legal form of two letters spelt as a Korean syllable (Kwon Young Se: SE, the Societas
// Europaea), the Latin name read with its legal forms as words, which a Korean given name's
// syllable is (권영세); nil for other pairs.
func koreanLegalWords(a, b *name) (hangul, latin *name) {
	if !a.hangul {
		a, b = b, a
	}
	if !a.hangul || !koreanLegalLast(b) {
		return nil, nil
	}
	return a, DefaultKnowledge().analyzeWith(b.normalized, true, nil, false)
}

// koreanLegalLast reports whether a name in Latin letters is words spelt as Korean syllables
// (koreanLatinWord) and, last, a legal form of two letters spelt as one (Kwon Young Se).
func koreanLegalLast(n *name) bool {
	if len(n.tokens) < 2 || slices.ContainsFunc(n.tokens, func(t *token) bool { return t.script != "latin" }) {
		return false
	}
	last := n.tokens[len(n.tokens)-1]
	return last.kind == kindLegal && len(last.text) == 2 && koreanLatinWord(last) &&
		!slices.ContainsFunc(n.tokens[:len(n.tokens)-1], func(t *token) bool { return t.kind != kindWord || !koreanLatinWord(t) })
}
