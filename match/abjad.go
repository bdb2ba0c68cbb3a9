package match

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"
)

// A word in Arabic letters writes its long vowels with ا, و and ي (and ى, ة at the end), and,
// when it renders a foreign name, most of its vowels: فلاديمير is f-l-a-d-i-m-i-r. Its
// skeleton, which spellingSim compares with a Latin word's, drops them. Where the vowels the
// word writes are those of the Latin spelling, the pair says more than its consonants do
// (writtenVowelsAgree).

// abjadSim is the similarity of two words, one of them in an abjad, by their consonants: 0.9
// when their skeletons are one, writtenVowelsSim when the vowels the word in Arabic letters
// writes are those of the other too, 0 otherwise. Arabic writes the ch of foreign names تش
// (tsh: Vladimirovich, فلاديميروفيتش; Chavez, تشافيز), so a word in Arabic letters with tsh
// also has the skeleton it has read ch (the index files it: eachSpellingKey).
func abjadSim(x, y *token) float64 {
	if len(x.skel) >= 2 && x.skel == y.skel || len(x.skelX) >= 2 && x.skelX == y.skelX {
		if writtenVowelsAgree(x, y, y.xt) || writtenVowelsAgree(y, x, x.xt) {
			return writtenVowelsSim // فلاديمير, Vladimir: its vowels written as well
		}
		return 0.9
	}
	ab, lat := x, y
	if !ab.abjad() {
		ab, lat = y, x
	}
	if y := jAsY(lat); y != nil && ab.abjad() && strings.HasPrefix(ab.text, "y") {
		if s := abjadSim(ab, y); s > 0 {
			return s
		}
	}
	if len(x.skel) == 1 && x.skel == y.skel && (writesEveryVowel(x, y) || writesEveryVowel(y, x)) {
		return 0.9 // أيوب, Ayub: one consonant, and every vowel written alike
	}
	// Arabic's tsh is the ch of a Latin word, and of a Hebrew one (צ׳: تشاندلر, צ׳נדלר, Chandler).
	if ar, other := arabicFirst(x, y); ar.script == "arabic" && other.script != "arabic" && strings.Contains(ar.text, "tsh") &&
		strings.Contains(other.xt, "ch") && tshAsCh(ar.text) == other.skelX {
		if writtenVowelsAgree(ar, other, strings.ReplaceAll(other.xt, "ch", "tsh")) {
			return writtenVowelsSim
		}
		return 0.9
	}
	// Hebrew without points writes v and f with the letters of b and p (פופובה, Popova;
	// סטנוב, Satanow); the skeleton read so is the Latin word's.
	if ab.script == "hebrew" && !lat.abjad() && lat.kind == kindWord {
		for _, k := range hebrewSoftSkeletons(ab) {
			if k != "" && (k == lat.skel || k == lat.skelX) {
				return 0.9
			}
		}
	}
	// Hebrew writes the j of a biblical name's English form as the y it is (בנימין, Benjamin).
	if k := innerJAsY(lat); k != "" && ab.script == "hebrew" && (k == ab.skel || k == ab.skelX) {
		return 0.9
	}
	gh, ah := ghAsG(lat), "" // the Latin word's skeletons as Arabic writes it (below)
	if ab.script == "arabic" && strings.HasSuffix(ab.frame, "A") {
		ah = taMarbuta(lat)
	}
	// Arabic writes the article al- as part of the word (النبوي, al-Nabawi), Latin spellings
	// apart or not at all (Nabawi): the skeleton without it is the Latin word's.
	if ab.script == "arabic" && !lat.abjad() && lat.kind == kindWord && !strings.HasPrefix(lat.skel, "l") {
		if k := withoutArticle(ab); k != "" && (k == lat.skel || k == lat.skelX || k == gh || k == ah) {
			return 0.9
		}
	}
	// Latin spells غ gh, which unidecode reads g (غسان, Ghassan; البغدادي, al-Baghdadi), and
	// writes an h for the ة that ends a word (نصرة, Nusrah; حمزة, Hamzah), or a t before
	// another word (جبهة النصرة, Jabhat al-Nusrah), which unidecode leaves out (the word's
	// frame ends with its vowel).
	if ab.script == "arabic" && (gh != "" && gh == ab.skel || ah != "" && ah == ab.skel) {
		return 0.9
	}
	// Persian says ق as غ, and Latin spells both gh (انقلاب, Enghelab; قاسمی, Ghasemi).
	if gh != "" && gh == qAsG(ab) {
		return 0.9
	}
	return 0
}

