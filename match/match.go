// Package match finds the entities a name refers to. It is pure: no I/O, no environment, no
// clock; its Config is passed in.
//
// A name is normalised (Unicode NFKC, case folding, marks, punctuation, dotted abbreviations,
// apostrophes, the ezafe of Persian names in Latin letters, Sepah-e: dropEzafe), split into
// tokens, and tokens in other scripts are transliterated: Han to
// pinyin, Hangul letter by letter (a Korean name one token per syllable), Kana in modern
// Hepburn (hepburn), Greek after ELOT 743, India's scripts by their shared layout with the
// vowels their consonants carry (indicLatin), Serbian and Macedonian Cyrillic as their Latin
// alphabets (serbianLatin), Hebrew with its geresh (ג׳ j), Uyghur after its Latin script
// (uyghurLatin), Thai without its silent letters (thaiSilent), Cyrillic, Arabic and others
// through unidecode, with Chinese and Korean institutional terms (公安局, 법무부 …; Han's
// traditional characters looked up in their simplified forms, 自治區), country names
// (中华人民共和国, 대한민국), Russian institutional words and bodies' abbreviations (МВД, FSB), in Cyrillic or Latin letters
// (Министерство, Federalnaya), and those of European languages (Bundesministerium, Ministère)
// rendered in English first. Numbers below a hundred in digits are
// spelt in English words (44 → forty four, 1st → first). Places are read in one Latin form
// (Hetian, Hotan; 维吾尔, Uighur, Uyghur), abbreviations as their words (PSB, Int'l; once, where
// they restate the words before them: Federal Security Service (FSB)), legal forms fold to a canonical
// form (Aktiengesellschaft → ag), titles are dropped where titles stand in names that may be
// persons' (President Putin, AL-ALI, Dr. Hamed), particles and initials are marked
// (knowledge/*.tsv). A name that lists names with slashes (Al-Qa'ida/Islamic Army) is each of
// them too.
//
// Two names are compared by aligning their tokens: each token pairs with its most similar
// counterpart (exact or in one spelling of the transcriptions of European languages,
// spellingFold; within a typo budget that grows with the token's length, initial to word,
// equal consonant skeletons across scripts, the romanization folds of Korean and Cyrillic, a
// Greek word without its ending, a Latvian or Lithuanian word without its (balticStem), an
// East Slavic given name or patronymic in another of its Russian, Ukrainian and Belarusian
// forms (givenName: Vladimir, Volodymyr, Uladzimir), or, for a word in another script, the
// same sound as a Latin word: see sounds; a word is also read against other scripts as they
// render it, token.marked: a Latin word's marked letters written out, Şahin as shahin, its
// Polish, Italian or German spelling as said, Kaczmarek as kachmarek, Boccaccio as boccacho,
// Clausewitz as clausevits, a Greek word's ντ as the d of a foreign name, a Belarusian word
// as the Russian form, Уладзімір Пуцін as vladimir putin, a Georgian word without the -i of
// its nominative, Hindi's bh as a v; and a given name in its Russian form, givenReading,
// which renderings render), and the score is the weighted
// share of both names that found a counterpart. Extra tokens on one side (a middle name, a patronymic) weigh less
// when the other side is fully matched, and least in persons' names (extraShare); a
// patronymic left over against a name that has none, or in a comparison with a rendering in
// another script (renderings leave patronymics out, or write their own:
// renderedPatronymicEndings), counts nothing, and a title
// and one rare word (President Putin) are a person's family name, which keeps the threshold
// where the word matches. A name in Latvian or Lithuanian form is compared with renderings
// without its endings too (balticName). Names are also compared
// written without spaces (one edit in twelve letters or more is a typo: whollyOneEdit), two
// neighbouring words as one word of the other name (compounds), a Hangul name against a Latin
// one in runs of syllables (syllableRuns), a Han name in the Korean, Japanese and Cantonese
// readings of its characters (readingsAlign; Cantonese as Hong Kong spells it,
// cantoneseSpellings), a Chinese name in Wade–Giles against Han or pinyin
// (wadeGilesAlign), a Chinese name in pinyin or Han against its Hangul and its Cyrillic as
// Korean and Russian write it (pinyinWritingAlign: 시진핑, Си Цзиньпин), a Korean name against
// its Cyrillic and Katakana (koreanRenderingAlign: Ким Чен Ын, キム・ジョンウン), a name in an
// abjad by its whole consonant skeleton, and renderings in
// Han, Hangul, Kana, abjads and Burmese against each other by their words' sounds written
// together (renderingsMeet, abjadRenderingMeet, burmeseRenderingMeet). Scores are in
// [0,1]; 1 only for equal normalised names. Each match found through an Index records what
// produced its score (explain), and an entity holding one of the query's identifiers matches
// whatever its name.
//
// An Index finds the entities a name may refer to without comparing it with every name: see
// Index for its retrieval keys and the score bounds that decide which names are compared.
package match

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Config holds the matcher's parameters.
type Config struct {
	// Threshold is the score at or above which a candidate is a match.
	Threshold float64
	// ReviewThreshold is the score at or above which a candidate below Threshold is reported
	// as a possible match that needs human review.
	ReviewThreshold float64
	// CountryPenalty multiplies the score when the query's country and the entity's differ.
	CountryPenalty float64
	// Limit is the default number of matches returned.
	Limit int
}

// DefaultConfig returns the default parameters.
func DefaultConfig() Config {
	return Config{Threshold: 0.9, ReviewThreshold: 0.75, CountryPenalty: 0.85, Limit: 5}
}

func kindWeight(t *token) float64 {
	switch t.kind {
	case kindLegal:
		return 0.1
	case kindStop:
		return 0.2
	case kindInitial:
		return 0.5
	}
	return 1
}

// ScoreSchema compares two names of entities of the given FtM schema ("" if unknown). The
// schema decides how much words found in one name only count (extraShare): a person's names
// leave out middle names and patronymics, an organisation's extra words name another body.
// Legal forms are recognised whatever the schema, titles unless the schema is an
// organisation's or another body's (analyzeFor). A name that lists several with slashes
// (alternatives) scores as the best of them and of the whole.
func ScoreSchema(a, b, schema string) float64 {
	k := DefaultKnowledge()
	extra, best := extraShare(schema), 0.0
	var nbs []*name
	for _, y := range k.withAlternatives(b) {
		nbs = append(nbs, k.analyzeFor(y, schema))
	}
	for _, x := range k.withAlternatives(a) {
		nx := k.analyzeFor(x, schema)
		for _, ny := range nbs {
			e := extra
			if schema == "" && (k.titledPerson(nx, ny) || k.titledPerson(ny, nx)) {
				e = personExtra
			}
			if s, _ := compare(nx, ny, e); s > best {
				best = s
			}
		}
	}
	return round(best)
}

// titledPerson reports whether two names of no known schema are read as persons' names: a
// has a title (Präsident Putin), and b a given name or patronymic (token.given: Vladimir
// Putin), or one rendered in another script (renderedGiven: ウラジーミル・プーチン, a Burmese
// word: ဗလာဒီမီယာ), or an initial that stands for a patronymic (markPatronymicInitials: В.
// В. Путин, as Russian writes a person's name; initials in Latin letters say nothing: J. P.
// Morgan is a bank), and no legal form. A title alone does not say the other name is a
// person's (Putin Holding).
func (k *Knowledge) titledPerson(a, b *name) bool {
	if !a.titled || slices.ContainsFunc(b.tokens, func(t *token) bool { return t.kind == kindLegal }) {
		return false
	}
	if b.patronymic != 0 || slices.ContainsFunc(b.tokens, func(t *token) bool { return t.given != "" || k.renderedGiven(t) }) {
		return true
	}
	// A name in Burmese by its words, not its syllables (ဗလာဒီမီယာ, Vladimir).
	return b.burmese() && slices.ContainsFunc(burmeseWords(b), func(ws []*token) bool { return k.renderedGiven(burmeseWordToken(ws)) })
}

// Score compares two names directly and returns the score in [0,1].
func Score(a, b string) float64 {
	return ScoreSchema(a, b, "")
}

// extraShare is the share at which the words of one name that found no counterpart count,
// when the other name found a counterpart for all its words and two words or more paired:
// a fifth for persons (ANJEM CHOUDARY is ANJEM IFTIKHAR CHOUDARY MAHMOOD), a third otherwise
// (Deutsche Bank is not Deutsche Bank Trust Company).
func extraShare(schema string) float64 {
	if schema == "Person" {
		return personExtra
	}
	return 1.0 / 3
}

const personExtra = 1.0 / 5

// titledExtra is the share at which a person's given names count against a title and the
// family name (titledOutweighs): half personExtra, so that the family name spelt another
// usual way (0.95: Putyin, Poetin) still leaves President Putin and Vladimir Putin above
// the threshold, and two given names (President Erdoğan, Recep Tayyip Erdoğan) as well.
const titledExtra = personExtra / 2

// compare scores two analysed names and says which comparison decided; extra is extraShare.
// A name in a Baltic language's form is compared with a rendering without its endings too.
func compare(a, b *name, extra float64) (float64, string) {
	s, method := compareNames(a, b, extra)
	if s < 0.99 && (a.baltic && b.rendered() || b.baltic && a.rendered()) {
		if s2, m2 := compareNames(a.withoutBalticEndings(), b.withoutBalticEndings(), extra); s2 > s {
			return s2, m2 + "+baltic"
		}
	}
	return s, method
}

