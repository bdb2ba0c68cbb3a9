package match

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Korean and Russian write Chinese names by their Mandarin sounds, each by a standard table of
// pinyin syllables (pinyinWriting): a name in pinyin and its writing in Hangul or Cyrillic
// are set side by side by writing the pinyin name by the table (pinyinWritingAlign).
//
// Korean writes them (习近平 is 시진핑, 毛泽东 마오쩌둥, 重庆
// 충칭), by the rules of the National Institute of Korean Language (외래어 표기법, Ministry of
// Culture notice: table 5, 중국어의 주음 부호와 한글 대조표, and chapter 3 section 7, 중국어의
// 표기): each pinyin initial is one Hangul consonant (x ㅅ, q ㅊ, z ㅉ, s ㅆ), each final one
// Hangul vowel with its final consonant, or two syllables (ao 아오, ou 어우, ai 아이), and after
// ㅈ, ㅉ and ㅊ the vowels ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ are written ㅏ ㅐ ㅓ ㅔ ㅗ ㅜ (jia 자, jie 제, qiu 추). The
// Revised Romanization of those syllables (si-jin-ping, ma-o-jjeo-dung, ri-keo-chang) is no
// pinyin spelling, so a name in pinyin and its Hangul do not meet by sound.
//
// Russian writes them in the Palladius system (система Палладия, as the Great Russian
// Encyclopedia and the press do): Си Цзиньпин, Мао Цзэдун, Ли Кэцян; j and z are цз, q and c
// ц, x and s с, zh чж, r ж, and the finals in n end in ь (инь, ань, унь).

// pinyinInitials are the pinyin initials, two-letter ones first.
var pinyinInitials = [...]string{"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s"}

// apicalI is the final pinyin writes i after zh, ch, sh, r, z, c and s, which is no i (zhi,
// si: 즈, 쓰; чжи, сы).
const apicalI = "-i"

// pinyinParts splits a pinyin syllable into its initial and its final, "" and the syllable
// for one with no initial (an, yi, wu); the final is written v for ü after j, q and x (ju,
// xuan: jv, xvan), apicalI for the i of zhi and si, and is given twice, as ü and as u, for lu,
// nu, lue and nue, which names write for lü and lüe as well. ok is false for no syllable.
func pinyinParts(p string) (initial string, finals [2]string, ok bool) {
	for _, in := range pinyinInitials {
		if !strings.HasPrefix(p, in) {
			continue
		}
		final := p[len(in):]
		switch in {
		case "zh", "ch", "sh", "r", "z", "c", "s":
			if final == "i" {
				final = apicalI
			}
		case "j", "q", "x":
			if strings.HasPrefix(final, "u") {
				final = "v" + final[1:]
			}
		case "l", "n":
			if final == "u" || final == "ue" {
				return in, [2]string{"v" + final[1:], final}, true
			}
		}
		return in, [2]string{final}, final != ""
	}
	return "", [2]string{p}, p != ""
}

// hangulInitials are the Hangul consonants of the pinyin initials (the position of the
// consonant among Hangul's 19 initials).
var hangulInitials = map[string]int{
	"zh": 12, "ch": 14, "sh": 9, "b": 7, "p": 17, "m": 6, "f": 17, "d": 3, "t": 16, "n": 2, "l": 5,
	"g": 0, "k": 15, "h": 18, "j": 12, "q": 14, "x": 9, "r": 5, "z": 13, "c": 14, "s": 10,
}

// hangulOfFinals are the finals after an initial, in Hangul with ㅇ for the initial (ü written
// v, as go-pinyin writes it: lv, nve).
var hangulOfFinals = map[string]string{
	"a": "아", "o": "오", "e": "어", "ai": "아이", "ei": "에이", "ao": "아오", "ou": "어우",
	"an": "안", "en": "언", "ang": "앙", "eng": "엉", "ong": "웅",
	"i": "이", "ia": "야", "iao": "야오", "ie": "예", "iu": "유", "ian": "옌", "in": "인",
	"iang": "양", "ing": "잉", "iong": "융",
	"u": "우", "ua": "와", "uo": "워", "uai": "와이", "ui": "우이", "uan": "완", "un": "운", "uang": "왕",
	"v": "위", "ve": "웨", "van": "위안", "vn": "윈", apicalI: "으",
}

