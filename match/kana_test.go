package match

import "testing"

func TestHepburn(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"コチェトコフ", "kochetokofu"}, // フ is fu, チェ che (unidecode: kochietokohu)
		{"キュッヘルベケル", "kyuhherubekeru"},
		{"ファ フィ フェ フォ", "fa fi fe fo"},
		{"ティ ディ トゥ ヴァ ウィ", "ti di tu va wi"},
		{"マーガレット", "magaretto"}, // ー dropped, ッ doubles
		{"サッチャー", "satcha"},     // ッ before ch is t
		{"ウラジーミル", "urajimiru"},
		{"やまだ たろう", "yamada tarou"}, // hiragana
		{"シャ ジュ チョ ニャ", "sha ju cho nya"},
		{"山田タロウ", "山田tarou"}, // other characters stay
		{"ッ", ""},
	} {
		if got := hepburn(tt.in); got != tt.want {
			t.Errorf("hepburn(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
