package match

import (
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

// nativeSpelling reports whether a Latin word is spelt in the syllables its language's own
// romanizations give the script's names: for Han, pinyin (pinyinNameSyllables) or one
// syllable of Wade–Giles (Chin, Sung, Hsi); for Hangul, the romanized Hangul syllables (after
// koreanFold, so McCune–Reischauer spellings count). Such a word is a Chinese or Korean name,
// compared by spelling: rendering by ear (sounds) is for foreign names, and among native
// names, whose syllables are few and alike, it would pair Wang Junzheng with 은정 장.
//
// A Chinese or Korean given name is two syllables, written as one word or two; a word that
// takes three or more, with three consonants its sound keeps, is a foreign name spelt so by
// chance (Mariana, ma-ri-a-na in pinyin's letters, 玛丽安娜; Washington, wa-sing-ton,
// 워싱턴) or names run together, and is not native: it is compared by ear too. (Three
// syllables of two such consonants are mostly vowels: Amira, Demoya would sound like too many
// renderings.)
func nativeSpelling(w, script string) bool { return nativeSyllables(w, script) > 0 }

// nativeSyllables is the number of syllables of a word nativeSpelling holds for (the fewest it
// is spelt in), 0 for any other.
func nativeSyllables(w, script string) int {
	var n int
	switch script {
	case "han":
		if wadeGilesPinyin(w) != nil {
			return 1 // a syllable in Wade–Giles: Chin, Sung, Hsi
		}
		n = syllablesIn(w, pinyinNameSyllables(), false)
	case "hangul":
		n = syllablesIn(koreanFold(w), hangulSyllables(), false)
	default:
		return 0
	}
	if n <= 0 || n > 2 && len(soundOf(spoken(w, "latin", bySyllables), bySyllables)) >= 3 {
		return 0
	}
	return n
}

var (
	pinyinOnce, hangulOnce sync.Once
	pinyinSet              map[string]bool
	hangulSet              *syllableSet
)

// pinyinSyllables is the set of the readings go-pinyin gives any Han character, without tones
// (knowledge/pinyin_syllables.tsv, which TestPinyinSyllables checks against go-pinyin: reading
// them from its dictionary took 54 ms at each start).
func pinyinSyllables() map[string]bool {
	pinyinOnce.Do(func() {
		data, err := knowledgeFS.ReadFile("knowledge/pinyin_syllables.tsv")
		if err != nil {
			panic(err) // embedded
		}
		pinyinSet = map[string]bool{}
		for _, line := range strings.Split(string(data), "\n") {
			if line != "" && !strings.HasPrefix(line, "#") {
				pinyinSet[line] = true
			}
		}
	})
	return pinyinSet
}

var (
	pinyinNamesOnce sync.Once
	pinyinNameSet   *syllableSet
)

// pinyinNameSyllables is pinyinSyllables without those that have no vowel (m, n, ng, hm, hng:
// the readings of interjections, 呣, 嗯, 哼), which write no one's name and would make Putin
// pu-ti-n.
func pinyinNameSyllables() *syllableSet {
	pinyinNamesOnce.Do(func() {
		set := map[string]bool{}
		for p := range pinyinSyllables() {
			if strings.ContainsAny(p, "aeiouvüê") {
				set[p] = true
			}
		}
		pinyinNameSet = newSyllableSet(set)
	})
	return pinyinNameSet
}

// goPinyinSyllables computes pinyinSyllables from go-pinyin's dictionary.
func goPinyinSyllables() map[string]bool {
	set := map[string]bool{}
	args := pinyin.NewArgs()
	args.Heteronym = true
	for r := range pinyin.PinyinDict {
		for _, rs := range pinyin.Pinyin(string(rune(r)), args) {
			for _, s := range rs {
				set[s] = true
			}
		}
	}
	return set
}

// hangulSyllables is the set of the Hangul syllables with no final consonant or one of the
// six that names end syllables with (ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ: Kim, Jin, Chol, Nam, Sup, Jong),
// romanized as Oversight reads them (transliterate) and folded by hangulFold. Rarer finals
// and clusters (ㄽ: 랈, rals) would make almost any word a sequence of syllables.
func hangulSyllables() *syllableSet {
	hangulOnce.Do(func() { hangulSet = newSyllableSet(foldedHangulSyllables([]int{0, 1, 4, 8, 16, 17, 21}, false)) })
	return hangulSet
}

// foldedHangulSyllables is the set of the Hangul syllables whose final consonant (0 for none)
// is one of finals, romanized as Oversight reads them (transliterate) and folded by hangulFold
// (which writes ㅊ ch, as romanizations do and koreanFold folds with ㅈ's j, where unidecode
// writes c: a Latin word with another c, Nicole, Jacobson, is then spelt in none of them);
// with eoU, also each written with u for ㅓ (koreanU).
func foldedHangulSyllables(finals []int, eoU bool) map[string]bool {
	set := map[string]bool{}
	for lv := range 19 * 21 {
		for _, t := range finals {
			rr := transliterate(string(rune(0xAC00+lv*28+t)), "hangul")
			set[hangulFold(rr)] = true
			if eoU {
				set[hangulFold(eoAsU(rr))] = true
			}
		}
	}
	return set
}
