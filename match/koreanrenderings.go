package match

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Russian writes Korean names in Cyrillic by Kontsevich's system (система Концевича: 김정은,
// Kim Jong Un, is Ким Чон Ын) or by older usage the press keeps for North Korea's leaders (Ким
// Чен Ын, Ким Ир Сен). Transliterated back to Latin letters (kim chen yn) they are no Korean
// spelling: ㅓ is о or е, ㅡ ы, ㅈ ч or чж, a final ㅇ н, and 리 and 이 are both Ли.
// koreanRenderingAlign compares such a name with one in Hangul or in the Latin letters Korean
// names are spelt in, by the sounds both keep (koreanSounds): consonants in classes (voiced
// and voiceless alike, r and l alike, an aspirate's h dropped) and each vowel as the set of
// Korean vowels its letters may write (Latin u is ㅜ, ㅡ or, as in Sung for 성, ㅓ; Cyrillic е
// is ㅔ or ㅓ, as Normalize writes ё е).
//
// Japanese writes them in Katakana by their sounds too (キム・ジョンウン, パク・クネ), read in
// Hepburn's letters by the Latin table, with the u Katakana adds to a final consonant (キム,
// kimu) and an h after n, l or m that it runs into the consonant (근혜, クネ) left out where the
// other name has none (kanaFinals, softH).

// Vowel classes: a vowel is the set of the classes its letters may write.
const (
	kvA = 1 << iota // ㅏ ㅑ ㅘ
	kvE             // ㅐ ㅔ ㅒ ㅖ ㅙ ㅞ ㅚ
	kvO             // ㅗ ㅓ ㅛ ㅕ ㅝ
	kvU             // ㅜ ㅠ
	kvY             // ㅡ
	kvI             // ㅣ ㅟ ㅢ
)

// A ksound is a consonant's class (c) or a vowel's classes (v) and whether a w glide is
// written before it (Kwon, Квон; a glide one name writes and the other does not makes two
// words: Tulu is not Тульве), and whether it begins a word.
type ksound struct {
	c        byte
	v        uint8
	w, start bool
	// opt: a sound one rendering writes and the other may not: the u Katakana gives a
	// final consonant (キム, kimu: 김), an h after n, l or m that Japanese runs into the n
	// (근혜, geun-hye: クネ, kune)
	opt bool
}

// A kletters is a spelling of a sound: a vowel's (v, with w for a w glide) or a consonant's (c).
type kletters struct {
	s string
	c byte
	v uint8
	w bool
}

