package match

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
	"github.com/mozillazg/go-unidecode"
)

// Token kinds: what a token is for matching.
const (
	kindWord      = iota
	kindLegal     // an organisation's legal form, in canonical form
	kindStop      // a particle (of, de, al …)
	kindInitial   // a single letter
	kindHonorific // a title; dropped
)

// token is one comparable unit of a name.
type token struct {
	text   string // Latin-comparable form
	family string // of a legal form: its family (knowledge/legal_families.tsv)
	script string // script of the original token
	kind   uint8
	// syllables: text reads Han, Hangul or Kana syllables (see piece); term: it is an
	// institutional term's English (see piece)
	syllables, term bool
	// body: a word that names a kind of body (Knowledge.body: ministry, bureau …)
	body bool
	// folded: xt differs from text; transcribed: by more than its x written ks (derived, as
	// below; the small fields sit together, where they take no more room than one)
	folded, transcribed bool
	// soft: a Cyrillic word in Belarusian or Ukrainian letters (piece.soft)
	soft bool
	// vid is the token's id in an Index's vocabulary, when it is one of them.
	vid int32
	// frame, of a word in Arabic or Hebrew letters, marks the vowels it writes (abjadFrame,
	// hebrewFrame).
	frame string

	// Forms derived from text once, by derive, for comparing tokens many times.
	xt     string    // text in one spelling of its sounds (spellingFold): x written ks …
	xr     []rune    // the runes of xt
	skel   string    // skeleton(text)
	skelX  string    // skeleton(xt)
	fold   string    // latinKoreanFold(text); hangulFold(text) of a word in Hangul
	sounds [3]string // sounds(text, script)
	// soundAlt, of a Latin word with an r or a v, are its keys in bySyllablesR, bySyllablesV,
	// bySyllablesRV, bySyllablesW and bySyllablesRW, each "" where it adds nothing to the
	// bySyllables key and those before. Of a Kana or Han word, soundAlt[i] is its bySyllables
	// key read with syllabicAlt's i-th reading, if another. Most words have none: nil then
	// (read through alts), for the 72 bytes of each of the index's 18,000 tokens.
	soundAlt *[5]string

	// forms are the word's other forms, which few words have (token.stem, token.marked): nil
	// for most, for 8 bytes of each token rather than 16.
	forms *otherForms
	// given is the canonical form of the East Slavic given name or patronymic the word is in
	// one of its languages' forms (Knowledge.givenName), or ""
	given string

	// w is the token's weight: its kind's weight, times its rarity when it belongs to, or is
	// compared within, an Index.
	w float64
}

// derive fills in the comparison forms of a token.
func (t *token) derive() {
	t.deriveSpelling()
	if stem := balticStem(t); stem != "" {
		t.otherForms().stem = wordToken(stem, t.script)
	}
	t.sounds = sounds(t.text, t.script)
	if alts := syllabicAlt[t.script]; alts != nil {
		for i, alt := range alts {
			if d := alt.Replace(t.text); d != t.text {
				if k := soundOf(spoken(d, t.script, bySyllables), bySyllables); k != t.sounds[bySyllables] && !slices.Contains(t.alts()[:i], k) {
					t.setAlt(i, k)
				}
			}
		}
		return
	}
	if !alphabetic(t.script) {
		return
	}
	r, v := strings.Contains(t.text, "r"), strings.Contains(t.text, "v")
	if !r && !v {
		return
	}
	sp := spoken(t.text, t.script, bySyllables)
	for i, needs := range [5]bool{r, v, r && v, v, r && v} { // bySyllablesR, V, RV, W, RW
		if !needs {
			continue
		}
		if k := soundOf(sp, bySyllablesR+i); k != t.sounds[bySyllables] && !slices.Contains(t.alts()[:i], k) {
			t.setAlt(i, k)
		}
	}
}

// otherForms are a token's other forms (token.forms).
type otherForms struct {
	// stem is the word without a Latvian or Lithuanian ending (balticStem).
	stem *token
	// marked, of a Latin word written with letters whose marks Normalize drops (š, č, ć, ž,
	// ş, ç, ș, ț, đ, ñ, ö, ø, ä, å), is the word with those letters written as other
	// scripts render them (Şahin, shahin: Шахин; Čačić, chachich: Чачич, تشاتشيتش; Röhm,
	// roehm: レーム), for comparisons with words in them (tokenSim).
	marked *token
}

// stem returns the word without its Baltic ending, nil if it has none.
func (t *token) stem() *token {
	if t.forms == nil {
		return nil
	}
	return t.forms.stem
}

// marked returns the word with its marked letters written out, nil if it has none.
func (t *token) marked() *token {
	if t.forms == nil {
		return nil
	}
	return t.forms.marked
}

// otherForms returns the token's other forms, to be written.
func (t *token) otherForms() *otherForms {
	if t.forms == nil {
		t.forms = new(otherForms)
	}
	return t.forms
}

// noAlts are the soundAlt of a token that has none.
var noAlts [5]string

// alts returns the token's soundAlt, not to be written.
func (t *token) alts() *[5]string {
	if t.soundAlt == nil {
		return &noAlts
	}
	return t.soundAlt
}

// setAlt sets the token's i-th soundAlt.
func (t *token) setAlt(i int, k string) {
	if t.soundAlt == nil {
		t.soundAlt = new([5]string)
	}
	t.soundAlt[i] = k
}

// deriveSpelling fills in the forms of a token's spelling, those spellingSim and the index's
// spelling keys read.
func (t *token) deriveSpelling() {
	t.xt = spellingFold(t.text)
	switch t.script {
	case "greek":
		t.xt = greekVoiced.Replace(t.xt)
	case "hebrew":
		t.xt = hebrewConsonants.Replace(t.text) // דוד, dud and dvd: David
		if strings.HasSuffix(t.xt, "a") {
			t.xt = t.xt[:len(t.xt)-1] + "h" // a final ה as a consonant: לאה, Leah
		}
	case "bengali", "devanagari":
		// Bengali, which has no v, writes a foreign v with ভ (bh), and Hindi at times with भ:
		// ভ্লাদিমির, Vladimir.
		t.xt = strings.ReplaceAll(t.xt, "bh", "v")
	case "georgian":
		// Georgian gives a foreign name that ends in a consonant the nominative ending -i
		// (პუტინი, Putini; ბუში, Bushi): its spelling form drops it.
		if stem := georgianNominative(t.xt); stem != "" {
			t.xt = stem
		}
	case "cyrillic":
		// Belarusian writes the soft t and d of Russian as ц and дз (tsekanne, dzekanne):
		// Пуцін, Путин; Цімафей, Тимофей; Уладзімір, Владимир. In a word written in
		// Belarusian (or Ukrainian) letters, ts and dz before i (і, or я, е, ю, read ia, ie,
		// iu) are read t and d, as Russian has them. Russian itself writes ци and дзи in
		// foreign names (Бартолоцци, Коцудзи), where they are not.
		if t.soft {
			t.xt = belarusianSoft.Replace(t.xt)
			if n := len(t.xt); n >= 3 && t.xt[n-1] == 'u' && strings.IndexByte("aeo", t.xt[n-2]) >= 0 {
				t.xt = t.xt[:n-1] + "v" // ў after a vowel ending a word: Быкаў, Быков
			}
		}
	}
	t.xr = []rune(t.xt)
	if t.xt != t.text {
		t.folded = true
		t.transcribed = t.xt != strings.ReplaceAll(t.text, "x", "ks")
	}
	t.skel, t.skelX = skeleton(t.text), skeleton(t.xt)
	if t.script == "hangul" {
		t.fold = hangulFold(t.text)
	} else {
		t.fold = latinKoreanFold(t.text)
	}
}