// qAsG is the skeleton of a word in Arabic letters with its ق (q) read g, as Persian says it
// and Latin spellings of Persian write it, gh (abjadSim); "" for a word without ق, or in
// another script.
func qAsG(t *token) string {
	if t.script != "arabic" || !strings.Contains(t.text, "q") {
		return ""
	}
	return skeleton(strings.ReplaceAll(t.text, "q", "g"))
}

// taMarbuta is the skeleton of a Latin word that ends in ah or eh, or at or et, without its
// final h or t, as the ة an Arabic word may end with is read (abjadSim); "" for another word,
// or one of fewer than two consonants left.
func taMarbuta(t *token) string {
	if t.script != "latin" || t.kind != kindWord || len(t.text) < 3 {
		return ""
	}
	switch t.text[len(t.text)-2:] {
	case "ah", "eh", "at", "et":
		if k := skeleton(t.text[:len(t.text)-1]); len(k) >= 2 {
			return k
		}
	}
	return ""
}

// ghAsG is the skeleton of a Latin word with a gh read g, as Arabic's غ is (abjadSim); "" for
// a word without gh, or in another script.
func ghAsG(t *token) string {
	if t.script != "latin" || t.kind != kindWord || !strings.Contains(t.text, "gh") {
		return ""
	}
	return skeleton(strings.ReplaceAll(t.text, "gh", "g"))
}

// jAsY is a word that begins with j, in an alphabet, read with a y for it, as Central Europe
// and Scandinavia say it and Arabic and Hebrew write it (Jovanović, يوفانوفيتش; Josef, יוסף),
// for comparing with a word in an abjad that begins with its y (abjadSim); nil for another
// word, or one of fewer than three consonants.
func jAsY(t *token) *token {
	if t.abjad() || t.kind != kindWord || !strings.HasPrefix(t.text, "j") || len(t.skel) < 3 {
		return nil
	}
	return wordToken("y"+t.text[1:], t.script)
}

// innerJAsY is the skeleton of a word in Latin letters with a j after its first letter read
// y (Benjamin, benyamin: bnmn), of two consonants or more; "" for a word without such a j, or
// in another script (pinyin's j is no y).
func innerJAsY(t *token) string {
	if t.script != "latin" || t.kind != kindWord || len(t.text) < 2 || !strings.Contains(t.text[1:], "j") {
		return ""
	}
	if k := skeleton(t.text[:1] + strings.ReplaceAll(t.text[1:], "j", "y")); len(k) >= 2 {
		return k
	}
	return ""
}

// arabicFirst returns the two tokens with one in Arabic letters, if either is, first.
func arabicFirst(x, y *token) (*token, *token) {
	if x.script != "arabic" {
		return y, x
	}
	return x, y
}

// hebrewSoftSkeletons are the skeletons of a word in Hebrew letters with its b and p, after
// the first letter, read as the v and f they also write (ב, פ without a dagesh), and a פ that
// begins it as the f of a foreign name (פרננדז, Fernandez; פרנק, Frank): of its text,
// and of its spelling form, which reads ו and י as consonants (דוידוביץ׳, dvydvvych:
// Davidovich); "" for each that has none there or is a skeleton of the word already.
func hebrewSoftSkeletons(t *token) [4]string {
	var ks [4]string
	if t.script != "hebrew" {
		return ks
	}
	n := 0
	for i, s := range [2]string{t.text, t.xt} {
		if len(s) < 2 {
			continue
		}
		for _, first := range [2]string{s[:1], "f"} {
			if first == "f" && s[0] != 'p' || first != "f" && !strings.ContainsAny(s[1:], "bp") {
				continue
			}
			k := skeleton(first + hebrewSoft.Replace(s[1:]))
			if k != [2]string{t.skel, t.skelX}[i] && len(k) >= 2 && !slices.Contains(ks[:n], k) {
				ks[n] = k
				n++
			}
		}
	}
	return ks
}

