package par_test

import (
	"sync/atomic"
	"testing"

	"github.com/oversight-project/oversight/internal/par"
)

func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 1000} {
		seen := make([]atomic.Int32, n)
		par.Each(n, func(i int) { seen[i].Add(1) })
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("n=%d: item %d called %d times", n, i, c)
			}
		}
	}
}
