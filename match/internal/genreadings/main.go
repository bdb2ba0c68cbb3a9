// Command genreadings writes match/knowledge/han_readings.tsv from the Unicode Han Database
// (Unihan_Readings.txt, as Debian's unicode-data package ships it in
// /usr/share/unicode/Unihan_Readings.txt.bz2): for each Han character with a Korean, a
// Japanese or a Cantonese reading, its Korean readings in Hangul (kHangul), its Japanese kun
// and on readings (kJapaneseKun, kJapaneseOn), lower-cased, and its Cantonese readings in
// Jyutping without their tones (kCantonese).
//
//	go run ./match/internal/genreadings /usr/share/unicode/Unihan_Readings.txt.bz2 > match/knowledge/han_readings.tsv
package main

import (
	"io"
	"slices"
	"strings"

	"github.com/oversight-project/oversight/match/internal/unihan"
)

func main() { unihan.Main("genreadings", "Unihan_Readings.txt[.bz2]", run) }

type readings struct{ ko, ja, yue []string }

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
		case "kCantonese": // can4 — the syllable, then its tone
			for _, v := range strings.Fields(value) {
				rd.yue = append(rd.yue, strings.TrimRight(v, "0123456789"))
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
	rows := map[rune]string{}
	for c, rd := range byChar {
		var parts []string
		if len(rd.ko) > 0 {
			parts = append(parts, "k="+strings.Join(slices.Compact(rd.ko), ","))
		}
		if len(rd.ja) > 0 {
			slices.Sort(rd.ja)
			parts = append(parts, "j="+strings.Join(slices.Compact(rd.ja), ","))
		}
		if len(rd.yue) > 0 {
			slices.Sort(rd.yue)
			parts = append(parts, "c="+strings.Join(slices.Compact(rd.yue), ","))
		}
		rows[c] = strings.Join(parts, " ")
	}
	return unihan.WriteTable(out, []string{
		"Korean, Japanese and Cantonese readings of Han characters, from the Unicode Han Database",
		"(Unihan_Readings.txt, " + date + "; Unicode License, https://www.unicode.org/license.txt),",
		"written by match/internal/genreadings. character<TAB>k=Hangul readings (kHangul) j=Japanese",
		"kun and on readings (kJapaneseKun, kJapaneseOn), lower-cased, c=Cantonese readings in",
		"Jyutping without tones (kCantonese); any may be missing.",
	}, rows)
}