var hebrewSoft = strings.NewReplacer("b", "v", "p", "f")

// withoutArticle is the skeleton of a word in Arabic letters that begins with the article
// ال (its frame with A, l), without the article, when two consonants or more are left; ""
// otherwise.
func withoutArticle(t *token) string {
	if !strings.HasPrefix(t.frame, "Al") || !strings.HasPrefix(t.text, "l") {
		return ""
	}
	if k := skeleton(t.text[1:]); len(k) >= 2 {
		return k
	}
	return ""
}

// tshAsCh is the skeleton of a word in Arabic letters, read in Latin ones, with its tsh read
// ch (abjadSim).
func tshAsCh(text string) string { return skeleton(strings.ReplaceAll(text, "tsh", "ch")) }

// abjadFrame is a word in Arabic letters with its consonants as unidecode reads them, in lower
// case, and its vowel letters marked in upper case: A for ا, آ, أ, إ and ة, I for ي, ی and ئ, U
// for و and ؤ, and X for ى, which ends words in a or in i (مصطفى, Mustafa; على, Ali), and for
// an ع no vowel letter follows. A Persian word's first و is a v.
func abjadFrame(w string) string {
	var b strings.Builder
	for i, r := range w {
		if i == 0 && persianV(w) {
			b.WriteByte('v')
			continue
		}
		switch r {
		case 'ع':
			// ع, which Latin spellings write as the vowel it carries (علي, Ali; عمر, Omar),
			// stands for any vowel where no vowel letter follows it; unidecode reads it as
			// nothing.
			if next, _ := utf8.DecodeRuneInString(w[i+len("ع"):]); !strings.ContainsRune("اآأإٱةيیئوؤى", next) {
				b.WriteByte('X')
			}
		case 'ا', 'آ', 'أ', 'إ', 'ٱ', 'ة':
			b.WriteByte('A')
		case 'ي', 'ی', 'ئ':
			b.WriteByte('I')
		case 'و', 'ؤ':
			b.WriteByte('U')
		case 'ى':
			b.WriteByte('X')
		default:
			frameConsonant(&b, r)
		}
	}
	return b.String()
}

// frameConsonant writes a consonant to a frame (abjadFrame, hebrewFrame): the letters of its
// reading by unidecode, in lower case.
func frameConsonant(b *strings.Builder, r rune) {
	for _, c := range strings.ToLower(unidecode.Unidecode(string(r))) {
		if c >= 'a' && c <= 'z' {
			b.WriteRune(c)
		}
	}
}

// persianLetters are letters Persian writes and Arabic does not: a word holding one is
// Persian (or Urdu), whose و is a v where it is a consonant.
const persianLetters = "یپچژگک"

// persianV reports whether a word in Arabic letters is Persian and begins with و, which is
// then a v (ولادیمیر, Vladimir; وحید, Vahid), where Arabic's is a w (وليد, Walid).
func persianV(w string) bool {
	return strings.HasPrefix(w, "و") && strings.ContainsAny(w, persianLetters)
}

// latinFrame is a Latin spelling marked as abjadFrame marks a word in Arabic letters: its
// vowels, and the w and y an abjad writes as vowel letters, in upper case.
func latinFrame(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("aeiouyw", r) {
			return r - 'a' + 'A'
		}
		return r
	}, s)
}

// vowelGaps splits a frame into its consonants, folded and with repeats collapsed as skeleton
// does, and the vowels (upper case) before the first and after each. With apart, a consonant
// repeated across a vowel is kept twice, as skeletonOf apart keeps it (רויר, r-UI-r, is not
// Roy).
func vowelGaps(frame string, apart bool) (string, []string) {
	var cons []byte
	gaps := []string{""}
	var last byte
	for i := 0; i < len(frame); i++ {
		c := frame[i]
		if c >= 'A' && c <= 'Z' {
			gaps[len(gaps)-1] += string(c)
			if apart {
				last = 0
			}
			continue
		}
		if c = skeletonClass(c); c == 0 || c == last {
			continue
		}
		cons = append(cons, c)
		gaps = append(gaps, "")
		last = c
	}
	return string(cons), gaps
}