// hangulOfAlone are the syllables with no initial, as pinyin spells them (with y and w).
var hangulOfAlone = map[string]string{
	"a": "아", "o": "오", "e": "어", "ai": "아이", "ei": "에이", "ao": "아오", "ou": "어우",
	"an": "안", "en": "언", "ang": "앙", "eng": "엉", "er": "얼",
	"yi": "이", "ya": "야", "yo": "요", "ye": "예", "yao": "야오", "you": "유", "yan": "옌",
	"yin": "인", "yang": "양", "ying": "잉", "yong": "융",
	"wu": "우", "wa": "와", "wo": "워", "wai": "와이", "wei": "웨이", "wan": "완", "wen": "원",
	"wang": "왕", "weng": "웡",
	"yu": "위", "yue": "웨", "yuan": "위안", "yun": "윈",
}

// hangulOfPinyin appends to dst the Hangul a pinyin syllable is written in (two for lu, nu,
// lue and nue: pinyinParts), and returns it; dst unchanged for a syllable the rules do not
// write.
func hangulOfPinyin(dst []string, p string) []string {
	in, finals, ok := pinyinParts(p)
	switch {
	case !ok:
	case in == "":
		if h, ok := hangulOfAlone[p]; ok {
			dst = append(dst, h)
		}
	default:
		for _, f := range finals {
			if h, ok := hangulOfFinals[f]; ok {
				dst = append(dst, withInitial(h, hangulInitials[in]))
			}
		}
	}
	return dst
}

// withInitial writes h, a final in Hangul with ㅇ for its initial, with the initial consonant
// jamo; after ㅈ, ㅉ and ㅊ (12, 13, 14) a vowel with y is written without it.
func withInitial(h string, jamo int) string {
	r, size := utf8.DecodeRuneInString(h)
	s := int(r - 0xAC00)
	v, t := s/28%21, s%28
	if jamo >= 12 && jamo <= 14 {
		switch v {
		case 2, 3, 6, 7: // ㅑ ㅒ ㅕ ㅖ: ㅏ ㅐ ㅓ ㅔ
			v -= 2
		case 12: // ㅛ: ㅗ
			v = 8
		case 17: // ㅠ: ㅜ
			v = 13
		}
	}
	return string(rune(0xAC00+(jamo*21+v)*28+t)) + h[size:]
}

// palladiusInitials are the pinyin initials in Cyrillic.
var palladiusInitials = map[string]string{
	"zh": "чж", "ch": "ч", "sh": "ш", "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т",
	"n": "н", "l": "л", "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "r": "ж",
	"z": "цз", "c": "ц", "s": "с",
}

// palladiusFinals are the finals after an initial, in Cyrillic (ü written v).
var palladiusFinals = map[string]string{
	"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
	"an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун",
	"i": "и", "ia": "я", "iao": "яо", "ie": "е", "iu": "ю", "ian": "янь", "in": "инь",
	"iang": "ян", "ing": "ин", "iong": "юн",
	"u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан",
	"v": "юй", "ve": "юэ", "van": "юань", "vn": "юнь",
}

// palladiusAlone are the syllables with no initial, as pinyin spells them.
var palladiusAlone = map[string]string{
	"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
	"an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "er": "эр",
	"yi": "и", "ya": "я", "yo": "ё", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь",
	"yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн",
	"wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь",
	"wang": "ван", "weng": "вэн",
	"yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь",
}

// palladiusFold writes й and ё as Normalize does (и, е), for the writings to meet names.
var palladiusFold = strings.NewReplacer("й", "и", "ё", "е")

