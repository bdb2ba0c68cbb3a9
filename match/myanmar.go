package match

import (
	"slices"
	"strings"
)

// Burmese writes a syllable as a consonant (or အ, which carries a vowel alone), its medials
// (ျ ြ ွ ှ), its vowel signs and a final consonant silenced by the asat (်), and marks tones
// (း ့) that names spelt in Latin letters leave out. It writes no space between the syllables
// of a name (မင်းအောင်လှိုင်, Min Aung Hlaing) and one between the words of a foreign name
// (ဗလာဒီမီယာ ပူတင်, Vladimir Putin). unidecode reads the letters one by one, without the
// vowel a consonant carries or the sound of a final (mng for မင်း, min). burmeseLatin reads
// each syllable as names from Myanmar are usually spelt in English (after the conventions of
// the Myanmar Language Commission's and the press's spellings: Aung, Hlaing, Kyaw, Myint,
// Thein, Shwe), written together.

// burmeseInitials are the consonants' sounds at the start of a syllable, as names spell them:
// ဆ s (Aung San), ထ ht (Htin Kyaw), သ th (Thein Sein), ရ y (Yangon).
var burmeseInitials = map[rune]string{
	'က': "k", 'ခ': "kh", 'ဂ': "g", 'ဃ': "g", 'င': "ng", 'စ': "s", 'ဆ': "s", 'ဇ': "z", 'ဈ': "z",
	'ည': "ny", 'ဉ': "ny", 'ဋ': "t", 'ဌ': "ht", 'ဍ': "d", 'ဎ': "d", 'ဏ': "n", 'တ': "t", 'ထ': "ht",
	'ဒ': "d", 'ဓ': "d", 'န': "n", 'ပ': "p", 'ဖ': "hp", 'ဗ': "b", 'ဘ': "b", 'မ': "m", 'ယ': "y",
	'ရ': "y", 'လ': "l", 'ဝ': "w", 'သ': "th", 'ဟ': "h", 'ဠ': "l", 'အ': "",
}

// burmeseVowels are the independent vowels, each a syllable's start and vowel at once (ဦး, U).
var burmeseVowels = map[rune]string{'ဣ': "i", 'ဤ': "i", 'ဥ': "u", 'ဦ': "u", 'ဧ': "e", 'ဩ': "aw", 'ဪ': "aw"}

// burmeseFinals are the rhymes a final consonant makes after the vowel it follows: the final
// class (k for က်, ng for င်, t for တ် ပ် စ်, n for န် မ် ဉ်, and ည် and ယ်, which end in a
// vowel) and the vowel signs written before it.
var burmeseFinals = map[[2]string]string{
	{"", "k"}: "et", {"", "ng"}: "in", {"", "c"}: "it", {"", "t"}: "at", {"", "n"}: "an", {"", "ny"}: "i", {"", "y"}: "e",
	{"i", "k"}: "eik", {"i", "t"}: "eik", {"i", "n"}: "ein", {"i", "ng"}: "ein",
	{"u", "k"}: "ok", {"u", "t"}: "ok", {"u", "n"}: "on", {"u", "ng"}: "on",
	{"o", "k"}: "aik", {"o", "ng"}: "aing", {"o", "t"}: "aik", {"o", "n"}: "ain",
	{"aw", "k"}: "auk", {"aw", "ng"}: "aung",
}

// burmeseFinalClass is the class of a consonant silenced by the asat.
var burmeseFinalClass = map[rune]string{
	'က': "k", 'ခ': "k", 'ဂ': "k", 'င': "ng", 'စ': "c", 'ဇ': "c", 'တ': "t", 'ထ': "t", 'ဒ': "t",
	'ပ': "t", 'ဗ': "t", 'န': "n", 'ဏ': "n", 'မ': "n", 'ဉ': "n", 'ည': "ny", 'ယ': "y", 'လ': "n",
}

// Marks.
const (
	burmeseAsat     = '\u103A' // ်: the consonant before it has no vowel (a final)
	burmeseVirama   = '\u1039' // ္: the consonant before it ends a syllable, the one after starts one
	burmeseAnusvara = '\u1036' // ံ: a final n
)

// burmeseSyllable is a syllable as burmeseLatin gathers it.
type burmeseSyllable struct {
	onset          string // the initial's sound, "" for အ
	y, r, w, h     bool   // medials ျ, ြ, ွ, ှ
	initial        rune
	vowel          string // the vowel signs, read: "", a, i, u, e, ai, aw, o
	final          string // a final's class (burmeseFinalClass), or "n" for the anusvara
	independentVow string // an independent vowel's sound
}