// compareNames is compare, each name as it is.
func compareNames(a, b *name, extra float64) (float64, string) {
	switch {
	case a.normalized == "" || b.normalized == "":
		return 0, ""
	case a.normalized == b.normalized:
		return 1, "exact"
	}
	if a.cjk && b.cjk {
		// In Han, Hangul and Kana a different character is a different name (习近平 and
		// 习近朋), not a typo: compare the characters, and stay below a match when any differs;
		// unless the names differ only by a rendering's patronymic (블라디미르 블라디미로비치 푸틴,
		// 블라디미르 푸틴), which counts nothing (align).
		if (a.patronymic != 0 || b.patronymic != 0) && slices.EqualFunc(a.withoutPatronymics(), b.withoutPatronymics(),
			func(x, y *token) bool { return x.text == y.text }) {
			s, method := align(a, b, extra)
			return min(s, 0.99), method // 1 is for equal names only
		}
		// A Han name and one in Hangul or Kana that reads its characters (金正恩, 김정은).
		if a.chars != nil && b.hasReadingWords() && readingsAlign(a, b) || b.chars != nil && a.hasReadingWords() && readingsAlign(b, a) {
			return 0.95, "readings"
		}
		if a.chars != nil && b.hasReadingWords() && readingsWithWesternName(a, b) || b.chars != nil && a.hasReadingWords() && readingsWithWesternName(b, a) {
			return 0.9, "readings" // a word left over, as extra words weigh
		}
		// Traditional and simplified characters (習近平, 习近平; 華為, 华为) write one name: the
		// characters are compared in their simplified forms (Knowledge.simplify), equal ones
		// below the 1 of equal names.
		fa, fb := simplifiedText(a.normalized), simplifiedText(b.normalized)
		if fa == fb {
			return 0.99, "simplified"
		}
		if renderingsMeet(a, b) {
			return 0.9, "sound"
		}
		return 0.85 * ratio(fa, fb), "characters"
	}
	s, method := align(a, b, extra)
	if a.joined != "" && b.joined != "" {
		if a.joined == b.joined || equalWithoutSpaces(a.normalized, b.normalized) {
			s, method = max(s, 0.97), "joined"
		} else if la, lb := len(a.joined), len(b.joined); 10*min(la, lb) >= 9*max(la, lb) && 0.9 > s {
			// A ratio of 0.9 or more is at most a tenth of the letters edited.
			l := int(max(a.jn, b.jn))
			var ba, bb [64]rune
			if d := boundedLevenshtein(appendRunes(ba[:0], a.joined), appendRunes(bb[:0], b.joined), l/10); d <= l/10 {
				if r := 1 - float64(d)/float64(l); r >= 0.9 && 0.9*r > s {
					s, method = 0.9*r, "joined_edit"
				}
			}
		}
	}
	if a.hangul != b.hangul && 0.99 > s {
		if r := syllableRuns(a, b, extra); r > s {
			s, method = r, "syllable_runs"
		}
		// A Korean given name's last syllable read as a legal form (Kwon Young Se, SE).
		if h, l := koreanLegalWords(a, b); l != nil && 0.9 > s {
			if r := syllableRuns(h, l, extra); r > s {
				s, method = r, "syllable_runs+legal_form_as_word"
			}
		}
	}
	// A name in an abjad and one in Latin letters, one of them a single word, the other cut
	// into words otherwise (عبد الله, Abdullah), have one skeleton, of four consonants at least.
	// (Two names of several words each whose skeletons run together would pair by chance:
	// آوا سمسار and SAMIU, Izair.)
	if 0.9 > s && (a.abjad && b.latin || b.abjad && a.latin) && min(len(a.tokens), len(b.tokens)) == 1 {
		if k := wholeSkeleton(a); len(k) >= minWholeSkeleton && k == wholeSkeleton(b) {
			s, method = 0.9, "skeleton"
		}
	}
	if 0.95 > s && (a.chars != nil && b.hasReadingWords() || b.chars != nil && a.hasReadingWords()) {
		h, l := a, b
		if h.chars == nil {
			h, l = b, a
		}
		if readingsAlign(h, l) {
			s, method = 0.95, "readings"
		} else if 0.9 > s && readingsWithWesternName(h, l) {
			s, method = 0.9, "readings" // a word left over, as extra words weigh
		}
	}
	// A Chinese name in Wade–Giles and in Han or pinyin (Mao Tse-tung, 毛泽东, Mao Zedong).
	if 0.95 > s && (a.latin || b.latin) && wadeGilesAlign(a, b) {
		s, method = 0.95, "wade_giles"
	}
	// A Chinese name in pinyin and in Hangul or Cyrillic as Korean and Russian write it (Xi
	// Jinping, 시진핑, Си Цзиньпин).
	if 0.95 > s {
		if m := pinyinWritingAlign(a, b); m != "" {
			s, method = 0.95, m
		}
	}
	// A Korean name and its Cyrillic or Katakana (Kim Jong Un, 김정은, Ким Чен Ын, キム・ジョンウン).
	if 0.9 > s && koreanRenderingAlign(a, b) {
		s, method = 0.9, "korean_cyrillic"
	}
	// One letter added, dropped or changed, or two swapped, in a name of twelve letters or
	// more written without spaces, particles and legal forms included, is a typo (BONYAD
	// EASTERNmRAILWAY COMPANY, a letter for a space; Hon Wai Precision Industry for Hon Hai);
	// numbers too (Trust 2004-1 and 2004-2 are flagged, not told apart).
	if 0.93 > s && whollyOneEdit(a, b) {
		s, method = 0.93, "joined_typo"
	}
	// A name and its rendering by ear in another script (贝拉克·奥巴马, Barack Obama), whatever
	// the syllables the rendering was cut into, as long as each Latin word sounds like a run of
	// them (soundsAlign). Alphabets keep the words of a name apart: their words were compared
	// by sound in align already.
	//
	// Hangul cuts a name of two to four syllables into one token per syllable, so a word
	// written in Hangul (폴란드) is there several tokens: when each Latin word sounds like a
	// whole Hangul word, the names are compared as words are, by the shorter keys words need
	// (Poland ~ 폴란드, as Poland ~ 波兰 in tokenSim).
	if m := max(a.rendering, b.rendering); a.alphabetic != b.alphabetic && 0.9 > s && m != byLetters {
		ua, ub := unsharedWords(a, b)
		if joinedSoundsMeet(ua, ub, m) && !nativeHan(a) && !nativeHan(b) && soundsAlign(a, b, m, false) ||
			(a.hangul || b.hangul) && soundsAlign(a, b, m, true) ||
			(a.burmese() || b.burmese()) && soundsAlign(a, b, m, false) {
			s, method = 0.9, "sound"
		}
	}
	// A name in an abjad and its rendering in Han, Hangul or Kana, their words written
	// together (abjadRenderingMeet).
	if 0.9 > s && (a.abjad && b.cjk && abjadRenderingMeet(a, b) || b.abjad && a.cjk && abjadRenderingMeet(b, a)) {
		s, method = 0.9, "sound"
	}
	// And a name in Burmese and its rendering in those scripts (burmeseRenderingMeet).
	if 0.9 > s && (a.burmese() && (b.cjk || b.abjad) && burmeseRenderingMeet(a, b) || b.burmese() && (a.cjk || a.abjad) && burmeseRenderingMeet(b, a)) {
		s, method = 0.9, "sound"
	}
	// A title and one word against a person's name in Burmese (titledBurmese), as against
	// other renderings (align keeps the threshold).
	if 0.9 > s && extra == personExtra && (titledBurmese(a, b) || titledBurmese(b, a)) {
		s, method = 0.9, "sound"
	}
	// A name in Hangul that joins the Arabic article to a word, against one that writes it
	// apart (알샤바브, al-Shabaab).
	if 0.9 > s {
		if s2, m2 := hangulArticleSim(a, b, extra); s2 > s {
			s, method = s2, m2
		}
	}
	// Two different legal forms (S.A.S. and S.A.R.L.) suggest two entities of one group.
	if legalConflict(a.tokens, b.tokens) {
		s *= 0.92
		method += "+legal_form_differs"
	}
	if a.translit || b.translit {
		method += "+translit"
	}
	return min(s, 0.99), method
}

// simplifiedText is s with its traditional Han characters in their simplified forms.
func simplifiedText(s string) string {
	if rs, ok := DefaultKnowledge().simplify([]rune(s)); ok {
		return string(rs)
	}
	return s
}

// renderingsMeet reports whether two names in two of Han, Hangul and Kana render one foreign
// name by ear (克劳斯, クラウス, 클라우스: Klaus; 习近平, 시진핑): their words written together
// sound alike (renderingKeys), in keys of minRenderingKey consonants at least, and neither has
// more than twice the other's syllables. Where the key has three consonants, the vowels around
// them must agree too (renderedVowelsAgree: 马查多, Machado, is not マチダ, Machida).
func renderingsMeet(a, b *name) bool {
	if a.script() == b.script() {
		return false
	}
	la, lb := a.syllableCount(), b.syllableCount()
	if la == 0 || lb == 0 || la > 2*lb || lb > 2*la {
		return false
	}
	ka, fa := a.renderingKeys()
	kb, fb := b.renderingKeys()
	for i, k := range kb {
		if j := slices.Index(ka, k); j >= 0 && (len(k) > minRenderingKey || renderedVowelsAgree(fa[j], fb[i])) {
			return true
		}
	}
	return false
}

// renderedVowelsAgree reports whether two renderings by ear of one name write like vowels
// around the same consonants (frames of one length): wherever both write vowels, they share
// a front (e, i), back (o, u), open (a) or high (i, u) one, the high vowels being those each
// script adds after a consonant with none (史密斯, shi-mi-si; スミス, su-mi-su); the vowels after
// the last consonant are not compared, each script adding its own there (克劳斯, ke-lao-si;
// クラウス, ku-ra-u-su).
func renderedVowelsAgree(x, y []string) bool {
	if len(x) != len(y) {
		return false
	}
	x, y = x[:len(x)-1], y[:len(y)-1]
	class := func(v string) (c uint8) {
		if strings.Contains(v, "eo") {
			return 7 // Korean's ㅓ and pinyin's back e, a schwa (Amanda, 어맨다; 克, ke)
		}
		for _, r := range v {
			switch r {
			case 'a':
				c |= 1
			case 'e', 'y':
				c |= 2
			case 'i':
				c |= 2 | 8
			case 'o':
				c |= 4
			case 'u':
				c |= 4 | 8
			}
		}
		return c
	}
	for i := range x {
		if cx, cy := class(x[i]), class(y[i]); cx != 0 && cy != 0 && cx&cy == 0 {
			return false
		}
	}
	return true
}

// abjadRenderingMeet reports whether a name in an abjad (ab) and one in Han, Hangul or Kana
// (r) sound alike, their words written together: Hangul cuts names of two to four syllables
// into one token each (فلاديمير بوتين, 블라디미르 푸틴), which the words of the abjad meet
// only together. A name with a word of one syllable is a native one (丹 英 邹), not a
// rendering. An r the abjad writes with no vowel after it may be sounded (Vladimir's), so
// its key is tried with every r too (bySyllablesR). The abjad writes few vowels, so the key
// needs minAbjadRenderingKey consonants.
func abjadRenderingMeet(ab, r *name) bool {
	return renderingHasKey(r, ab.abjadRenderingKeys())
}

// nativeHan reports whether a name in Han has a word of one character written apart (充 佐藤):
// a Chinese or Japanese name's, not a rendering of a foreign one by ear.
func nativeHan(n *name) bool {
	return n.script() == "han" && slices.ContainsFunc(strings.Fields(n.normalized), func(w string) bool { return utf8.RuneCountInString(w) == 1 })
}

// renderingHasKey reports whether a name in Han, Hangul or Kana that renders a foreign name
// has one of the keys (renderingKeys). A name with a word of one syllable is a native one.
func renderingHasKey(r *name, keys []string) bool {
	if slices.ContainsFunc(strings.Fields(r.normalized), func(w string) bool { return utf8.RuneCountInString(w) < 2 }) {
		return false // a word of one syllable: a Chinese, Japanese or Korean name's (丹 英 邹)
	}
	rkeys, _ := r.renderingKeys()
	for _, k := range keys {
		if slices.Contains(rkeys, k) {
			return true
		}
	}
	return false
}

// burmeseRenderingMeet reports whether a name in Burmese (bu) and one in Han, Hangul or Kana or
// in an abjad (r) render one foreign name by ear (ဗလာဒီမီယာ ပူတင်, ウラジーミル・プーチン,
// فلاديمير بوتين): their words written together sound alike (burmeseRenderingKeys).
func burmeseRenderingMeet(bu, r *name) bool {
	keys := burmeseRenderingKeys(bu)
	if r.cjk {
		return renderingHasKey(r, keys)
	}
	for _, k := range r.abjadRenderingKeys() {
		if slices.Contains(keys, k) {
			return true
		}
	}
	return false
}