// canonAbd writes the Abd of an Arabic name of the form Abd al-X (servant of the X: Abd
// al-Aziz, Abd ar-Rahman, Abd Allah), in Latin letters, one way: abdul, with its article, however
// it was spelt (Abdel, Abd al-, Abdur …), as a word of its own or at the start of one
// (Abdulaziz, Abdurrahman), and Abd Allah as abdullah (Abdallah, Abdulla). Abdul Aziz and Abd
// al-Aziz are then one name, and Abdulaziz pairs with them as a compound (compounds). The
// words keep their number but for the article, so that a typo (Adbul) or a word inserted
// (Mohammad Abdul Abbas) counts as before. In Arabic letters, عبد before a word with the
// article is read bdl, the abdul's consonants (عبد الملك, Abdul Malik).
func canonAbd(ps []piece) []piece {
	out := ps[:0] // words are only dropped: written in place, behind the reading
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		if p.script == "arabic" && p.kind == kindWord && p.text == "bd" && i+1 < len(ps) && ps[i+1].script == "arabic" && strings.HasPrefix(ps[i+1].text, "l") {
			// عبد before a word with the article (عبد الملك): the abdul of Abdul Malik,
			// the article written in the next word (abjadSim reads it without).
			p.text = "bdl"
		}
		if p.script == "latin" && p.kind == kindWord {
			switch {
			case p.text == "abd" && i+2 < len(ps) && ps[i+1].script == "latin" && arabicArticles[ps[i+1].text]:
				p.text = "abdul"
				i++ // the article
				if ps[i+1].text == "allah" {
					p.text = "abdullah"
					i++
				}
			case p.text == "abd" && i+1 < len(ps) && ps[i+1].text == "allah":
				p.text = "abdullah"
				i++
			case abdForms[p.text]: // Abd alone too: AL-RAHMAN …, ‘ABD
				p.text = "abdul"
			default:
				if rest, ok := abdPrefix(p.text); ok {
					p.text = "abdul" + rest
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// abdPrefix is the name a word of the form Abd al-X written as one word (Abdelaziz, Abdallah)
// holds after its Abd, and whether it is one: what follows one of abdPrefixes, three letters
// at least, or Allah (written lah: Abdullah is abdul+lah).
func abdPrefix(w string) (string, bool) {
	if !strings.HasPrefix(w, "abd") {
		return "", false
	}
	for _, f := range abdPrefixes {
		rest, ok := strings.CutPrefix(w, f)
		if !ok {
			continue
		}
		switch rest {
		case "lah", "la", "llah", "lla":
			return "lah", true
		}
		return rest, len(rest) >= 3
	}
	return "", false
}

// abdForms are the Latin spellings of Abd with or without its article (canonAbd); Abdou and
// Abdi, names of their own, are not among them. abdPrefixes are those that begin one word,
// longest first.
var (
	abdForms = map[string]bool{
		"abd": true, "abdul": true, "abdel": true, "abdal": true, "abdol": true, "abdoul": true,
		"abdur": true, "abdus": true, "abdar": true, "abdas": true, "abdil": true,
	}
	abdPrefixes = []string{"abdoul", "abdul", "abdel", "abdal", "abdol", "abdur", "abdus", "abdar", "abdas", "abdil"}
)

// arabicArticles are the Latin spellings of the Arabic article al, assimilated to the sun
// letters too (ar-Rahman, as-Salam).
var arabicArticles = map[string]bool{
	"al": true, "el": true, "ul": true, "ar": true, "as": true, "at": true, "ad": true, "an": true,
	"az": true, "ash": true, "ur": true, "us": true, "ud": true, "un": true, "uz": true, "ush": true,
}

// spellingFold writes a word in one spelling of its sounds: x as ks (Alexander, Aleksandr),
// and, in words of five letters or more, the spellings that the languages of Europe give one
// sound of a name transcribed from another alphabet (Russian, Ukrainian, Serbian, Arabic) as
// English does: German tsch and sch, French tch and ou, Dutch tsj and sj, Polish cz and szcz,
// Hungarian cs and the gy and ty of soft d and t, Swedish tj, Catalan tx, the dzh and French
// dj of English j (Джохар: Dzhokhar, Djokhar, Jokhar), the Mc of Mac (McDonald, Макдональд),
// the oo of Mahmood,
// Dutch oe between consonants (dutchOe: Poetin),
// w for v (Wladimir Wladimirowitsch, Władimir Władimirowicz, Vladimir Vladimirovitch,
// Vlagyimir Vlagyimirovics, Mahmoud: Vladimir Vladimirovich, Mahmud); the ending -vić, -vici
// of Serbo-Croatian and Romanian patronymic surnames as -vich, the c of Polish -cki, -cka
// as ts, and the j or y that ends a word after a vowel as i: Russian й, written j in central
// Europe and by scholars, y in English, i in French and by Russia's passport office
// (Sergej, Sergey, Sergei; Tolstoj, Tolstoy, Tolstoi) — but not the j after an a, which in
// Arabic names is a consonant, ج (Miraj, Faraj, Siraj), and Nikolaj is a typo from
// Nikolay. Shorter words keep their letters: Wu and Vu, Wang and Vang, are names of their
// own, and Cook is one letter from Cock. A typo may fall on a letter the fold reads (roup for
// group, whose fold is grup), so spellingSim also compares the words as written (token.folded).
func spellingFold(s string) string {
	if len(s) < 5 {
		return strings.ReplaceAll(s, "x", "ks")
	}
	s = transcriptions.Replace(s)
	if strings.HasPrefix(s, "mc") {
		s = "mac" + s[2:] // Mc is Mac: McDonald, MacDonald, Макдональд
	}
	if strings.Contains(s, "oe") {
		s = dutchOe(s)
	}
	switch {
	case strings.HasSuffix(s, "vic"):
		s += "h"
	case strings.HasSuffix(s, "vici"):
		s = s[:len(s)-1] + "h"
	case strings.HasSuffix(s, "cki"), strings.HasSuffix(s, "cka"):
		s = s[:len(s)-3] + "ts" + s[len(s)-2:] // Polish: Małecki, Малецкий
	case s[len(s)-1] == 'y' && strings.IndexByte("aeiou", s[len(s)-2]) >= 0,
		s[len(s)-1] == 'j' && strings.IndexByte("eioy", s[len(s)-2]) >= 0:
		s = s[:len(s)-1] + "i" // й after a vowel: Sergej, Sergey, Sergei
	}
	return s
}

// dutchOe writes as u the oe between consonants inside a word, Dutch's u (Poetin, Poetina:
// Putin, Putina); an oe that ends a word is left (Novoe, a Russian adjective's ending), and so
// is a word that reads as Korean in Revised Romanization, whose oe is 외, not u (Hoeryong,
// 회령, is not Gooryong): one with eo, eu, ae, yo or ya, or ending in ng.
func dutchOe(s string) string {
	if strings.HasSuffix(s, "ng") || strings.Contains(s, "eo") || strings.Contains(s, "eu") ||
		strings.Contains(s, "ae") || strings.Contains(s, "yo") || strings.Contains(s, "ya") {
		return s
	}
	consonant := func(c byte) bool { return c >= 'a' && c <= 'z' && strings.IndexByte("aeiouy", c) < 0 }
	var b strings.Builder
	last := 0 // s[last:] is not yet written to b
	for i := 1; i+2 < len(s); i++ {
		if s[i] == 'o' && s[i+1] == 'e' && consonant(s[i-1]) && consonant(s[i+2]) {
			b.WriteString(s[last:i])
			b.WriteByte('u')
			last = i + 2
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

var belarusianSoft = newFold("tsi", "ti", "dzi", "di")

// belarusianRussian is a Belarusian word in Latin letters as the Russian form of the name
// reads, which renderings in other scripts write (token.marked): its soft ts and dz before i
// as t and d (belarusianSoft), and a u that begins it before a consonant as the v it stands
// for (Уладзімір Пуцін, uladzimir putsin: vladimir putin; ウラジーミル・プーチン, فلاديمير
// بوتين); "" when that reads it as it is.
func belarusianRussian(w string) string {
	r := belarusianSoft.Replace(w)
	if len(r) > 1 && r[0] == 'u' && strings.IndexByte("aeiouy", r[1]) < 0 {
		r = "v" + r[1:]
	}
	if r == w {
		return ""
	}
	return r
}

// greekVoiced reads ντ, μπ and γκ inside a Greek word (nd, mb and gk in greekLatin) as the d,
// b and g they are when Greek renders foreign names (Βλαντίμιρ, Vladimir), as greekLatin reads
// them at its start: the Greek word's spelling form (xt); its text keeps ELOT's letters, in
// which Greek names are spelt in Latin (Κωνσταντίνος, Konstantinos; Ανδρέας, Andreas). γι
// before a vowel (gi in greekLatin) is read as the y it is said, as English spells Greek
// names (Γιάννης, Yannis; Γιώργος, Yorgos) where ELOT writes Giannis.
var greekVoiced = newFold("nd", "d", "mb", "b", "gk", "g", "gia", "ya", "gio", "yo", "giu", "yu", "gie", "ye")

// transcriptions are the spellings spellingFold writes as English does.
var (
	transcriptionPairs = []string{
		"szcz", "shch", "sch", "sh", "sj", "sh",
		"tsch", "ch", "tsj", "ch", "tch", "ch", "tyi", "ti", "tye", "te", "tx", "ch", "tj", "ch",
		"gyi", "di", "gye", "de", "cz", "ch", "cs", "ch", "ou", "u", "oo", "u", "x", "ks", "w", "v",
		"dzh", "j", "dj", "j",
	}
	transcriptions = newFold(transcriptionPairs...)
)

// A fold replaces strings, like a strings.Replacer: at each position, the first of its
// strings (in the order given) that begins there, left to right without overlaps. Unlike a
// Replacer of strings longer than a byte, it returns s itself, without allocating, when
// nothing is replaced, as most words need nothing: the index folds every word of a list.
type fold struct {
	by [256][][2]string // the pairs by the first byte of the string replaced
}

// newFold makes a fold of old, new pairs, as strings.NewReplacer takes them.
func newFold(pairs ...string) *fold {
	f := &fold{}
	for i := 0; i+1 < len(pairs); i += 2 {
		c := pairs[i][0]
		f.by[c] = append(f.by[c], [2]string{pairs[i], pairs[i+1]})
	}
	return f
}

// Replace returns s with its strings replaced.
func (f *fold) Replace(s string) string {
	var b []byte // s before i, replaced; nil while nothing has been
	for i := 0; i < len(s); {
		n := 0
		for _, p := range f.by[s[i]] {
			if strings.HasPrefix(s[i:], p[0]) {
				if b == nil {
					b = append(make([]byte, 0, len(s)+4), s[:i]...)
				}
				b = append(b, p[1]...)
				n = len(p[0])
				break
			}
		}
		if n == 0 {
			if b != nil {
				b = append(b, s[i])
			}
			n = 1
		}
		i += n
	}
	if b == nil {
		return s
	}
	return string(b)
}

// piece is a token while a name is analysed, before its comparison forms are derived.
type piece struct {
	text   string
	kind   uint8
	script string
	plain  string // a Hangul surname's Revised Romanization, when text is its usual spelling
	// syllables: text reads Han, Hangul or Kana syllables (not a term of Knowledge): a word
	// whatever it spells (오 is o, 세 se, 的 de: no initial, legal form or particle).
	syllables bool
	// term: text is the English of an institutional term of Knowledge (항공, air), not a
	// reading (nor a country's or place's name)
	term bool
	// soft: a word in Cyrillic letters of Belarusian or Ukrainian (і, ў), whose ts and dz
	// before i may be the soft t and d of Russian (belarusianSoft)
	soft  bool
	word  int    // the index of the word of the name it comes from
	chars string // the Han characters text reads, when syllables
	frame string // of a word in Arabic or Hebrew letters, its vowel letters too (abjadFrame)
	// marked is a Latin word as written with its marked letters read (markedFields), when
	// that differs from text
	marked string
}

// tokenKey is all a token is derived from: the piece of a name it comes from. What tokenSim
// reads of a word is derived from it too, so an Index keeps a query word's pairs by it
// (pairsCache).
type tokenKey struct {
	text, script, frame, marked string
	kind                        uint8
	syllables, term, soft       bool
}

// key is the token's tokenKey.
func (t *token) key() tokenKey {
	return tokenKey{t.text, t.script, t.frame, markedText(t), t.kind, t.syllables, t.term, t.soft}
}

// tokenCache holds the tokens of the names an Index analyses, each derived once: the SDN
// list's 23,000 names hold 80,000 tokens, of 19,000 kinds (Mohammed, Ltd, bin). The names of
// several entities are analysed at once (AddAll), so it is safe for concurrent use. Its
// tokens are shared: nothing writes to them but the Index that files them, and only what
// analysis does not read (token.vid, token.w).
type tokenCache struct {
	mu sync.Mutex
	m  map[tokenKey]*token
}

// get returns the token of the key, or nil.
func (c *tokenCache) get(k tokenKey) *token {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[k]
}

// put stores t as the key's token, unless another analysis stored one first, and returns the
// one stored.
func (c *tokenCache) put(k tokenKey, t *token) *token {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[k]; ok {
		return old
	}
	if c.m == nil {
		c.m = map[tokenKey]*token{}
	}
	c.m[k] = t
	return t
}

// name is an analysed name.
type name struct {
	normalized string   // Normalize(raw)
	tokens     []*token // without honorifics
	joined     string   // word tokens concatenated, for names written without spaces
	// generation, when a patronymic particle (bin, ibn …) stands between two words, counts
	// the particles before each token: 0 for the person's own name, 1 for the father's, 2
	// for the grandfather's; notInChain for a family name. Tokens are shared in an Index, so
	// this is the name's.
	generation []uint8
	rendering  int   // the mode of the word that renders most loosely (see sounds)
	jn         int32 // the number of runes of joined
	// family is the number of tokens before the name's one comma, which are its family name
	// (KIM, Su Il); 0 for a name with none, or more than one, or not a person's.
	family uint8
	// The flags sit together, where they take the room of one word (an index holds 23,000
	// names for the SDN list).
	titled     bool // a title was dropped (titlePositions)
	alphabetic bool // every word is written in an alphabetic script (alphabetic)
	translit   bool // a token came from another script
	cjk        bool // every word is written in Han, Hangul or Kana
	hangul     bool // every token is a word written in Hangul
	latin      bool // every token is written in Latin letters, none a legal form
	abjad      bool // every token is written in Arabic or Hebrew letters, none a legal form
	// rendition: no token is written in Latin or Cyrillic letters (a rendering, in another
	// script, of a name that may be written in them)
	rendition bool
	baltic    bool // a man's name in a Baltic language's form (Knowledge.balticName)
	// articleForm: a reading of a Hangul name with its Arabic article apart or left out
	// (hangulArticleForms), which is not read so again
	articleForm bool
	ko          *syllabic // of a name written in Hangul (hangul), nil otherwise
	// patronymic has bit i set when token i is a patronymic (markPatronymics); tokens past
	// the 64th, which only expansions of a name's 64 words reach, are never marked.
	patronymic uint64
	// chars, of a name whose every token but its legal forms reads Han characters (no
	// institutional term), holds each such token's characters, for their Korean and Japanese
	// readings (readingsAlign).
	chars [][]rune
}

// notInChain is the generation of a token that is not a link of a patronymic chain.
const notInChain = 255

// Names are bounded: nothing longer is a name, and comparison cost grows with the square of
// the number of tokens. A name is normalised from at most maxRawBytes of its text, and its
// normalised form kept to maxNameBytes: cutting the normalised form, not the text, keeps a
// name whose first kilobyte is punctuation or invalid UTF-8 from becoming empty (found by
// FuzzScore: such a name did not score 1 against itself).
const (
	maxRawBytes   = 64 << 10
	maxNameBytes  = 1000
	maxNameTokens = 64
)

var pinyinArgs = pinyin.NewArgs()

// analyze turns a raw name into tokens: normalised, transliterated where the script is not
// Latin (institutional terms first, from Knowledge), legal forms folded to canonical forms,
// titles dropped (titlePositions), particles and initials marked. It reads a name that may be
// a person's; analyzeOrg reads an organisation's.
func (k *Knowledge) analyze(raw string) *name { return k.analyzeAs(raw, true, nil) }

// analyzeOrg is analyze for the name of an organisation, vessel or other body: it has no
// titles, and its words that can be titles are words (General Trading LLC, MS-13, Lord's
// Resistance Army).
func (k *Knowledge) analyzeOrg(raw string) *name { return k.analyzeAs(raw, false, nil) }

// analyzeFor is analyze for the name of an entity of the given FtM schema: analyzeOrg for
// bodies, analyze for persons, legal entities that may be either and unknown schemata ("").
func (k *Knowledge) analyzeFor(raw, schema string) *name {
	return k.analyzeAs(raw, personal(schema), nil)
}

// personal reports whether a name of an entity of the schema may be a person's, with titles:
// a person's, a legal entity's, which may be either, and one of no schema ("").
func personal(schema string) bool {
	return schema == "" || schema == "Person" || schema == "LegalEntity"
}

// analyzeAs is analyze, dropping titles when titles is true. With a cache, the name's tokens
// are those of the cache, derived once for all the names that hold them (tokenCache).
func (k *Knowledge) analyzeAs(raw string, titles bool, cache *tokenCache) *name {
	return k.analyzeWith(raw, titles, cache, true)
}

// analyzeWith is analyzeAs, with legal forms folded and marked only when legal is set (a
// name read with its legal forms as words: see koreanLegalWords).
func (k *Knowledge) analyzeWith(raw string, titles bool, cache *tokenCache, legal bool) *name {
	if len(raw) > maxRawBytes {
		raw = strings.ToValidUTF8(raw[:maxRawBytes], "")
	}
	norm, familyFields := normalizeAtComma(raw)
	if len(norm) > maxNameBytes {
		cut := maxNameBytes
		for cut > 0 && !utf8.RuneStart(norm[cut]) {
			cut--
		}
		norm = strings.TrimSpace(norm[:cut])
	}
	n := &name{normalized: norm}
	fields := splitKanaHan(strings.Fields(n.normalized))
	if len(fields) > maxNameTokens {
		fields = fields[:maxNameTokens]
	}
	words := make([]piece, 0, len(fields)+2) // Han and Hangul words may be read as several
	marked := markedFields(raw, fields)
	n.cjk = len(fields) > 0
	for _, w := range fields {
		if s := Script(w); s != "han" && s != "hangul" && s != "kana" {
			n.cjk = false
		}
	}
	// A name with a Uyghur word is Uyghur: its every word in Arabic letters is read so.
	uyghur := slices.ContainsFunc(fields, uyghurWord)
	for wi, w := range fields {
		switch script := Script(w); script {
		case "latin", "":
			if _, ordinal := ordinalDigits(w); !ordinal { // 1st is first, not ist
				w = deobfuscate(w)
			}
			en, ok := k.european[w] // Bundesministerium, Ministère
			if !ok && len(w) > 2 && (w[0] == 'l' || w[0] == 'd') && strings.ContainsRune("aeiou", rune(w[1])) {
				en, ok = k.european[w[1:]] // French elision: l'Intérieur, read linterieur
			}
			if !ok && len(w) >= 5 {
				var buf [64]byte
				en, ok = k.russianLatin[string(appendCyrillicFold(buf[:0], w))] // Federalnaya Sluzhba
			}
			if ok {
				for _, t := range en {
					words = append(words, piece{text: t, script: "latin", word: wi})
				}
				continue
			}
			p := piece{text: w, script: "latin", word: wi}
			if marked != nil && marked[wi] != fields[wi] {
				p.marked = marked[wi]
			}
			if pl := polishLetters(cmp.Or(p.marked, w)); pl != "" {
				p.marked = pl
			} else if it := italianLetters(cmp.Or(p.marked, w)); it != "" {
				p.marked = it
			} else if p.marked == "" || umlautsOnly(p.marked, w) {
				// "" for a word not in German spelling; read with its umlauts written out
				p.marked = cmp.Or(germanLetters(cmp.Or(p.marked, w)), p.marked)
			}
			if p.marked == "" {
				// "" for a word without English's silent letters, French's, or Spanish's j
				p.marked = cmp.Or(englishLetters(w), frenchLetters(w), spanishJ(w))
			}
			words = append(words, p)
		case "han", "hangul":
			n.translit = true
			for _, seg := range k.segment(w, script) {
				for _, t := range strings.Fields(seg.text) {
					words = append(words, piece{text: t, script: script, plain: seg.plain, syllables: seg.syllables, term: seg.term, word: wi, chars: seg.chars})
				}
			}
		default:
			n.translit = true
			if en, ok := k.placesNative[w]; ok { // Москва, モスクワ: moscow
				for _, t := range strings.Fields(en) {
					words = append(words, piece{text: t, script: script, word: wi})
				}
				continue
			}
			if en, ok := k.russian[w]; ok && script == "cyrillic" {
				for _, t := range en {
					words = append(words, piece{text: t, script: script, word: wi})
				}
				continue
			}
			var kanaTail []string // English words a Kana word ends in (kanaSuffixes)
			if script == "kana" {
				w, kanaTail = k.kanaSuffixes(w)
				w = hepburn(w)
			}
			var latin string
			switch _, indic := indicScripts[script]; {
			case script == "greek":
				latin = greekLatin(w)
			case indic:
				latin = indicLatin(w, script)
			case script == "hebrew":
				latin = hebrewLatin(w)
			case script == "myanmar":
				if rest, ok := cutBurmeseTitle(w); ok && titles && (rest != "" || len(fields) > 1) {
					n.titled = true // ဦး (U), ဒေါ် (Daw), military ranks: a title, not a name
					if w = rest; w == "" {
						continue
					}
				}
				latin = burmeseLatin(w)
			case script == "cyrillic" && serbian(w):
				latin = serbianLatin(w) // Милошевић, Milošević: milosevic
			case script == "armenian":
				// ու is one vowel, u (Պուտին, Putin), which unidecode reads letter by letter
				// (ow).
				latin = unidecode.Unidecode(strings.ReplaceAll(w, "ու", "u"))
			default:
				if script == "thai" {
					w = thaiSilent(w)
				}
				latin = unidecode.Unidecode(w)
				switch {
				case script == "arabic" && arabicParticles[w] != "":
					latin = arabicParticles[w]
				case script == "arabic" && uyghur:
					latin = uyghurLatin(w)
				case script == "arabic" && persianV(w):
					latin = "v" + strings.TrimPrefix(latin, "w")
				}
			}
			ts := strings.Fields(normalizeOnce(latin))
			frame := ""
			switch {
			case script == "arabic" && len(ts) == 1:
				frame = abjadFrame(w)
			case script == "hebrew" && len(ts) == 1:
				frame = hebrewFrame(w)
			}
			soft := script == "cyrillic" && strings.ContainsAny(w, "іў") // w is normalised: lower case
			var marked string
			switch {
			case script == "greek" && len(ts) == 1:
				if d := greekForeign(w); d != "" {
					marked = normalizeOnce(d)
				}
			case soft && len(ts) == 1:
				marked = belarusianRussian(ts[0])
			case script == "georgian" && len(ts) == 1:
				marked = georgianNominative(ts[0])
			case (script == "bengali" || script == "devanagari") && len(ts) == 1 && strings.Contains(ts[0], "bh"):
				marked = strings.ReplaceAll(ts[0], "bh", "v") // a foreign v (deriveSpelling): ভ্লাদিমির
			}
			for _, t := range ts {
				words = append(words, piece{text: t, script: script, syllables: script == "kana" || script == "myanmar", word: wi, frame: frame, soft: soft, marked: marked})
			}
			for _, t := range kanaTail {
				words = append(words, piece{text: t, script: script, word: wi})
			}
		}
	}
	words = k.expand(words, raw)
	if words = numbers(words); legal {
		words = k.foldLegalForms(words)
	}
	var title []bool
	if titles {
		title = k.titlePositions(words, raw)
	}
	// The pieces kept are written in place, behind the reading; when none is, none was
	// written, and the name keeps them all.
	kept := words[:0]
	for i, t := range words {
		switch {
		case t.kind == kindLegal:
		case title != nil && title[i]:
			t.kind = kindHonorific
		case t.syllables:
			// A syllable of Han, Hangul or Kana read in Latin letters is a word: 오 (o) is
			// no initial, 세 (se) and 的 (de) no particle.
		case k.stop[t.text]:
			t.kind = kindStop
			if v, ok := k.particle[t.text]; ok {
				t.text = v // ibn is bin
			}
		case utf8.RuneCountInString(t.text) == 1 && unicode.IsLetter([]rune(t.text)[0]) && t.script != "arabic":
			// Arabic writes no initials: a word read as one letter is a word of one consonant
			// (آغا, agha), not an initial that pairs with any word of its letter.
			t.kind = kindInitial
		}
		if t.kind != kindHonorific {
			kept = append(kept, t)
		} else {
			n.titled = true
		}
	}
	if len(kept) == 0 { // a name that is only a title keeps it
		kept = words
	}
	kept = canonAbd(kept)
	var ts []token
	if cache == nil {
		ts = make([]token, len(kept)) // one allocation for a query's tokens
	}
	n.tokens = make([]*token, len(kept))
	for i, p := range kept {
		if k.patronymic[p.text] && i > 0 && i+1 < len(kept) {
			if n.generation == nil {
				n.generation = make([]uint8, len(kept))
			}
			// A particle of a family name written first (BIN LADEN, Hamza) marks none of the
			// given names after the comma.
			for j := i; j < len(kept) && (p.word >= familyFields || kept[j].word < familyFields); j++ {
				n.generation[j] = min(n.generation[j]+1, notInChain-1)
			}
		}
		key := tokenKey{p.text, p.script, p.frame, p.marked, p.kind, p.syllables, p.term, p.soft}
		var t *token
		if cache != nil {
			if t = cache.get(key); t != nil {
				n.tokens[i] = t
				continue
			}
			t = new(token)
		} else {
			t = &ts[i]
		}
		t.text, t.kind, t.script, t.syllables, t.term, t.frame, t.soft = p.text, p.kind, p.script, p.syllables, p.term, p.frame, p.soft
		if t.kind == kindLegal {
			t.family = t.text
			if f, ok := k.legalFamily[t.text]; ok {
				t.family = f
			}
		}
		t.derive()
		if p.marked != "" && t.kind == kindWord {
			m := &token{text: p.marked, kind: kindWord, script: "latin"}
			m.derive()
			m.given = k.givenName(m)
			t.otherForms().marked = m
		}
		t.body = t.kind == kindWord && k.body[t.text]
		t.given = k.givenName(t)
		t.w = kindWeight(t)
		if cache != nil {
			t = cache.put(key, t)
		}
		n.tokens[i] = t
	}
	n.hangul, n.latin, n.abjad, n.rendition = len(n.tokens) > 0, len(n.tokens) > 0, len(n.tokens) > 0, true
	for _, t := range n.tokens {
		n.rendition = n.rendition && t.script != "latin" && t.script != "cyrillic"
		n.hangul = n.hangul && t.kind == kindWord && t.script == "hangul"
		n.latin = n.latin && t.kind != kindLegal && t.script == "latin"
		n.abjad = n.abjad && t.kind != kindLegal && t.abjad()
	}
	// Legal forms aside (富士通株式会社 is Fujitsu and a Kabushiki Kaisha).
	for _, p := range kept {
		if p.kind == kindLegal {
			continue
		}
		if p.script != "han" || !p.syllables || p.chars == "" {
			n.chars = nil
			break
		}
		n.chars = append(n.chars, []rune(p.chars))
	}
	if n.hangul {
		n.ko = &syllabic{word: make([]uint8, len(kept))}
		for i, p := range kept {
			n.ko.word[i] = uint8(min(p.word, 255))
			if p.plain != "" {
				if n.ko.plain == nil {
					n.ko.plain = make([]string, len(kept))
				}
				n.ko.plain[i] = p.plain
			}
		}
	}
	if titles || n.generation != nil {
		// A family name written first, before the one comma of the name (RI, Su Yong;
		// AL-RAWI, Salman bin Muhammad).
		for _, p := range kept {
			if p.word < familyFields && n.family < 255 {
				n.family++
			}
		}
	}
	if n.generation != nil {
		// The family name and a name after a particle (al-Rawi, a nisba) are not links of
		// the chain.
		for i := range n.tokens {
			if i < int(n.family) || i > 0 && n.tokens[i-1].kind == kindStop && !k.patronymic[n.tokens[i-1].text] {
				n.generation[i] = notInChain
			}
		}
	}
	var b strings.Builder
	for _, t := range kept {
		if t.kind == kindWord || t.kind == kindInitial {
			b.WriteString(t.text)
		}
	}
	n.joined = b.String()
	n.jn = int32(utf8.RuneCountInString(n.joined))
	n.alphabetic = len(n.tokens) > 0
	for _, t := range n.tokens {
		if t.kind == kindWord {
			n.rendering = max(n.rendering, rendering(t.script))
			n.alphabetic = n.alphabetic && alphabetic(t.script)
		}
	}
	n.markPatronymics()
	n.baltic = k.balticName(n)
	return n
}

// titlePositions marks the words of a name that are titles (knowledge/words.tsv, kind
// honorific) where titles stand: the first words (His Excellency President …), the first
// after a comma (AL-ALI, Dr. Hamed Abdullah) and the last (NKUNDA, General; Putyin elnök).
// Elsewhere such a word is a word of the name (FMF General Trading), and a name with a legal
// form has no title (General Motors Company). It returns nil when no word is a title.
func (k *Knowledge) titlePositions(words []piece, raw string) []bool {
	var title []bool
	mark := func(i int) bool {
		if !k.honorifics[words[i].text] {
			return false
		}
		if title == nil {
			title = make([]bool, len(words))
		}
		title[i] = true
		return true
	}
	for _, w := range words {
		if w.kind == kindLegal {
			return nil
		}
	}
	for i := 0; i < len(words) && mark(i); i++ {
	}
	// His and Her begin a title (His Excellency) and end none: Her is also a surname (Mai Her).
	for i := len(words) - 1; i >= 0 && !possessives[words[i].text] && mark(i); i-- {
	}
	if before, _, ok := strings.Cut(raw, ","); ok {
		first := len(strings.Fields(Normalize(before))) // the first word after the comma
		for i := range words {
			if words[i].word >= first {
				for ; i < len(words) && mark(i); i++ {
				}
				break
			}
		}
	}
	return title
}

var possessives = map[string]bool{"his": true, "her": true}

// expand reads each place in its canonical form (Hetian and Hotan are hotan: places.tsv) and
// each abbreviation written in Latin letters as the words it stands for (PSB: public security
// bureau, abbreviations.tsv).
func (k *Knowledge) expand(words []piece, raw string) []piece {
	var out []piece
	for i, p := range words {
		// Not of a word read without its vowels, whose reading guesses them (לאסה, read lasa,
		// is Lasse more often than Lhasa's pinyin).
		if c, ok := k.places[p.text]; ok && rendering(p.script) != byConsonants {
			p.text = c
		}
		ws, ok := k.abbrev[p.text]
		if d, dotted := k.abbrevDotted[p.text]; dotted && !strings.Contains(strings.ToLower(raw), d) {
			ok = false // Uk, a syllable of a Korean name, is not U.K.
		}
		if ok && p.script == "latin" {
			if out == nil {
				out = append(make([]piece, 0, len(words)+len(ws)), words[:i]...)
			}
			if endsWith(out, ws) {
				// The abbreviation restates the words before it (Xinjiang Production and
				// Construction Corps (XPCC) Public Security Bureau): it is read once.
				continue
			}
			for _, w := range ws {
				q := p
				q.text = w
				out = append(out, q)
			}
			continue
		}
		if out != nil {
			out = append(out, p)
		} else {
			words[i] = p
		}
	}
	if out == nil {
		return words
	}
	return out
}

// endsWith reports whether the texts of the last len(ws) pieces are ws.
func endsWith(ps []piece, ws []string) bool {
	if len(ws) > len(ps) {
		return false
	}
	for i, w := range ws {
		if ps[len(ps)-len(ws)+i].text != w {
			return false
		}
	}
	return true
}

// segment is a part of a Han or Hangul word, in Latin (see Knowledge.segment).
type segment struct {
	text      string
	plain     string // see piece
	syllables bool   // see piece
	term      bool   // see piece
	chars     string // see piece
}

// segment splits a Han or Hangul word into known institutional terms (rendered in English)
// and runs of other characters (transliterated as one word). A one-character term counts only
// at the end of the word or before another term, so 市 in 上海市公安局 is "municipal" but the
// 부 of 부산 is not "ministry"; in Hangul, at the end of a word of three syllables or more.
func (k *Knowledge) segment(w, script string) []segment {
	rs := []rune(w)
	// Terms and countries are looked up as written, then, in Han, with the simplified forms
	// of its traditional characters (自治區 as 自治区; 防衛省 is a term as written).
	ts, folded := rs, false
	if script == "han" {
		ts, folded = k.simplify(rs)
	}
	term := func(i, l int) (string, bool) {
		if en, ok := k.terms[string(rs[i:i+l])]; ok {
			return en, true
		}
		if !folded {
			return "", false
		}
		en, ok := k.terms[string(ts[i:i+l])]
		return en, ok
	}
	var out []segment
	var run []rune
	flush := func() {
		switch {
		case len(run) == 0:
		case script == "hangul" && len(run) >= 2 && len(run) <= 4 && len(out) == 0 && len(rs) == len(run):
			// A word of two to four syllables that holds no institutional term is most
			// likely a person's name (김정은): one token per syllable, the surname in its usual
			// spelling.
			for i, r := range run {
				rr := transliterate(string(r), script)
				if l, ok := k.koSurnames[string(r)]; ok && i == 0 && l != rr {
					out = append(out, segment{text: l, plain: rr, syllables: true})
				} else {
					out = append(out, segment{text: rr, syllables: true})
				}
			}
		default:
			out = append(out, segment{text: transliterate(string(run), script), syllables: true, chars: string(run)})
		}
		run = run[:0]
	}
	termAt := func(i int) int { // length of the longest term starting at i, 0 if none
		for l := min(k.termMaxRunes, len(rs)-i); l >= 1; l-- {
			if _, ok := term(i, l); ok {
				return l
			}
		}
		return 0
	}
	for i := 0; i < len(rs); {
		l := termAt(i)
		if l == 1 && i+1 < len(rs) && termAt(i+1) == 0 {
			l = 0
		}
		if l == 1 && script == "hangul" && i == 1 && len(rs) == 2 {
			// Nor does one that ends a word of two syllables in Hangul: 아부 is Abu
			// (아부 바크르 알바그다디), not a ministry, as 국방부 is.
			l = 0
		}
		if i == 0 {
			c, cs := k.countryAt(rs, termAt), rs
			if c == 0 && folded {
				c, cs = k.countryAt(ts, termAt), ts
			}
			if c > l {
				out = append(out, segment{text: k.countries[string(cs[:c])]})
				i += c
				continue
			}
		}
		if l == 0 {
			run = append(run, rs[i])
			i++
			continue
		}
		flush()
		en, _ := term(i, l)
		out = append(out, segment{text: en, term: true})
		i += l
	}
	flush()
	return out
}

// splitKanaHan splits the words that mix Kana and Han where one meets the other: Japanese
// writes company names so (パナソニック株式会社, Panasonic and its legal form; ソニーグループ株式会社),
// and each part is read in its own way (Kana in Hepburn, Han by its terms and readings).
func splitKanaHan(fields []string) []string {
	var out []string
	for i, w := range fields {
		kana, han := false, false
		for _, r := range w {
			switch {
			case unicode.In(r, unicode.Hiragana, unicode.Katakana):
				kana = true
			case unicode.Is(unicode.Han, r):
				han = true
			}
		}
		if !kana || !han {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(fields)+2), fields[:i]...)
		}
		start, wasHan := 0, false
		for j, r := range w {
			isHan := unicode.Is(unicode.Han, r)
			if j > 0 && isHan != wasHan {
				out = append(out, w[start:j])
				start = j
			}
			wasHan = isHan
		}
		out = append(out, w[start:])
	}
	if out == nil {
		return fields
	}
	return out
}

// countryAt is the length of the country name (Knowledge.countries) that begins a word of Han
// or Hangul, 0 if none. A name of two characters counts only when the rest of the word holds
// an institutional term, or, in Han, when it is the whole word: 中国, 한국 and 阿曼 (Oman) begin
// personal names too (한국 is Han Guk; 阿曼达 is Amanda).
func (k *Knowledge) countryAt(rs []rune, termAt func(int) int) int {
	for l := min(k.countryMaxRunes, len(rs)); l >= 2; l-- {
		if _, ok := k.countries[string(rs[:l])]; !ok {
			continue
		}
		if l >= 3 || l == len(rs) && unicode.Is(unicode.Han, rs[0]) {
			return l
		}
		for j := l; j < len(rs); j++ {
			if termAt(j) > 0 {
				return l
			}
		}
		return 0
	}
	return 0
}

// transliterate renders a run of Han (pinyin, syllables joined) or Hangul (letter by letter,
// after the Revised Romanization's letters) as one Latin word.
func transliterate(s, script string) string {
	if script == "han" {
		return strings.Join(pinyin.LazyPinyin(s, pinyinArgs), "")
	}
	return strings.ReplaceAll(normalizeOnce(unidecode.Unidecode(s)), " ", "")
}

// misspeltLegalForm finds the one-word legal form of twelve letters or more (Incorporated,
// Aktiengesellschaft) that w misspells by one edit, or by two in words of sixteen letters or
// more. Shorter forms are left alone: one edit from Limited or GmbH is another word, and one
// from Corporation is the Spanish Corporación.
func (k *Knowledge) misspeltLegalForm(w string) (string, bool) {
	if len(w) < 11 { // bytes: no fewer than runes; most words stop here, with no allocation
		return "", false
	}
	rw := []rune(w)
	if len(rw) < 11 {
		return "", false
	}
	budget := 1
	if len(rw) >= 16 {
		budget = 2
	}
	for _, f := range k.longLegal {
		if abs(len(f.r)-len(rw)) <= budget && boundedLevenshtein(rw, f.r, budget) <= budget {
			return f.canon, true
		}
	}
	return "", false
}

// misspeltLegalPhrase finds, at the start of ts, a legal form of two words or more with one
// word misspelt by one edit, a word of five letters or more (JOYNT STOCK COMPANY, JOINT STOCK
// COMPAN); the others must be exact. It returns the canonical form and the number of words,
// 0 if none.
func (k *Knowledge) misspeltLegalPhrase(ts []piece) (string, int) {
	if len(ts) < 2 || !k.phraseWord[ts[0].text] && !k.phraseWord[ts[1].text] {
		return "", 0
	}
	for _, p := range k.phrases {
		if len(p.words) > len(ts) {
			continue
		}
		off := -1 // the one word that differs
		for j, w := range p.words {
			if ts[j].syllables {
				off = -2
				break
			}
			if ts[j].text != w {
				if off != -1 {
					off = -2
					break
				}
				off = j
			}
		}
		if off < 0 {
			continue // exact (not misspelt) or more than one word differs
		}
		a, b := []rune(ts[off].text), []rune(p.words[off])
		if min(len(a), len(b)) >= 5 && boundedLevenshtein(a, b, 1) <= 1 {
			return p.canon, len(p.words)
		}
	}
	return "", 0
}

// foldLegalForms replaces legal-form phrases (longest first) with one canonical token.
func (k *Knowledge) foldLegalForms(ts []piece) []piece {
	out := ts[:0] // written in place, behind the reading: a legal form takes a piece or more

	for i := 0; i < len(ts); {
		matched := 0
		for l := min(k.legalMaxWords, len(ts)-i); l >= 1 && k.legalFirst[ts[i].text]; l-- {
			if slices.ContainsFunc(ts[i:i+l], func(p piece) bool { return p.syllables }) {
				continue
			}
			phrase := ts[i].text
			for j := 1; j < l; j++ {
				phrase += " " + ts[i+j].text
			}
			if canon, ok := k.legal[phrase]; ok {
				// A one-letter "legal form" (s, a) only counts next to other legal words.
				if l == 1 && len(phrase) == 1 {
					continue
				}
				out = append(out, piece{text: canon, kind: kindLegal, script: ts[i].script})
				matched = l
				break
			}
		}
		if matched == 0 {
			if canon, l := k.misspeltLegalPhrase(ts[i:]); l > 0 {
				out = append(out, piece{text: canon, kind: kindLegal, script: ts[i].script})
				matched = l
			}
		}
		if matched == 0 {
			if canon, ok := k.misspeltLegalForm(ts[i].text); ok && !ts[i].syllables {
				out = append(out, piece{text: canon, kind: kindLegal, script: ts[i].script})
			} else {
				out = append(out, ts[i])
			}
			matched = 1
		}
		i += matched
	}
	// A name that is only a legal form ("Company") keeps it as a word.
	words := 0
	for _, t := range out {
		if t.kind != kindLegal {
			words++
		}
	}
	if words == 0 {
		for i := range out {
			out[i].kind = kindWord
		}
	}
	return out
}

// scripts are the scripts Script names, in the order they are tested.
var scripts = []struct {
	name   string
	tables []*unicode.RangeTable
}{
	{"latin", []*unicode.RangeTable{unicode.Latin}},
	{"han", []*unicode.RangeTable{unicode.Han}},
	{"hangul", []*unicode.RangeTable{unicode.Hangul}},
	{"cyrillic", []*unicode.RangeTable{unicode.Cyrillic}},
	{"greek", []*unicode.RangeTable{unicode.Greek}},
	{"arabic", []*unicode.RangeTable{unicode.Arabic}},
	{"hebrew", []*unicode.RangeTable{unicode.Hebrew}},
	{"kana", []*unicode.RangeTable{unicode.Hiragana, unicode.Katakana}},
	{"armenian", []*unicode.RangeTable{unicode.Armenian}},
	{"georgian", []*unicode.RangeTable{unicode.Georgian}},
	{"thai", []*unicode.RangeTable{unicode.Thai}},
	{"devanagari", []*unicode.RangeTable{unicode.Devanagari}},
	{"bengali", []*unicode.RangeTable{unicode.Bengali}},
	{"khmer", []*unicode.RangeTable{unicode.Khmer}},
	{"ethiopic", []*unicode.RangeTable{unicode.Ethiopic}},
	{"myanmar", []*unicode.RangeTable{unicode.Myanmar}},
	{"kannada", []*unicode.RangeTable{unicode.Kannada}},
	{"gurmukhi", []*unicode.RangeTable{unicode.Gurmukhi}},
	{"gujarati", []*unicode.RangeTable{unicode.Gujarati}},
	{"oriya", []*unicode.RangeTable{unicode.Oriya}},
	{"tamil", []*unicode.RangeTable{unicode.Tamil}},
	{"telugu", []*unicode.RangeTable{unicode.Telugu}},
	{"malayalam", []*unicode.RangeTable{unicode.Malayalam}},
	{"sinhala", []*unicode.RangeTable{unicode.Sinhala}},
	{"lao", []*unicode.RangeTable{unicode.Lao}},
	{"tibetan", []*unicode.RangeTable{unicode.Tibetan}},
}

// arabicParticles are words in Arabic letters (normalised) read as the particles Latin
// spellings write, which the knowledge of particles knows (words.tsv): بن, ابن, بنت (bin, ibn,
// bint; read bn, abn, bnt they were words, and محمد بن سلمان paired with Salman bin Mohammed,
// his father's name, at 0.919), and آل (Āl, the house of: آل ثاني, Al Thani), whose madda
// Normalize drops, read al (a lone article is never written).
var arabicParticles = map[string]string{"بن": "bin", "ابن": "ibn", "بنت": "bint", "ال": "al"}

// thaiSilent drops the letters Thai writes and does not say: the consonant that carries the
// thanthakhat (์: ประยุทธ์, Prayut), and the consonant before a silenced ร (จันทร์, Chan).
func thaiSilent(w string) string {
	if !strings.ContainsRune(w, '\u0E4C') {
		return w
	}
	consonant := func(r rune) bool { return r >= 'ก' && r <= 'ฮ' }
	var out []rune
	for _, r := range w {
		if r != '\u0E4C' {
			out = append(out, r)
			continue
		}
		if n := len(out); n > 0 && consonant(out[n-1]) {
			silenced := out[n-1]
			out = out[:n-1]
			if n := len(out); silenced == 'ร' && n > 1 && consonant(out[n-1]) {
				out = out[:n-1]
			}
		}
	}
	return string(out)
}

// unwrittenVowels reports whether words in a script are read in Latin letters without some
// of their vowels: the abjads (Arabic, Hebrew), which do not write short vowels, and the
// Brahmic scripts outside India's, whose consonants carry a vowel they do not write and
// unidecode does not read (Thai สมชาย, Somchai, reads smchaay; Khmer, Lao, Sinhala,
// Tibetan): words in them are compared by their consonants. India's scripts are read with
// their vowels (indicLatin), and Burmese in its syllables (burmeseLatin).
func unwrittenVowels(script string) bool {
	switch script {
	case "arabic", "hebrew", "thai", "lao", "khmer", "sinhala", "tibetan":
		return true
	}
	return false
}

// Script names the script of the first letter of s ("latin", "han", "hangul", "cyrillic",
// "greek", "arabic", "hebrew", "kana", …), "other" for a script not listed, "" if s has no
// letter.
func Script(s string) string {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		for _, sc := range scripts {
			if unicode.In(r, sc.tables...) {
				return sc.name
			}
		}
		return "other"
	}
	return ""
}

// abjad reports whether a token comes from a script whose words are read without some of
// their vowels (unwrittenVowels): such words are compared by their consonants (skeleton).
func (t *token) abjad() bool { return unwrittenVowels(t.script) }

// wholeSkeleton is the skeleton of a name's tokens written together, particles included:
// عبد الله (bd llh) and Abdullah, عبدالرحمن and Abd al-Rahman have one.
func wholeSkeleton(n *name) string {
	var b strings.Builder
	for _, t := range n.tokens {
		b.WriteString(t.text)
	}
	return skeleton(b.String())
}

// skeleton is a consonant key for comparing names across scripts that do not write short
// vowels (Arabic, Hebrew): vowels and the letters that double as long vowels (w, y) are
// dropped, and Latin letters with no Arabic equivalent are folded (v→f, p→b, g→j, o/u/e/i/a
// dropped).
func skeleton(s string) string { return skeletonOf(s, false) }

// skeletonOf is skeleton(s); with apart, a consonant repeated across a vowel is written
// twice, as an alphabet writes it (kononon, q-n-n-n), and only a doubled one once.
func skeletonOf(s string, apart bool) string {
	var buf [32]byte // as in sound
	b := buf[:0]
	var last rune
	for _, r := range s {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w', '\'':
			if apart {
				last = 0
			}
			continue
		case 'v':
			r = 'f'
		case 'p':
			r = 'b'
		case 'g':
			r = 'j'
		case 'c', 'k':
			r = 'q'
		case 'z':
			r = 's'
		}
		if r == last {
			continue
		}
		b = utf8.AppendRune(b, r)
		last = r
	}
	return string(b)
}

// joinSounds is the sound of a name's words written together.
func joinSounds(ts []*token, mode int) string {
	var b strings.Builder
	for _, t := range ts {
		if t.kind != kindWord {
			continue
		}
		s := t.sounds[mode]
		if b.Len() > 0 && s != "" && b.String()[b.Len()-1] == s[0] {
			s = s[1:]
		}
		b.WriteString(s)
	}
	return b.String()
}

// syllables counts the syllables of a Latin spelling (runs of vowels; y is a vowel unless a
// vowel follows it), and the most syllables a rendering by ear can have: one for each, one
// for each vowel of a run after its first but a repeated one (two vowels may be said apart:
// Kitaev, ki-ta-ev, 키타예프; Gloria, 格洛麗亞), and one for each consonant with no vowel after
// it, which such a rendering gives a vowel of its own (Ralston, 랄스턴, ral-seu-teon). A
// rendering with more syllables than that is not the name by ear.
func syllables(s string) (n, most int) {
	isVowel := func(i int) bool {
		switch s[i] {
		case 'a', 'e', 'i', 'o', 'u':
			return true
		case 'y':
			return i+1 == len(s) || !strings.ContainsRune("aeiou", rune(s[i+1]))
		}
		return false
	}
	for i := 0; i < len(s); i++ {
		switch {
		case isVowel(i):
			if i == 0 || !isVowel(i-1) {
				n++
			} else if s[i] != s[i-1] {
				most++ // two vowels may be two syllables (Kitaev, 키타예프, ki-ta-ye-peu)
			}
		case s[i] >= 'a' && s[i] <= 'z' && s[i] != 'h' && (i+1 == len(s) || !isVowel(i+1)):
			most++
		}
	}
	return n, n + most
}

// How a script renders a foreign name, which decides the sound key it is compared by.
const (
	byLetters    = iota // alphabets that write vowels (Latin, Cyrillic, Greek …): sound with vowels
	byConsonants        // abjads (Arabic, Hebrew), which leave short vowels out: consonants only
	bySyllables         // Han, Kana, Hangul, which add vowels and drop an r before a consonant
)

// minSound is the length a sound key needs, in each mode, for a word and for a whole name.
// Shorter keys say too little: with keys of two consonants, generated names of people on no
// list matched listed names by sound in 16% of cases (oversight bench yente), against 0.6%
// without sounds. Alphabets compare whole names word by word only (99: never).
var minSound = [3][2]int{byLetters: {4, 99}, byConsonants: {3, 5}, bySyllables: {3, 5}}

// minFiled is the length of a word's sound key the index files, in each mode: shorter than
// minSound for syllabic renderings, whose words of two syllables may pair by two consonants
// (soundSays).
var minFiled = [3]int{byLetters: 4, byConsonants: 3, bySyllables: 2}

// soundSays reports whether a sound key that two words share, in mode m, is long enough to
// pair them: minSound's length, or, in a syllabic rendering, two consonants when both words
// have two syllables at least (Martha, 瑪莎 ma-sha; Oscar, 奧斯卡), or when the rendering has
// two and the Latin word one, whose last consonant has no vowel after it, which the
// rendering gives one (Rock, 洛克 luo-ke, ロック; Biz, 比兹; vowelsAgree checks that vowel is
// no a): one syllable, a Han character (张, zhang, s-n), meets too many Latin words that way.
func soundSays(x, y *token, key string, m int) bool {
	if len(key) >= minSound[m][0] {
		return true
	}
	if m != bySyllables || len(key) < minFiled[m] {
		return false
	}
	if polysyllabic(x.text) && polysyllabic(y.text) {
		return true
	}
	lat, ren := x, y
	if rendering(lat.script) == bySyllables {
		lat, ren = y, x
	}
	if rendering(lat.script) == bySyllables || !polysyllabic(ren.text) && renderedSyllables(ren) < 2 {
		return false
	}
	return endsUnvoweled(lat.text)
}

// endsUnvoweled reports whether a Latin word has a consonant with no vowel after it, which a
// syllabic rendering gives one: a second syllable for a word of one (Rock, 洛克 luo-ke).
func endsUnvoweled(s string) bool {
	_, most := syllables(s)
	return most >= 2
}

// renderedSyllables counts the syllables of a word in Kana or Hangul from its reading in
// Latin letters, where Latin's rule (syllables) reads two as one: in Kana, one for each vowel
// written, as each kana that writes one is a mora (クアン, kuan, ku-a-n; Cuan); in Hangul, one
// for each vowel of the Revised Romanization, ae, eo, oe, eu and ui written with two letters
// (바인, bain, ba-in; 배, bae). 0 for a word in another script.
func renderedSyllables(t *token) int {
	n, s := 0, t.text
	switch t.script {
	case "kana":
		for i := 0; i < len(s); i++ {
			if strings.IndexByte("aeiou", s[i]) >= 0 {
				n++
			}
		}
	case "hangul":
		for i := 0; i < len(s); i++ {
			if strings.IndexByte("aeiou", s[i]) < 0 {
				continue
			}
			n++
			if i+1 < len(s) {
				switch s[i : i+2] {
				case "ae", "eo", "oe", "eu", "ui":
					i++
				}
			}
		}
	}
	return n
}

// polysyllabic reports whether a spelling in Latin letters has two syllables or more.
func polysyllabic(s string) bool {
	n, _ := syllables(s)
	return n >= 2
}

// alphabetic reports whether a script writes a foreign name's vowels as the Latin alphabet
// does (Latin, Cyrillic, Greek, Armenian, Georgian, India's scripts …): a name in it is
// compared with a rendering by ear (Han, Kana, Hangul, the abjads) as a Latin one is.
func alphabetic(script string) bool {
	return rendering(script) == byLetters
}

func rendering(script string) int {
	switch script {
	case "han", "kana", "hangul", "myanmar":
		return bySyllables
	}
	if unwrittenVowels(script) {
		return byConsonants // the abjads, and the Brahmic scripts read without their vowels
	}
	return byLetters
}

// sounds are coarse keys of how a word sounds, one for each rendering mode, for comparing a
// Latin name with its rendering in a script that writes foreign names by ear (贝拉克 for
// Barack, 랄스턴 for Ralston, Морин for Maureen), where spellings differ too much for edits:
// digraphs are read as one sound (sh, ch, th, ph, kh, ts …), consonants fold into classes of
// sounds that such renderings confuse, w and y are dropped, and repeats collapse: see soundOf
// for each mode. The script of the word says how its Latin form reads: pinyin writes sh
// sounds with x, and ts with c; Hebrew's ו is a v or a w.
//
// Equal keys are not enough in a syllabic script: byEar also checks the syllable count and the
// vowels (vowelsAgree), and words spelt in Chinese or Korean syllables are compared by
// spelling only (nativeSpelling).
func sounds(text, script string) [3]string {
	var out [3]string
	sp := spoken(text, script, byLetters)
	out[byLetters] = soundOf(sp, byLetters)
	if strings.Contains(text, "kh") {
		out[byConsonants] = soundOf(spoken(text, script, byConsonants), byConsonants)
	} else {
		out[byConsonants] = soundOf(sp, byConsonants)
	}
	if strings.Contains(text, "th") {
		sp = spoken(text, script, bySyllables)
	}
	out[bySyllables] = soundOf(sp, bySyllables)
	return out
}

// hanSounds is pinyin as a rendering by ear sounds: zh, ch, sh, x, c and q are s sounds
// (钱 qian for Ch, 奇 qi for the ć of Šunjić), and the r of er (尔, 爾), which renders an l or
// r with no vowel after it (丹尼尔, Daniel; 卡尔, Carl), is kept as an l: soundOf would drop
// an r there. Its back e is read as an o too (pinyinE).
func hanSounds(text string) string {
	text = pinyinUn(text)
	text = pinyinSounds.Replace(text)
	text = pinyinE(text)
	if !strings.Contains(text, "r") {
		return text
	}
	b := []byte(text)
	for i, c := range b {
		if c == 'r' && (i+1 == len(b) || !strings.ContainsRune("aeiou", rune(b[i+1]))) {
			b[i] = 'l'
		}
	}
	return string(b)
}

// pinyinUn writes the final un after a consonant as it is said, uen, its e written E
// (schwa): 伦 lun, [luən], renders the len and ren of foreign names (Trent, 特倫特 te-lun-te;
// Allen, 艾伦; Lorentz, 洛伦兹), and the E pairs with a Latin e only (alike), not with the a
// that e does (JAIRAN is not 朱海仑, zhu-hai-lun). After j, q, x and y, un is ün, and left
// alone.
func pinyinUn(text string) string {
	if !strings.Contains(text, "un") {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		b.WriteByte(text[i])
		if text[i] == 'u' && i > 0 && i+1 < len(text) && text[i+1] == 'n' && strings.IndexByte("aeiouvjqxy", text[i-1]) < 0 {
			b.WriteByte('E')
		}
	}
	return b.String()
}

// pinyinE writes pinyin's e, where it is the back vowel [ɤ] and not the e of ei, ie and üe, as
// eo: Chinese renders an o with it (蒙 meng for mon, 森 sen for son) as well as an e.
func pinyinE(text string) string {
	if !strings.Contains(text, "e") {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		b.WriteByte(c)
		if c == 'e' && (i == 0 || !strings.ContainsRune("iuvy", rune(text[i-1]))) && (i+1 == len(text) || text[i+1] != 'i') {
			b.WriteByte('o')
		}
	}
	return b.String()
}

// spoken is text with its digraphs read as one sound each.
func spoken(text, script string, mode int) string {
	switch script {
	case "han":
		text = hanSounds(text)
	case "hebrew": // ו, read v where it begins a word, is as often a w (וושינגטון)
		text = strings.ReplaceAll(text, "v", "w")
	case "hangul":
		text = hangulFinals(text)
	case "kana": // ッツ, the tz of Moritz (モーリッツ): the t of the doubling is the ts's own
		text = strings.ReplaceAll(text, "tts", "ts")
	}
	if mode == bySyllables { // Elizabeth: エリザベス, 엘리자베스, 伊丽莎白
		text = strings.ReplaceAll(text, "th", "s")
		if script == "latin" {
			text = vowelW(text)
		}
	}
	if mode != byConsonants && strings.Contains(text, "kh") {
		// kh, the Latin spelling of х and خ, is the h renderings write (Хофман, Hoffmann;
		// Shakhram, シャハラム); abjads keep it apart from h (خ, ح).
		text = strings.ReplaceAll(text, "kh", "h")
	}
	return digraphSounds.Replace(text)
}

// vowelW writes the w of English's aw and ew with no vowel after it as the vowel it makes of
// them, for a syllabic rendering's vowels (syllableFrame; the keys drop a w): aw is said o
// (Lawless, ローレス; Crawford, クロフォード), ew u (Brew, ブルー; Crewson, 克魯森). Before a
// vowel the w is a consonant (Hawaii, Pawel).
func vowelW(text string) string {
	if !strings.Contains(text, "aw") && !strings.Contains(text, "ew") {
		return text
	}
	b := []byte(text)
	for i := 1; i < len(b); i++ {
		if b[i] == 'w' && (b[i-1] == 'a' || b[i-1] == 'e') && (i+1 == len(b) || strings.IndexByte("aeiouy", b[i+1]) < 0) {
			if b[i-1] == 'a' {
				b[i] = 'o'
			} else {
				b[i] = 'u'
			}
		}
	}
	return string(b)
}

// hangulFinals writes as t the ㅅ, ㅆ, ㅈ and ㅊ that end a syllable of Hangul read letter by
// letter (unidecode: s, ss, j, c), as they are said and as the Revised Romanization writes
// them: Korean writes a foreign final t so (마거릿, mageoris, Margaret; 데블렛, Devlet; 로봇,
// robot). In that reading every syllable has a vowel, and a glide (w, y) comes only before
// one, so a consonant with no vowel after it ends its syllable. The ㅊ that begins one is
// written ch, as the Revised Romanization does (차, ca: cha; 로치, Roche).
func hangulFinals(text string) string {
	if !strings.ContainsAny(text, "sjc") {
		return text
	}
	vowel := func(i int) bool { return i < len(text) && strings.IndexByte("aeiouwy", text[i]) >= 0 }
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != 's' && c != 'j' && c != 'c' {
			b.WriteByte(c)
			continue
		}
		end := i + 1
		if c != 'c' && end < len(text) && text[end] == c { // ㅆ, ㅉ
			end++
		}
		switch {
		case vowel(end) && c == 'c':
			b.WriteString("ch") // ㅊ, an affricate as ch is, not the k of Latin c
		case vowel(end):
			b.WriteString(text[i:end])
		default:
			b.WriteByte('t')
		}
		i = end - 1
	}
	return b.String()
}

// soundOf folds spoken text into the classes of sound of a mode.
//
//   - byLetters writes each run of vowels a and folds consonants into the coarse classes.
//   - byConsonants drops vowels and folds only what abjads do not tell apart (b p f v; c k g
//     q; d t; s z j): an abjad keeps m from n and l from r, and writes h (ح, ه, ח: Hussein,
//     Ahmed), except at the end of a word, where it mostly marks a vowel (שרה, Sarah). As the
//     abjad writes no short vowels, a repeat of a class across a vowel is one sound.
//   - bySyllables drops vowels, h, and an r with no vowel after it, and folds into the coarse
//     classes; syllabic scripts write every vowel, so a class repeated across a vowel is two
//     sounds (Mohematsazi: m, m).
func soundOf(text string, mode int) string {
	return sound(text, mode, nil)
}

// syllableFrame is the vowels of spoken text around the consonants its sound key in mode
// (bySyllables or one of a Latin word's other keys, bySyllablesR …) keeps: the vowels before
// the first, then those after each (empty where none follows).
func syllableFrame(text string, mode int) []string {
	frame := []string{""}
	sound(text, mode, &frame)
	return frame
}

// A Latin word's other keys in a syllabic script (token.soundAlt), for what renderings do one
// way or the other; they are not rendering modes of their own.
//
//   - bySyllablesR keeps an r with no vowel after it, as renderings of names from languages
//     that sound it do (Vladimir, 블라디미르, beul-la-di-mi-reu; Márquez, マルケス), where
//     English names are rendered without (Walker, 워커).
//   - bySyllablesV drops a v, as Chinese writes it with w (Victor, 维克多, wei-ke-duo; Ivan,
//     伊万, yi-wan), which the key drops, where Korean and Japanese write a b (빅터, ビクター).
//   - bySyllablesRV does both.
//   - bySyllablesW drops a v before a vowel only, as Chinese writes Russian names: a w there,
//     an f before a consonant or at the end (Ivanov, 伊万诺夫, yi-wan-nuo-fu; Volkov, 沃尔科夫).
//   - bySyllablesRW keeps an r with no vowel after it too.
const (
	bySyllablesR = iota + bySyllables + 1
	bySyllablesV
	bySyllablesRV
	bySyllablesW
	bySyllablesRW
)

// sound is soundOf; in bySyllables, it also writes the vowels around the consonants it keeps
// to frame (see syllableFrame) when frame is not nil.
func sound(text string, mode int, frame *[]string) string {
	var buf [32]byte // keys are short: one allocation, for the string
	b := buf[:0]
	var last, lastLetter rune
	for i, r := range text {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'E': // E: pinyinUn's schwa
			switch mode {
			case byLetters:
				r = 'a'
			case bySyllables, bySyllablesR, bySyllablesV, bySyllablesRV, bySyllablesW, bySyllablesRW:
				if frame != nil {
					(*frame)[len(*frame)-1] += string(r)
				}
				last = 0
				continue
			default:
				continue
			}
		case 'h':
			if mode != byConsonants || i+1 == len(text) {
				continue
			}
		case 'w', '\'':
			continue
		case 'r':
			if (mode == bySyllables || mode == bySyllablesV || mode == bySyllablesW) && (i+1 == len(text) || !strings.ContainsRune("aeiouy", rune(text[i+1]))) {
				if frame != nil && (*frame)[len(*frame)-1] != "" {
					(*frame)[len(*frame)-1] += "r" // the vowel it colours (vowelsAgree)
				}
				continue
			}
		case 'v':
			if mode == bySyllablesV || mode == bySyllablesRV {
				continue
			}
			if (mode == bySyllablesW || mode == bySyllablesRW) && i+1 < len(text) && strings.ContainsRune("aeiouy", rune(text[i+1])) {
				continue
			}
		}
		letter := r
		r = soundClass(r, mode)
		// The r and l of rl are two syllables in a syllabic script, each r-like (Carlos,
		// カルロス, 카를로스; Orlov, オルロフ), not one sound as a doubled letter is; so are the
		// m and n of mn (Kramnik, クラムニク). (Hangul read letter by letter writes the l of a
		// name as lr, ㄹㄹ: one sound; Kana and Han a doubled m as nm, ンマ: Rommel, ロンメル.)
		if r == last && !(mode >= bySyllables && (lastLetter == 'r' && letter == 'l' || lastLetter == 'm' && letter == 'n')) {
			continue
		}
		b = utf8.AppendRune(b, r)
		last, lastLetter = r, letter
		if frame != nil {
			*frame = append(*frame, "")
		}
	}
	return string(b)
}

// soundClass is the class of sound of a consonant in a mode (see soundOf).
func soundClass(r rune, mode int) rune {
	switch r {
	case 'p', 'f', 'v':
		return 'b'
	case 'c', 'g', 'q':
		return 'k'
	case 'd':
		return 't'
	case 'z', 'j':
		return 's'
	case 'l':
		if mode != byConsonants {
			return 'r'
		}
	case 'm':
		if mode != byConsonants {
			return 'n'
		}
	}
	return r
}

// deobfuscate reads digits written for letters inside a word (Ig0r Sech1n): in a token that
// has both letters and digits, 0→o 1→i 3→e 4→a 5→s 7→t. Tokens that are all digits stay.
func deobfuscate(w string) string {
	letters, digits := false, false
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters = true
		} else if unicode.IsDigit(r) {
			digits = true
		}
	}
	if !letters || !digits {
		return w
	}
	return digitLetters.Replace(w)
}

