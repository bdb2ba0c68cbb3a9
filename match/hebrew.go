package match

import (
	"strings"

	"github.com/mozillazg/go-unidecode"
)

// hebrewLatin reads a Hebrew word, without points, in Latin letters as unidecode does, but for
// the letters that are also vowels, which unidecode reads as consonants (ו v, י y): ו is a v
// at the start of a word or doubled (ולדימיר, Vladimir; דוויד), and a u elsewhere, where Hebrew
// writes o and u with it (פוטין, Putin; אובראדוביץ', Obradović); י is a y at the start of a
// word or doubled, and an i elsewhere (ננסי, Nancy); ה at the end of a word is an a (פאולה,
// Paula). Inside a word ו is also a v (דוד, David), י a y, and a final ה an h (לאה, Leah): a
// Hebrew word's spelling form (xt) reads them so (hebrewConsonants), and its skeletons are
// those of both readings.
//
// A letter with a geresh (׳, kept by Normalize) writes a sound Hebrew has no letter for, in
// foreign names: ג׳ j, ז׳ zh, צ׳ ch, ח׳ kh, ת׳ th, ד׳ dh (gereshSounds).
func hebrewLatin(w string) string {
	rs := []rune(w)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		l, ok := hebrewVowelLetters[r]
		switch doubled := i+1 < len(rs) && rs[i+1] == r; {
		case r == '\u05f3':
		case i+1 < len(rs) && rs[i+1] == '\u05f3' && gereshSounds[r] != "":
			b.WriteString(gereshSounds[r])
			i++
		case r == 'ה' && i == len(rs)-1 && i > 0:
			b.WriteByte('a') // פאולה, Paula
		case !ok:
			b.WriteString(strings.ToLower(unidecode.Unidecode(string(r))))
		case i == 0 || doubled:
			b.WriteByte(l[0]) // the consonant
			if doubled {
				i++
			}
		default:
			b.WriteByte(l[1]) // the vowel
		}
	}
	return b.String()
}

// gereshSounds are the sounds the letters write with a geresh.
var gereshSounds = map[rune]string{'ג': "j", 'ז': "zh", 'צ': "ch", 'ץ': "ch", 'ח': "kh", 'ת': "th", 'ד': "dh"}

// hebrewVowelLetters are the letters Hebrew writes vowels with, as consonant and as vowel.
var hebrewVowelLetters = map[rune]string{'ו': "vu", 'י': "yi"}

// hebrewConsonants reads the u and i of hebrewLatin as the consonants ו and י also are, and
// ש, unpointed, as the s it also is (שרה, Sarah).
var hebrewConsonants = strings.NewReplacer("u", "v", "i", "y", "sh", "s")

// hebrewFrame is a Hebrew word marked as abjadFrame marks one in Arabic letters: ו inside it
// is U (a v at its start or doubled), י is I, א and ע are A (letters that carry a vowel in
// foreign names: אדנה, Edna), and ה at its end is A (פאולה, Paula); other letters are read as
// hebrewLatin reads them, in lower case.
func hebrewFrame(w string) string {
	rs := []rune(w)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		doubled := i+1 < len(rs) && rs[i+1] == r
		switch {
		case r == '\u05f3':
		case i+1 < len(rs) && rs[i+1] == '\u05f3' && gereshSounds[r] != "":
			b.WriteString(gereshSounds[r])
			i++
		case r == 'ו' && (i == 0 || doubled):
			b.WriteByte('v')
			if doubled {
				i++
			}
		case r == 'ו':
			b.WriteByte('U')
		case r == 'י':
			b.WriteByte('I')
			if doubled {
				i++
			}
		case r == 'א' || r == 'ע' || r == 'ה' && i == len(rs)-1:
			b.WriteByte('A')
		default:
			frameConsonant(&b, r)
		}
	}
	return b.String()
}
