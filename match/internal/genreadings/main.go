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
	"compress/bzip2"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genreadings Unihan_Readings.txt[.bz2]")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "genreadings:", err)
		os.Exit(1)
	}
}

type readings struct{ ko, ja []string }

func run(path string, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".bz2") {
		r = bzip2.NewReader(f)
	}
	byChar := map[rune]*readings{}
	date := ""
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if d, ok := strings.CutPrefix(line, "# Date: "); ok {
			date = d
		}
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 || !strings.HasPrefix(f[0], "U+") {
			return fmt.Errorf("%s:%d: not a Unihan line: %q", path, n, line)
		}
		cp, err := strconv.ParseUint(f[0][2:], 16, 32)
		if err != nil {
			return fmt.Errorf("%s:%d: %v", path, n, err)
		}
		c := rune(cp)
		rd := byChar[c]
		if rd == nil {
			rd = &readings{}
		}
		switch f[1] {
		case "kHangul": // 금:0E 김:0N — the syllable, then its sources
			for _, v := range strings.Fields(f[2]) {
				h, _, _ := strings.Cut(v, ":")
				rd.ko = append(rd.ko, h)
			}
		case "kJapaneseKun", "kJapaneseOn":
			for _, v := range strings.Fields(f[2]) {
				rd.ja = append(rd.ja, strings.ToLower(v))
			}
		default:
			continue
		}
		byChar[c] = rd
	}
	if err := sc.Err(); err != nil {
		return err
	}
	chars := make([]rune, 0, len(byChar))
	for c := range byChar {
		chars = append(chars, c)
	}
	slices.Sort(chars)
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