// abjadRenderingKeys are the keys of a name in an abjad that abjadRenderingMeet compares, of
// minAbjadRenderingKey consonants at least: its words' sounds (bySyllables) but its
// patronymics' written together, and the same with every r (bySyllablesR); and, where a
// Hebrew word begins with a ו before a consonant, which the keys read as a vowel, the same
// with it read v, as in foreign names (ולדימיר, Vladimir); nil for other names.
func (n *name) abjadRenderingKeys() []string {
	if !n.abjad {
		return nil
	}
	var base, withR, baseV, withRV strings.Builder
	for i, t := range n.tokens {
		if t.kind == kindWord && n.patronymic&(1<<i) == 0 { // as renderingKeys
			k, kr := t.sounds[bySyllables], soundOf(spoken(t.text, t.script, bySyllables), bySyllablesR)
			base.WriteString(k)
			withR.WriteString(kr)
			if t.script == "hebrew" && initialV(t.text) {
				v := string(soundClass('v', bySyllables))
				k, kr = v+k, v+kr
			}
			baseV.WriteString(k)
			withRV.WriteString(kr)
		}
	}
	var keys []string
	for _, k := range [4]string{base.String(), withR.String(), baseV.String(), withRV.String()} {
		if len(k) >= minAbjadRenderingKey && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// minAbjadRenderingKey is the fewest consonants of a key abjadRenderingMeet pairs names by.
const minAbjadRenderingKey = 4

// minRenderingKey is the fewest consonants of a key renderingsMeet pairs two names by.
const minRenderingKey = 3

// maxRenderingKeys bounds the keys of a name (renderingKeys).
const maxRenderingKeys = 27

// renderingKeys are the sound keys (bySyllables) of a name written in Han, Hangul or Kana, its
// words but its patronymics read (spoken) and written together (Hangul's syllables too:
// 클라우스, keul-ra-u-seu, k-r-s), each word in its own reading or another's (token.soundAlt:
// kanaDentals, hanVelars, hanDentals; a Kana word's u for an initial v), at most
// maxRenderingKeys of them, each minRenderingKey consonants long at least; nil for other
// names. The frames (syllableFrame) of the same readings are in frames.
func (n *name) renderingKeys() (keys []string, frames [][]string) {
	if !n.cjk {
		return nil, nil
	}
	spokens := []string{""}
	for i, t := range n.tokens {
		if t.kind != kindWord || n.patronymic&(1<<i) != 0 {
			continue // renderings leave patronymics out (align)
		}
		readings := []string{t.text}
		for _, alt := range syllabicAlt[t.script] {
			if d := alt.Replace(t.text); d != t.text {
				readings = append(readings, d)
			}
		}
		if t.script == "kana" && initialV("v"+t.text[1:]) && t.text[0] == 'u' {
			// Japanese writes a v before a consonant that begins a word as u (ウラジーミル,
			// Vladimir; initialV), where other scripts write a b or an f.
			for _, r := range readings {
				readings = append(readings, "v"+r[1:])
			}
		}
		var next []string
		for _, sp := range spokens {
			for _, r := range readings {
				if len(next) < maxRenderingKeys {
					next = append(next, sp+spoken(r, t.script, bySyllables))
				}
			}
		}
		spokens = next
	}
	for _, sp := range spokens {
		frame := []string{""}
		k := sound(sp, bySyllables, &frame)
		if len(k) >= minRenderingKey && !slices.Contains(keys, k) {
			keys, frames = append(keys, k), append(frames, frame)
		}
	}
	return keys, frames
}

// syllableCount is the number of letters of a name written in Han, Hangul or Kana: its
// syllables (Kana's small letters and long-vowel marks are counted too).
func (n *name) syllableCount() int {
	c := 0
	for _, r := range n.normalized {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hiragana, r) {
			c++
		}
	}
	return c
}

// burmese reports whether a name is written in Burmese letters, each syllable a token
// (burmeseLatin): its words' runs of syllables are compared with the Latin words in any of
// the orders soundsAlign tries, patronymics left out or not, which the sounds of the names
// written together, in their order, would not allow (PUTIN, Vladimir ~ ဗလာဒီမီယာ ပူတင်).
func (n *name) burmese() bool {
	return len(n.tokens) > 0 && n.tokens[0].script == "myanmar"
}

// minWholeSkeleton is the fewest consonants of a whole-name skeleton that pairs names.
const minWholeSkeleton = 4

// soundsAlign reports whether each word of the name written in Latin letters (or another
// alphabet: name.alphabetic) sounds, in mode m, like a run of the other name's words, the runs
// following each other in the order of the Latin words (or with the first or last Latin word
// moved to the other end: a family name written first or last), and each run having no more
// syllables than its Latin word allows (byEar). 贝拉克·奥巴马 is Barack Obama; 오 바 마 is
// Obama. The equal sound of the names written together is not enough: 성훈 김 would be China
// Unicom. With words, the other name is written in Hangul, each run is one of its words, and
// each Latin word's sound has the length a word's needs (minSound; two consonants for a name
// of one word, see below).
func soundsAlign(a, b *name, m int, words bool) bool {
	lat, other := a, b
	if !a.alphabetic {
		lat, other = b, a
	}
	var lw, ow []*token
	var lwPos []int // the positions of lw's tokens in lat (with words, or against Burmese)
	nWords := 0     // lw's words (lw may hold initials too)
	// A Burmese name's words, where an initial may stand for one.
	var burmese [][]*token
	if !words && other.burmese() && slices.ContainsFunc(lat.tokens, func(t *token) bool { return t.kind == kindInitial }) {
		burmese = burmeseWords(other)
	}
	if words || burmese != nil {
		// An initial stands for a whole Hangul or Burmese word whose sound begins with its
		// letter (initialFits: V. Putin, 블라디미르 푸틴, ဗလာဒီမီယာ ပူတင်).
		for i, t := range lat.tokens {
			if t.kind == kindWord || t.kind == kindInitial {
				lw, lwPos = append(lw, t), append(lwPos, i)
			}
			if t.kind == kindWord {
				nWords++
			}
		}
		ow = other.tokens // every token a Hangul word or Burmese syllable (runText, wholeWord, burmese)
	} else {
		lw, ow = unsharedWords(lat, other)
		nWords = len(lw)
	}
	// A rendering may leave out the Latin name's patronymics (align): the words are tried
	// with them and without.
	var lwShort []*token
	if lat.patronymic != 0 {
		for j, t := range lw {
			i := slices.Index(lat.tokens, t)
			if lwPos != nil {
				i = lwPos[j] // the tokens of one text are one token: В. В. Путин
			}
			if i < 0 || lat.patronymic&(1<<i) == 0 {
				lwShort = append(lwShort, t)
			}
		}
	}
	if nWords == 0 || len(lwShort) == 0 && len(lw) > len(ow) {
		return false
	}
	script := other.script()
	// A Chinese or Korean name, every word spelt in its script's syllables, is compared by its
	// spelling; but a run of Hangul syllables that adds syllables of eu to a Latin word's
	// (addsEu) renders it, and is compared by ear (fits).
	nativeName := m == bySyllables && !slices.ContainsFunc(lw, func(t *token) bool { return t.kind == kindWord && !nativeSpelling(t.text, script) })
	if nativeName && nWords < len(lw) && slices.ContainsFunc(other.tokens, endsInEu) {
		// With initials, a Hangul word that ends in a syllable of eu alone renders a foreign
		// word (블라디미르): the name is a rendering, whatever its other words (V. Putin).
		nativeName = false
	}
	if nativeName && !words {
		return false
	}
	// fits reports whether the Latin words ws sound like the other words os, in order. The
	// other name's patronymics may be left out (a rendering's: renderedPatronymicEndings), as
	// the Latin name's may.
	var fits func(ws, os []*token) bool
	fits = func(ws, os []*token) bool {
		if len(os) > 0 && other.patronymic != 0 {
			if i := slices.Index(other.tokens, os[0]); i >= 0 && other.patronymic&(1<<i) != 0 && fits(ws, os[1:]) {
				return true
			}
		}
		if len(ws) == 0 {
			return len(os) == 0
		}
		w := ws[0]
		if w.kind == kindInitial {
			j := len(ow) - len(os)
			if burmese != nil {
				// the Burmese word that begins at j, if one does
				at := 0
				for _, bw := range burmese {
					if at == j && len(bw) <= len(os) {
						return initialFits(w, burmeseWordToken(bw)) && fits(ws[1:], os[len(bw):])
					}
					at += len(bw)
				}
				return false
			}
			for k := 1; k <= len(os)-len(ws)+1; k++ {
				if other.wholeWord(j, j+k) && initialFits(w, runWord(other.runText(j, j+k))) && fits(ws[1:], os[k:]) {
					return true
				}
			}
			return false
		}
		// With words, a key of two consonants pairs a Latin name of one word of two syllables
		// or more, or of one ending in a consonant with no vowel after it (endsUnvoweled),
		// with a Hangul word of two syllables or more (Tupper, 터퍼; Mack, 맥크), as soundSays
		// lets words pair; not in names of several words, whose short words meet by chance
		// (은정 장, WANG Junzheng).
		// The key with the r the rendering sounds (Sergei, srk, 세르게이) may be long enough where
		// the one without it (sk) is not: a pair by it is no short one.
		short := words && len(w.sounds[m]) < minSound[m][0]
		blocked := short && (nWords > 1 || len(w.sounds[m]) < minFiled[m] || !polysyllabic(w.text) && !endsUnvoweled(w.text))
		altLong := words && m == bySyllables && len(w.alts()[0]) >= minSound[m][0]
		if blocked && !altLong {
			return false
		}
		for k := 1; k <= len(os)-len(ws)+1; k++ {
			var text, heard string // heard: the text whose vowels byEar compares, if not text
			var runKey string      // the key of the run of the other name's tokens (mode m)
			mode := bySyllables    // of the Latin word's key (soundsAlt)
			spelt := w.text        // the Latin word as read for that key (latinReadings)
			if words {
				// The word as the index files it (runWord): a surname that begins it in its
				// Revised Romanization (이조고 is ijogo, not Lee Jogo).
				j := len(ow) - len(os)
				if !other.wholeWord(j, j+k) || k > 1 && slices.ContainsFunc(os[:k], renderedTerm) {
					continue // a term's English word is no sound of the run (고려항공, koryo air)
				}
				text = other.runText(j, j+k)
				if nativeName {
					if !addsEu(os[:k], nativeSyllables(w.text, script)) {
						continue
					}
					heard = withoutEu(os[:k]) // the eu it adds is no vowel of the word's (미레크, mirek)
				}
				rs := sounds(text, script)[m]
				runKey = rs
				if w.sounds[m] == rs {
					// A run of Hangul tokens has a syllable for each (맥크, maek-keu).
					if blocked || short && !polysyllabic(text) && !(script == "hangul" && k >= 2) {
						continue
					}
				} else if mk := readingWithSound(w, rs, m); mk != nil {
					// The word with its marked letters or its language's spelling written out
					// (Βλαντίμιρ, vladimir; Boccaccio, bokkacho), or a given name in its Russian
					// form (Volodymyr, vladimir), in its own key or the one with the r the
					// rendering sounds.
					spelt = mk.text
					if mk.sounds[m] != rs {
						mode = bySyllablesR
					}
				} else {
					// Another key of the Latin word: with the r the rendering sounds (Hangul
					// writes v with a b: soundAlt[0] only), or as other languages read it
					// (George, 조지).
					var ok bool
					if i := slices.Index(w.alts()[:1], rs); i >= 0 {
						mode, ok = bySyllablesR+i, true
					} else if m == bySyllables && rs != "" {
						// As for the word's own key: a short one pairs a name of one word
						// of two syllables or more (George, 조지), not one of several.
						spelt, mode, ok = readingWithKey(w, rs)
						ok = ok && (len(rs) >= minSound[m][0] || len(lw) == 1 && polysyllabic(spelt))
					}
					if m != bySyllables || rs == "" || !ok || len(rs) < minSound[m][0] && !polysyllabic(text) {
						continue
					}
				}
			} else {
				rs := joinSounds(os[:k], m)
				if w.sounds[m] != rs {
					// Its marked reading, as above (Βλαντίμιρ, ဗလာဒီမီယာ), or as other
					// languages read the word (Wladimir, ဗလာဒီမီယာ), or its given name's
					// Russian form, read so (Volodymyr, ဗလာဒီမီယာ).
					ok := false
					if mk := w.marked(); mk != nil && mk.sounds[m] == rs {
						spelt, ok = mk.text, true
					} else if m == bySyllables && rs != "" && w.alts()[0] == rs {
						mode, ok = bySyllablesR, true // with the r the rendering sounds (joinedSoundsMeet)
					}
					for _, r := range [2]*token{w, givenReading(w)} {
						if ok || r == nil {
							break
						}
						if r != w && r.sounds[m] == rs {
							spelt, ok = r.text, true
						} else if m == bySyllables {
							spelt, mode, ok = readingWithKey(r, rs)
						}
					}
					if !ok {
						continue
					}
				}
				runKey = rs
				var b strings.Builder
				for _, t := range os[:k] {
					b.WriteString(t.text)
				}
				text = b.String()
			}
			if heard == "" {
				heard = text
			}
			if (m != bySyllables || byEar(spelt, w.script, heard, script, mode)) && fits(ws[1:], os[k:]) {
				return true
			}
			// The word's marked reading, or a given name's Russian form, is heard too where
			// the run has its key (პუტინი, putini: putin, 푸틴; Volodymyr, ဗလာဒီမီယာ: vladimir).
			for _, r := range w.otherReadings() {
				if r != nil && m == bySyllables && spelt != r.text && r.sounds[m] == runKey &&
					byEar(r.text, r.script, heard, script, bySyllables) && fits(ws[1:], os[k:]) {
					return true
				}
			}
		}
		return false
	}
	for _, ws := range [][]*token{lw, lwShort} {
		if len(ws) > 0 && len(ws) <= len(ow) && slices.ContainsFunc(familyOrders(ws), func(ws []*token) bool { return fits(ws, ow) }) {
			return true
		}
	}
	return false
}

// joinedSoundsMeet reports whether two names' words, written together, have one sound in mode
// m, of minSound[m][1] consonants at least: the alphabetic name's words each in their own
// key or, with syllables, in the one with the r a rendering sounds (bySyllablesR: Bashar,
// bsr, 바샤르), as soundsAlign pairs them.
func joinedSoundsMeet(ua, ub []*token, m int) bool {
	if len(ua) > 0 && !alphabetic(ua[0].script) {
		ua, ub = ub, ua
	}
	key := joinSounds(ub, m)
	if len(key) < minSound[m][1] {
		return false
	}
	// failed[i*(len(key)+1)+at]: words ua[i:] cannot write key[at:] (tried once each: the two
	// keys of a word often leave the same rest, and names of many such words would be tried
	// in every combination: bar ×28 against 바르 ×28 took 3.5 s).
	failed := make([]bool, (len(ua)+1)*(len(key)+1))
	var meet func(i, at int) bool
	meet = func(i, at int) bool {
		if i == len(ua) {
			return at == len(key)
		}
		if failed[i*(len(key)+1)+at] {
			return false
		}
		t := ua[i]
		if t.kind != kindWord {
			return meet(i+1, at)
		}
		for j, s := range [2]string{t.sounds[m], t.alts()[0]} {
			if j == 1 && (m != bySyllables || s == "") {
				break
			}
			if at > 0 && s != "" && key[at-1] == s[0] {
				s = s[1:] // as joinSounds writes a consonant once
			}
			if strings.HasPrefix(key[at:], s) && meet(i+1, at+len(s)) {
				return true
			}
		}
		failed[i*(len(key)+1)+at] = true
		return false
	}
	return meet(0, 0)
}

// renderedTerm reports whether a token is an institutional term read as its English word
// (항공, air), not as its sound (places are read as theirs: 웨이크, wake).
func renderedTerm(t *token) bool { return t.term }

// otherReadings are a word's marked reading (token.marked) and its given name's Russian form
// (givenReading), each nil where it has none.
func (t *token) otherReadings() [2]*token { return [2]*token{t.marked(), givenReading(t)} }

// readingWithSound is the marked reading of a word (token.marked), or else its given name's
// Russian form (givenReading), whose sound key in mode m, or with the r a rendering sounds, is
// rs, of minSound's length for a word at least; nil if neither is.
func readingWithSound(w *token, rs string, m int) *token {
	for _, r := range w.otherReadings() {
		if r != nil && (r.sounds[m] == rs || m == bySyllables && r.alts()[0] == rs) && len(rs) >= minSound[m][0] {
			return r
		}
	}
	return nil
}

// unsharedWords are the words of each of two names but those written alike in both
// (technology in 依图科技, yitu technology, and Dahua Technology): such words pair by their
// spelling, and the sound of the rest must say enough on its own, or Yitu would sound like
// Dahua (t, t) for the sake of Technology.
func unsharedWords(a, b *name) (wa, wb []*token) {
	in := func(t *token, ts []*token) bool {
		return slices.ContainsFunc(ts, func(u *token) bool { return u.text == t.text })
	}
	for _, t := range a.tokens {
		if t.kind == kindWord && !in(t, b.tokens) {
			wa = append(wa, t)
		}
	}
	for _, t := range b.tokens {
		if t.kind == kindWord && !in(t, a.tokens) {
			wb = append(wb, t)
		}
	}
	return wa, wb
}

// familyOrders are the orders in which the words of a name are tried against another's: as
// written, and, for two words or more, with the first moved to the end or the last to the
// front (a family name written first in one name and last in the other).
func familyOrders[T any](ws []T) [][]T {
	if len(ws) < 2 {
		return [][]T{ws}
	}
	first := append(slices.Clone(ws[1:]), ws[0])
	last := append([]T{ws[len(ws)-1]}, ws[:len(ws)-1]...)
	return [][]T{ws, first, last}
}

// minTypoLetters is the fewest letters of a name written without spaces that whollyOneEdit
// reads a single edit in as a typo.
const minTypoLetters = 12

// whollyOneEdit reports whether two names, written without spaces (particles and legal forms
// included), are of minTypoLetters letters or more and one edit apart (a letter added, dropped
// or changed, or two neighbours swapped). It does not allocate: the index's bounds call it.
func whollyOneEdit(a, b *name) bool {
	la, lb := lettersWithoutSpaces(a), lettersWithoutSpaces(b)
	if min(la, lb) < minTypoLetters || abs(la-lb) > 1 {
		return false
	}
	x, y := a.normalized, b.normalized
	if la < lb {
		x, y = y, x // x is the longer, or as long
	}
	// Skip the common beginning.
	i, j := 0, 0
	for {
		i, j = skipSpaces(x, i), skipSpaces(y, j)
		if i == len(x) || j == len(y) {
			return true // one letter more at the end, or the same
		}
		rx, nx := utf8.DecodeRuneInString(x[i:])
		ry, ny := utf8.DecodeRuneInString(y[j:])
		if rx != ry {
			break
		}
		i, j = i+nx, j+ny
	}
	_, nx := utf8.DecodeRuneInString(x[i:])
	_, ny := utf8.DecodeRuneInString(y[j:])
	if la != lb {
		return equalWithoutSpaces(x[i+nx:], y[j:]) // a letter added to x
	}
	if equalWithoutSpaces(x[i+nx:], y[j+ny:]) { // a letter changed
		return true
	}
	// Two neighbours swapped: x = …pq…, y = …qp….
	i2, j2 := skipSpaces(x, i+nx), skipSpaces(y, j+ny)
	if i2 == len(x) || j2 == len(y) {
		return false
	}
	p, _ := utf8.DecodeRuneInString(x[i:])
	q, _ := utf8.DecodeRuneInString(y[j:])
	p2, n2 := utf8.DecodeRuneInString(x[i2:])
	q2, m2 := utf8.DecodeRuneInString(y[j2:])
	return p == q2 && q == p2 && equalWithoutSpaces(x[i2+n2:], y[j2+m2:])
}

// skipSpaces returns the index of the first byte of s at or after i that is not a space.
func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// equalWithoutSpaces reports whether two strings are equal once their spaces are left out:
// two normalised names the same written without spaces (van der Bilt Corp and Vanderbilt
// Corp, Siemens AG and SiemensAG), particles and legal forms included.
func equalWithoutSpaces(x, y string) bool {
	i, j := 0, 0
	for {
		i, j = skipSpaces(x, i), skipSpaces(y, j)
		if i == len(x) || j == len(y) {
			return i == len(x) && j == len(y)
		}
		if x[i] != y[j] {
			return false
		}
		i, j = i+1, j+1
	}
}

// lettersWithoutSpaces is the number of runes of a name's normalised form, spaces left out.
func lettersWithoutSpaces(n *name) int {
	return utf8.RuneCountInString(n.normalized) - strings.Count(n.normalized, " ")
}

type pair struct {
	i, j int
	sim  float64
	// i2 or j2, when not -1, is the second of two neighbouring words of a or of b that pair,
	// written together, with the one word j or i of the other name (compounds).
	i2, j2 int
}

// align pairs the tokens of a and b greedily by similarity and returns the weighted share of
// both names that found a counterpart.
func align(na, nb *name, extra float64) (float64, string) {
	return alignPairs(na, nb, extra, nil)
}

// alignPairs is align; it also appends the pairs it made to kept when kept is not nil.
func alignPairs(na, nb *name, extra float64, kept *[]pair) (float64, string) {
	a, b := na.tokens, nb.tokens
	var cands []pair
	for i, x := range a {
		for j, y := range b {
			if s := tokenSim(x, y); s > 0 {
				cands = append(cands, pair{i, j, s, -1, -1})
			}
		}
	}
	cands = compounds(a, b, false, cands)
	cands = compounds(b, a, true, cands)
	cands = abjadCompounds(a, b, false, cands)
	cands = abjadCompounds(b, a, true, cands)
	// Ties break on the pair's texts, taken in either order, so that compare(a, b) and
	// compare(b, a) make the same pairs.
	key := func(c pair) string {
		x, y := a[c.i].text, b[c.j].text
		if x > y {
			x, y = y, x
		}
		return x + "\x00" + y
	}
	// Among equal pairs of equal texts (Muhammad bin Muhammad), those of one generation, then
	// those at nearer positions, come first.
	apart := func(c pair) int {
		d := abs(c.i - c.j)
		if na.generation != nil && nb.generation != nil && na.generation[c.i] != nb.generation[c.j] {
			d += maxNameTokens
		}
		return d
	}
	// At equal similarity a patronymic pairs with a patronymic, and a word that is none with
	// one that is none, first: Vladimir V. Putin's V. (a patronymic's initial) is Володимирович's
	// in Путін Володимир Володимирович, and Vladimir is Володимир.
	agree := func(c pair) bool {
		return c.i < 64 && c.j < 64 && (na.patronymic&(1<<c.i) != 0) == (nb.patronymic&(1<<c.j) != 0)
	}
	sort.SliceStable(cands, func(p, q int) bool {
		if cands[p].sim != cands[q].sim {
			return cands[p].sim > cands[q].sim
		}
		if ap, aq := agree(cands[p]), agree(cands[q]); ap != aq {
			return ap
		}
		if kp, kq := key(cands[p]), key(cands[q]); kp != kq {
			return kp < kq
		}
		return apart(cands[p]) < apart(cands[q])
	})
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	var matched float64
	words := 0 // pairs of two words (not initials, particles or legal forms)
	// the similarity of the last of them, and the weight of its two words
	var wordSim, wordW float64
	// A person's own name paired with a forebear's: Salman bin Muhammad and Muhammad bin
	// Salman are father and son, not one person.
	swapped := false
	for _, c := range cands {
		if usedA[c.i] || usedB[c.j] || c.i2 >= 0 && usedA[c.i2] || c.j2 >= 0 && usedB[c.j2] {
			continue
		}
		usedA[c.i], usedB[c.j] = true, true
		if kept != nil {
			*kept = append(*kept, c)
		}
		w := na.weight(c.i) + nb.weight(c.j)
		if c.i2 >= 0 {
			usedA[c.i2] = true
			w += na.weight(c.i2)
		}
		if c.j2 >= 0 {
			usedB[c.j2] = true
			w += nb.weight(c.j2)
		}
		matched += c.sim * w
		if a[c.i].kind == kindWord && b[c.j].kind == kindWord {
			words++
			wordSim, wordW = c.sim, w
			if na.generation != nil && nb.generation != nil {
				ga, gb := na.generation[c.i], nb.generation[c.j]
				swapped = swapped || ga != notInChain && gb != notInChain && (ga == 0) != (gb == 0)
			}
		}
	}
	if words == 0 {
		// Initials, particles and legal forms alone do not make two names alike.
		return 0, "tokens"
	}
	restA, restB := na.unmatched(usedA, false), nb.unmatched(usedB, false)
	matchedA, matchedB := na.total()-restA, nb.total()-restB
	// A patronymic left over against a name that has none counts nothing: the other name's
	// source leaves patronymics out (Vladimirs Putins, Vladimir Vladimirovich Putin), where one
	// that writes another says the names differ (Vladimir Ivanovich Putin). In a comparison
	// with a rendering in another script it counts nothing either way: renderings of Russian
	// names leave it out (ウラジーミル・プーチン), and a rendering's own
	// (renderedPatronymicEndings) may spell it otherwise.
	if nb.patronymic == 0 || na.rendition || nb.rendition {
		restA -= na.unmatchedPatronymics(usedA)
	}
	if na.patronymic == 0 || na.rendition || nb.rendition {
		restB -= nb.unmatchedPatronymics(usedB)
	}
	// Arabic writes its article in the word (القاعدة, الأسد): a Latin al or el left over
	// against such a word counts nothing (AL QAEDA, Al-Assad).
	if nb.arabicArticle() {
		restA -= na.unmatchedArticles(usedA)
	}
	if na.arabicArticle() {
		restB -= nb.unmatchedArticles(usedB)
	}
	// A syllable of a Chinese or Korean name left over always counts in full: 徐博彬 is not
	// Xu Bin. A word in Kana is a word (バラク・オバマ, Barack Obama; やまだ たろう).
	sylA, sylB := na.unmatched(usedA, true), nb.unmatched(usedB, true)
	// Tokens left over on one side count at a third (a fifth for persons: extraShare) when the
	// other side found a counterpart for everything that weighs (a middle name, a patronymic, a
	// descriptive word).
	// Names written in syllables (Korean names are read syllable by syllable) leave half a given
	// name over, not a middle name: 성훈 김 is not KIM, Song.
	// A title and one word (Präsident Putin, Minister Lavrov) name a person by the family
	// name, as the press and officials do: compared with a person's name, the other words
	// count at half a person's share (titledExtra), when the word is rare and they weigh no
	// more than it. In an index rarity decides: President Kim is not KIM, Chol; compared
	// alone, without an index, words weigh alike.
	titled := false
	switch {
	case words == 1 && extra == personExtra && (titledOutweighs(na, nb, usedB) || titledOutweighs(nb, na, usedA)):
		extra = titledExtra
		// A family name that pairs at the threshold or above, spelt another usual way
		// (Präsident Putin, Vladimir Poutine; Vladimiras Putinas) or rendered by ear in another
		// script (ウラジーミル・プーチン, 0.9), would fall below it by the other words' share
		// where the same word would not: the score keeps the threshold then.
		titled = true
	case na.rendering == bySyllables || nb.rendering == bySyllables:
		extra = max(extra, 1.0/3)
	case words < 2:
		extra = max(extra, 1.0/3)
	}
	// A word that names a kind of body, left over in an organisation's name when the other
	// names a body too, counts in full, whatever its rarity: the Public Security Bureau of the
	// Corps is not the Corps.
	bodyA, bodyB := extraBodies(na, usedA, nb, extra), extraBodies(nb, usedB, na, extra)
	switch {
	case restA <= restB && restA < 0.25:
		restB = sylB + bodyB[1] + (restB-sylB-bodyB[0])*extra
	case restB < restA && restB < 0.25:
		restA = sylA + bodyA[1] + (restA-sylA-bodyA[0])*extra
	}
	s := matched / (matchedA + restA + matchedB + restB)
	if titled && !na.leavesSyllable(usedA) && !nb.leavesSyllable(usedB) {
		// The score the same word would give; against a rendering, whose other words may be
		// read as syllables that count in full (弗拉基米尔·普京), the share of both names that
		// paired.
		floor := (matched + (1-wordSim)*wordW) / (matchedA + restA + matchedB + restB)
		if na.rendition || nb.rendition {
			floor = matched / (matchedA + matchedB)
		}
		s = max(s, min(floor, wordSim, byEarSim))
	}
	if swapped {
		return 0.8 * s, "tokens+generation_differs"
	}
	return s, "tokens"
}

// byEarSim is the similarity of two words in two scripts that sound alike (tokenSim): the
// default threshold.
const byEarSim = 0.9

// leavesSyllable reports whether a token of the name that used leaves unpaired is one syllable
// of a Chinese or Korean name (수빈 이, su bin i), which counts in full (align), and not a word
// of several syllables (弗拉基米尔, fulajimier) or one in Kana.
func (n *name) leavesSyllable(used []bool) bool {
	for i, t := range n.tokens {
		if !used[i] && t.syllables && t.script != "kana" && !polysyllabic(t.text) {
			return true
		}
	}
	return false
}

// compoundSim is the similarity of two words written together and one word spelt so, as of
// two names equal but for their spaces ("joined" in compare).
const compoundSim = 0.97

// compounds appends to cands the pairs, at compoundSim, of two neighbouring Latin words of xs that,
// written together, are one Latin word of ys (Abdul Rahman and Abdulrahman, in any order of
// the other words: KHALIL, Abdul Rahman ~ Abdulrahman Khalil); flipped says that xs is the
// second name (the pairs' j side). A typo besides is not allowed for: the index finds such
// pairs by the exact word (keyCompound, and Match).
func compounds(xs, ys []*token, flipped bool, cands []pair) []pair {
	for i := 0; i+1 < len(xs); i++ {
		x1, x2 := xs[i], xs[i+1]
		if !compoundPart(x1) || !compoundPart(x2) {
			continue
		}
		for j, y := range ys {
			if compoundPart(y) && len(y.text) == len(x1.text)+len(x2.text) &&
				strings.HasPrefix(y.text, x1.text) && strings.HasSuffix(y.text, x2.text) {
				if flipped {
					cands = append(cands, pair{j, i, compoundSim, -1, i + 1})
				} else {
					cands = append(cands, pair{i, j, compoundSim, i + 1, -1})
				}
			}
		}
	}
	return cands
}

// compoundPart reports whether a token may be a part of a compound, or one: a word written in
// Latin letters.
func compoundPart(t *token) bool { return t.kind == kindWord && t.script == "latin" && t.text != "" }

// abjadCompounds appends to cands the pairs, at 0.9 (abjadSim), of two neighbouring words of xs
// in an abjad whose consonants written together are those of a word of ys in an alphabet
// (نصر الله, Nasrallah; عبد الرحمن, Abdulrahman), four at least; flipped as for compounds.
func abjadCompounds(xs, ys []*token, flipped bool, cands []pair) []pair {
	for i := 0; i+1 < len(xs); i++ {
		k := abjadCompound(xs[i], xs[i+1])
		if k == "" {
			continue
		}
		for j, y := range ys {
			if y.kind == kindWord && alphabetic(y.script) && (k == y.skel || k == y.skelX) {
				if flipped {
					cands = append(cands, pair{j, i, 0.9, -1, i + 1})
				} else {
					cands = append(cands, pair{i, j, 0.9, i + 1, -1})
				}
			}
		}
	}
	return cands
}

// abjadCompound is the skeleton of two words in one abjad written together, when it has four
// consonants at least (abjadCompounds); "" otherwise.
func abjadCompound(x1, x2 *token) string {
	if x1.kind != kindWord || x2.kind != kindWord || !x1.abjad() || x2.script != x1.script {
		return ""
	}
	if k := skeleton(x1.text + x2.text); len(k) >= minWholeSkeleton {
		return k
	}
	return ""
}

// explain gives the features of a comparison of query name q with name n (see compare), for
// a match's record: the words that paired and how alike they are, whether a name was
// transliterated and from which script, and the penalties applied.
func explain(q, n *name, extra float64, method string) map[string]any {
	if strings.HasSuffix(method, "+baltic") {
		q, n = q.withoutBalticEndings(), n.withoutBalticEndings()
	}
	var kept []pair
	alignPairs(q, n, extra, &kept)
	type paired struct {
		Query      string  `json:"query"`
		Name       string  `json:"name"`
		Similarity float64 `json:"similarity"`
	}
	pairs := make([]paired, 0, len(kept))
	for _, c := range kept {
		qt, nt := q.tokens[c.i].text, n.tokens[c.j].text
		if c.i2 >= 0 {
			qt += " " + q.tokens[c.i2].text
		}
		if c.j2 >= 0 {
			nt += " " + n.tokens[c.j2].text
		}
		pairs = append(pairs, paired{qt, nt, round(c.sim)})
	}
	f := map[string]any{"method": method, "pairs": pairs}
	if q.translit || n.translit {
		f["transliterated"] = map[string]string{"query": q.script(), "name": n.script()}
	}
	var penalties []string
	for _, p := range []struct{ part, say string }{
		{"legal_form_differs", "legal forms differ (×0.92)"},
		{"generation_differs", "a forebear's name paired with the person's own (×0.8)"},
	} {
		if strings.Contains(method, p.part) {
			penalties = append(penalties, p.say)
		}
	}
	if penalties != nil {
		f["penalties"] = penalties
	}
	return f
}

// familiesMeet reports whether two legal forms' families (space-separated: a Kabushiki Kaisha
// is written Corporation or Limited in English) share one.
func familiesMeet(x, y string) bool {
	if x == y {
		return true
	}
	for _, f := range strings.Fields(x) {
		if slices.Contains(strings.Fields(y), f) {
			return true
		}
	}
	return false
}

// legalConflict reports whether both names carry legal forms and share no family of them.
func legalConflict(a, b []*token) bool {
	la, lb := false, false
	for _, x := range a {
		if x.kind != kindLegal {
			continue
		}
		la = true
		for _, y := range b {
			if y.kind == kindLegal {
				lb = true
				if familiesMeet(x.family, y.family) {
					return false
				}
			}
		}
	}
	return la && lb
}

// extraBodies is, for an organisation's name n (extra is not personExtra) and another name
// that names a kind of body, the weight of n's unused words that name a kind of body
// (token.body), and the weight they have in full (kindWeight): {0, 0} otherwise.
func extraBodies(n *name, used []bool, other *name, extra float64) [2]float64 {
	var w [2]float64
	if extra == personExtra || !slices.ContainsFunc(other.tokens, func(t *token) bool { return t.body }) {
		return w
	}
	for i, t := range n.tokens {
		if !used[i] && t.body {
			w[0] += n.weight(i)
			w[1] += kindWeight(t)
		}
	}
	return w
}

// unmatched is the weight of a name's tokens not used (of its syllable tokens only, when
// syllables: token.syllables, but for patronymics, which are words: ウラジーミロヴィチ).
func (n *name) unmatched(used []bool, syllables bool) float64 {
	var s float64
	for i, t := range n.tokens {
		if !used[i] && (!syllables || t.syllables && t.script != "kana" && n.patronymic&(1<<i) == 0) {
			s += n.weight(i)
		}
	}
	return s
}

// withoutPatronymics are a name's tokens but its patronymics.
func (n *name) withoutPatronymics() []*token {
	var ts []*token
	for i, t := range n.tokens {
		if n.patronymic&(1<<i) == 0 {
			ts = append(ts, t)
		}
	}
	return ts
}

// unmatchedPatronymics is the weight of a name's patronymics that used does not mark (all of
// them when used is nil).
func (n *name) unmatchedPatronymics(used []bool) float64 {
	var s float64
	for i := range n.tokens {
		if n.patronymic&(1<<i) != 0 && (used == nil || !used[i]) {
			s += n.weight(i)
		}
	}
	return s
}

// unmatchedArticles is the weight of the tokens al and el (particles) of a name that used
// leaves unpaired (all of them when used is nil).
func (n *name) unmatchedArticles(used []bool) float64 {
	var s float64
	for i, t := range n.tokens {
		if t.kind == kindStop && (t.text == "al" || t.text == "el") && (used == nil || !used[i]) {
			s += n.weight(i)
		}
	}
	return s
}

// arabicArticle reports whether a name has a word in Arabic letters that may begin with the
// article ال, read l (القاعدة, lqd): one that begins with l.
func (n *name) arabicArticle() bool {
	for _, t := range n.tokens {
		if t.kind == kindWord && t.script == "arabic" && strings.HasPrefix(t.text, "l") {
			return true
		}
	}
	return false
}

// patronymics is the weight of a name's patronymics.
func (n *name) patronymics() float64 { return n.unmatchedPatronymics(nil) }

// titledOutweighs reports whether name a is a title and one rare word (President Putin:
// weighing rareWeight or more) that weighs as much as each of the tokens of b that used leaves
// unpaired, or more, and these are words or initials (Vladimir V. Putin; not particles or
// legal forms); and b's tokens that it paired with are where a family name stands: before
// the comma of a name written so (PUTIN, Vladimir), or else its first or last (Vladimir
// Putin, Kim Jong Un). A title and a given name are not (Madame SU and RI, Su Yong).
func titledOutweighs(a, b *name, used []bool) bool {
	word := a.titleWord()
	if word == nil || word.w < rareWeight {
		return false
	}
	for j, t := range b.tokens {
		if !used[j] && (t.kind != kindWord && t.kind != kindInitial || t.w > word.w+1e-9) {
			return false // a particle left (Abu Ali is not Ali), or a rarer word
		}
		if used[j] && (b.family > 0 && j >= int(b.family) || b.family == 0 && j > 0 && j < len(b.tokens)-1) {
			return false
		}
	}
	return true
}

// titleWord is the one word of a name that is a title and one word (Präsident Putin), or nil.
func (n *name) titleWord() *token {
	if !n.titled {
		return nil
	}
	var word *token
	for _, t := range n.tokens {
		if t.kind == kindWord {
			if word != nil {
				return nil
			}
			word = t
		}
	}
	return word
}

// rareWeight is the weight (Index.weight) of a word held by about 70 of the 22,000 names of
// the OFAC SDN list, or by 2 of 20 names: rarer words weigh more. Without an index every word
// weighs 1.
const rareWeight = 0.7

// total is the weight of a name's tokens.
func (n *name) total() float64 {
	var s float64
	for i := range n.tokens {
		s += n.weight(i)
	}
	return s
}

// weight is the weight of a name's token i: the token's own, less for a patronymic.
func (n *name) weight(i int) float64 {
	if n.patronymic&(1<<i) != 0 {
		return n.tokens[i].w * patronymicShare
	}
	return n.tokens[i].w
}

// patronymicShare is the share of its weight a patronymic keeps (markPatronymics): Russian,
// Ukrainian and Belarusian names carry one between the given name and the surname; lists
// write it, most other sources leave it out (Vladimir Vladimirovich Putin, Vladimir Putin), so
// its absence says less than a missing word's. Paired, it counts less too.
const patronymicShare = 0.5

// patronymicEndings are the endings of East Slavic patronymics in the Latin spellings lists
// and languages give them (Vladimirovich, -ovych, -ovitch, -owitsch, -owicz, -ovitj, -ovics,
// -ovici, -ovič, -owitsj; Belarusian -avich; Greek -ovits; a daughter's -ovna, -evna, -ivna),
// after normalisation.
var patronymicEndings = []string{
	"ovich", "evich", "ovych", "evych", "ovitch", "evitch", "owitsch", "ewitsch", "owicz", "ewicz",
	"ovitj", "evitj", "ovitx", "evitx", "ovics", "evics", "ovici", "evici", "ovic", "evic",
	"owitsj", "ewitsj", "avich", "ovits", "evits", "ovna", "evna", "ivna",
}

// renderedPatronymicEndings are the endings of East Slavic patronymics as renderings in
// syllabic scripts and abjads write them, read in Latin letters as analyze reads them: Korean
// 비치 and 브나 (블라디미로비치, beulladimirobichi; 니콜라예브나), Japanese ヴィチ, ビチ, ヴナ and ブナ
// (ウラジーミロヴィチ, urajimirovichi; ニコラエヴナ), Arabic فيتش and فنا (فلاديميروفيتش,
// fldymyrwfytsh; نيكولايفنا, nykwlyfn), Hebrew ביץ' (ולדימירוביץ', vldimirubits), Chinese 维奇
// and 芙娜 or 夫娜 (弗拉基米罗维奇, fulajimiluoweiqi; 尼古拉耶芙娜, nigulayefuna).
var renderedPatronymicEndings = map[string][]string{
	"hangul": {"bici", "beuna"},
	"kana":   {"vichi", "bichi", "vuna", "buna"},
	"arabic": {"fytsh", "wfn", "yfn"},
	"hebrew": {"bits", "vits"},
	"han":    {"weiqi", "funa"},
}

// markPatronymics marks the patronymics of a name of three words or more: a word in Latin,
// Cyrillic or Greek letters, of seven letters or more, with a patronymic's ending (Russian
// and Ukrainian ones as the languages of Europe spell them, Belarusian -avich, Greek -ovits:
// Βλαντίμιροβιτς), or a rendering's in Hangul, Kana, Han, Arabic or Hebrew letters
// (renderedPatronymicEndings), that follows a word
// without one (the given name: Vladimir Vladimirovich Putin, PUTIN Vladimir Vladimirovich).
// Surnames with such endings are not marked when they come first or after the patronymic
// (ABRAMOVICH Roman Arkadyevich, Viktor Fedorovych Yanukovych); Serbian and Croatian
// surnames in -ović and -ević are, in a name of three words or more that is not in either
// order, read as patronymics.
func (n *name) markPatronymics() {
	n.markPatronymicInitials()
	words := 0
	for _, t := range n.tokens {
		if t.kind == kindWord {
			words++
		}
	}
	if words < 3 {
		return
	}
	ending := func(t *token) bool {
		if t.kind != kindWord || len(t.text) < 7 {
			return false
		}
		endings := patronymicEndings
		if t.script != "latin" && t.script != "cyrillic" && t.script != "greek" {
			if endings = renderedPatronymicEndings[t.script]; endings == nil {
				return false
			}
		}
		for _, e := range endings {
			if strings.HasSuffix(t.text, e) {
				return true
			}
		}
		return false
	}
	for i := 1; i < len(n.tokens); i++ {
		if prev := n.tokens[i-1]; ending(n.tokens[i]) && prev.kind == kindWord && !ending(prev) {
			n.patronymic |= 1 << i
		}
	}
}

// markPatronymicInitials marks the initials that stand for a patronymic: one between an East
// Slavic given name (token.given) and the surname (Vladimir V. Putin), and, in a name in
// Cyrillic letters of two initials and a surname, the second initial (В. В. Путин, Путин В.
// В.: the given name's, then the patronymic's, as Russian writes them). Other initials, a
// middle name's, are not marked (George W. Bush).
func (n *name) markPatronymicInitials() {
	ts := n.tokens
	if len(ts) != 3 {
		return
	}
	kinds := [3]uint8{ts[0].kind, ts[1].kind, ts[2].kind}
	cyrillic := ts[0].script == "cyrillic" && ts[1].script == "cyrillic" && ts[2].script == "cyrillic"
	switch {
	case kinds == [3]uint8{kindWord, kindInitial, kindWord} && ts[0].given != "" && !strings.Contains(ts[0].given, "+"):
		n.patronymic |= 1 << 1
	case kinds == [3]uint8{kindInitial, kindInitial, kindWord} && cyrillic:
		n.patronymic |= 1 << 1
	case kinds == [3]uint8{kindWord, kindInitial, kindInitial} && cyrillic:
		n.patronymic |= 1 << 2
	}
}

// tokenSim is the similarity of two tokens in [0,1]; 0 means they do not pair. Two words in
// different scripts that sound alike (sounds) are similar at 0.9 at least. A Latin word with
// marked letters is also read with them written out (token.marked) against a word in another
// script.
func tokenSim(x, y *token) float64 {
	s := tokenSimAs(x, y)
	if m := x.marked(); m != nil && y.script != "latin" && s < 0.95 {
		s = max(s, tokenSimAs(m, y))
	}
	if m := y.marked(); m != nil && x.script != "latin" && s < 0.95 {
		s = max(s, tokenSimAs(x, m))
	}
	// A given name in another language's form, against a rendering, is also read in its
	// Russian form, which renderings render (Volodymyr, ウラジーミル).
	if s < 0.9 && x.given != "" && !alphabetic(y.script) {
		if g := givenReading(x); g != nil {
			s = max(s, tokenSimAs(g, y))
		}
	}
	if s < 0.9 && y.given != "" && !alphabetic(x.script) {
		if g := givenReading(y); g != nil {
			s = max(s, tokenSimAs(x, g))
		}
	}
	return s
}

// givenTokens holds the tokens of the canonical forms of given names (givenReading).
var givenTokens sync.Map // string → *token

// givenReading is a token of the canonical (Russian) form of the East Slavic given name a word
// is in another form (token.given: Volodymyr, Uladzimir, Wladimir: vladimir), or nil for a
// word that is none, or is that form.
func givenReading(t *token) *token {
	if t.given == "" || t.given == t.text || t.given == t.xt || strings.Contains(t.given, "+") {
		return nil
	}
	return givenToken(t.given)
}

// givenToken is the token of a given name's canonical form (Knowledge.given), made once.
func givenToken(canon string) *token {
	if g, ok := givenTokens.Load(canon); ok {
		return g.(*token)
	}
	g := &token{text: canon, kind: kindWord, script: "latin", given: canon}
	g.derive()
	g.w = kindWeight(g)
	v, _ := givenTokens.LoadOrStore(canon, g)
	return v.(*token)
}

// pluralSim is the similarity of an English word of eight letters or more ending in ies and
// its singular ending in y (Technologies, Technology; Industries, Industry): that of a word
// one typo from the plural, as a plural in s is. Names of organisations write a word in one
// number and its translation or rendering in the other (华为技术, Huawei Technologies; Huawei
// Technology). 0 for any other pair. Only the comparison reads the singular: a person's
// Humphries is rendered ハンフリーズ, in the plural.
func pluralSim(x, y *token) float64 {
	a, b := x.text, y.text
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a) != len(b)+2 || b == "" || b[len(b)-1] != 'y' { // most pairs stop here
		return 0
	}
	if len(a) < 8 || !strings.HasSuffix(a, "ies") || a[:len(a)-3] != b[:len(b)-1] {
		return 0
	}
	return 1 - 0.5/float64(len(a))
}

