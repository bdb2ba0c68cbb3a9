package match

import (
	"slices"
	"strings"
	"sync"
)

// Chinese names were written in the Wade–Giles romanization before pinyin (Mao Tse-tung, Hsi
// Chin-ping), and Taiwanese names and firms still are, mostly (Kuo Tai-ming, Chung-Shan).
// Written without its apostrophes and umlauts, as names are, a Wade–Giles syllable may stand
// for several pinyin syllables: ch is zh, ch, j or q; p is b or p; t is d or t; k is g or k
// (chin is jin or qin, ping bing or ping, tung dong or tong). wadeGilesAlign reads a Latin name
// in those syllables and sets it against a name in Han or pinyin: Mao Tse-tung ~ 毛泽东 and ~ Mao
// Zedong, Hsi Chin-ping ~ Xi Jinping.
//
// The syllables are derived from pinyin's (pinyinSyllables) by the standard correspondences
// (wadeGiles), so every pinyin syllable has its Wade–Giles form.

// wadeGiles is a pinyin syllable in Wade–Giles without apostrophes or umlauts; "" when it has
// no Wade–Giles form (go-pinyin's interjections: hm, ng).
func wadeGiles(p string) string {
	switch p {
	case "zhi", "chi":
		return "chih"
	case "shi":
		return "shih"
	case "ri":
		return "jih"
	case "zi", "ci":
		return "tzu"
	case "si":
		return "ssu"
	case "er":
		return "erh"
	case "e":
		return "o"
	case "yi":
		return "i"
	case "you":
		return "yu"
	case "yan":
		return "yen"
	case "ye":
		return "yeh"
	case "yong":
		return "yung"
	case "yue":
		return "yueh"
	}
	if !strings.ContainsAny(p, "aeiouv") || strings.ContainsFunc(p, func(r rune) bool { return r > 'z' }) {
		return ""
	}
	initial := ""
	for _, i := range []string{"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"} {
		if strings.HasPrefix(p, i) {
			initial = i
			break
		}
	}
	final := p[len(initial):]
	switch {
	case final == "e" && (initial == "g" || initial == "k" || initial == "h"):
		final = "o" // ge ko, he ho
	case final == "ie":
		final = "ieh"
	case final == "ian":
		final = "ien"
	case final == "ong":
		final = "ung"
	case final == "iong":
		final = "iung"
	case final == "uo" && initial != "g" && initial != "k" && initial != "h" && initial != "sh":
		final = "o" // duo to, luo lo, zhuo cho; guo kuo, shuo shuo
	case final == "ui" && (initial == "g" || initial == "k"):
		final = "uei"
	case final == "ue" || final == "ve":
		final = "ueh" // xue hsueh, lve lueh
	case final == "v":
		final = "u" // lv lu (lü)
	}
	switch initial {
	case "b":
		initial = "p"
	case "d":
		initial = "t"
	case "g":
		initial = "k"
	case "j", "q", "zh":
		initial = "ch"
	case "x":
		initial = "hs"
	case "r":
		initial = "j"
	case "z", "c":
		initial = "ts"
	}
	return initial + final
}

var (
	wadeGilesOnce     sync.Once
	wadeGilesReadings map[string][]string // Wade–Giles syllable → the pinyin syllables it writes
)

// wadeGilesPinyin is the pinyin syllables a Wade–Giles syllable may write (nil: none).
func wadeGilesPinyin(w string) []string {
	wadeGilesOnce.Do(func() {
		wadeGilesReadings = map[string][]string{}
		for p := range pinyinSyllables() {
			if w := wadeGiles(p); w != "" {
				wadeGilesReadings[w] = append(wadeGilesReadings[w], p)
			}
		}
		wadeGilesReadings["szu"] = wadeGilesReadings["ssu"] // both are written
		for _, ps := range wadeGilesReadings {
			slices.Sort(ps)
		}
	})
	return wadeGilesReadings[w]
}

// wadeGilesName reports whether a name is written in Latin letters, every token a word that is
// a Wade–Giles syllable, and one of them at least no pinyin syllable (tse, hsi, chih, tung):
// without that, pinyin names that differ by aspiration alone (Ping, Bing) would be one name.
func wadeGilesName(n *name) bool {
	if !n.latin || len(n.tokens) == 0 || len(n.tokens) > maxRunTokens {
		return false
	}
	distinct := false
	for _, t := range n.tokens {
		if t.kind != kindWord || wadeGilesPinyin(t.text) == nil {
			return false
		}
		if !pinyinSyllables()[t.text] {
			distinct = true
		}
	}
	return distinct
}

// wadeGilesAlign reports whether one name, in Wade–Giles (wadeGilesName), reads as the other,
// in Han (its pinyin) or in Latin letters written without spaces, syllable by syllable in the
// order of its words or with the first or last word moved to the other end.
func wadeGilesAlign(a, b *name) bool {
	w, p := a, b
	if !wadeGilesName(w) {
		w, p = b, a
	}
	if p.joined == "" || p.joined == w.joined || !wadeGilesName(w) {
		return false
	}
	var fits func(ts []*token, s string) bool
	fits = func(ts []*token, s string) bool {
		if len(ts) == 0 {
			return s == ""
		}
		for _, py := range wadeGilesPinyin(ts[0].text) {
			if strings.HasPrefix(s, py) && fits(ts[1:], s[len(py):]) {
				return true
			}
		}
		return false
	}
	return slices.ContainsFunc(familyOrders(w.tokens), func(ts []*token) bool { return fits(ts, p.joined) })
}

// maxWadeGilesKeys bounds the pinyin spellings eachWadeGilesKey gives a name.
const maxWadeGilesKeys = 64

// eachWadeGilesKey calls fn with the pinyin spellings, written without spaces, of a name in
// Wade–Giles (wadeGilesName), in the orders wadeGilesAlign tries, up to maxWadeGilesKeys: the
// joined forms of the names in Han or pinyin it may be.
func eachWadeGilesKey(n *name, fn func(s string)) {
	if !wadeGilesName(n) {
		return
	}
	seen := map[string]bool{}
	var spell func(ts []*token, s string)
	spell = func(ts []*token, s string) {
		if len(seen) >= maxWadeGilesKeys {
			return
		}
		if len(ts) == 0 {
			if !seen[s] {
				seen[s] = true
				fn(s)
			}
			return
		}
		for _, py := range wadeGilesPinyin(ts[0].text) {
			spell(ts[1:], s+py)
		}
	}
	for _, ts := range familyOrders(n.tokens) {
		spell(ts, "")
	}
}