// burmeseLatin reads a word written in Burmese letters as names spell it in Latin letters:
// its syllables (see above), each a word. Letters it does not know are left out.
func burmeseLatin(w string) string {
	rs := []rune(w)
	var out []string
	var syl *burmeseSyllable
	flush := func() {
		if syl != nil {
			out = append(out, syl.latin())
			syl = nil
		}
	}
	// silenced reports whether the consonant at i is a final: an asat follows it (a tone mark
	// may come between), or a virama.
	silenced := func(i int) bool {
		for j := i + 1; j < len(rs); j++ {
			switch rs[j] {
			case burmeseAsat, burmeseVirama:
				return true
			case '\u1037', '\u1038': // tone marks
				continue
			}
			return false
		}
		return false
	}
	for i, r := range rs {
		if s, ok := burmeseInitials[r]; ok {
			if syl != nil && silenced(i) {
				syl.final = burmeseFinalClass[r]
				continue
			}
			flush()
			syl = &burmeseSyllable{onset: s, initial: r}
			continue
		}
		if v, ok := burmeseVowels[r]; ok {
			flush()
			syl = &burmeseSyllable{independentVow: v}
			continue
		}
		if syl == nil {
			continue
		}
		switch r {
		case '\u103B': // ျ
			syl.y = true
		case '\u103C': // ြ
			syl.r = true
		case '\u103D': // ွ
			syl.w = true
		case '\u103E': // ှ
			syl.h = true
		case '\u102B', '\u102C': // ါ ာ
			if syl.vowel == "e" {
				syl.vowel = "aw" // ော
			} else {
				syl.vowel = "a"
			}
		case '\u102D', '\u102E': // ိ ီ
			syl.vowel = "i"
		case '\u102F', '\u1030': // ု ူ
			if syl.vowel == "i" {
				syl.vowel = "o" // ို
			} else {
				syl.vowel = "u"
			}
		case '\u1031': // ေ
			syl.vowel = "e"
		case '\u1032': // ဲ
			syl.vowel = "ai"
		case burmeseAnusvara:
			syl.final = "n"
		}
	}
	flush()
	return strings.Join(out, " ")
}

// latin is the syllable in Latin letters.
func (s *burmeseSyllable) latin() string {
	if s.independentVow != "" {
		return s.independentVow
	}
	onset := s.onset
	switch {
	case s.h && (s.initial == 'ရ' || s.initial == 'ယ'):
		onset = "sh" // ရှ, ယှ; ရွှေ, Shwe
	case s.h:
		onset = "h" + onset // လှ hl, မှ hm, နှ hn
	}
	switch {
	case (s.y || s.r) && s.initial == 'ခ':
		onset = "ch" // ချ, ခြ
	case (s.y || s.r) && s.initial == 'ဂ':
		onset = "gy"
	case s.y || s.r:
		onset += "y" // ကျ, ကြ ky (Kyaw, Kyi); မြ my (Myint)
	}
	if s.w {
		onset += "w" // ဆွ sw (Swe)
	}
	vowel := s.vowel
	if s.final == "" {
		switch vowel {
		case "":
			vowel = "a"
		case "ai":
			vowel = "e"
		}
		return onset + vowel
	}
	if rhyme, ok := burmeseFinals[[2]string{vowel, s.final}]; ok {
		return onset + rhyme
	}
	if vowel == "" {
		vowel = "a"
	}
	return onset + vowel + map[string]string{"k": "k", "ng": "n", "c": "t", "t": "t", "n": "n", "ny": "", "y": ""}[s.final]
}