// tokenSimAs is tokenSim of the two tokens as they are written.
func tokenSimAs(x, y *token) float64 {
	s := spellingSim(x, y)
	if s < burmeseSpellingSim && burmeseSpelling(x, y) {
		return burmeseSpellingSim
	}
	if s < 0.9 && (x.script == "greek") != (y.script == "greek") {
		s = max(s, greekStemSim(x, y))
	}
	if s < 0.95 && (x.stem() != nil || y.stem() != nil) {
		s = max(s, balticStemSim(x, y))
	}
	if s < 0.95 {
		s = max(s, pluralSim(x, y)) // in Latin letters, or an institutional term's English
	}
	if s < 0.9 && (x.script == "cyrillic") != (y.script == "cyrillic") {
		s = max(s, latinStemSim(x, y), russianH(x, y))
	}
	if s < 0.9 && x.given != "" && x.given == y.given {
		s = 0.9 // one name in two languages' forms: Vladimir, Volodymyr
	}
	if s < 0.9 && x.kind == kindWord && y.kind == kindWord && x.script != y.script {
		m := max(rendering(x.script), rendering(y.script))
		if x.sounds[m] == y.sounds[m] && soundSays(x, y, x.sounds[m], m) &&
			(m != bySyllables || byEar(x.text, x.script, y.text, y.script, bySyllables) && !native(x, y)) {
			return 0.9
		}
		if m == bySyllables && soundsAlt(x, y) {
			return 0.9
		}
	}
	return s
}

