package match

import (
	"strings"
	"unicode/utf8"
)

// Korean writes Chinese names by their Mandarin sounds (习近平 is 시진핑, 毛泽东 마오쩌둥, 重庆
// 충칭), by the rules of the National Institute of Korean Language (외래어 표기법, Ministry of
// Culture notice: table 5, 중국어의 주음 부호와 한글 대조표, and chapter 3 section 7, 중국어의
// 표기): each pinyin initial is one Hangul consonant (x ㅅ, q ㅊ, z ㅉ, s ㅆ), each final one
// Hangul vowel with its final consonant, or two syllables (ao 아오, ou 어우, ai 아이), and after
// ㅈ, ㅉ and ㅊ the vowels ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ are written ㅏ ㅐ ㅓ ㅔ ㅗ ㅜ (jia 자, jie 제, qiu 추). The
// Revised Romanization of those syllables (si-jin-ping, ma-o-jjeo-dung, ri-keo-chang) is no
// pinyin spelling, so a name in pinyin and its Hangul do not meet by sound: hangulPinyinAlign
// writes the pinyin name in Hangul by those rules and sets the two side by side.

// pinyinInitials are the pinyin initials, two-letter ones first, with their Hangul consonants
// (the position of the consonant among Hangul's 19 initials).
var pinyinInitials = []struct {
	pinyin string
	jamo   int
}{
	{"zh", 12}, {"ch", 14}, {"sh", 9},
	{"b", 7}, {"p", 17}, {"m", 6}, {"f", 17}, {"d", 3}, {"t", 16}, {"n", 2}, {"l", 5},
	{"g", 0}, {"k", 15}, {"h", 18}, {"j", 12}, {"q", 14}, {"x", 9}, {"r", 5},
	{"z", 13}, {"c", 14}, {"s", 10},
}

// pinyinFinals are the finals after an initial, in Hangul with ㅇ for the initial (ü written
// v, as go-pinyin writes it: lv, nve).
var pinyinFinals = map[string]string{
	"a": "아", "o": "오", "e": "어", "ai": "아이", "ei": "에이", "ao": "아오", "ou": "어우",
	"an": "안", "en": "언", "ang": "앙", "eng": "엉", "ong": "웅",
	"i": "이", "ia": "야", "iao": "야오", "ie": "예", "iu": "유", "ian": "옌", "in": "인",
	"iang": "양", "ing": "잉", "iong": "융",
	"u": "우", "ua": "와", "uo": "워", "uai": "와이", "ui": "우이", "uan": "완", "un": "운", "uang": "왕",
	"v": "위", "ve": "웨", "van": "위안", "vn": "윈",
}

// pinyinAlone are the syllables with no initial, as pinyin spells them (with y and w).
var pinyinAlone = map[string]string{
	"a": "아", "o": "오", "e": "어", "ai": "아이", "ei": "에이", "ao": "아오", "ou": "어우",
	"an": "안", "en": "언", "ang": "앙", "eng": "엉", "er": "얼",
	"yi": "이", "ya": "야", "yo": "요", "ye": "예", "yao": "야오", "you": "유", "yan": "옌",
	"yin": "인", "yang": "양", "ying": "잉", "yong": "융",
	"wu": "우", "wa": "와", "wo": "워", "wai": "와이", "wei": "웨이", "wan": "완", "wen": "원",
	"wang": "왕", "weng": "웡",
	"yu": "위", "yue": "웨", "yuan": "위안", "yun": "윈",
}

// hangulOfPinyin appends to dst the Hangul a pinyin syllable is written in (two for lu, nu,
// lue and nue, which names write for lü and lüe as well), and returns it; dst unchanged for
// a syllable the rules do not write.
func hangulOfPinyin(dst []string, p string) []string {
	if h, ok := pinyinAlone[p]; ok {
		return append(dst, h)
	}
	for _, in := range pinyinInitials {
		if !strings.HasPrefix(p, in.pinyin) {
			continue
		}
		final := p[len(in.pinyin):]
		switch in.pinyin {
		case "zh", "ch", "sh", "r", "z", "c", "s":
			if final == "i" {
				return append(dst, withInitial("으", in.jamo))
			}
		case "j", "q", "x":
			if strings.HasPrefix(final, "u") {
				final = "v" + final[1:] // ju, que, xuan, jun: ü
			}
		case "l", "n":
			if final == "u" || final == "ue" {
				dst = appendFinal(dst, "v"+final[1:], in.jamo)
			}
		}
		return appendFinal(dst, final, in.jamo)
	}
	return dst
}

