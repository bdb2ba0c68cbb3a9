// Command gennanori writes match/knowledge/han_nanori.tsv from KANJIDIC (the EDRDG's kanji
// dictionary, as Debian's kanjidic package ships it in /usr/share/edict/kanjidic, in EUC-JP):
// for each kanji with readings used only in names (nanori, after its T1 marker), those
// readings in hiragana. Unihan has no such readings, and Japanese given and family names use
// them (義 yoshi, 偉 hide, 倍 be: 安倍 Abe).
//
//	go run ./match/internal/gennanori /usr/share/edict/kanjidic > match/knowledge/han_nanori.tsv
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/oversight-project/oversight/match/internal/unihan"
	"golang.org/x/text/encoding/japanese"
)

func main() { unihan.Main("gennanori", "kanjidic", run) }

func run(path string, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	rows := map[rune]string{} // kanji → its nanori
	version := ""
	sc := bufio.NewScanner(japanese.EUCJP.NewDecoder().Reader(f))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			if i := strings.LastIndex(strings.TrimSuffix(line, "/"), "/"); i >= 0 {
				version = strings.TrimSuffix(line[i+1:], "/")
			}
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return fmt.Errorf("%s:%d: not a KANJIDIC line: %q", path, n, line)
		}
		var nanori []string
		in := false
		for _, w := range fields[1:] {
			switch {
			case strings.HasPrefix(w, "{"):
				in = false // the meanings follow the readings
			case w == "T1":
				in = true
			case w == "T2":
				in = false // radical names
			case in:
				// A dot marks where a verb's ending begins, a hyphen a prefix or suffix:
				// the name reads them all.
				nanori = append(nanori, strings.NewReplacer(".", "", "-", "").Replace(w))
			}
			if strings.HasPrefix(w, "{") {
				break
			}
		}
		if len(nanori) > 0 {
			slices.Sort(nanori)
			rows[[]rune(fields[0])[0]] = strings.Join(slices.Compact(nanori), ",")
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return unihan.WriteTable(out, []string{
		"Readings of kanji used in Japanese names (nanori), in hiragana, from KANJIDIC (" + version + ";",
		"Electronic Dictionary Research and Development Group, Creative Commons Attribution-ShareAlike",
		"3.0, https://www.edrdg.org/edrdg/licence.html), as Debian's kanjidic package ships it, written",
		"by match/internal/gennanori. character<TAB>readings, comma-separated.",
	}, rows)
}
