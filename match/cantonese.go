package match

import (
	"strings"
	"sync"
)

// Names from Hong Kong and Macau, and many of the Chinese diaspora, are written in Latin
// letters as Cantonese says them, not as pinyin reads them: 陳大文 is Chan Tai Man, not Chen
// Dawen; 李嘉誠 is Li Ka-shing; 張學友 Cheung Hok-yau. The table (knowledge/han_readings.tsv,
// from Unihan's kCantonese) gives each character's readings in Jyutping, a phonetic
// romanization no one writes names in; cantoneseSpellings writes each as names write it, after
// the Hong Kong Government's romanization, which has no rules but usage: the unaspirated
// stops b, d, g written p, t, k (嘉, gaa: Ka); z and c written ch or ts (陳, can: Chan; 曾,
// zang: Tsang); s also sh (誠, sing: Shing); j written y (楊, joeng: Yeung); oe and eo written eu
// (張, zoeng: Cheung; 許, heoi: Hui); aa written a; u also oo (潘, pun: Poon); ei also ee and i
// (李, lei: Lee, Li); ou also o (高, gou: Ko); o also or (娥, ngo: Ngor); au also ow (周, zau:
// Chow); an also un (振, zan: Chun); yu written u or ue (朱, zyu: Chu; 袁, jyun: Yuen);
// z, c or s before i alone also tsz, sz, sze (子, zi: Tsz; 詩, si: Sze). readingsAlign compares
// a Latin name with a Han name's Cantonese readings as with its Korean and Japanese ones.

// cantoneseInitials are Jyutping's initials, longest first, and how names write each.
var cantoneseInitials = []struct {
	jyutping string
	written  []string
}{
	{"gw", []string{"kw"}}, {"kw", []string{"kw"}}, {"ng", []string{"ng"}},
	{"b", []string{"p"}}, {"p", []string{"p"}}, {"m", []string{"m"}}, {"f", []string{"f"}},
	{"d", []string{"t"}}, {"t", []string{"t"}}, {"n", []string{"n"}}, {"l", []string{"l"}},
	{"g", []string{"k"}}, {"k", []string{"k"}}, {"h", []string{"h"}}, {"w", []string{"w"}},
	{"z", []string{"ch", "ts"}}, {"c", []string{"ch", "ts"}}, {"s", []string{"s", "sh"}},
	{"j", []string{"y"}},
}

// cantoneseFinals are how names write a Jyutping final, where it is not written as it is.
var cantoneseFinals = map[string][]string{
	"aa": {"a"}, "aai": {"ai"}, "aau": {"au"}, "aam": {"am"}, "aan": {"an"}, "aang": {"ang"},
	"aap": {"ap"}, "aat": {"at"}, "aak": {"ak"},
	"an": {"an", "un"}, "au": {"au", "ow"},
	"ei": {"ei", "ee", "i"}, "i": {"i", "ee"}, "o": {"o", "oh", "or"}, "ou": {"ou", "o"},
	"u": {"u", "oo"}, "ui": {"ui", "ooi"}, "un": {"un", "oon"},
	"oe": {"oe", "eu"}, "oeng": {"eung"}, "oek": {"euk"}, "eoi": {"ui", "eui"}, "eon": {"un", "eun"},
	"eot": {"ut"}, "yu": {"u", "ue", "yu"}, "yun": {"un", "uen", "yun"}, "yut": {"ut", "uet"},
}

// cantoneseSpellings are the ways names write a syllable in Jyutping without its tone (see
// above), each once.
func cantoneseSpellings(jyutping string) []string {
	if jyutping == "m" || jyutping == "ng" { // syllabic nasals: 唔, 吳 (Ng)
		return []string{jyutping}
	}
	initials, final := []string{""}, jyutping
	for _, in := range cantoneseInitials {
		if rest, ok := strings.CutPrefix(jyutping, in.jyutping); ok && rest != "" {
			initials, final = in.written, rest
			break
		}
	}
	finals, ok := cantoneseFinals[final]
	if !ok {
		finals = []string{final}
	}
	var out []string
	add := func(s string) {
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	for _, in := range initials {
		for _, f := range finals {
			if in == "y" && strings.HasPrefix(f, "yu") {
				f = f[1:] // jyu, jyun: yu, yun, not yyu
			}
			add(in + f)
		}
	}
	if final == "i" && strings.ContainsAny(jyutping[:1], "zcs") {
		if jyutping[0] == 's' {
			add("sz")
			add("sze")
		} else {
			add("tsz")
			add("tze")
		}
	}
	return out
}

var (
	cantoneseOnce sync.Once
	cantoneseSet  *syllableSet
)

// cantoneseSyllables are the syllables of Cantonese as names write them (cantoneseSpellings of
// every reading of the table), for readingWord. The table's lines are read for their c= field
// alone: reading every character (hanReadingOf) would keep 30,000 of them in memory.
func cantoneseSyllables() *syllableSet {
	cantoneseOnce.Do(func() {
		jyutping := map[string]bool{}
		for rest := hanReadingsTSV; rest != ""; {
			var line string
			line, rest, _ = strings.Cut(rest, "\n")
			if _, c, ok := strings.Cut(line, "c="); ok && !strings.HasPrefix(line, "#") {
				c, _, _ = strings.Cut(c, " ")
				for _, r := range strings.Split(c, ",") {
					jyutping[r] = true
				}
			}
		}
		set := map[string]bool{}
		for r := range jyutping {
			for _, s := range cantoneseSpellings(r) {
				set[s] = true
			}
		}
		cantoneseSet = newSyllableSet(set)
	})
	return cantoneseSet
}
