package match

import (
	"strings"
	"testing"
)

// TestShinjitai: every row of han_shinjitai.tsv gives a Japanese form, its traditional form
// and a Chinese form, the one han_simplified.tsv gives the traditional form where it gives
// one; and simplify reads the Japanese form so.
func TestShinjitai(t *testing.T) {
	k := DefaultKnowledge()
	trad := map[string]string{}
	readTSV("knowledge/han_simplified.tsv", func(a, b string) { trad[a] = b })
	rows := 0
	readTSV("knowledge/han_shinjitai.tsv", func(j, forms string) {
		rows++
		f := strings.Split(forms, "\t")
		if len(f) != 2 || len([]rune(j)) != 1 || len([]rune(f[0])) != 1 || len([]rune(f[1])) != 1 {
			t.Errorf("han_shinjitai.tsv: bad row %q %q", j, forms)
			return
		}
		if s, ok := trad[f[0]]; ok && s != f[1] {
			t.Errorf("%s: traditional %s is %s in han_simplified.tsv, not %s", j, f[0], s, f[1])
		}
		if got, _ := k.simplify([]rune(j)); string(got) != f[1] {
			t.Errorf("simplify(%s) = %s, want %s", j, string(got), f[1])
		}
	})
	if rows < 100 {
		t.Errorf("han_shinjitai.tsv: %d rows", rows)
	}
}