// Replacers and folds are built once, and used concurrently.
var (
	digitLetters = strings.NewReplacer("0", "o", "1", "i", "3", "e", "4", "a", "5", "s", "7", "t")
	koreanVowels = newFold("eo", "o", "eu", "u", "woo", "u", "oo", "u", "ee", "i", "sh", "s", "ch", "j")
	koreanStops  = strings.NewReplacer("k", "g", "t", "d", "p", "b")
	pinyinSounds = newFold("zh", "s", "ch", "s", "sh", "s", "x", "s", "c", "s", "q", "s")
	// Longest first at each position: sch before ch, tch before ch; ch before r and l is a k
	// (Christiansen, 크리스티안센; Chloe).
	digraphSounds = newFold("sch", "s", "tch", "s", "ph", "f", "th", "t", "sh", "s", "chr", "kr", "chl", "kl", "ch", "s",
		"zh", "s", "kh", "k", "gh", "k", "ck", "k", "qu", "k", "ng", "n", "ts", "s", "tz", "s", "dz", "s", "x", "ks",
		"ce", "se", "ci", "si", "cy", "sy")
)

// kanaDentals reads the Kana syllables チ, ジ and ツ (Hepburn chi, ji, tsu) as the ti, di and
// tu they render in foreign names written the older way, as Japanese had no ti, di or tu
// (プーチン, Putin; マーチン, Martin; ウラジーミル, Vladimir), where newer renderings write
// ティ, ディ and トゥ; and チェ and ジェ (che, je) as the te and de of Russian names, whose
// soft t and d Japanese writes so (レオンチェフ, Leontyev; メドベージェフ, Medvedev).
var kanaDentals = newFold("chi", "ti", "ji", "di", "tsu", "tu", "che", "te", "je", "de")