func appendFinal(dst []string, final string, jamo int) []string {
	if h, ok := pinyinFinals[final]; ok {
		return append(dst, withInitial(h, jamo))
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

// hangulOfPinyinWord calls fn with each Hangul writing of a Latin word read as pinyin
// syllables, with the Hangul written before it (prefix), as long as fn returns true; it
// returns false when fn did. want, when not "", is the Hangul the writings must begin: others
// are not followed.
func hangulOfPinyinWord(w, prefix, want string, fn func(h string) bool) bool {
	if w == "" {
		return fn(prefix)
	}
	set := pinyinNameSyllables()
	var buf [2]string
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
		for _, h := range hangulOfPinyin(buf[:0], w[:n]) {
			next := prefix + h
			if want != "" && !strings.HasPrefix(want, next) {
				continue
			}
			if !hangulOfPinyinWord(w[n:], next, want, fn) {
				return false
			}
		}
	}
	return true
}

// pinyinName reports whether a name may be written in pinyin: in Latin letters, of at most
// four words, each spelt in pinyin syllables, and nothing else.
func pinyinName(n *name) bool {
	if !n.latin || len(n.tokens) == 0 || len(n.tokens) > 4 {
		return false
	}
	for _, t := range n.tokens {
		if t.kind != kindWord || !spelledIn(t.text, pinyinNameSyllables(), false) {
			return false
		}
	}
	return true
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

// hangulPinyinAlign reports whether, of two names, one is in Hangul and the other in pinyin
// written in Hangul by the rules above (hangulOfPinyin) is the same Hangul, in the order of
// its words or with the first or last word moved to the other end (Xi Jinping, Jinping Xi ~
// 시진핑; Mao Zedong ~ 마오쩌둥).
func hangulPinyinAlign(a, b *name) bool {
	h, p := a, b
	if !h.hangul {
		h, p = b, a
	}
	want := hangulText(h)
	if want == "" || !pinyinName(p) {
		return false
	}
	for _, ts := range familyOrders(p.tokens) {
		if spellsHangul(ts, "", want) {
			return true
		}
	}
	return false
}

// spellsHangul reports whether words ts, written in Hangul as pinyin after prefix, may spell
// want.
func spellsHangul(ts []*token, prefix, want string) bool {
	if len(ts) == 0 {
		return prefix == want
	}
	found := false
	hangulOfPinyinWord(ts[0].text, prefix, want, func(h string) bool {
		found = spellsHangul(ts[1:], h, want)
		return !found
	})
	return found
}

// maxHangulPinyinKeys bounds the Hangul writings eachHangulPinyinKey gives a name.
const maxHangulPinyinKeys = 16

// eachHangulPinyinKey calls fn with the keys by which names hangulPinyinAlign pairs meet: a
// name in Hangul's Hangul (hangulText, hangul true), and a name in pinyin's Hangul writings,
// in the orders hangulPinyinAlign tries, up to maxHangulPinyinKeys.
func eachHangulPinyinKey(n *name, fn func(hangul bool, s string)) {
	if h := hangulText(n); h != "" {
		fn(true, h)
		return
	}
	if !pinyinName(n) {
		return
	}
	seen := map[string]bool{}
	var spell func(ts []*token, prefix string) bool
	spell = func(ts []*token, prefix string) bool {
		if len(ts) == 0 {
			if !seen[prefix] {
				seen[prefix] = true
				fn(false, prefix)
			}
			return len(seen) < maxHangulPinyinKeys
		}
		return hangulOfPinyinWord(ts[0].text, prefix, "", func(h string) bool { return spell(ts[1:], h) })
	}
	for _, ts := range familyOrders(n.tokens) {
		if !spell(ts, "") {
			return
		}
	}
}
