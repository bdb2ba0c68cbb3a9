package match

import (
	"strings"
	"unicode"
)

// alternatives splits a name that lists several names of one body with slashes
// ("Al-Qa'ida/Islamic Army", "New People's Army / Communist Party of the Philippines") into
// those names, and returns nil when it lists one.
//
// A slash separates names only where the words on both its sides have two letters or more
// (letters: a Han, Kana or Hangul one counts as two), so the slashes of A/S, S/A, c/o, DHKP/C
// and 1/2 stay inside one name, and a part must have a word of three letters or more
// (S.A./N.V.). A slash written without spaces more often joins two words that stand for one
// (7th of Tir Industries of Isfahan/Esfahan, Import/Export Corporation): without a space
// beside any slash, the name is split only into parts of about the same length (their
// numbers of words differ by one at most). Parts that end in the same word (or in words a
// typo apart, typoBudget) list kinds of one body (Joumaa Money Laundering Organization / Drug
// Trafficking Organization), not its names: such a name is not split. A part that is only
// the name of a place or country (Harakat ul-Jihad-i-Islami/Bangladesh) names no body and is
// left out.
func (k *Knowledge) alternatives(s string) []string {
	if !strings.ContainsAny(s, "/／") {
		return nil
	}
	rs := []rune(s)
	var parts []string
	start, spaced := 0, false
	for i, r := range rs {
		if (r == '/' || r == '／') && wordLetters(rs, i, -1) >= 2 && wordLetters(rs, i, 1) >= 2 {
			parts = append(parts, string(rs[start:i]))
			start = i + 1
			spaced = spaced || unicode.IsSpace(rs[i-1]) || unicode.IsSpace(rs[i+1])
		}
	}
	if parts == nil {
		return nil
	}
	parts = append(parts, string(rs[start:]))
	if !spaced {
		fewest, most := len(strings.Fields(parts[0])), 0
		for _, p := range parts {
			n := len(strings.Fields(p))
			fewest, most = min(fewest, n), max(most, n)
		}
		if most-fewest > 1 {
			return nil
		}
	}
	heads := make([][]rune, len(parts))
	for i, p := range parts {
		heads[i] = []rune(k.head(p))
		for _, h := range heads[:i] {
			if boundedLevenshtein(h, heads[i], typoBudget(len(h))) <= typoBudget(len(h)) {
				return nil
			}
		}
	}
	kept := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); !k.placeNames[Normalize(p)] && longWord(p) {
			kept = append(kept, p)
		}
	}
	return kept
}

// wordLetters counts the letters of the word next to the slash at rs[at], before it when dir
// is -1 and after it when 1, spaces between slash and word skipped.
func wordLetters(rs []rune, at, dir int) int {
	i := at + dir
	for i >= 0 && i < len(rs) && unicode.IsSpace(rs[i]) {
		i += dir
	}
	n := 0
	for ; i >= 0 && i < len(rs) && !unicode.IsSpace(rs[i]) && rs[i] != '/' && rs[i] != '／'; i += dir {
		n += letters(rs[i])
	}
	return n
}

// letters is what a rune counts as letters: two for a Han, Kana or Hangul one, whose
// syllable is a word of its own as often as not, one for others, none for other characters.
func letters(r rune) int {
	switch {
	case !unicode.IsLetter(r):
		return 0
	case r >= 0x2E80:
		return 2
	}
	return 1
}

// withAlternatives is the name followed by the names it lists (alternatives).
func (k *Knowledge) withAlternatives(s string) []string {
	return append([]string{s}, k.alternatives(s)...)
}

// longWord reports whether s has a word of three letters or more (letters).
func longWord(s string) bool {
	for _, w := range strings.Fields(s) {
		n := 0
		for _, r := range w {
			if r == '/' || r == '／' {
				break
			}
			n += letters(r)
		}
		if n >= 3 {
			return true
		}
	}
	return false
}

// head is the last word of a name that is not a legal form, normalised.
func (k *Knowledge) head(s string) string {
	ws := strings.Fields(Normalize(s))
	for len(ws) > 1 && k.legal[ws[len(ws)-1]] != "" {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}
