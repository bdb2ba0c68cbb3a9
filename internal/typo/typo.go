// Package typo makes the one-edit misspellings the matcher's benchmarks search for.
package typo

import "math/rand/v2"

// OneEdit returns s with one edit chosen by rng: a letter dropped, doubled, replaced by a
// random letter a–z, or swapped with the next. Names of fewer than four letters are returned
// unchanged with ok false.
func OneEdit(rng *rand.Rand, s string) (string, bool) {
	rs := []rune(s)
	if len(rs) < 4 {
		return s, false
	}
	i := rng.IntN(len(rs) - 1)
	switch rng.IntN(4) {
	case 0:
		rs = append(rs[:i:i], rs[i+1:]...)
	case 1:
		rs = append(rs[:i+1:i+1], rs[i:]...)
	case 2:
		rs[i] = rune('a' + rng.IntN(26))
	case 3:
		rs[i], rs[i+1] = rs[i+1], rs[i]
	}
	return string(rs), true
}
