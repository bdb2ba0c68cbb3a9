package match

import (
	"slices"
	"testing"
)

func TestWadeGiles(t *testing.T) {
	for _, tt := range []struct{ pinyin, want string }{
		{"ze", "tse"}, {"dong", "tung"}, {"xi", "hsi"}, {"jin", "chin"}, {"ping", "ping"},
		{"zhi", "chih"}, {"shi", "shih"}, {"ri", "jih"}, {"zi", "tzu"}, {"si", "ssu"},
		{"ge", "ko"}, {"he", "ho"}, {"de", "te"}, {"zhe", "che"},
		{"jie", "chieh"}, {"xian", "hsien"}, {"xiong", "hsiung"}, {"guo", "kuo"}, {"duo", "to"},
		{"shuo", "shuo"}, {"gui", "kuei"}, {"hui", "hui"}, {"xue", "hsueh"}, {"lv", "lu"},
		{"yan", "yen"}, {"you", "yu"}, {"er", "erh"}, {"rong", "jung"}, {"cai", "tsai"},
	} {
		if got := wadeGiles(tt.pinyin); got != tt.want {
			t.Errorf("wadeGiles(%q) = %q, want %q", tt.pinyin, got, tt.want)
		}
	}
	// Every pinyin syllable with vowels has a form, and reads back.
	for p := range pinyinSyllables() {
		if w := wadeGiles(p); w != "" && !slices.Contains(wadeGilesPinyin(w), p) {
			t.Errorf("%q: Wade–Giles %q does not read back", p, w)
		}
	}
	if got := wadeGilesPinyin("chin"); !slices.Contains(got, "jin") || !slices.Contains(got, "qin") {
		t.Errorf("chin reads %v, want jin and qin among them", got)
	}
}

func TestWadeGilesAlign(t *testing.T) {
	k := DefaultKnowledge()
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Mao Tse-tung", "毛泽东", true},
		{"Mao Tse-tung", "Mao Zedong", true},
		{"Hsi Chin-ping", "Xi Jinping", true},
		{"Tse-tung Mao", "毛泽东", true}, // family name last
		{"Mao Tse-tung", "Mao Zetian", false},
		{"Li Peng", "Li Beng", false}, // pinyin on both sides: no Wade–Giles syllable
		{"Hsi Chin-ping", "Shi Jinping", false},
	} {
		if got := wadeGilesAlign(k.analyze(tt.a), k.analyze(tt.b)); got != tt.want {
			t.Errorf("wadeGilesAlign(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
