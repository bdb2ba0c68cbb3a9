package match

import "testing"

// TestHangulFinals: a ㅅ, ㅆ, ㅈ or ㅊ that ends a syllable is said t; one before a vowel
// begins the next syllable and is kept.
func TestHangulFinals(t *testing.T) {
	for _, c := range []struct{ hangul, want string }{
		{"켓", "ket"}, {"데블렛", "debeulret"}, {"있다", "itda"}, {"낮", "nat"}, {"꽃", "ggot"},
		{"스콧", "seukot"}, {"샤샤", "syasya"}, {"씨", "ssi"}, {"치치", "chichi"}, {"차르", "chareu"},
	} {
		if got := hangulFinals(transliterate(c.hangul, "hangul")); got != c.want {
			t.Errorf("%s: %q, want %q", c.hangul, got, c.want)
		}
	}
}
