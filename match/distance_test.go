package match

import "testing"

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
