package match

import "strings"

// Cyrillic names reach Latin letters by several systems, and Oversight's own reading of
// Cyrillic (unidecode, close to ICAO 9303 as in passports: Юрий is Iurii, Яна Iana) is one of
// them; the press writes Yuri and Yana (BGN/PCGN), others Jurij, Jana. The systems differ most
// in how they write the iotated vowels and й, и, ы (y, i, j, ii, iy, yy) and х (kh, h, x).
// cyrillicFold erases those differences, and a Cyrillic word and a Latin one pair at 0.95 when
// their folds are equal (spellingSim): Sergei, Sergey and Sergej; Zelenskii, Zelensky and
// Zelenskyy; Iurii and Yuri; Evgenii and Yevgeny.

// cyrillicFold folds a Latin spelling of a Cyrillic name: j and y are i; kh is h; tz is ts;
// e at the start of a word may be written ye (Yevgeny, Evgenii); a letter written twice is
// one.
func cyrillicFold(s string) string {
	s = cyrillicLetters.Replace(s)
	if strings.HasPrefix(s, "ie") {
		s = s[1:]
	}
	var b strings.Builder
	b.Grow(len(s))
	var last rune
	for _, r := range s {
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

var cyrillicLetters = strings.NewReplacer("j", "i", "y", "i", "kh", "h", "tz", "ts")

// cyrillicPair reports whether, of two words, one is written in Cyrillic and the other in
// Latin letters, and their cyrillicFolds are equal.
func cyrillicPair(x, y *token) bool {
	if y.script == "cyrillic" {
		x, y = y, x
	}
	return x.script == "cyrillic" && y.script == "latin" && x.kind == kindWord && y.kind == kindWord &&
		cyrillicFold(x.text) == cyrillicFold(y.text)
}