// hanVelars reads pinyin's palatals j and q before an i as the g and k they render in
// foreign names: Mandarin has no ki or gi, and writes them 基 ji, 吉 ji, 奇 qi, 金 jin
// (Sasikiran, 萨斯基兰; Sidiki, 西迪奇; Kimberly, 金伯利). The pinyin's own reading, an s
// sound (Jim, 吉姆), is the token's first key; this one is its soundAlt[0]. Before ü (ju, qu)
// they are left alone: renderings write gu and ku with 古 and 库, and reading them so made a
// Chinese name, 霍留军 (huo liu jun), sound like Alkon. The same key reads pinyin's re and ri
// as the zhe and zhi they render in Russian names (任 ren for the жин of Prigozhin, 普里戈任; 热
// re, 日 ri), as renderings write a foreign r with l. Ru and rui are left alone: 瑞 rui made a
// typo of BEHNAVAZ sound like 彭家瑞.
var hanVelars = newFold("ji", "gi", "qi", "ki", "re", "zhe", "ri", "zhi")

// hanDentals reads pinyin's j before an i as the soft d and t of Russian names, which Chinese
// renders so, as Japanese does (kanaDentals): ди, ти and тин as 基, 季 ji and 京 jing, де and
// те as 杰 and 捷 jie, дя and тя as 佳 jia (弗拉基米尔, fu-la-ji-mi-er, Vladimir; 普京, Putin;
// 梅德韦杰夫, Medvedev). It is a reading of its own, beside hanVelars, as the same 基 renders
// the ki of other languages.
var hanDentals = newFold("ji", "di")