// soundsAlt reports whether, of two words, the one in Latin letters (or another alphabet)
// sounds like the other, a rendering in a syllabic script, by one of its other keys
// (token.soundAlt: the r that the rendering sounds, Vladimir ~ 블라디미르; the v it writes as w,
// Victor ~ 维克多; and, in Japanese, the v before a consonant it writes as a vowel, initialV),
// or, of a Kana or Han rendering, by the key it has read with syllabicAlt (Putin ~ プーチン,
// Sidiki ~ 西迪奇): the key
// is the rendering's, long enough to pair the words (soundSays), and the rendering is by ear
// in that key's mode.
func soundsAlt(x, y *token) bool {
	if !alphabetic(x.script) {
		x, y = y, x
	}
	if !alphabetic(x.script) {
		return false
	}
	alts := x.alts()[:]
	if y.script != "han" && !(y.script == "kana" && initialV(x.text)) {
		alts = alts[:1] // Korean and Japanese write v with a b
	}
	keys := [1 + len(noAlts)]string{y.sounds[bySyllables]}
	copy(keys[1:], y.alts()[:len(syllabicAlt[y.script])])
	for ki, s := range keys {
		if len(s) < minFiled[bySyllables] {
			continue
		}
		mode := -1 // the mode in which the Latin word has key s
		if ki > 0 && s == x.sounds[bySyllables] {
			mode = bySyllables
		} else if i := slices.Index(alts, s); i >= 0 {
			mode = bySyllablesR + i
		}
		// By ear as the rendering is read for the key where that reading drops a consonant
		// (hanH: 希尔顿 as hierdun, whose h the frame drops as it drops Hilton's); the
		// other readings change one consonant for another and leave the frame as it is.
		ren := y.text
		if ki > 0 && syllabicAlt[y.script][ki-1] == hanH {
			ren = hanH.Replace(ren)
		}
		if mode >= 0 && soundSays(x, y, s, bySyllables) && byEar(x.text, x.script, ren, y.script, mode) && !native(x, y) {
			return true
		}
	}
	// The word read as other languages say it (latinReadings), its v dropped as above.
	for _, rk := range readingKeys(x) {
		if (rk.mode == bySyllablesV || rk.mode == bySyllablesRV) && y.script != "han" && y.script != "kana" {
			continue
		}
		for _, s := range keys {
			if s == rk.key && soundSays(x, y, s, bySyllables) && byEar(rk.spelt, x.script, y.text, y.script, rk.mode) && !native(x, y) {
				return true
			}
		}
	}
	return false
}