// palladiusOfPinyin appends to dst the Cyrillic a pinyin syllable is written in (two for lu,
// nu, lue and nue: pinyinParts), folded as Normalize folds names (palladiusFold).
func palladiusOfPinyin(dst []string, p string) []string {
	in, finals, ok := pinyinParts(p)
	switch {
	case !ok:
	case in == "":
		if c, ok := palladiusAlone[p]; ok {
			dst = append(dst, palladiusFold.Replace(c))
		}
	case p == "hui":
		dst = append(dst, "хуэи") // хуэй, the exception to ui уй, folded
	case finals[0] == apicalI:
		if in == "z" || in == "c" || in == "s" {
			dst = append(dst, palladiusInitials[in]+"ы") // цзы, цы, сы
		} else {
			dst = append(dst, palladiusInitials[in]+"и") // чжи, чи, ши, жи
		}
	default:
		for _, f := range finals {
			if c, ok := palladiusFinals[f]; ok {
				dst = append(dst, palladiusFold.Replace(palladiusInitials[in]+c))
			}
		}
	}
	return dst
}

// A pinyinWriting is a script's standard writing of pinyin syllables.
type pinyinWriting struct {
	method string // what compare reports of a pair by it
	// text is a name's text without spaces when the name is written in the script alone,
	// "" otherwise.
	text func(n *name) string
	// of appends to dst the writings of a pinyin syllable (none for one the table lacks).
	of func(dst []string, p string) []string
	// syllables holds of's writings of every pinyin syllable, made once (writings): names
	// write the same few hundred syllables again and again.
	once      sync.Once
	syllables map[string][]string
	// The key families (eachPinyinWritingKey): names in the script are filed under own, names
	// in pinyin under pinyin, each looked up by the other.
	own, pinyin byte
}

var pinyinWritings = [...]pinyinWriting{
	{method: "hangul_pinyin", text: hangulText, of: hangulOfPinyin, own: keyHangulPy, pinyin: keyPinyinHg},
	{method: "palladius", text: palladiusText, of: palladiusOfPinyin, own: keyCyrillicPy, pinyin: keyPinyinCyr},
}

// writings are the writings of a pinyin syllable (of), nil for one the table lacks.
func (pw *pinyinWriting) writings(p string) []string {
	pw.once.Do(func() {
		pw.syllables = map[string][]string{}
		for s := range pinyinSyllables() {
			if ws := pw.of(nil, s); len(ws) > 0 {
				pw.syllables[s] = ws
			}
		}
	})
	return pw.syllables[p]
}

// writeWord calls fn with each writing of a Latin word read as pinyin syllables, with what
// was written before it (prefix), as long as fn returns true; it returns false when fn did.
// want, when not "", is what the writings must begin: others are not followed.
func (pw *pinyinWriting) writeWord(w, prefix, want string, fn func(h string) bool) bool {
	if w == "" {
		return fn(prefix)
	}
	set := pinyinNameSyllables()
	node := int32(0)
	for n := 1; n <= len(w); n++ {
		c := w[n-1]
		if c < 'a' || c > 'z' {
			return true
		}
		if node = set.next[node][c-'a']; node == 0 {
			return true
		}
		if !set.end[node] {
			continue
		}
		for _, h := range pw.writings(w[:n]) {
			next := prefix + h
			if want != "" && !strings.HasPrefix(want, next) {
				continue
			}
			if !pw.writeWord(w[n:], next, want, fn) {
				return false
			}
		}
	}
	return true
}

// pinyinWords are the words of a name that is, or may be, written in pinyin: in Latin
// letters, at most four words as written (particles and letters among them: de, da and a
// are pinyin syllables too; a place keeps its spelling: Xizang, not Tibet), each spelt in
// pinyin syllables, and no legal form; or in Han characters, read in pinyin (习近平, xi
// jinping: Си Цзиньпин). nil for another name.
func pinyinWords(n *name) []string {
	if len(n.tokens) == 0 || len(n.tokens) > 4 {
		return nil
	}
	pinyin := func(w string) bool { return spelledIn(w, pinyinNameSyllables(), false) }
	switch {
	case n.latin:
		words := 0
		for w := range strings.FieldsSeq(n.normalized) { // most names are none: no allocation
			if words++; words > 4 || !pinyin(w) {
				return nil
			}
		}
		if words > 0 {
			return strings.Fields(n.normalized)
		}
	case n.chars != nil && !slices.ContainsFunc(n.tokens, func(t *token) bool { return t.script != "han" || t.kind != kindWord || !pinyin(t.text) }):
		ws := make([]string, len(n.tokens))
		for i, t := range n.tokens {
			ws[i] = t.text
		}
		return ws
	}
	return nil
}