// hanH reads the pinyin xi or xin that begins a word as the hi or hin it renders in foreign
// names: Mandarin has no hi, and writes it 希 xi, 欣 xin (Hilton, 希尔顿; Hinckley, 欣克利;
// Hitler, 希特勒). The pinyin's own reading, an s sound (Simpson, 辛普森 xin), stays the
// token's first key. Not within a word, where the h read so is dropped and the word's
// other sounds meet too many (易卜拉欣, yi-bu-la-xin, is Ibrahim but not Ebilun), nor xia,
// xiao, xiong or xiu, which render no hi (小川 xiao-chuan is Ogawa, not Hassan).
var hanH replacer = hanInitialH{}

type hanInitialH struct{}

func (hanInitialH) Replace(s string) string {
	if !strings.HasPrefix(s, "xi") || len(s) > 2 && strings.IndexByte("aou", s[2]) >= 0 {
		return s
	}
	return "h" + s[1:]
}

// A replacer rewrites a word's letters, as strings.Replacer does.
type replacer interface{ Replace(string) string }

// syllabicAlt is, for the syllabic scripts that have them, the other readings that give a
// token its further sound keys (token.soundAlt, in this order; soundsAlt).
var syllabicAlt = map[string][]replacer{"kana": {kanaDentals}, "han": {hanVelars, hanDentals, hanH}}