// readingKey is a key of a Latin word as another language reads it (readingKeys).
type readingKey struct {
	spelt string // the word as read (latinReadings)
	mode  int    // bySyllables or bySyllablesR
	key   string
}

// readingKeys are the keys, in bySyllables and bySyllablesR (and bySyllablesV and
// bySyllablesRV for a reading that begins with a v before a consonant), of a Latin word's
// other readings (latinReadings), where they differ from its own: of two consonants at least, and of three
// where the reading drops one of the word's (a j read as a y: Jarir, y-r-r, would meet 알리,
// a-l-li, by two).
func readingKeys(w *token) []readingKey {
	if w.script != "latin" || w.kind != kindWord {
		return nil
	}
	var out []readingKey
	for _, r := range latinReadings(w.text) {
		sp := spoken(r, w.script, bySyllables)
		modes := []int{bySyllables, bySyllablesR}
		if initialV(r) {
			// A v before a consonant that begins the reading, which Japanese writes as a u
			// and Chinese with a w (Vlagyimir, vladimir: ウラジーミル), as soundsAlt reads the
			// word's own.
			modes = append(modes, bySyllablesV, bySyllablesRV)
		}
		for _, mode := range modes {
			k := soundOf(sp, mode)
			if len(k) < minFiled[bySyllables] || len(k) < minSound[bySyllables][0] && len(k) < len(w.sounds[bySyllables]) {
				continue
			}
			if k != w.sounds[bySyllables] && !slices.ContainsFunc(out, func(o readingKey) bool { return o.key == k }) {
				out = append(out, readingKey{r, mode, k})
			}
		}
	}
	return out
}