// koreanLatin reads the Latin spellings of Korean names (the Revised Romanization,
// McCune–Reischauer without its marks, and the usual ones: Lee, Choi, Sung), and koreanCyrillic
// their Cyrillic (Kontsevich's and the older usage, as Normalize writes it: й и, ё е), vowels
// before consonants, longest first.
var (
	koreanLatin = []kletters{
		{s: "yeo", v: kvO}, {s: "yae", v: kvE}, {s: "wae", v: kvE, w: true}, {s: "woo", v: kvU}, {s: "yoo", v: kvU},
		{s: "eo", v: kvO}, {s: "eu", v: kvY}, {s: "ae", v: kvE}, {s: "ai", v: kvE},
		{s: "oe", v: kvE | kvO | kvI}, {s: "oi", v: kvE | kvO | kvI},
		{s: "ya", v: kvA}, {s: "ye", v: kvE}, {s: "yo", v: kvO}, {s: "yu", v: kvU | kvO}, {s: "yi", v: kvI | kvY},
		{s: "wa", v: kvA, w: true}, {s: "wo", v: kvO, w: true}, {s: "we", v: kvE, w: true}, {s: "wi", v: kvI, w: true},
		{s: "ui", v: kvI | kvY},
		{s: "oo", v: kvU}, {s: "ee", v: kvI},
		{s: "a", v: kvA}, {s: "e", v: kvE}, {s: "i", v: kvI}, {s: "o", v: kvO}, {s: "u", v: kvU | kvY | kvO},
		{s: "tch", c: 'J'}, {s: "jj", c: 'J'}, {s: "ch", c: 'J'}, {s: "ts", c: 'J'}, {s: "j", c: 'J'}, {s: "z", c: 'J'}, {s: "c", c: 'J'},
		{s: "ss", c: 'S'}, {s: "sh", c: 'S'}, {s: "s", c: 'S'},
		{s: "kk", c: 'K'}, {s: "kh", c: 'K'}, {s: "k", c: 'K'}, {s: "g", c: 'K'}, {s: "q", c: 'K'},
		{s: "ng", c: 'N'}, {s: "n", c: 'N'}, {s: "m", c: 'M'},
		{s: "tt", c: 'T'}, {s: "th", c: 'T'}, {s: "t", c: 'T'}, {s: "d", c: 'T'},
		{s: "pp", c: 'P'}, {s: "ph", c: 'P'}, {s: "p", c: 'P'}, {s: "b", c: 'P'}, {s: "f", c: 'P'}, {s: "v", c: 'P'},
		{s: "r", c: 'L'}, {s: "l", c: 'L'}, {s: "h", c: 'H'},
		{s: "y"}, {s: "w"}, // a glide no vowel table holds: nothing
	}
	koreanCyrillic = []kletters{
		{s: "ыи", v: kvI | kvY}, {s: "ои", v: kvE | kvO | kvI},
		{s: "ва", v: kvA, w: true}, {s: "во", v: kvO, w: true}, {s: "вэ", v: kvE, w: true},
		{s: "ве", v: kvE | kvO, w: true}, {s: "ви", v: kvI, w: true},
		{s: "я", v: kvA}, {s: "а", v: kvA}, {s: "э", v: kvE}, {s: "е", v: kvE | kvO}, {s: "о", v: kvO},
		{s: "у", v: kvU}, {s: "ю", v: kvU}, {s: "ы", v: kvY}, {s: "и", v: kvI},
		{s: "чж", c: 'J'}, {s: "чх", c: 'J'}, {s: "дж", c: 'J'}, {s: "ч", c: 'J'}, {s: "ц", c: 'J'}, {s: "ж", c: 'J'},
		{s: "сс", c: 'S'}, {s: "с", c: 'S'}, {s: "ш", c: 'S'},
		{s: "кх", c: 'K'}, {s: "кк", c: 'K'}, {s: "к", c: 'K'}, {s: "г", c: 'K'},
		{s: "тх", c: 'T'}, {s: "тт", c: 'T'}, {s: "т", c: 'T'}, {s: "д", c: 'T'},
		{s: "пх", c: 'P'}, {s: "пп", c: 'P'}, {s: "п", c: 'P'}, {s: "б", c: 'P'}, {s: "ф", c: 'P'}, {s: "в", c: 'P'},
		{s: "нг", c: 'N'}, {s: "н", c: 'N'}, {s: "м", c: 'M'}, {s: "р", c: 'L'}, {s: "л", c: 'L'}, {s: "х", c: 'H'},
		{s: "ь"}, {s: "ъ"},
	}
)

// A ktable is a table of spellings (koreanLatin, koreanCyrillic) with, for each letter, the
// positions of the spellings that begin with it, in the table's order (longest first).
type ktable struct {
	spellings []kletters
	first     map[rune][]int
}

var koreanLatinTable, koreanCyrillicTable = newKTable(koreanLatin), newKTable(koreanCyrillic)

func newKTable(spellings []kletters) *ktable {
	t := &ktable{spellings: spellings, first: map[rune][]int{}}
	for j, l := range spellings {
		r, _ := utf8.DecodeRuneInString(l.s)
		t.first[r] = append(t.first[r], j)
	}
	return t
}

// koreanSounds appends to ks the sounds of word w read by table; false when a letter is in
// none of its spellings. A consonant repeated, within a word or across two, counts once (Kim
// Myong, Ким Мён).
func koreanSounds(ks []ksound, w string, table *ktable) ([]ksound, bool) {
	start := true
	for i := 0; i < len(w); {
		var l *kletters
		r, _ := utf8.DecodeRuneInString(w[i:])
		for _, j := range table.first[r] {
			if strings.HasPrefix(w[i:], table.spellings[j].s) {
				l = &table.spellings[j]
				break
			}
		}
		if l == nil {
			return ks, false
		}
		i += len(l.s)
		if l.c == 'L' && l.s == "r" && i > 1 && (i == len(w) || !strings.ContainsRune("aeiouwy", rune(w[i]))) {
			continue // an r no vowel follows is not said (Park, 박): Korean's final ㄹ is spelt l
		}
		if l.c == 0 && l.v == 0 {
			continue
		}
		if l.c != 0 && len(ks) > 0 && ks[len(ks)-1].c == l.c {
			start = false
			continue
		}
		ks = append(ks, ksound{c: l.c, v: l.v, w: l.w, start: start})
		start = false
	}
	return ks, true
}

