package match

import "strings"

// Kana are read in the modern Hepburn romanization, as Japanese passports write names
// (Ministry of Foreign Affairs, ヘボン式ローマ字綴方表), with the katakana combinations that
// write foreign sounds (the Cabinet notice 外来語の表記, 1991: ファ fa, ティ ti, チェ che,
// ヴァ va, ウィ wi …). unidecode read kana one by one in the Kunrei manner: フ hu, so コチェトコフ
// (Kochetkov) was kochietokohu, and the small kana as full syllables (キュ kiyu, ティ tei).
//
// The long-vowel mark ー is dropped, as passports drop long vowels (Ōno is Ono): ウラジーミル is
// urajimiru. The small tsu doubles the consonant after it (マーガレット, magaretto; ッチ, tchi). ン
// is n before every letter (sound keys fold m and n).

// hepburn is kana text in modern Hepburn; other characters stay as they are.
func hepburn(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		if r >= 'ぁ' && r <= 'ゖ' { // hiragana to katakana
			rs[i] = r + 0x60
		}
	}
	var b strings.Builder
	double := false // a small tsu came before
	for i := 0; i < len(rs); {
		r := rs[i]
		var syl string
		n := 0
		if i+1 < len(rs) {
			if s, ok := kanaPairs[string(rs[i:i+2])]; ok {
				syl, n = s, 2
			}
		}
		if n == 0 {
			if s, ok := kanaSingles[r]; ok {
				syl, n = s, 1
			}
		}
		switch {
		case r == 'ッ':
			double = true
			i++
			continue
		case r == 'ー':
			i++
			continue
		case n == 0:
			b.WriteRune(r)
			double = false
			i++
			continue
		}
		if double && syl[0] != 'n' && !strings.ContainsRune("aeiou", rune(syl[0])) {
			if strings.HasPrefix(syl, "ch") {
				b.WriteByte('t')
			} else {
				b.WriteByte(syl[0])
			}
		}
		double = false
		b.WriteString(syl)
		i += n
	}
	return b.String()
}

// kanaSingles are the katakana read alone.
var kanaSingles = func() map[rune]string {
	m := map[rune]string{}
	rows := []struct {
		kana string
		syl  []string
	}{
		{"アイウエオ", []string{"a", "i", "u", "e", "o"}},
		{"ァィゥェォ", []string{"a", "i", "u", "e", "o"}},
		{"カキクケコ", []string{"ka", "ki", "ku", "ke", "ko"}},
		{"ガギグゲゴ", []string{"ga", "gi", "gu", "ge", "go"}},
		{"サシスセソ", []string{"sa", "shi", "su", "se", "so"}},
		{"ザジズゼゾ", []string{"za", "ji", "zu", "ze", "zo"}},
		{"タチツテト", []string{"ta", "chi", "tsu", "te", "to"}},
		{"ダヂヅデド", []string{"da", "ji", "zu", "de", "do"}},
		{"ナニヌネノ", []string{"na", "ni", "nu", "ne", "no"}},
		{"ハヒフヘホ", []string{"ha", "hi", "fu", "he", "ho"}},
		{"バビブベボ", []string{"ba", "bi", "bu", "be", "bo"}},
		{"パピプペポ", []string{"pa", "pi", "pu", "pe", "po"}},
		{"マミムメモ", []string{"ma", "mi", "mu", "me", "mo"}},
		{"ヤユヨ", []string{"ya", "yu", "yo"}},
		{"ャュョ", []string{"ya", "yu", "yo"}},
		{"ラリルレロ", []string{"ra", "ri", "ru", "re", "ro"}},
		{"ワヰヱヲ", []string{"wa", "i", "e", "o"}},
		{"ヮ", []string{"wa"}},
		{"ン", []string{"n"}},
		{"ヴ", []string{"vu"}},
		{"ヵヶ", []string{"ka", "ke"}},
	}
	for _, row := range rows {
		for i, r := range []rune(row.kana) {
			m[r] = row.syl[i]
		}
	}
	return m
}()

// kanaPairs are a kana and the small kana after it that together write one syllable.
var kanaPairs = func() map[string]string {
	m := map[string]string{}
	// A consonant with small ya, yu, yo (yōon).
	for _, c := range []struct{ kana, hep string }{
		{"キ", "ky"}, {"ギ", "gy"}, {"シ", "sh"}, {"ジ", "j"}, {"チ", "ch"}, {"ヂ", "j"},
		{"ニ", "ny"}, {"ヒ", "hy"}, {"ビ", "by"}, {"ピ", "py"}, {"ミ", "my"}, {"リ", "ry"},
		{"フ", "fy"}, {"ヴ", "vy"}, {"テ", "ty"}, {"デ", "dy"},
	} {
		for i, small := range []rune("ャュョ") {
			m[c.kana+string(small)] = c.hep + []string{"a", "u", "o"}[i]
		}
	}
	// Foreign sounds (外来語の表記).
	for k, v := range map[string]string{
		"シェ": "she", "ジェ": "je", "チェ": "che", "イェ": "ye",
		"ティ": "ti", "ディ": "di", "トゥ": "tu", "ドゥ": "du",
		"ツァ": "tsa", "ツィ": "tsi", "ツェ": "tse", "ツォ": "tso",
		"ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo",
		"ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo",
		"ウィ": "wi", "ウェ": "we", "ウォ": "wo",
		"クァ": "kwa", "クィ": "kwi", "クェ": "kwe", "クォ": "kwo", "グァ": "gwa",
		"スィ": "si", "ズィ": "zi",
	} {
		m[k] = v
	}
	return m
}()
