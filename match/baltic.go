package match

import (
	"strings"
	"unicode/utf8"
)

// Latvian and Lithuanian give a foreign man's name their own nominative ending: Latvian adds
// -s (or -is, -us) to a name that ends in a consonant (Vladimirs Putins, Sergejs Lavrovs),
// Lithuanian -as (-is, -ys, -us) (Vladimiras Putinas, Sergejus Lavrovas). A Latin word with
// such an ending after a consonant is also compared without it (balticStem) with a word in
// an alphabet that writes vowels (Latin, Cyrillic, Greek, Armenian …): the ending costs what
// a typo costs, and adds nothing to a difference of spelling (Sergej and Sergey); a stem that
// is a typo away from the other word does not count (Vladimiras Putinas is not Vladimir
// Putilin, nor Freitas Frei). Without its ending a word may be a given name (givenName).

// balticEndings are the endings balticStem drops, longest first.
var balticEndings = []string{"as", "is", "ys", "us", "s"}

// balticStem is a Latin word without a Latvian or Lithuanian nominative ending after a
// consonant, or "" if it has none; the stem keeps four letters at least.
func balticStem(t *token) string {
	if t.script != "latin" || t.kind != kindWord {
		return ""
	}
	for _, e := range balticEndings {
		stem, ok := strings.CutSuffix(t.text, e)
		if !ok || len(stem) < 4 {
			continue
		}
		if last := stem[len(stem)-1]; last < 'a' || last > 'z' || strings.IndexByte("aeiouy", last) >= 0 {
			continue
		}
		return stem
	}
	return ""
}

// balticStemSim is the similarity of two words, one in Latin letters with a Baltic ending
// (balticStem), the other in Latin or Cyrillic letters, when the first without its ending is
// the other or another spelling of it (spellingSim at 0.95 at least): that of a word one typo
// from the one with the ending. 0 otherwise.
func balticStemSim(x, y *token) float64 {
	s := 0.0
	for _, p := range [2][2]*token{{x, y}, {y, x}} {
		w, other := p[0], p[1]
		ws := w.stem()
		if ws == nil || other.stem() != nil && strings.HasSuffix(other.text, w.text[len(ws.text):]) {
			continue // no ending, or both have it
		}
		if other.kind != kindWord || !alphabetic(other.script) {
			continue // a rendering of the stem in another script is the stem's alone
		}
		if abs(len(ws.xr)-len(other.xr)) > 1 {
			continue
		}
		if sim := spellingSim(ws, other); sim >= 0.95 {
			s = max(s, min(sim, 1-0.5/float64(len(w.xr))))
		}
	}
	return s
}

// A rendering in another script renders the name, not its Baltic form: ウラジーミル・プーチン
// is Vladimir Putin, not Vladimiras Putinas. Word by word an ending says little (Francis ~
// פרנק, Dukakis ~ דוקי: English -s and Greek -is are no endings), but a name whose every word
// has one, one of them an East Slavic given name or a Russian family name without it
// (Vladimiras, Vladimirs; Petrovas), is in a Baltic language's form: it is also compared
// without its endings (withoutBalticEndings) with renderings in scripts that write no vowels
// or write syllables (compare), and keyed so in an index (eachBalticKey).

// balticName reports whether a name in Latin letters is in a Baltic language's form: two words
// or more, each with a Baltic ending (balticStem), and one of them, without it, an East Slavic
// given name (givenName) or a Russian family name in -ov or -ev (Petrovas, Lavrovs).
func (k *Knowledge) balticName(n *name) bool {
	if !n.latin {
		return false
	}
	words, slavic := 0, false
	for _, t := range n.tokens {
		if t.kind != kindWord {
			continue
		}
		st := t.stem()
		if st == nil {
			return false
		}
		words++
		if g := k.givenNameOf(st.xt); g != "" && !strings.Contains(g, "+") || strings.HasSuffix(st.text, "ov") || strings.HasSuffix(st.text, "ev") {
			slavic = true
		}
	}
	return words >= 2 && slavic
}

// rendered reports whether a name is a rendering in a script that writes no vowels or writes
// syllables (Arabic, Hebrew; Han, Kana, Hangul): one in an alphabet meets a Baltic word
// word by word (balticStemSim).
func (n *name) rendered() bool { return n.rendition && !n.alphabetic }

// withoutBalticEndings is a name in a Baltic language's form (name.baltic) with its words
// without their endings (Vladimir Putin for Vladimiras Putinas), or the name itself.
func (n *name) withoutBalticEndings() *name {
	if !n.baltic {
		return n
	}
	c := *n
	c.baltic = false
	c.tokens = make([]*token, len(n.tokens))
	texts := make([]string, len(n.tokens))
	var joined strings.Builder
	for i, t := range n.tokens {
		c.tokens[i] = t
		if st := t.stem(); st != nil {
			s := &token{text: st.text, kind: kindWord, script: st.script}
			s.derive()
			s.w, s.given = t.w, t.given // the word's weight in an index, and its given name
			c.tokens[i] = s
		}
		texts[i] = c.tokens[i].text
		if t.kind == kindWord || t.kind == kindInitial {
			joined.WriteString(c.tokens[i].text)
		}
	}
	c.normalized = strings.Join(texts, " ")
	c.joined = joined.String()
	c.jn = int32(utf8.RuneCountInString(c.joined))
	return &c
}

// eachBalticKey calls fn with the retrieval keys (eachTokenKey, as filed) of the words of a
// name in a Baltic language's form without their endings.
func eachBalticKey(n *name, fn func(family byte, a, b string)) {
	if !n.baltic {
		return
	}
	for _, t := range n.withoutBalticEndings().tokens {
		if t.kind == kindWord {
			eachTokenKey(t, false, fn)
		}
	}
}

// balticKey is a word's key (family f, text a+b) as a key of the name (keyBaltic).
func balticKey(f byte, a, b string) string { return string(f) + a + "\x00" + b }
