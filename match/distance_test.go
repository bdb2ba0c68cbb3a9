package match

import (
	"slices"
	"strings"
	"testing"
)

func TestBoundedLevenshtein(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"apple", "appel", 1}, {"kitten", "sitting", 3}, {"abc", "", 3}, {"上海市", "上海", 1}, {"hikvision", "hikvisoin", 1}} {
		if d := boundedLevenshtein([]rune(tc.a), []rune(tc.b), 10); d != tc.d {
			t.Errorf("distance(%q, %q)=%d, want %d", tc.a, tc.b, d, tc.d)
		}
	}
	// A bound only cuts: the answer is the full distance, or limit+1 when that is larger.
	words := []string{"alexander", "aleksandr", "alexandre", "sasha", "shanghai", "shenzhen", "jeong", "jong", "chung", "a", "", "husayn", "hussein", "abcdefghij", "jihgfedcba"}
	for _, a := range words {
		for _, b := range words {
			ra, rb := []rune(a), []rune(b)
			full := boundedLevenshtein(ra, rb, max(len(ra), len(rb)))
			for limit := 0; limit <= 10; limit++ {
				if got := boundedLevenshtein(ra, rb, limit); got != min(full, limit+1) {
					t.Errorf("distance(%q, %q) bounded by %d = %d, want %d", a, b, limit, got, min(full, limit+1))
				}
			}
		}
	}
}

// TestWhollyOneEdit: whollyOneEdit agrees with boundedLevenshtein over the names written
// without spaces.
func TestWhollyOneEdit(t *testing.T) {
	k := DefaultKnowledge()
	base := []string{"Bonyad Eastern Railway Company", "Oman Fuel Trading Ltd", "Карл Маркс Штрассе Альфа", "ab cdefghijkl mn"}
	for _, s := range base {
		rs := []rune(s)
		var variants []string
		for i := range rs {
			variants = append(variants, string(rs[:i])+string(rs[i+1:]), string(rs[:i])+"x"+string(rs[i:]), string(rs[:i])+"é"+string(rs[i+1:]))
			if i+1 < len(rs) {
				sw := slices.Clone(rs)
				sw[i], sw[i+1] = sw[i+1], sw[i]
				variants = append(variants, string(sw))
			}
		}
		variants = append(variants, s+"xy", "xy"+s, strings.ReplaceAll(s, " ", ""), strings.ToUpper(s))
		for _, v := range variants {
			a, b := k.analyze(s), k.analyze(v)
			ra := []rune(strings.ReplaceAll(a.normalized, " ", ""))
			rb := []rune(strings.ReplaceAll(b.normalized, " ", ""))
			want := min(len(ra), len(rb)) >= minTypoLetters && boundedLevenshtein(ra, rb, 1) <= 1
			if got := whollyOneEdit(a, b); got != want {
				t.Errorf("whollyOneEdit(%q, %q)=%v, want %v", s, v, got, want)
			}
			if got := whollyOneEdit(b, a); got != want {
				t.Errorf("whollyOneEdit(%q, %q)=%v, want %v", v, s, got, want)
			}
		}
	}
}
