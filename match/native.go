package match

import (
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
	"github.com/mozillazg/go-unidecode"
)

// nativeSpelling reports whether a Latin word is spelt in the syllables its language's own
// romanization gives the script's names: pinyin for Han, the romanized Hangul syllables (after
// koreanFold, so McCune–Reischauer spellings count) for Hangul. Such a word is a Chinese or
// Korean name, compared by spelling: rendering by ear (sounds) is for foreign names, and among
// native names, whose syllables are few and alike, it would pair Wang Junzheng with 은정 장.
func nativeSpelling(w, script string) bool {
	var set map[string]bool
	switch script {
	case "han":
		set = pinyinSyllables()
	case "hangul":
		set = hangulSyllables()
		w = koreanFold(w)
	default:
		return false
	}
	if w == "" {
		return false
	}
	// ok[i]: w[:i] is a sequence of syllables.
	ok := make([]bool, len(w)+1)
	ok[0] = true
	for i := range len(w) {
		if !ok[i] {
			continue
		}
		for j := i + 1; j <= len(w) && j <= i+maxSyllable; j++ {
			if set[w[i:j]] {
				ok[j] = true
			}
		}
	}
	return ok[len(w)]
}

const maxSyllable = 6 // zhuang, chuang; 뷁 is bwelg

var (
	pinyinOnce, hangulOnce sync.Once
	pinyinSet, hangulSet   map[string]bool
)

// pinyinSyllables is the set of the readings go-pinyin gives any Han character, without tones.
func pinyinSyllables() map[string]bool {
	pinyinOnce.Do(func() {
		pinyinSet = map[string]bool{}
		args := pinyin.NewArgs()
		args.Heteronym = true
		for r := range pinyin.PinyinDict {
			for _, rs := range pinyin.Pinyin(string(rune(r)), args) {
				for _, s := range rs {
					pinyinSet[s] = true
				}
			}
		}
	})
	return pinyinSet
}

// hangulSyllables is the set of the Hangul syllables with no final consonant or one of the
// six that names end syllables with (ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ: Kim, Jin, Chol, Nam, Sup, Jong),
// romanized as Oversight reads them (transliterate) and folded by koreanFold. Rarer finals
// and clusters (ㄽ: 랈, rals) would make almost any word a sequence of syllables.
func hangulSyllables() map[string]bool {
	hangulOnce.Do(func() {
		hangulSet = map[string]bool{}
		for lv := range 19 * 21 {
			for _, t := range []int{0, 1, 4, 8, 16, 17, 21} {
				r := rune(0xAC00 + lv*28 + t)
				hangulSet[koreanFold(strings.ToLower(unidecode.Unidecode(string(r))))] = true
			}
		}
	})
	return hangulSet
}
