package match

import "strings"

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
