package match

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

var folder = cases.Fold()

// Normalize returns the comparable form of a name: Unicode NFKC, case-folded, diacritics
// removed (so "Müller" meets "Muller"; see keepsMarks), the Latin letters that have no
// diacritic to remove spelt in plain ones (latinLetters: Łukasz, Lukasz), punctuation turned
// into spaces (but an apostrophe inside a word, which joins it, and a Hebrew geresh, kept as
// ׳: ג'ורג', ג׳ורג׳), runs of space collapsed, then recomposed (NFC, so Hangul syllables stay
// whole). It is idempotent: a few characters change again under a second pass, so passes
// repeat until nothing changes.
func Normalize(s string) string {
	out := normalizeOnce(dropEzafe(s))
	for i := 0; i < 3; i++ {
		again := normalizeOnce(out)
		if again == out {
			break
		}
		out = again
	}
	return out
}

// dropEzafe removes the ezafe of Latin spellings of Persian, an e or ye joined by a hyphen to
// the word it links to the next (Sepah-e Pasdaran-e Enghelab, Bank-e Melli: Sepah Pasdaran
// Enghelab), which the Persian script does not write (سپاه پاسداران انقلاب). Urdu's -i
// (Tehrik-i-Taliban) is left: Korean names write syllables so (Song-i).
func dropEzafe(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	var b []byte
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '-' || i == 0 {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); !unicode.IsLetter(r) {
			continue
		}
		n := 0
		switch rest := s[i+1:]; {
		case len(rest) >= 2 && (rest[0] == 'y' || rest[0] == 'Y') && (rest[1] == 'e' || rest[1] == 'E'):
			n = 2
		case len(rest) >= 1 && (rest[0] == 'e' || rest[0] == 'E'):
			n = 1
		default:
			continue
		}
		if next, _ := utf8.DecodeRuneInString(s[i+1+n:]); i+1+n < len(s) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
			continue // a word after the hyphen (Jean-Eudes), not an ezafe
		}
		b = append(b, s[last:i]...)
		b = append(b, ' ')
		last = i + 1 + n
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// normalizeAtComma returns Normalize(s) and, when s has one comma, the number of words of
// the normalised name before it (0 otherwise): a family name written first (KIM, Su Il). It
// normalises the two sides apart and joins them, which gives Normalize(s) (a comma is a
// break that joins nothing: FuzzNormalizeAtComma) without normalising a side twice.
func normalizeAtComma(s string) (string, int) {
	before, after, ok := strings.Cut(s, ",")
	if !ok || strings.Contains(after, ",") {
		return Normalize(s), 0
	}
	b, a := Normalize(before), Normalize(after)
	switch {
	case b == "":
		return a, 0
	case a == "":
		return b, strings.Count(b, " ") + 1
	}
	return b + " " + a, strings.Count(b, " ") + 1
}

func normalizeOnce(s string) string {
	ascii := isASCII(s)
	var d []rune
	if ascii { // the Unicode forms and case folding of ASCII are its lower case
		d = []rune(strings.ToLower(s))
	} else {
		d = []rune(decompose(s))
	}
	var b strings.Builder
	space := true
	tokenLen := 0   // letters and digits in the current token
	abbrev := false // the current token is an abbreviation written with dots
	keepMarks := false
	var last rune // the last letter or digit written
	for i, r := range d {
		switch {
		case r >= 0x80 && unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me):
			// Spacing marks (Mc) are vowel signs of the Brahmic scripts (the ा and ी of
			// व्लादिमीर): part of the word like the others, never a break.
			if keepMarks && !space {
				b.WriteRune(r)
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			last = r
			keepMarks = !ascii && unicode.IsLetter(r) && keepsMarks(r)
			if l := plainLatin(r); l != "" {
				b.WriteString(l)
			} else {
				b.WriteRune(r)
			}
			space = false
			tokenLen++
		case r != '\u05f4' && isApostrophe(r) && tokenLen > 0 && gereshSounds[last] != "":
			// A geresh after ג, ז, צ, ח, ת or ד writes a sound Hebrew has no letter for (ג׳
			// j, צ׳ ch: ג׳ורג׳, George; דוידוביץ׳, Davidovich), at the end of a word too:
			// kept, as ׳, for hebrewLatin.
			b.WriteRune('\u05f3')
		case isApostrophe(r) && tokenLen > 0 && i+1 < len(d) && unicode.IsLetter(d[i+1]):
			// Qa'ida, O'Brien, People's: the apostrophe joins, it does not separate.
		case r == '.' && (tokenLen == 1 || abbrev) && i+1 < len(d) && unicode.IsLetter(d[i+1]):
			// An abbreviation written with dots (b.v., s.a., u.s.a.) stays one token.
			abbrev = true
		case r >= 0x80 && unicode.Is(unicode.Cf, r) && r != '\u200c':
			// A format character (a soft hyphen, the joiner of Indic conjuncts) is no break;
			// the zero-width non-joiner is, as it parts the words of Persian compounds
			// (پزشک‌فر).
		case r == '&':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("& ")
			space, tokenLen, abbrev = true, 0, false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			tokenLen, abbrev = 0, false
		}
	}
	if ascii {
		return strings.TrimSpace(b.String())
	}
	return norm.NFC.String(strings.TrimSpace(b.String()))
}

// keepsMarks reports whether the combining marks after letter r are part of the word: in
// Latin, Greek and Cyrillic they are diacritics, and in Arabic and Hebrew optional vowel
// points, all dropped; in Kana (the voicing marks of ベ and パ) and the Brahmic scripts (vowel
// signs) they change the sound, and stay.
func keepsMarks(r rune) bool {
	return r >= 0x80 && !unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Arabic, unicode.Hebrew)
}

// latinLetters are the Latin letters with no decomposition into a base letter and a mark,
// which Normalize writes in the letters they are spelt with in English, as it drops the marks
// of others: Łukasz is Lukasz, Søren Soren, Đorđević Dordevic, Əliyev Aliyev.
var latinLetters = map[rune]string{
	'ł': "l", 'ø': "o", 'æ': "ae", 'œ': "oe", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
	'ħ': "h", 'ŧ': "t", 'ŀ': "l", 'ŋ': "ng", 'ĸ': "k", 'ə': "a", 'ǝ': "a", 'ɨ': "i",
}

// plainLatin is the spelling latinLetters gives r, "" if none (ASCII letters skip the lookup).
func plainLatin(r rune) string {
	if r < 0x80 {
		return ""
	}
	return latinLetters[r]
}

// decompose is s in NFKC, case-folded, then in NFD.
func decompose(s string) string { return norm.NFD.String(folder.String(norm.NFKC.String(s))) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u02bc', '\u02bb', '`', '\u00b4', '\u05f3', '\u05f4': // ׳ and ״, Hebrew's geresh and gershayim
		return true
	}
	return false
}