// burmeseRenderingKeys are the keys of a name written in Burmese that its renderings in Han,
// Hangul or Kana (renderingKeys) and in an abjad (abjadRenderingKeys) have: its words' sounds
// (bySyllables) written together, each word read with its syllables' y as y and as r, which
// Burmese writes for a foreign r (ဗလာဒီမီယာ, ba-la-di-mi-ya: Vladimir; ရ is y in Burmese
// names), at most maxRenderingKeys of them, each minAbjadRenderingKey consonants long at
// least. Burmese writes a foreign name's words apart and a Burmese name's syllables together
// (မင်းအောင်လှိုင်), a title apart or not (ဦး သိန်းစိန်): a name is read so when it has two
// words or more, each of two syllables or more; nil for other names.
func burmeseRenderingKeys(n *name) []string {
	if !n.burmese() {
		return nil
	}
	var words [][]string
	for _, f := range strings.Fields(n.normalized) {
		if Script(f) == "myanmar" {
			syls := strings.Fields(burmeseLatin(f))
			if len(syls) < 2 {
				return nil
			}
			words = append(words, syls)
		}
	}
	if len(words) < 2 {
		return nil
	}
	keys := []string{""}
	for _, syls := range words {
		readings := []string{strings.Join(syls, "")}
		asR := slices.Clone(syls)
		for i, s := range asR {
			if strings.HasPrefix(s, "y") {
				asR[i] = "r" + s[1:]
			}
		}
		if r := strings.Join(asR, ""); r != readings[0] {
			readings = append(readings, r)
		}
		var next []string
		for _, k := range keys {
			for _, r := range readings {
				if len(next) < maxRenderingKeys {
					next = append(next, k+sounds(r, "myanmar")[bySyllables])
				}
			}
		}
		keys = next
	}
	var out []string
	for _, k := range keys {
		if len(k) >= minAbjadRenderingKey && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// titledBurmese reports whether t is a title and one rare word (titledOutweighs) that sounds
// like the first or the last word of bu, a foreign name in Burmese of two words or more
// (Präsident Putin, ဗလာဒီမီယာ ပူတင်): soundsAlign compares a Burmese name as a whole, syllable
// by syllable, and leaves no word over.
func titledBurmese(t, bu *name) bool {
	w := t.titleWord()
	if w == nil || w.w < rareWeight || !alphabetic(w.script) || !bu.burmese() {
		return false
	}
	words := burmeseWords(bu)
	if len(words) < 2 {
		return false
	}
	for _, ws := range [2][]*token{words[0], words[len(words)-1]} {
		one := *bu
		one.tokens, one.patronymic = ws, 0
		if soundsAlign(t, &one, bySyllables, false) {
			return true
		}
	}
	return false
}

// burmeseWords are the tokens (syllables) of each word of a name in Burmese, or nil where its
// words and its tokens do not agree (a title cut from a word: cutBurmeseTitle).
func burmeseWords(n *name) [][]*token {
	var words [][]*token
	at := 0
	for _, f := range strings.Fields(n.normalized) {
		c := len(strings.Fields(burmeseLatin(f)))
		if Script(f) != "myanmar" || c == 0 || at+c > len(n.tokens) {
			return nil
		}
		words = append(words, n.tokens[at:at+c])
		at += c
	}
	if at != len(n.tokens) {
		return nil
	}
	return words
}

// burmeseWordToken is a Burmese word, its syllables (burmeseWords) written together, as a token
// with the sounds of its reading.
func burmeseWordToken(syllables []*token) *token {
	var b strings.Builder
	for _, t := range syllables {
		b.WriteString(t.text)
	}
	t := &token{text: b.String(), kind: kindWord, script: "myanmar"}
	t.sounds = sounds(t.text, t.script)
	return t
}

// burmeseWordKeys are the sound keys (bySyllables) of the words of a name written in Burmese,
// each word's syllables written together, of minSound's length for a word at least: those a
// Latin word of the name it renders has (ဗလာဒီမီယာ, ba-la-di-mi-ya, b-r-t-n: Vladimir).
func burmeseWordKeys(n *name) []string {
	if !n.burmese() {
		return nil
	}
	var keys []string
	for _, f := range strings.Fields(n.normalized) {
		if Script(f) != "myanmar" {
			continue
		}
		text := strings.ReplaceAll(burmeseLatin(f), " ", "")
		if k := sounds(text, "myanmar")[bySyllables]; len(k) >= minSound[bySyllables][0] && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// burmeseSpellingSim is the similarity of a Burmese syllable and a Latin word that spells it
// the other usual way (burmeseSpelling).
const burmeseSpellingSim = 0.95

// burmeseSpelling reports whether, of two words, one is a Burmese syllable (burmeseLatin) and
// the other a Latin word that spells it with the long vowels and digraphs names use for its
// vowel: oe or o (စိုး, Soe), ay or e (နေ, Nay), ee or i (ကြီး, Gyi, Kyee), oo or u (ဦး, Oo),
// uu or u (စု, Suu).
func burmeseSpelling(x, y *token) bool {
	if y.script == "myanmar" {
		x, y = y, x
	}
	if x.script != "myanmar" || y.script != "latin" || y.kind != kindWord || len(y.text) > len(x.text)+2 {
		return false
	}
	return y.text != x.text && burmeseVowelSpellings.Replace(y.text) == x.text
}

var burmeseVowelSpellings = newFold("oe", "o", "ay", "e", "ee", "i", "oo", "u", "uu", "u")

// burmeseTitles are the titles Burmese writes before a name, joined to it or not, longest
// first: military ranks (ဒုဗိုလ်ချုပ်မှူးကြီး, Vice-Senior General; ဗိုလ်ချုပ်မှူးကြီး, Senior
// General; ဗိုလ်ချုပ်ကြီး, General; ဗိုလ်ချုပ်, General), ဒေါက်တာ (Doctor), ဦး (U, Mr) and
// ဒေါ် (Daw, Mrs). Maung and Ko, which are names' syllables as well, are left.
var burmeseTitles = []string{"ဒုဗိုလ်ချုပ်မှူးကြီး", "ဗိုလ်ချုပ်မှူးကြီး", "ဗိုလ်ချုပ်ကြီး", "ဗိုလ်ချုပ်", "ဒေါက်တာ", "ဦး", "ဒေါ်"}

// cutBurmeseTitle returns a word in Burmese letters without the title it begins with
// (burmeseTitles), and whether it had one.
func cutBurmeseTitle(w string) (string, bool) {
	for _, t := range burmeseTitles {
		if rest, ok := strings.CutPrefix(w, t); ok {
			return rest, true
		}
	}
	return w, false
}
