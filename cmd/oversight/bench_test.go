package main

import (
	"os"
	"regexp"
	"strconv"
	"testing"
)

// TestBenchYente screens the yente fixtures against the real lists in ../shared, when they are
// there, and holds the matcher to what it achieved when the fixtures were added: almost every
// listed name found, and false alarms on generated names of people on no list rare. (Sound keys
// of two consonants once raised the false alarms on the global names from 0.6% to 16%.)
func TestBenchYente(t *testing.T) {
	if _, err := os.Stat("../../../shared/data/eval/yente_negatives_global_1k.csv"); err != nil {
		t.Skip("no ../shared/data/eval here")
	}
	out, stderr, code := run(t, t.TempDir(), "", "bench", "yente",
		"--dir", "../../../shared/data/eval", "--lists", "../../../shared/data/watchlists")
	if code != 0 {
		t.Fatalf("bench yente: %d %s", code, stderr)
	}
	for file, want := range map[string][2]float64{
		"yente_positives_un_untreated.csv": {0.99, 1},
		"yente_positives_un_treated.csv":   {0.9, 1},
		"yente_negatives_global_1k.csv":    {0, 0.015},
		"yente_negatives_us_1k.csv":        {0, 0.01},
	} {
		m := regexp.MustCompile(regexp.QuoteMeta(file) + `\s+\d+\s+\d+\s+([0-9.]+)`).FindStringSubmatch(out)
		if m == nil {
			t.Errorf("no row for %s:\n%s", file, out)
			continue
		}
		if share, _ := strconv.ParseFloat(m[1], 64); share < want[0] || share > want[1] {
			t.Errorf("%s: share %v, want %v to %v", file, share, want[0], want[1])
		}
	}
}
