// Command gensimplified writes match/knowledge/han_simplified.tsv from the Unicode Han Database
// (Unihan_Variants.txt, as Debian's unicode-data package ships it in
// /usr/share/unicode/Unihan_Variants.txt.bz2): each traditional Han character with its
// simplified form (kSimplifiedVariant). A character whose simplified variants include itself
// (乾, simplified 干 as "dry" but 乾 as "heaven") is left out: it has no one simplified form.
//
//	go run ./match/internal/gensimplified /usr/share/unicode/Unihan_Variants.txt.bz2 > match/knowledge/han_simplified.tsv
package main

import (
	"io"
	"slices"
	"strings"

	"github.com/oversight-project/oversight/match/internal/unihan"
)

func main() { unihan.Main("gensimplified", "Unihan_Variants.txt[.bz2]", run) }

func run(path string, out io.Writer) error {
	simplified := map[rune]rune{}
	date, err := unihan.Read(path, func(c rune, field, value string) error {
		if field != "kSimplifiedVariant" {
			return nil
		}
		var vs []rune
		for _, v := range strings.Fields(value) {
			s, err := unihan.CodePoint(v)
			if err != nil {
				return err
			}
			vs = append(vs, s)
		}
		if len(vs) > 0 && !slices.Contains(vs, c) {
			simplified[c] = vs[0]
		}
		return nil
	})
	if err != nil {
		return err
	}
	rows := map[rune]string{}
	for t, simp := range simplified {
		rows[t] = string(simp)
	}
	return unihan.WriteTable(out, []string{
		"Traditional Han characters and their simplified forms, from the Unicode Han Database",
		"(Unihan_Variants.txt, " + date + ", kSimplifiedVariant; Unicode License,",
		"https://www.unicode.org/license.txt), written by match/internal/gensimplified.",
		"traditional<TAB>simplified. Characters with more than one simplified form, one of them",
		"themselves, are left out.",
	}, rows)
}