// readingWithKey finds the reading of a Latin word (readingKeys) whose key is k: the reading
// and the mode, and whether there is one.
func readingWithKey(w *token, k string) (string, int, bool) {
	for _, rk := range readingKeys(w) {
		if rk.key == k {
			return rk.spelt, rk.mode, true
		}
	}
	return "", 0, false
}

// latinReadings are a Latin word's spellings as languages other than the keys' say it, where
// they differ: English's g before e, i and y, a j (George, ジョージ, 乔治; Angela, アンジェラ),
// where the keys read every g hard (Gerhard, ゲルハルト); and German's, Dutch's, the Nordic and
// the Slavic languages' j before a vowel, a y, and w, a v (Jan, ヤン; Jadlowker, ヤドロフケル;
// Ulanowsky, ウラノフスキ), where the keys read j as in English and drop a w as a glide;
// Hungarian's (hungarianReading); and German's th and ch (germanReading).
func latinReadings(w string) []string {
	var out []string
	var soft, central []byte
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == 'g' && i+1 < len(w) && strings.IndexByte("eiy", w[i+1]) >= 0 && (i == 0 || w[i-1] != 'g'):
			if soft == nil {
				soft = []byte(w)
			}
			soft[i] = 'j'
		case c == 'j' && i+1 < len(w) && strings.IndexByte("aeiou", w[i+1]) >= 0 || c == 'w':
			if central == nil {
				central = []byte(w)
			}
			central[i] = map[byte]byte{'j': 'y', 'w': 'v'}[c]
		}
	}
	for _, b := range [2][]byte{soft, central} {
		if b != nil {
			out = append(out, string(b))
		}
	}
	if h := hungarianReading(w); h != "" {
		out = append(out, h)
	}
	if g := germanReading(w); g != "" {
		out = append(out, g)
	}
	return out
}

// germanReading is a word read as German and the Nordic languages say th, t, and ch after a
// vowel, h (the ach-sound: Margrethe, 마르그레테; Richter, 리히터, リヒター; Bach, バッハ), where
// the keys read th as English does (Elizabeth, エリザベス) and ch as sh; "" for a word with
// neither. The -vich of a Slavic name keeps its ch (Zakharevich, 자하레비치).
func germanReading(w string) string {
	if !strings.Contains(w, "h") {
		return ""
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(w); i++ {
		if i+1 < len(w) && w[i+1] == 'h' {
			switch {
			case w[i] == 't':
				b.WriteByte('t')
				i, changed = i+1, true
				continue
			case w[i] == 'c' && i > 0 && strings.IndexByte("aeiouy", w[i-1]) >= 0 && !strings.HasSuffix(w[:i], "vi"):
				b.WriteByte('h')
				i, changed = i+1, true
				continue
			}
		}
		b.WriteByte(w[i])
	}
	if !changed {
		return ""
	}
	return b.String()
}

// hungarianReading is a word in Hungarian spelling read as the keys read English, or "" for a
// word that does not show it: one with the gy or ty of a soft d or t before a vowel, or with
// cs, sz or zs. Hungarian transcribes Russian names so (Vlagyimir Putyin, Vladimir Putin;
// Hruscsov, Khrushchev): gy, ty are d, t; cs ch, sz s, zs zh, and s alone sh.
func hungarianReading(w string) string {
	marked := false
	for i := 0; i+1 < len(w) && !marked; i++ {
		switch w[i : i+2] {
		case "gy", "ty":
			marked = i+2 < len(w) && strings.IndexByte("aeiou", w[i+2]) >= 0
		case "cs", "sz", "zs":
			marked = true
		}
	}
	if !marked {
		return ""
	}
	return hungarianLetters.Replace(w)
}

var hungarianLetters = newFold("gy", "d", "ty", "t", "cs", "ch", "sz", "s", "zs", "zh", "s", "sh")

// initialV reports whether a word begins with a v before a consonant, which Japanese renders
// as the vowel u (Vladimir, ウラジーミル; Vladivostok, ウラジオストク).
func initialV(s string) bool {
	return len(s) > 1 && s[0] == 'v' && !strings.ContainsRune("aeiouy", rune(s[1]))
}

// kanaInitialV reports whether a word in Kana begins with the u Japanese writes for a v before
// a consonant (ウラジーミル, Vladimir; initialV), which a V. stands for (initialFits).
func kanaInitialV(t *token) bool {
	return t.script == "kana" && t.text != "" && t.text[0] == 'u' && initialV("v"+t.text[1:])
}

// native reports whether, of two words, the one in an alphabet is spelt in the native
// syllables of the other's script (nativeSpelling).
func native(x, y *token) bool {
	if !alphabetic(x.script) {
		x, y = y, x
	}
	if !alphabetic(x.script) {
		return false
	}
	// A run of Hangul syllables with the vowel eu may add it to the word's consonants
	// (addsEu): the run's syllables, which tokens do not keep, tell in soundsAlign.
	return nativeSpelling(x.text, y.script) && !(y.script == "hangul" && strings.Contains(y.text, "eu"))
}

// addsEu reports whether a run of Hangul tokens, one syllable each, renders a foreign word of
// n syllables, adding syllables of the vowel eu alone after a consonant to its consonants
// (Mirek, mi-rek, 미레크, mi-re-keu): it has more syllables than n, all but n of them such
// (euOnly). A Korean name has as many syllables in Hangul as in Latin letters.
func addsEu(ts []*token, n int) bool {
	eu := 0
	for _, t := range ts {
		if _, ok := euOnly(t); ok {
			eu++
		}
	}
	return len(ts) > n && len(ts)-eu <= n
}

// endsInEu reports whether a Hangul token ends in a syllable that is the vowel eu alone after
// a consonant (르, 스, 크: euOnly), which Korean adds to a foreign word's final consonant.
func endsInEu(t *token) bool {
	s, ok := strings.CutSuffix(t.text, "eu")
	return ok && s != "" && !strings.ContainsAny(s[len(s)-1:], "aeiouwy")
}

// euOnly returns the consonant of a Hangul syllable that is the vowel eu alone after one (크,
// keu: k; 스, 르), and whether it is one.
func euOnly(t *token) (string, bool) {
	c, ok := strings.CutSuffix(t.text, "eu")
	return c, ok && !strings.ContainsAny(c, "aeiouwy")
}

// withoutEu spells a run of Hangul tokens, one syllable each, together, writing those that are
// the vowel eu alone after a consonant without it (euOnly).
func withoutEu(ts []*token) string {
	var b strings.Builder
	for _, t := range ts {
		if c, ok := euOnly(t); ok {
			b.WriteString(c)
		} else {
			b.WriteString(t.text)
		}
	}
	return b.String()
}

// byEar reports whether a rendering in a syllabic script has no more syllables than the Latin
// spelling it may render (see syllables) and vowels like it (vowelsAgree); for other scripts
// it holds.
func byEar(x, xscript, y, yscript string, mode int) bool {
	if rendering(xscript) == bySyllables {
		x, y, xscript, yscript = y, x, yscript, xscript
	}
	if rendering(yscript) != bySyllables || rendering(xscript) == bySyllables {
		return true
	}
	n, _ := syllables(y)
	_, most := syllables(x)
	if n > most {
		return false
	}
	sx := spoken(x, xscript, bySyllables)
	lat, ren := syllableFrame(sx, mode), syllableFrame(spoken(y, yscript, bySyllables), bySyllables)
	if !vowelsAgree(lat, ren, yscript) {
		// French's final in is said an, and Japanese renders it so (Guérin, ゲラン; Séverin,
		// セヴラン); in Han the reading made JAMZIN sound like 陈全国 (chen-quan-guo).
		if s, ok := strings.CutSuffix(sx, "in"); yscript != "kana" || !ok || len(s) < 2 || !vowelsAgree(syllableFrame(s+"an", mode), ren, yscript) {
			return false
		}
	}
	return !addsLeadingVowel(x, sx, mode, lat[0], ren[0])
}

// addsLeadingVowel reports whether a rendering has a vowel before its first consonant where
// the Latin spelling it may render, spoken, begins with that consonant: renderings add vowels
// after consonants, not before (MSAAN is not 银晨, yin-chen; Dahua not 依图, yi-tu). A rendering
// writes the vowel of a first letter the key drops (Hrólfr, 흐롤프, heu-rol-peu; Vladimir,
// ウラジーミル, in Japanese's reading of a v before a consonant), and may write e, o or u before
// a nasal that begins a cluster (N'Diaye, 恩迪亚耶, en-di-ya-ye, its e read eo by pinyinE;
// Mbappé, 음바페, eum-ba-pe).
func addsLeadingVowel(text, sp string, mode int, lat0, ren0 string) bool {
	if lat0 != "" || ren0 == "" || sp == "" {
		return false
	}
	// second is the letter after the first in s, apostrophes aside (N'Diaye), or 0.
	second := func(s string) byte {
		if i := strings.IndexFunc(s[1:], func(r rune) bool { return r != '\'' }); i >= 0 {
			return s[1+i]
		}
		return 0
	}
	vowel := func(c byte) bool { return c != 0 && strings.IndexByte("aeiouy", c) >= 0 }
	beforeVowel := vowel(second(sp))
	switch c := sp[0]; {
	case c == 'h' || c == 'w' || c == '\'':
		return false // the key drops it
	case c == 'v' && (mode == bySyllablesV || mode == bySyllablesRV || (mode == bySyllablesW || mode == bySyllablesRW) && beforeVowel):
		return false
	case c == 'r' && !beforeVowel && (mode == bySyllables || mode == bySyllablesV || mode == bySyllablesW):
		return false
	case (c == 'm' || c == 'n') && text[0] == c && second(text) != 0 && !vowel(second(text)):
		return strings.Trim(ren0, "eou") != "" // of the text as written: the ng of Nguyen
	}
	return true
}

// vowelsAgree reports whether the vowels of a Latin spelling and of its rendering in a
// syllabic script agree, given their frames (syllableFrame) over the same consonants: where
// the Latin spelling has a vowel, the rendering has one like it (a for a or e, e for e, i or a,
// i or e for i and y, o or u for o, u, o or a for u, English's short u being an a to Japanese
// and Chinese ears: Gluck, グラック; a for any before an r the key drops, as Japanese
// writes it: Firkin, ファーキン, or an o in Han: Pepper, 佩珀; and anything or nothing for a final e after a consonant,
// mostly silent: McNeice, マクニース). A rendering adds vowels where the Latin spelling
// has none (Ralston, 랄스턴, ral-seu-teon), and drops none but an e (silent in English
// spellings: Rosemary, 로즈메리); it may differ from one vowel in three, but keeps a final
// vowel other than an e.
func vowelsAgree(lat, ren []string, script string) bool {
	if len(lat) != len(ren) {
		return false
	}
	// The vowel a rendering gives a final consonant is one of its language's neutral ones
	// (克 ke, 斯 si, 姆 mu; ク ku, ト to; 크 keu), never an a: Dann is not ダナ, Jenn not 詹納.
	if last := len(lat) - 1; last > 0 && lat[last] == "" && strings.TrimLeft(ren[last], "iy") == "a" {
		return false
	}
	// Korean's is eu, or i or u after the sounds of sh, ch and j (부시, Bush; 리치, Rich;
	// 루보슈, Ľuboš): Kell is not 켈러, Kid not 키도.
	if last := len(lat) - 1; script == "hangul" && last > 0 && lat[last] == "" && ren[last] != "" && ren[last] != "eu" && strings.TrimLeft(ren[last], "y") != "i" && strings.TrimLeft(ren[last], "y") != "u" {
		return false
	}
	groups, miss := 0, 0
	for i, l := range lat {
		if l == "" || l == "e" && i == len(lat)-1 && i > 1 {
			// A final e after a consonant is mostly silent, and the rendering writes there the
			// vowel it gives a final consonant, or none (McNeice, マクニース; Rosemary).
			continue
		}
		if l == "e" && ren[i] == "" && i == len(lat)-2 && i > 1 && lat[i+1] == "" {
			continue // so is one before a final consonant, where the rendering drops it (Gaines, ゲインズ)
		}
		groups++
		if ren[i] == "" && strings.TrimSuffix(l, "r") != "e" { // a vowel dropped, a final one too (Parma is 파르마, never 파름)
			return false
		}
		if v := strings.ReplaceAll(l, "y", ""); v != "" && v != "r" {
			l = v // a y beside vowels is a glide: JAMZIN's ya is an a (not 银晨's yi)
		}
		if !strings.ContainsFunc(l, func(lc rune) bool {
			return strings.ContainsAny(ren[i], alike[lc]) || script == "han" && strings.ContainsAny(ren[i], alikeHan[lc])
		}) {
			miss++
		}
	}
	return groups > 0 && 3*miss <= groups // an acronym (MSC) is not rendered by ear
}

// alike are the vowels a rendering by ear writes for a Latin vowel; and for a vowel before an
// r the key drops (which the frame marks with the r), the a of Japanese's long vowel too
// (Firkin, ファーキン; Furley, ファーリー). E is the schwa of pinyin's un (pinyinUn), which
// renders a Latin e.
var alike = map[rune]string{'a': "ae", 'e': "eiaE", 'i': "iey", 'y': "iey", 'o': "ou", 'u': "uoa", 'r': "a"}

// alikeHan are the vowels Chinese also writes for a Latin vowel, which vowelsAgree accepts in
// Han only (Japanese writes neither: Coster is not コスト, Conklin not カンクリン): an a for
// English's short o (Compton, 康普頓 kang-pu-dun; Donner, 唐納), and an o or a u for the
// vowel before an r the key drops (Pepper, 佩珀 pei-po; Chambers, 錢伯斯; Laffer, 拉弗 la-fu).
var alikeHan = map[rune]string{'o': "a", 'r': "ou"}

// spellingSim is the similarity of two tokens' Latin spellings.
func spellingSim(x, y *token) float64 {
	if x.kind == kindLegal || y.kind == kindLegal {
		switch {
		case x.kind != y.kind:
			return 0
		case x.text == y.text:
			return 1
		case familiesMeet(x.family, y.family): // OAO and JSC
			return 0.9
		}
		return 0
	}
	if x.text == y.text {
		return 1
	}
	if pinyinPair(x, y) {
		// A syllable in pinyin against the pinyin of a Han character: one letter more or
		// less is another character (成 cheng is not Chen, 鹏 peng not Deng).
		return 0
	}
	if x.kind == kindInitial || y.kind == kindInitial {
		// An initial stands for a word of its first letter, as written, or, across scripts,
		// as the word's spelling of its sound begins: В. (V.) for Wladimir, whose fold is
		// vladimir, or V. for ভ্লাদিমির (bhladimir, vladimir). In one script the fold says too
		// much: V. is not William (villiam).
		if x.text[0] == y.text[0] || x.kind != y.kind && (x.script != y.script && initialFits(x, y) || initialGiven(x, y)) {
			return 0.9
		}
		return 0
	}
	if x.abjad() || y.abjad() {
		if s := abjadSim(x, y); s > 0 {
			return s
		}
	}
	if (x.script == "hangul") != (y.script == "hangul") && (x.fold == y.fold || koreanU(x, y) || koreanSurname(x, y)) || cyrillicPair(x, y) {
		return 0.95
	}
	// One spelling of a sound (spellingFold): Alexander, Aleksandr, Αλέξανδρος; Wladimir,
	// Vladimir.
	if x.xt == y.xt {
		return 0.95
	}
	lx, ly := len(x.xr), len(y.xr)
	l, short := max(lx, ly), min(lx, ly)
	// The typo budget is the written words' (Cooney, not its fold cuney, may be one typo
	// from Carney in two).
	budget := typoBudget(max(short, min(len(x.text), len(y.text))))
	// Only distances up to the larger of the typo budget and a quarter of the length matter
	// below; the distance is computed up to that bound (the length difference alone may
	// rule it out).
	limit := max(budget, l/4)
	d := l
	if float64(l-short)/float64(l) <= 0.25 || l-short <= budget {
		d = boundedLevenshtein(x.xr, y.xr, limit)
	}
	// The words as written, when a fold changed one, may be fewer edits apart: a typo on a
	// letter the fold reads (roup, group: grup; xwan for hwan, kswan), or a Greek word whose nd
	// is a d (Κωνσταντίνος, konstandinos, and Konstantinos). Where the fold wrote only an x as
	// ks, one edit is a typo and two are not: Xinjiang and Jingjiang are two places.
	if (x.folded || y.folded) && d > 0 {
		xr, yr := x.xr, y.xr
		var bx, by [64]rune
		if x.folded {
			xr = appendRunes(bx[:0], x.text)
		}
		if y.folded {
			yr = appendRunes(by[:0], y.text)
		}
		b := budget
		if !x.transcribed && !y.transcribed {
			b = min(b, 1)
		}
		if d2 := boundedLevenshtein(xr, yr, min(d-1, b)); d2 < d && d2 <= b {
			return 1 - 0.5*float64(d2)/float64(max(len(xr), len(yr)))
		}
	}
	if d <= budget {
		return 1 - 0.5*float64(d)/float64(l)
	}
	// Words of two to four letters have no typo budget, but one edit between two written in
	// Latin letters (Han and Chan, Ri and Rri, Jong-uun) is worth a part: enough to rank the
	// entity a typo in a short family name means above one that lacks the word, never enough
	// to match on it alone. (Transliterated short words are left out: عارف and آصف are rf and
	// sf, two names; but for Burmese syllables, which burmeseLatin reads with their vowels and
	// names spell with theirs long or short: စု su, Suu; စိုး so, Soe.)
	if short >= 2 && l <= 4 && (x.script == "latin" || x.script == "myanmar") && (y.script == "latin" || y.script == "myanmar") && boundedLevenshtein(x.xr, y.xr, 1) <= 1 {
		return shortTypoSim
	}
	// Spellings of one name across transliteration systems (Osama/Usama, Husayn/Hussein)
	// share their consonants, each as often between vowels, as both write them (KONONON is
	// not YAKUNIN; the skeleton of a word in an abjad, which writes few vowels, collapses
	// such repeats).
	if len(x.skelX) >= 2 && short >= 4 && x.skelX == y.skelX && (x.abjad() || y.abjad() || skeletonOf(x.xt, true) == skeletonOf(y.xt, true)) {
		return 0.85
	}
	if r := 1 - float64(d)/float64(l); r >= 0.75 {
		return r * 0.85
	}
	return 0
}

// initialGiven reports whether, of two tokens, the one that is an initial is the first letter
// of the other's East Slavic given name or patronymic in its Russian form (token.given): V.
// for Wladimirowitsch, Władimirowicz, Uladzimiravich (vladimir+p), as В. is.
func initialGiven(x, y *token) bool {
	if x.kind != kindInitial {
		x, y = y, x
	}
	return y.given != "" && x.text[0] == y.given[0]
}

// initialFits reports whether, of two tokens, the one that is an initial is the first letter of
// the other's spelling of its sound (token.xt).
func initialFits(x, y *token) bool {
	if x.kind != kindInitial {
		x, y = y, x
	}
	if y.xt != "" && x.text[0] == y.xt[0] || x.text[0] == 'v' && kanaInitialV(y) {
		return true
	}
	// A rendering in a syllabic script begins with the sound of the initial's letter, in the
	// classes renderings confuse (V. for 블라디미르, beul-la-di-mi-reu; 弗拉基米尔, fu-la-ji-mi-er),
	// and the rendering has no vowel before it (addsLeadingVowel); a word in an abjad begins
	// with its consonant (В. for فلاديمير, which writes v with f).
	m := rendering(y.script)
	if m == byLetters || !alphabetic(x.script) {
		return false
	}
	return soundBegins(y, m, rune(x.text[0])) &&
		(m != bySyllables || syllableFrame(spoken(y.text, y.script, bySyllables), bySyllables)[0] == "")
}

// soundBegins reports whether the sound of a word in a script that renders (mode m, not
// byLetters) begins with consonant c's class (initialFits, initialsOf).
func soundBegins(y *token, m int, c rune) bool {
	k := y.sounds[m]
	return k != "" && !strings.ContainsRune("aeiouyhw", c) && soundClass(c, m) == rune(k[0])
}

// pinyinPair reports whether, of two tokens, one reads a Han character (one pinyin
// syllable) and the other is a Latin word of one pinyin syllable. Longer words are left to
// edits and sounds: most foreign names written in Han read as pinyin syllables too (阿拉米揚,
// alamiyang, for Alamian, itself a-la-mi-an).
func pinyinPair(x, y *token) bool {
	if !x.syllables && !y.syllables {
		return false
	}
	if y.script == "han" {
		x, y = y, x
	}
	if !x.syllables || x.script != "han" || y.script != "latin" || y.kind != kindWord {
		return false
	}
	set := pinyinSyllables()
	return set[x.text] && set[y.text]
}

// writtenVowelsSim is the similarity of a word in Arabic letters and a Latin spelling of it
// whose vowels it writes (writtenVowelsAgree): the written vowels say it as a typo would.
const writtenVowelsSim = 0.95

// shortTypoSim is the similarity of two short Latin words one edit apart (see spellingSim).
const shortTypoSim = 0.7

// typoBudget is how many edits a token of n letters may differ by and still be the same word.
func typoBudget(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	case n <= 11: // three edits in ten letters make another name: Shamsuddin, Sahabuddin
		return 2
	}
	return 3
}