// koreanFold folds the differences between the Revised Romanization, McCune–Reischauer and
// common spellings of Korean syllables (jeong/jong/chung, eun/un, gim/kim): eo→o, eu→u, oo→u,
// ee→i, sh→s, and voiceless stops to voiced ones.
func koreanFold(s string) string {
	return koreanStops.Replace(koreanVowels.Replace(s))
}

// latinKoreanFold is the fold of a word in another script than Hangul compared with Hangul
// (token.fold): koreanFold, with the letters koreanH reads. (Whether a Latin word is spelt in
// Korean syllables, nativeSpelling, is read by koreanFold: with them, Nickson, Kahlo would be,
// and would no longer be compared by ear.)
func latinKoreanFold(s string) string {
	return koreanStops.Replace(koreanH(koreanVowels.Replace(s)))
}

// koreanH drops an h after a vowel that no vowel follows, as Latin spellings of Korean names
// add one to mark a vowel (Ahn, Oh, Roh, Sohn, Huh: 안, 오, 노, 손, 허), and the h of the
// aspirates older romanizations write th, ph, kh (Thaek, 택), and reads oung and ck as ong and k
// (Young, 영; Duck, 덕).
func koreanH(s string) string {
	if !strings.ContainsAny(s, "hkg") {
		return s
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiouwy", c) >= 0 }
	drop := func(i int) bool {
		switch c := s[i]; {
		case c == 'h' && i > 0 && (vowel(s[i-1]) && (i+1 == len(s) || !vowel(s[i+1])) || strings.IndexByte("tpk", s[i-1]) >= 0):
			return true
		case c == 'c' && i+1 < len(s) && s[i+1] == 'k':
			return true
		case c == 'u' && i > 0 && s[i-1] == 'o' && strings.HasPrefix(s[i+1:], "ng"):
			return true
		}
		return false
	}
	var b []byte // nil while nothing is dropped: most words keep every letter
	for i := 0; i < len(s); i++ {
		if !drop(i) {
			if b != nil {
				b = append(b, s[i])
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)), s[:i]...)
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// hangulFold is koreanFold of Hangul read letter by letter (transliterate, after unidecode),
// which writes what the Revised Romanization writes but for ㅊ, c (채, cae: Chae), the finals
// hangulFinals writes t, and ㅢ (hangulYi).
func hangulFold(s string) string { return koreanFold(hangulYi(hangulFinals(s))) }

// hangulYi writes ㅢ (unidecode: yi) as it is said and as names write it: i after a consonant
// (희, hyi: Hee, Hi), ui elsewhere, as the Revised Romanization does (의, yi: Ui, Eui).
func hangulYi(s string) string {
	if !strings.Contains(s, "yi") {
		return s
	}
	b := make([]byte, 0, len(s))
	for j := 0; j < len(s); j++ {
		if s[j] == 'y' && j+1 < len(s) && s[j+1] == 'i' {
			if j == 0 || strings.IndexByte("aeiouwy", s[j-1]) >= 0 {
				b = append(b, 'u') // ㅢ alone: ui
			}
			continue // after a consonant: i
		}
		b = append(b, s[j])
	}
	return string(b)
}

// script is the script of the name's first word not written in Latin, or "latin".
func (n *name) script() string {
	for _, t := range n.tokens {
		if t.kind == kindWord && t.script != "latin" {
			return t.script
		}
	}
	return "latin"
}

// Latin alphabets write with marks sounds that other scripts write as English does with two
// letters: š, ş, ș sh (Шахин, Şahin); č, ć, ç ch (Чачич, تشاتشيتش, Čačić); ž zh; đ dj; ț ts;
// ñ ny (Muñoz, Муньос); and vowels German writes so: ö and ø oe, ä ae, which renderings give
// the vowel of e (Götting, ゲッティング; Röhm, レーム), and Scandinavia's å, an o (Måns,
// モンス). (ü is left as u: written ue, it took Schütz further from Шюц.) Normalize drops the
// marks, as lists do (CACIC, SAHIN), so a word
// written with them is also read with them so written (token.marked), to compare with words
// in other scripts.

// markedLetters write the marked letters as other scripts render them.
var markedLetters = strings.NewReplacer(
	"š", "sh", "Š", "Sh", "ś", "sh", "Ś", "Sh", "ş", "sh", "Ş", "Sh", "ș", "sh", "Ș", "Sh",
	"č", "ch", "Č", "Ch", "ć", "ch", "Ć", "Ch", "ç", "ch", "Ç", "Ch",
	"ž", "zh", "Ž", "Zh", "ź", "zh", "Ź", "Zh", "ż", "zh", "Ż", "Zh",
	"đ", "dj", "Đ", "Dj", "ț", "ts", "Ț", "Ts", "ţ", "ts", "Ţ", "Ts", "ñ", "ny", "Ñ", "Ny",
	"ö", "oe", "Ö", "Oe", "ø", "oe", "Ø", "Oe", "ä", "ae", "Ä", "Ae", "å", "o", "Å", "O",
)

// polishLetters is a word in Polish spelling (one with cz, sz or rz) with its digraphs written
// as other scripts render them, as markedLetters writes marked letters: cz ch, sz sh, rz zh;
// and with them ch h, ci, si, zi and ni before a vowel ch, sh, zh and ny, w v (Kaczmarek,
// Качмарек, カチマレク; Brzeziński, Бжезинский; Wojciechowski, Войцеховский). "" for any other
// word.
func polishLetters(w string) string {
	// digraph: w[i:i+2] is one of them, its z no ž written out (Držić, drzhich, is Croatian)
	digraph := func(i int) bool {
		return i+1 < len(w) && w[i+1] == 'z' && strings.IndexByte("csr", w[i]) >= 0 && (i+2 == len(w) || w[i+2] != 'h')
	}
	found := false
	for i := range len(w) {
		if found = digraph(i); found {
			break
		}
	}
	if !found {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		vowelAfter := i+2 < len(w) && strings.IndexByte("aeiouy", w[i+2]) >= 0
		switch {
		case digraph(i):
			b.WriteString(polishDigraphs[w[i]])
			i++
		case w[i] == 'c' && next == 'h':
			b.WriteByte('h')
			i++
		case next == 'i' && vowelAfter && strings.IndexByte("cszn", w[i]) >= 0:
			b.WriteString(polishSoft[w[i]])
			i++
		case w[i] == 'w':
			b.WriteByte('v')
		default:
			b.WriteByte(w[i])
		}
	}
	return b.String()
}

// italianLetters is a word in Italian spelling (one with cc or gg before e or i, ci or gi before
// another vowel, sc before e or i, gli or gn) with its letters written as other scripts render
// them: c and cc before e or i ch, g and gg j, sc sh, the i of ci, gi, sci and gli before a
// vowel silent, gl before i ly, gn ny, ch and gh k and g (Boccaccio, Боккаччо; Ruggiero,
// Руджеро; Marignano, Мариньяно); "" for any other word. French writes gn so too (Lamoignon,
// Ламуаньон). A word that ends in ie is English's (Maggie, Reggie: a hard g).
func italianLetters(w string) string {
	if strings.HasSuffix(w, "ie") {
		return "" // English (Maggie, マギー), not Italian
	}
	vowel := func(i int) bool { return i < len(w) && strings.IndexByte("aeiou", w[i]) >= 0 }
	front := func(i int) bool { return i < len(w) && (w[i] == 'e' || w[i] == 'i') }
	found := false
	for i := 0; i+2 < len(w) && !found; i++ {
		switch w[i : i+2] {
		case "cc", "gg", "sc":
			found = front(i + 2)
		case "ci", "gi":
			found = vowel(i+2) && w[i+2] != 'i'
		case "gl":
			found = w[i+2] == 'i'
		case "gn":
			found = true
		}
	}
	if !found {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case (c == 'c' || c == 'g') && i+1 < len(w) && w[i+1] == c && front(i+2):
			continue // cc, gg before e or i: one sound, written below
		case c == 's' && i+1 < len(w) && w[i+1] == 'c' && front(i+2):
			b.WriteString("sh")
			i++
			if w[i+1] == 'i' && vowel(i+2) {
				i++ // the i of scia: silent
			}
		case (c == 'c' || c == 'g') && i+1 < len(w) && w[i+1] == 'h':
			if c == 'c' {
				b.WriteByte('k') // ch
			} else {
				b.WriteByte('g') // gh
			}
			i++
		case c == 'g' && i+2 < len(w) && w[i+1] == 'l' && w[i+2] == 'i':
			b.WriteString("ly")
			i += 2
			if vowel(i + 1) {
				continue
			}
			b.WriteByte('i')
		case c == 'g' && i+1 < len(w) && w[i+1] == 'n':
			b.WriteString("ny")
			i++
		case (c == 'c' || c == 'g') && front(i+1):
			if c == 'c' {
				b.WriteString("ch")
			} else {
				b.WriteByte('j')
			}
			if w[i+1] == 'i' && vowel(i+2) {
				i++ // the i of cia, gio: silent
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// georgianNominative is a Georgian word read in Latin letters without the nominative ending
// -i that Georgian gives a foreign name ending in a consonant (პუტინი, putini: Putin), as
// other scripts render the name, or "" for a word with no such ending. A Georgian name's own
// i (სააკაშვილი) is read so too: the reading is an alternative (token.marked).
func georgianNominative(w string) string {
	if n := len(w); n >= 4 && w[n-1] == 'i' && strings.IndexByte("aeiouy", w[n-2]) < 0 {
		return w[:n-1]
	}
	return ""
}

// englishLetters is a word read without the letters English spelling writes and does not say,
// as other scripts render it: the k of an initial kn and the w of an initial wr, and the gh
// of igh before a t or at the end, whose i is then said ai (Knight, nait: נייט, ナイト, Найт;
// Wright, 라이트, 莱特; Leigh, lei); "" for any other word.
func englishLetters(w string) string {
	r := w
	if len(r) > 3 && (strings.HasPrefix(r, "kn") || strings.HasPrefix(r, "wr")) {
		r = r[1:]
	}
	if i := strings.Index(r, "igh"); i > 0 && (i+3 == len(r) || r[i+3] == 't') {
		if r[i-1] == 'e' {
			r = r[:i+1] + r[i+3:] // eigh: ei (Leigh)
		} else {
			r = r[:i] + "ai" + r[i+3:] // igh: its i said ai (Knight)
		}
	}
	if r == w {
		return ""
	}
	return r
}

// spanishJ is a word read with a j between vowels, before an a, e or o, written kh, as
// Spanish says it and other scripts render Spanish names (Bermejo, بيرميخو; Cornejo, Корнехо;
// Rajoy, راخوي); "" for a word without one. Slavic names' j there, a y, is read so against
// syllabic renderings (latinReadings). (Spanish's ll, y, read so as well gave as many false
// matches in bench translit as true ones.)
func spanishJ(w string) string {
	i := strings.IndexByte(w, 'j')
	if i < 1 || i+1 >= len(w) || strings.IndexByte("aeiou", w[i-1]) < 0 || strings.IndexByte("aeo", w[i+1]) < 0 {
		return ""
	}
	return w[:i] + "kh" + w[i+1:]
}

// frenchLetters is a word read without the final letters French spelling writes and does not
// say, as other scripts render French names: the t of -et and -ot, the r of -ier, the x of
// -eaux and -oux, and -eau, -ault and -aud said o (Poncelet, بونسليه; Barbot, ברבו; Vallier,
// Валье; Renault, Рено); "" for a word with none of those endings, or of four letters or
// fewer. Not -ard and -ert, which English says as written (Howard, Robert): read so they
// paired one false match of `bench translit` for two or three true ones.
func frenchLetters(w string) string {
	if len(w) <= 4 {
		return ""
	}
	for _, e := range frenchEndings {
		if stem, ok := strings.CutSuffix(w, e[0]); ok {
			return stem + e[1]
		}
	}
	return ""
}

// frenchEndings are the endings frenchLetters reads, each with what is said of it; none ends
// another, so their order does not matter.
var frenchEndings = [][2]string{
	{"eaux", "o"}, {"eau", "o"}, {"ault", "o"}, {"aud", "o"}, {"oux", "u"},
	{"ier", "ie"}, {"iers", "ie"}, {"et", "e"}, {"ot", "o"},
}

// germanLetters is a word in German spelling (one with sch or tz, or a w before a vowel at its
// start) read as other scripts render it: sch sh, tz and z ts, w v, ei ai, ie i, a j before a
// vowel y, ch after a vowel kh, an initial st or sp sht or shp (Schüssel, שיסל; Clausewitz,
// Клаузевиц), when the word has no marked letters to read (token.marked holds one reading);
// "" for any other word.
func germanLetters(w string) string {
	if !strings.Contains(w, "sch") && !strings.Contains(w, "tz") && !(len(w) > 1 && w[0] == 'w' && strings.IndexByte("aeiou", w[1]) >= 0) {
		return ""
	}
	var b strings.Builder
	vowel := func(i int) bool { return i >= 0 && i < len(w) && strings.IndexByte("aeiouy", w[i]) >= 0 }
	for i := 0; i < len(w); i++ {
		switch {
		case strings.HasPrefix(w[i:], "sch"):
			b.WriteString("sh")
			i += 2
		case i == 0 && (strings.HasPrefix(w, "st") || strings.HasPrefix(w, "sp")):
			b.WriteString("sh")
		case strings.HasPrefix(w[i:], "tz"):
			b.WriteString("ts")
			i++
		case w[i] == 'z':
			b.WriteString("ts")
		case w[i] == 'w':
			b.WriteByte('v')
		case strings.HasPrefix(w[i:], "ei"):
			b.WriteString("ai")
			i++
		case strings.HasPrefix(w[i:], "ie"):
			b.WriteByte('i')
			i++
		case w[i] == 'j' && vowel(i+1):
			b.WriteByte('y')
		case strings.HasPrefix(w[i:], "ch") && vowel(i-1):
			b.WriteString("kh")
			i++
		default:
			b.WriteByte(w[i])
		}
	}
	if r := b.String(); r != w {
		return r
	}
	return ""
}

// polishDigraphs are the sounds of cz, sz and rz by their first letter; polishSoft those of
// ci, si, zi and ni before a vowel.
var (
	polishDigraphs = map[byte]string{'c': "ch", 's': "sh", 'r': "zh"}
	polishSoft     = map[byte]string{'c': "ch", 's': "sh", 'z': "zh", 'n': "ny"}
)

// umlautsOnly reports whether a word's reading with its marked letters written out differs
// from the word only by the vowels markedLetters writes with an e (ö, ä: Schröder,
// schroeder), which German spelling has, not by marked consonants, which it has not.
func umlautsOnly(marked, w string) bool {
	i, j := 0, 0
	for i < len(marked) {
		switch {
		case j < len(w) && marked[i] == w[j]:
			i, j = i+1, j+1
		case marked[i] == 'e' && i > 0 && strings.IndexByte("oa", marked[i-1]) >= 0:
			i++ // the e of ö or ä, which w has not
		default:
			return false
		}
	}
	return j == len(w)
}

// markedRunes are the letters markedLetters writes otherwise, and turkicRunes.
const markedRunes = "šŠśŚşŞșȘčČćĆçÇžŽźŹżŻđĐțȚţŢñÑöÖøØäÄåÅ" + turkicRunes

// turkicRunes are letters of Turkish and Azerbaijani, and no other language's: a name with
// one (Erdoğan, Əliyev, Işık) is read as those languages say its letters (turkicLetters).
const turkicRunes = "ğĞıİəƏ"

// turkicLetters write Turkish and Azerbaijani letters as other scripts render them: c is
// said j (Recep, Реджеп, 레제프, レジェップ), and ğ lengthens the vowel before it, unsaid
// (Erdoğan, 에르도안, エルドアン, 埃尔多安). ç and ş are markedLetters' ch and sh.
var turkicLetters = strings.NewReplacer("c", "j", "C", "J", "ğ", "", "Ğ", "")

// markedFields returns the words of a name, as fields are those of its normalised form, read
// with its marked letters written as markedLetters writes them; nil when it has none, or
// when the two readings do not split alike.
func markedFields(raw string, fields []string) []string {
	if !strings.ContainsAny(raw, markedRunes) {
		return nil
	}
	if strings.ContainsAny(raw, turkicRunes) {
		raw = turkicLetters.Replace(raw) // before markedLetters writes ç ch
	}
	norm, _ := normalizeAtComma(markedLetters.Replace(raw))
	fs := splitKanaHan(strings.Fields(norm))
	if len(fs) < len(fields) {
		return nil
	}
	return fs[:len(fields)]
}