// skeletonClass is a consonant's letter in a skeleton (0: none).
func skeletonClass(c byte) byte {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'w', '\'':
		return 0
	case 'v':
		return 'f'
	case 'p':
		return 'b'
	case 'g':
		return 'j'
	case 'c', 'k':
		return 'q'
	case 'z':
		return 's'
	}
	return c
}

// writtenVowelsAgree reports whether a word in Arabic letters (ab, with its frame) writes the
// vowels of a Latin spelling of its consonants (lat, read in spelling: its fold xt): each vowel letter it writes stands where
// the Latin spelling has a vowel like it (ا for a or e, ي for i, e or y, و for o, u or w), and
// it writes at least half of the Latin spelling's vowels, and two of them, or one in a word of
// three consonants or more (بوتن, Putin); the short vowels it leaves out may be anything.
func writtenVowelsAgree(ab, lat *token, spelling string) bool {
	if ab.frame == "" || lat.abjad() {
		return false
	}
	ac, ag := vowelGaps(ab.frame, false)
	lc, lg := vowelGaps(latinFrame(spelling), false)
	if ac != lc || len(ac) < 2 {
		return false
	}
	written, spoken := 0, 0
	for i, a := range ag {
		if lg[i] != "" {
			spoken++
		}
		if a == "" {
			continue
		}
		if lg[i] == "" {
			return false
		}
		for _, m := range a {
			if m != 'X' && !strings.ContainsAny(lg[i], writtenAlike[m]) {
				return false
			}
		}
		written++
	}
	return (written >= 2 || written == 1 && len(ac) >= 3) && 2*written >= spoken
}

// writesEveryVowel reports whether a word in Arabic letters (ab, with its frame) writes every
// vowel of a Latin word (lat), and the w and y it has: each with a vowel letter like it, in
// the same places among the consonants, and nothing more. For a word of one consonant (أيوب,
// Ayub, whose skeleton is b), where the skeleton says next to nothing, only so do the two
// spell one name.
func writesEveryVowel(ab, lat *token) bool {
	if ab.frame == "" || lat.abjad() || lat.kind != kindWord {
		return false
	}
	lf := latinFrame(lat.xt)
	if consonantGlide(ab.frame) {
		lf = cmp.Or(glideVowelDropped(lf), lf)
	}
	ac, ag := vowelGaps(ab.frame, true)
	lc, lg := vowelGaps(lf, true)
	if ac != lc || len(ag) != len(lg) {
		return false
	}
	vowels := 0
	for i, a := range ag {
		if len(a) != len(lg[i]) {
			return false
		}
		for j, m := range a {
			if m != 'X' && !strings.ContainsRune(writtenAlike[m], rune(lg[i][j])) {
				return false
			}
		}
		vowels += len(a)
	}
	return vowels >= 2
}

// consonantGlide reports whether a frame begins with ي or و and then a consonant: the y or w
// of a syllable whose short vowel Arabic does not write (يحيى, Yahya; وحيد, Wahid).
func consonantGlide(frame string) bool {
	return len(frame) >= 2 && (frame[0] == 'I' || frame[0] == 'U') && frame[1] >= 'a' && frame[1] <= 'z'
}

// glideVowelDropped is a Latin frame that begins with y or w, one vowel and a consonant,
// without that vowel, as consonantGlide reads the Arabic word (Yahya: Yhya); "" for another.
func glideVowelDropped(f string) string {
	if len(f) >= 3 && (f[0] == 'Y' || f[0] == 'W') && strings.IndexByte("AEIOU", f[1]) >= 0 && f[2] >= 'a' && f[2] <= 'z' {
		return f[:1] + f[2:]
	}
	return ""
}