// hangulText is the Hangul of a name written in Hangul alone, without its spaces; "" for
// other names.
func hangulText(n *name) string {
	if !n.hangul || len(n.tokens) > maxRunTokens {
		return ""
	}
	s := strings.ReplaceAll(n.normalized, " ", "")
	for _, r := range s {
		if r < 0xAC00 || r > 0xD7A3 {
			return ""
		}
	}
	return s
}

// palladiusText is the Cyrillic of a name of up to four words (particles and letters among
// them: Ван И is Wang Yi) written in Cyrillic letters alone, with no legal form, without its
// spaces; "" for other names.
func palladiusText(n *name) string {
	if len(n.tokens) == 0 || len(n.tokens) > 4 || n.latin || n.cjk {
		return ""
	}
	for _, t := range n.tokens {
		if t.kind == kindLegal || t.script != "cyrillic" {
			return ""
		}
	}
	s := strings.ReplaceAll(n.normalized, " ", "")
	for _, r := range s {
		if r < 'а' || r > 'я' {
			return ""
		}
	}
	return s
}

// align reports whether, of two names, one is written in the script and the other in pinyin
// written so is the same text, in the order of its words or with the first or last word
// moved to the other end (Xi Jinping, Jinping Xi ~ 시진핑, ~ Си Цзиньпин).
func (pw *pinyinWriting) align(a, b *name) bool {
	p, want := a, pw.text(b)
	if want == "" {
		p, want = b, pw.text(a)
	}
	if want == "" {
		return false
	}
	for _, ws := range familyOrders(pinyinWords(p)) {
		if len(ws) > 0 && pw.spells(ws, "", want) {
			return true
		}
	}
	return false
}

// spells reports whether words ws, written as pinyin after prefix, may spell want.
func (pw *pinyinWriting) spells(ws []string, prefix, want string) bool {
	if len(ws) == 0 {
		return prefix == want
	}
	found := false
	pw.writeWord(ws[0], prefix, want, func(h string) bool {
		found = pw.spells(ws[1:], h, want)
		return !found
	})
	return found
}

// pinyinWritingAlign is the method of the first writing by which two names align
// (pinyinWriting.align), "" if none does.
func pinyinWritingAlign(a, b *name) string {
	for i := range pinyinWritings {
		if pinyinWritings[i].align(a, b) {
			return pinyinWritings[i].method
		}
	}
	return ""
}

// maxPinyinWritingKeys bounds the writings eachPinyinWritingKey gives a name in each script.
const maxPinyinWritingKeys = 16

// eachPinyinWritingKey calls fn with the keys by which names pinyinWritingAlign pairs meet: a
// name in a writing's script is filed under its text (own), a name in pinyin under its
// writings (pinyin, up to maxPinyinWritingKeys in each script, in the orders align tries);
// a query looks each up under the other family.
func eachPinyinWritingKey(n *name, query bool, fn func(family byte, s string)) {
	py := pinyinWords(n)
	for i := range pinyinWritings {
		pw := &pinyinWritings[i]
		own, pinyin := pw.own, pw.pinyin
		if query {
			own, pinyin = pinyin, own
		}
		if t := pw.text(n); t != "" {
			fn(own, t)
			continue
		}
		if py == nil {
			continue
		}
		seen := map[string]bool{}
		var spell func(ws []string, prefix string) bool
		spell = func(ws []string, prefix string) bool {
			if len(ws) == 0 {
				if !seen[prefix] {
					seen[prefix] = true
					fn(pinyin, prefix)
				}
				return len(seen) < maxPinyinWritingKeys
			}
			return pw.writeWord(ws[0], prefix, "", func(h string) bool { return spell(ws[1:], h) })
		}
		for _, ws := range familyOrders(py) {
			if !spell(ws, "") {
				break
			}
		}
	}
}
