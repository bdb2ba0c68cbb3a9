package match

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgChinese(t *testing.T) {
	data, _ := os.ReadFile("../../shared/data/eval/netranslit_wikidata/wd_chinese_20.tsv")
	k := DefaultKnowledge()
	cats := map[string]int{}
	shown := map[string]int{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		lat, han := f[0], strings.ReplaceAll(f[1], " ", "")
		a, b := k.analyze(lat), k.analyze(han)
		if len(a.tokens) != 1 || len(b.tokens) != 1 {
			cats["multi"]++
			continue
		}
		x, y := a.tokens[0], b.tokens[0]
		if tokenSim(x, y) >= 0.9 {
			cats["hit"]++
			continue
		}
		ys := y.sounds[bySyllables]
		keys := append([]string{x.sounds[bySyllables]}, x.soundAlt[:]...)
		eq := false
		for _, kk := range keys {
			if kk != "" && kk == ys {
				eq = true
			}
		}
		c := "keys differ"
		if eq {
			c = "keys equal"
			if !soundSays(x, y, ys, bySyllables) {
				c += ", too short"
			} else if !byEar(x.text, x.script, y.text, y.script, bySyllables) {
				c += ", not by ear"
			} else if native(x, y) {
				c += ", native"
			}
		}
		cats[c]++
		if shown[c] < 25 {
			shown[c]++
			fmt.Printf("%-22s %-14s %-12s %-20s lat=%v han=%s\n", c, lat, han, y.text, keys, ys)
		}
	}
	fmt.Println(cats)
}
