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

var cyrillicLetters = newFold("j", "i", "y", "i", "kh", "h", "tz", "ts")

// appendCyrillicFold appends the cyrillicFold of an ASCII word to dst, allocating nothing
// when dst has room: analyze looks every Latin word up by its fold (Knowledge.russianLatin).
// Words with other characters are folded by cyrillicFold.
func appendCyrillicFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return append(dst, cyrillicFold(s)...)
		}
	}
	start, n := len(dst), 0 // n: letters put so far, before collapsing repeats
	var last byte
	put := func(c byte) {
		n++
		if n == 2 && c == 'e' && dst[start] == 'i' { // ie at the start is e
			dst[start], last = 'e', 'e'
			return
		}
		if c != last {
			dst = append(dst, c)
		}
		last = c
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'k' && i+1 < len(s) && s[i+1] == 'h':
			put('h')
			i++
		case c == 't' && i+1 < len(s) && s[i+1] == 'z':
			put('t')
			put('s')
			i++
		case c == 'j' || c == 'y':
			put('i')
		default:
			put(c)
		}
	}
	return dst
}

// cyrillicPair reports whether, of two words, one is written in Cyrillic and the other in
// Latin letters, and their cyrillicFolds are equal, the Latin word read in the Polivanov
// system too.
func cyrillicPair(x, y *token) bool {
	if y.script == "cyrillic" {
		x, y = y, x
	}
	if x.script != "cyrillic" || y.script != "latin" || x.kind != kindWord || y.kind != kindWord {
		return false
	}
	f := cyrillicFold(x.text)
	if f == cyrillicFold(y.text) {
		return true
	}
	if p := polivanov(y.text); p != "" && f == cyrillicFold(p) { // a Japanese name: Michikazu, Митикадзу
		return true
	}
	ts := slavicC(y.text) // Lorenc, Лоренц
	return ts != "" && f == cyrillicFold(ts)
}

