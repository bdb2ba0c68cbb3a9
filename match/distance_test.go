package match

import (
	"math/rand/v2"
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

// TestBoundedLevenshteinBand: the banded computation agrees with the whole table over
// random words of a small alphabet (where transpositions and near misses are common).
func TestBoundedLevenshteinBand(t *testing.T) {
	full := func(a, b []rune) int {
		d := make([][]int, len(a)+1)
		for i := range d {
			d[i] = make([]int, len(b)+1)
			d[i][0] = i
		}
		for j := range d[0] {
			d[0][j] = j
		}
		for i := 1; i <= len(a); i++ {
			for j := 1; j <= len(b); j++ {
				cost := 1
				if a[i-1] == b[j-1] {
					cost = 0
				}
				d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
				if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
					d[i][j] = min(d[i][j], d[i-2][j-2]+1)
				}
			}
		}
		return d[len(a)][len(b)]
	}
	r := rand.New(rand.NewPCG(1, 2))
	word := func() []rune {
		w := make([]rune, r.IntN(80))
		for i := range w {
			w[i] = rune('a' + r.IntN(3))
		}
		return w
	}
	for range 3000 {
		a, b := word(), word()
		if r.IntN(2) == 0 && len(a) > 0 { // a near copy
			b = slices.Clone(a)
			for range r.IntN(4) {
				b[r.IntN(len(b))] = rune('a' + r.IntN(3))
			}
		}
		want := full(a, b)
		for _, limit := range []int{0, 1, 2, 3, 5, 8, 100} {
			if got := boundedLevenshtein(a, b, limit); got != min(want, limit+1) {
				t.Fatalf("distance(%q, %q) bounded by %d = %d, want %d", string(a), string(b), limit, got, min(want, limit+1))
			}
		}
	}
}