// koreanSoundsMeet reports whether two names' sounds are one: the same consonant classes and
// vowels that may be one, where a word's first ㄹ or ㄴ one of them writes may be left out by
// the other (리, 이: Ri, Yi, Lee, Ли; 류, Yu, Рю), and so may a sound either marks opt.
func koreanSoundsMeet(a, b []ksound) bool {
	// failed holds the states (positions in a and b, and the consonant class last paired)
	// found not to meet: left-out sounds may reach one state in several ways.
	var failed map[[3]int]bool
	var meet func(i, j int, last byte) bool
	meet = func(i, j int, last byte) bool {
		state := [3]int{i, j, int(last)}
		if failed[state] {
			return false
		}
		for i < len(a) || j < len(b) {
			if i < len(a) && a[i].opt && meet(i+1, j, last) || j < len(b) && b[j].opt && meet(i, j+1, last) {
				return true
			}
			// A consonant that repeats the one last paired, once a sound was left out
			// (パク・クネ, paku kune: 박근혜, pak-geun).
			if i < len(a) && last != 0 && a[i].c == last {
				i++
				continue
			}
			if j < len(b) && last != 0 && b[j].c == last {
				j++
				continue
			}
			if i == len(a) || j == len(b) {
				break
			}
			x, y := a[i], b[j]
			if y.c == 0 && i+1 < len(a) && x.start && (x.c == 'L' || x.c == 'N') && a[i+1].c == 0 && meet(i+1, j, last) {
				return true
			}
			if x.c == 0 && j+1 < len(b) && y.start && (y.c == 'L' || y.c == 'N') && b[j+1].c == 0 && meet(i, j+1, last) {
				return true
			}
			if x.c != y.c || x.c == 0 && (x.v&y.v == 0 || x.w != y.w) {
				break
			}
			i, j, last = i+1, j+1, x.c
		}
		if i == len(a) && j == len(b) {
			return true
		}
		if failed == nil {
			failed = map[[3]int]bool{}
		}
		failed[state] = true
		return false
	}
	return meet(0, 0, 0)
}

// maxKoreanWords bounds the words of the names koreanRenderingAlign reads.
const maxKoreanWords = 6

// renderedKoreanSounds are the sounds of a name in Cyrillic letters or in Katakana alone
// (words, particles, letters: Ли, Ын; no legal form but a last one of two letters), read as
// a Korean name's rendering; nil for another.
func renderedKoreanSounds(n *name) []ksound {
	if len(n.tokens) == 0 || len(n.tokens) > maxKoreanWords || n.latin {
		return nil
	}
	script := n.tokens[0].script
	for i, t := range n.tokens {
		// A legal form ends a rendering only as a last syllable of two letters (Квон Ён Се:
		// Се, SE, is 세).
		if t.kind == kindLegal && (i < len(n.tokens)-1 || len(t.text) != 2) || t.script != script {
			return nil
		}
	}
	var ks []ksound
	var ok bool
	switch script {
	case "cyrillic":
		for _, w := range strings.Fields(n.normalized) {
			if ks, ok = koreanSounds(ks, w, koreanCyrillicTable); !ok {
				return nil
			}
		}
	case "kana":
		for _, t := range n.tokens {
			at := len(ks)
			if ks, ok = koreanSounds(ks, kanaKoreanFold.Replace(t.text), koreanLatinTable); !ok {
				return nil
			}
			kanaFinals(ks[at:])
		}
	default:
		return nil
	}
	return ks
}

// kanaKoreanFold reads the f of Katakana's ファ, フィ … as the hw of Korean's 화, 휘 (ファン,
// fan: 황, Hwang).
var kanaKoreanFold = strings.NewReplacer("f", "hw")

// kanaFinals marks opt the u of a Katakana word's ク, ム, プ and ル (ku, mu, pu, ru) that ends
// it or comes before a consonant: there it writes a Korean final consonant (김, キム; 박, パク;
// 일, イル), or a syllable of ㅡ (근, ク).
func kanaFinals(ks []ksound) {
	for i := 1; i < len(ks); i++ {
		if c := ks[i-1].c; ks[i].v == kvU|kvY|kvO && (c == 'K' || c == 'M' || c == 'P' || c == 'L') && (i+1 == len(ks) || ks[i+1].c != 0) {
			ks[i].opt = true
		}
	}
}

// softH marks opt the h of a Korean name's sounds after n, l or m, which Japanese runs into
// the consonant before it (근혜, クネ): for comparing with Katakana.
func softH(ks []ksound) []ksound {
	var out []ksound
	for i, k := range ks {
		if k.c == 'H' && i > 0 && (ks[i-1].c == 'N' || ks[i-1].c == 'L' || ks[i-1].c == 'M') {
			if out == nil {
				out = slices.Clone(ks)
			}
			out[i].opt = true
		}
	}
	if out == nil {
		return ks
	}
	return out
}

// koreanLatinWord reports whether a word in Latin letters may be a Korean name's: spelt in
// the syllables of Sino-Korean readings, ㅓ written u among them (Myung), or a surname's usual
// spelling (Park, Rhee). It reads the word's fold (latinKoreanFold), derived once.
func koreanLatinWord(t *token) bool {
	if t.script != "latin" {
		return false
	}
	_, surname := slices.BinarySearch(surnameSpellings(), t.fold)
	return surname || spelledIn(t.fold, sinoKoreanSyllables(), false)
}

