// Command genreadings writes match/knowledge/han_readings.tsv from the Unicode Han Database
// (Unihan_Readings.txt, as Debian's unicode-data package ships it in
// /usr/share/unicode/Unihan_Readings.txt.bz2): for each Han character with a Korean or a
// Japanese reading, its Korean readings in Hangul (kHangul) and its Japanese kun and on
// readings (kJapaneseKun, kJapaneseOn), lower-cased.
//
//	go run ./match/internal/genreadings /usr/share/unicode/Unihan_Readings.txt.bz2 > match/knowledge/han_readings.tsv
package main

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/oversight-project/oversight/match/internal/unihan"
)

func main() { unihan.Main("genreadings", run) }

type readings struct{ ko, ja []string }

func run(path string, out io.Writer) error {
	byChar := map[rune]*readings{}
	date, err := unihan.Read(path, func(c rune, field, value string) error {
		rd := byChar[c]
		if rd == nil {
			rd = &readings{}
		}
		switch field {
		case "kHangul": // 금:0E 김:0N — the syllable, then its sources
			for _, v := range strings.Fields(value) {
				h, _, _ := strings.Cut(v, ":")
				rd.ko = append(rd.ko, h)
			}
		case "kJapaneseKun", "kJapaneseOn":
			for _, v := range strings.Fields(value) {
				rd.ja = append(rd.ja, strings.ToLower(v))
			}
		default:
			return nil
		}
		byChar[c] = rd
		return nil
	})
	if err != nil {
		return err
	}
	chars := slices.Sorted(maps.Keys(byChar))
	w := bufio.NewWriter(out)
	fmt.Fprintf(w, "# Korean and Japanese readings of Han characters, from the Unicode Han Database\n")
	fmt.Fprintf(w, "# (Unihan_Readings.txt, %s; Unicode License, https://www.unicode.org/license.txt),\n", date)
	fmt.Fprintf(w, "# written by match/internal/genreadings. character<TAB>k=Hangul readings (kHangul) j=Japanese\n")
	fmt.Fprintf(w, "# kun and on readings (kJapaneseKun, kJapaneseOn), lower-cased; either may be missing.\n")
	for _, c := range chars {
		rd := byChar[c]
		var parts []string
		if len(rd.ko) > 0 {
			parts = append(parts, "k="+strings.Join(slices.Compact(rd.ko), ","))
		}
		if len(rd.ja) > 0 {
			slices.Sort(rd.ja)
			parts = append(parts, "j="+strings.Join(slices.Compact(rd.ja), ","))
		}
		fmt.Fprintf(w, "%c\t%s\n", c, strings.Join(parts, " "))
	}
	return w.Flush()
}