// frameShape is the shape writesEveryVowel compares of a word of one consonant: its
// consonants and, for each vowel (letter), a dot (أيوب and Ayub: ...b); "" for a word of more
// consonants, or of fewer than two vowels, or one that writesEveryVowel does not read. The
// index files words under it (keyFrame).
func frameShape(t *token) string {
	if len(t.skel) != 1 || t.kind != kindWord {
		return ""
	}
	frame := t.frame
	if frame == "" {
		if t.abjad() {
			return ""
		}
		frame = latinFrame(t.xt)
	}
	return shapeOf(frame)
}

// glideShape is the frameShape of a Latin word of one consonant that begins with y or w and
// a vowel, without that vowel (glideVowelDropped), "" for another: the index files it too.
func glideShape(t *token) string {
	if len(t.skel) != 1 || t.kind != kindWord || t.frame != "" || t.abjad() {
		return ""
	}
	if f := glideVowelDropped(latinFrame(t.xt)); f != "" {
		return shapeOf(f)
	}
	return ""
}

// shapeOf is the shape of a frame (frameShape).
func shapeOf(frame string) string {
	cons, gaps := vowelGaps(frame, true)
	var b strings.Builder
	vowels := 0
	for i, g := range gaps {
		vowels += len(g)
		b.WriteString(strings.Repeat(".", len(g)))
		if i < len(cons) {
			b.WriteByte(cons[i])
		}
	}
	if vowels < 2 {
		return ""
	}
	return b.String()
}

// writtenAlike are the Latin vowels (in upper case) a vowel letter of abjadFrame stands for.
var writtenAlike = map[rune]string{'A': "AE", 'I': "IEY", 'U': "OUW"}

// Uyghur is written in Arabic letters that write every vowel (ئىلھام توختى, Ilham Tohti;
// رابىيە قادىر, Rebiya Kadeer), with letters of its own (ە ې ۆ ۈ ۇ ڭ ۋ) and ى for i inside a
// word, where Arabic writes it at the end alone. A name with a word so written is read as
// Uyghur (uyghurLatin), and compared by its consonants as Arabic is.

// uyghurLetters are letters Uyghur writes and Arabic and Persian do not.
const uyghurLetters = "ەېۆۈۇڭۋ"

// uyghurWord reports whether a word in Arabic letters is Uyghur: it holds one of its letters,
// or ى before its end, or begins with ئ and a vowel (ئى, ئا, ئو).
func uyghurWord(w string) bool {
	if isASCII(w) {
		return false // most words, in Latin letters: no need to look further
	}
	if strings.ContainsAny(w, uyghurLetters) {
		return true
	}
	if i := strings.Index(w, "ى"); i >= 0 && i+len("ى") < len(w) {
		return true
	}
	return strings.HasPrefix(w, "ئى") || strings.HasPrefix(w, "ئا") || strings.HasPrefix(w, "ئو")
}

// uyghurLatin reads a Uyghur word in Latin letters after the Uyghur Latin script (ULY), with
// خ read h, as names from Xinjiang are spelt (Tohti, Ilham: the pinyin-based romanization),
// ö and ü written o and u, and the hamza that carries a vowel silent.
func uyghurLatin(w string) string {
	var b strings.Builder
	for _, r := range w {
		if l, ok := uyghurLatinLetters[r]; ok {
			b.WriteString(l)
		} else {
			b.WriteString(strings.ToLower(unidecode.Unidecode(string(r))))
		}
	}
	return b.String()
}

var uyghurLatinLetters = map[rune]string{
	'ا': "a", 'ە': "e", 'ب': "b", 'پ': "p", 'ت': "t", 'ج': "j", 'چ': "ch", 'خ': "h", 'د': "d",
	'ر': "r", 'ز': "z", 'ژ': "zh", 'س': "s", 'ش': "sh", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k",
	'گ': "g", 'ڭ': "ng", 'ل': "l", 'م': "m", 'ن': "n", 'ھ': "h", 'ه': "h", 'و': "o", 'ۇ': "u",
	'ۆ': "o", 'ۈ': "u", 'ۋ': "w", 'ې': "e", 'ى': "i", 'ي': "y", 'ی': "y", 'ئ': "",
}