// koreanWords are the words of a name that may be a Korean one as Korean names are written
// in Latin letters (every word koreanLatinWord) or in Hangul (its syllables in their Revised
// Romanization), nil for another.
func koreanWords(n *name) []string {
	if len(n.tokens) == 0 || len(n.tokens) > maxRunTokens {
		return nil
	}
	if !n.hangul {
		if len(n.tokens) > maxKoreanWords || !(n.latin || koreanLegalLast(n)) {
			return nil
		}
		for _, t := range n.tokens {
			if !koreanLatinWord(t) {
				return nil
			}
		}
	}
	ws := make([]string, len(n.tokens))
	for i, t := range n.tokens {
		switch {
		case n.hangul:
			ws[i] = t.text
			if n.ko.plain != nil && n.ko.plain[i] != "" {
				ws[i] = n.ko.plain[i] // 이 in its Revised Romanization (i), not as Lee
			}
		default:
			ws[i] = koreanH(t.text) // Kwon Young Se, SE read as 세 (koreanLegalLast)
		}
	}
	return ws
}

// koreanRenderingAlign reports whether, of two names, one is in Cyrillic or Katakana and the
// other a Korean name in Latin letters or Hangul whose sounds meet (koreanSoundsMeet) in one
// of the orders of its words (eachKoreanOrder).
func koreanRenderingAlign(a, b *name) bool {
	r, k := a, b
	rs := renderedKoreanSounds(r)
	if rs == nil {
		r, k = b, a
		rs = renderedKoreanSounds(r)
	}
	if rs == nil {
		return false
	}
	kana := r.tokens[0].script == "kana"
	met := false
	eachKoreanOrder(k, func(ks []ksound) bool {
		if kana {
			ks = softH(ks)
		}
		met = koreanSoundsMeet(ks, rs)
		return !met
	})
	return met
}

// eachKoreanOrder calls fn, while it returns true, with the sounds of a Korean name
// (koreanWords), its words in their order or with the first or last moved to the other end,
// in one array, which fn must not keep.
func eachKoreanOrder(n *name, fn func(ks []ksound) bool) {
	ws := koreanWords(n)
	if ws == nil {
		return
	}
	ks := make([]ksound, 0, 32) // one array for the orders: fn keeps none of them
	for _, order := range familyOrders(ws) {
		ks = ks[:0]
		ok := true
		for _, w := range order {
			if ks, ok = koreanSounds(ks, w, koreanLatinTable); !ok {
				break
			}
		}
		if ok && !fn(ks) {
			return
		}
	}
}

// koreanConsonants is the key under which names koreanRenderingAlign may pair meet: the
// consonant classes of their sounds, but those at the positions skip, each run of one class
// written once.
func koreanConsonants(ks []ksound, skip []int) string {
	var b strings.Builder
	for i, k := range ks {
		if k.c != 0 && !slices.Contains(skip, i) && (b.Len() == 0 || b.String()[b.Len()-1] != k.c) {
			b.WriteByte(k.c)
		}
	}
	return b.String()
}

// eachKoreanRenderingKey calls fn with the keys of a name in Cyrillic or Katakana (rendered
// true) or a Korean name (koreanWords) for koreanRenderingAlign: the consonants of its
// sounds, and those without a word's first ㄹ or ㄴ before a vowel (each, and all), or without
// the h Japanese runs into the consonant before it, in each order of its words.
func eachKoreanRenderingKey(n *name, fn func(rendered bool, s string)) {
	emit := func(rendered bool, ks []ksound) {
		fn(rendered, koreanConsonants(ks, nil))
		var skips, soft []int
		for i, k := range ks {
			if k.start && (k.c == 'L' || k.c == 'N') && i+1 < len(ks) && ks[i+1].c == 0 {
				fn(rendered, koreanConsonants(ks, []int{i}))
				skips = append(skips, i)
			}
			if k.opt && k.c != 0 {
				soft = append(soft, i)
			}
		}
		if len(skips) > 1 {
			fn(rendered, koreanConsonants(ks, skips))
		}
		if soft != nil {
			fn(rendered, koreanConsonants(ks, soft))
			if skips != nil {
				fn(rendered, koreanConsonants(ks, append(skips, soft...)))
			}
		}
	}
	if rs := renderedKoreanSounds(n); rs != nil {
		emit(true, rs)
		return
	}
	eachKoreanOrder(n, func(ks []ksound) bool {
		emit(false, softH(ks))
		return true
	})
}