// slavicC is a Latin word with its c read ts, as the Slavic languages and Hungarian write it
// in Latin letters (Lorenc, Лоренц; Babica, Бабица), but in ch, ck, cz and cs; "" for a word
// with no other c.
func slavicC(w string) string {
	if !strings.Contains(w, "c") {
		return ""
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(w); i++ {
		if w[i] == 'c' && (i+1 == len(w) || strings.IndexByte("hkzs", w[i+1]) < 0) {
			b.WriteString("ts")
			changed = true
			continue
		}
		b.WriteByte(w[i])
	}
	if !changed {
		return ""
	}
	return b.String()
}

// polivanov is a Latin word spelt in Japanese syllables (Hepburn) as Russian writes it in the
// Polivanov system, read back as Oversight reads Cyrillic: shi is си (si), chi ти (ti), ji дзи
// (dzi), zu дзу (dzu), sho сё (se), yo ё (e), wa ва (va), n before b, p or m м: Michikazu is
// Митикадзу, mitikadzu; Shunsuke Сюнсукэ, siunsuke; Jōhō Дзёхо, dzekho. It is "" when the
// word is not spelt in Japanese syllables or reads the same.
func polivanov(w string) string {
	w = jaFold(w)
	p := polivanovLetters.Replace(w) // no allocation when nothing changes: most words
	if p == w || !spelledIn(w, kanaSyllables, true) {
		return ""
	}
	return p
}

// polivanovLetters are Hepburn's spellings that the Polivanov system writes otherwise, read as
// Oversight reads its Cyrillic.
var polivanovLetters = newFold(
	"shi", "si", "sha", "sia", "shu", "siu", "sho", "se",
	"chi", "ti", "cha", "tia", "chu", "tiu", "cho", "te",
	"ji", "dzi", "ja", "dzia", "ju", "dziu", "jo", "dze",
	"zu", "dzu", "za", "dza", "ze", "dze", "zo", "dzo",
	"kyo", "ke", "gyo", "ge", "nyo", "ne", "hyo", "khe", "byo", "be", "pyo", "pe", "myo", "me", "ryo", "re",
	"yo", "e", "wa", "va", "nb", "mb", "np", "mp", "nm", "mm",
)

// Serbian and Macedonian write their Cyrillic letter for letter as their Latin alphabets do
// (Gaj's: Милошевић is Milošević, Жељко Ражнатовић Željko Ražnatović), and lists write the
// Latin without its marks (MILOSEVIC, Zeljko RAZNATOVIC), as Normalize does. A word with a
// letter only they write (ђ, ћ, љ, њ, џ, ј; ѓ, ќ, ѕ) is read so: ш is s, ч and ћ c, ж z, as
// the Latin letters š, č, ć, ž are once their marks are dropped, not sh, ch and zh as in a
// Russian name.

// serbian reports whether a word in (lower-case) Cyrillic letters has a letter only Serbian
// or Macedonian writes.
func serbian(w string) bool { return strings.ContainsAny(w, "ђћљњџјѓќѕ") }

// serbianLatin is a word in Serbian or Macedonian Cyrillic (lower case) in the Latin letters
// of its language, without their marks.
func serbianLatin(w string) string { return serbianLetters.Replace(w) }

var serbianLetters = strings.NewReplacer(
	"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "ђ", "d", "е", "e", "ж", "z", "з", "z",
	"и", "i", "ј", "j", "к", "k", "л", "l", "љ", "lj", "м", "m", "н", "n", "њ", "nj", "о", "o",
	"п", "p", "р", "r", "с", "s", "т", "t", "ћ", "c", "у", "u", "ф", "f", "х", "h", "ц", "c",
	"ч", "c", "џ", "dz", "ш", "s", "ѓ", "g", "ќ", "k", "ѕ", "dz",
)

// latinStemSim is the similarity of a Latin name in -us and its Russian form, which drops the
// ending, and writes -ius -ий (Camillus, Камилл; Caninus, Канин; Volumnius, Волумний,
// volumnii): the word without its ending against the other, below an exact match; 0 for
// another pair, or a stem of three letters or fewer (Lexus is not Лекси).
func latinStemSim(x, y *token) float64 {
	if y.script == "latin" {
		x, y = y, x
	}
	if x.script != "latin" || y.script != "cyrillic" || x.kind != kindWord || y.kind != kindWord {
		return 0
	}
	stem, ok := strings.CutSuffix(x.text, "us")
	if !ok || len(stem) < 4 {
		return 0
	}
	s := spellingSim(wordToken(stem, "latin"), y)
	if strings.HasSuffix(stem, "i") {
		s = max(s, spellingSim(wordToken(stem+"i", "latin"), y))
	}
	if s < 0.9 {
		return 0
	}
	return min(s, 1-0.5/float64(len(x.text)))
}

// russianH is the similarity of a Latin word that begins with h and a word in Cyrillic that
// begins with г, as Russian has long written the h of German, Dutch and classical names
// (Himmler, Гиммлер; Hirtius, Гирций; Helmut, Гельмут): the Latin word read with a g there
// against the other; 0 for another pair.
func russianH(x, y *token) float64 {
	if y.script == "latin" {
		x, y = y, x
	}
	if x.script != "latin" || y.script != "cyrillic" || x.kind != kindWord || y.kind != kindWord ||
		len(x.text) < 4 || x.text[0] != 'h' || y.text[0] != 'g' || x.text[1] == 'h' {
		return 0
	}
	g := wordToken("g"+x.text[1:], "latin")
	return max(spellingSim(g, y), latinStemSim(g, y))
}

// russianForms calls fn with the readings of a word that latinStemSim and russianH pair with
// words of another script, and that script: a Latin word in -us without it (and -ius as
// -ii), and with its h read g, against Cyrillic; a Cyrillic word with -us (and -ii as -ius),
// and with its g read h, against Latin.
func russianForms(t *token, fn func(*token, string)) {
	if t.kind != kindWord || len(t.text) < 4 {
		return
	}
	var forms [6]string
	n := 0
	add := func(w string) {
		forms[n] = w
		n++
	}
	switch t.script {
	case "latin":
		heads := []string{t.text}
		if t.text[0] == 'h' && t.text[1] != 'h' {
			add("g" + t.text[1:])
			heads = append(heads, forms[0])
		}
		for _, w := range heads {
			if stem, ok := strings.CutSuffix(w, "us"); ok && len(stem) >= 4 {
				add(stem)
				if strings.HasSuffix(stem, "i") {
					add(stem + "i")
				}
			}
		}
		for _, w := range forms[:n] {
			fn(wordToken(w, "latin"), "cyrillic")
		}
	case "cyrillic":
		heads := []string{t.text}
		if t.text[0] == 'g' {
			add("h" + t.text[1:])
			heads = append(heads, forms[0])
		}
		for _, w := range heads {
			add(w + "us")
			if stem, ok := strings.CutSuffix(w, "ii"); ok {
				add(stem + "ius")
			}
		}
		for _, w := range forms[:n] {
			fn(wordToken(w, "latin"), "latin")
		}
	}
}