// ratio is 1 - normalised Levenshtein distance over runes.
func ratio(a, b string) float64 {
	if a == "" && b == "" {
		return 1
	}
	ra, rb := []rune(a), []rune(b)
	l := max(len(ra), len(rb))
	return 1 - float64(boundedLevenshtein(ra, rb, l))/float64(l)
}

// appendRunes appends the runes of s to buf.
func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}

// boundedLevenshtein is the optimal-string-alignment edit distance over runes (insertions,
// deletions, substitutions and transpositions of neighbours, as in Appel/Apple, cost 1), for
// distances up to limit: any larger distance is returned as limit+1. Only the cells within
// limit of the diagonal are computed (those further off cost more than limit), and it does
// not allocate for words of up to 63 letters.
func boundedLevenshtein(ra, rb []rune, limit int) int {
	if abs(len(ra)-len(rb)) > limit {
		return limit + 1
	}
	n := len(rb)
	limit = min(limit, max(len(ra), n)) // no distance is larger
	big := int32(limit + 1)
	var buf [3 * 64]int32
	var pp, prev, cur []int32
	if n+1 <= 64 {
		pp, prev, cur = buf[:n+1], buf[64:64+n+1], buf[128:128+n+1]
	} else {
		pp, prev, cur = make([]int32, n+1), make([]int32, n+1), make([]int32, n+1)
	}
	// Row i holds cells lo-1 … hi, lo = max(1, i-limit) and hi = min(n, i+limit); the cell
	// before lo and the one after the row before's hi are written as beyond the limit.
	for j := range min(n, limit) + 1 {
		prev[j] = int32(j)
	}
	if limit+1 <= n {
		prev[limit+1] = big
	}
	prevMin := int32(0)
	for i := 1; i <= len(ra); i++ {
		lo, hi := max(1, i-limit), min(n, i+limit)
		if lo == 1 {
			cur[0] = int32(i)
		} else {
			cur[lo-1] = big
		}
		if hi == i+limit {
			prev[hi] = big
		}
		rowMin := cur[lo-1]
		a := ra[i-1]
		for j := lo; j <= hi; j++ {
			c := prev[j-1]
			if a != rb[j-1] {
				c = min(prev[j], cur[j-1], c) + 1
			} else {
				c = min(prev[j]+1, cur[j-1]+1, c)
			}
			if i > 1 && j > 1 && a == rb[j-2] && ra[i-2] == rb[j-1] {
				c = min(c, pp[j-2]+1)
			}
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		// Every later cell is at least the smallest of this row or the one before (a
		// transposition reaches back two rows).
		if int(min(rowMin, prevMin)) > limit {
			return limit + 1
		}
		prevMin = rowMin
		pp, prev, cur = prev, cur, pp
	}
	return min(int(prev[n]), limit+1)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// round is a score rounded to three decimals. It is first snapped to nine: sums of the same
// terms in another order (a compared with b, or b with a) differ in their last bits, and
// 0.95249999… and 0.9525 would round apart (found by FuzzScore: "00 Z 0 A" and "A 00 0 A 0"
// scored 0.952 one way, 0.953 the other).
func round(f float64) float64 {
	f = math.Round(f*1e9) / 1e9
	return float64(int(f*1000+0.5)) / 1000
}
