// Command gencountries writes match/knowledge/countries.tsv from Debian's iso-codes package:
// the names of the countries of ISO 3166-1 (/usr/share/iso-codes/json/iso_3166-1.json) in
// Chinese, Korean and Japanese (the translations in
// /usr/share/locale/LANG/LC_MESSAGES/iso_3166-1.mo), written in Han or Hangul without
// spaces, each with its English name: 中华人民共和国 → peoples republic of china, 대한민국 →
// republic of korea. Names written with spaces or in Kana are left out (Oversight reads
// terms inside words of Han or Hangul only), as are names given two English names.
//
//	go run ./match/internal/gencountries > match/knowledge/countries.tsv
package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"unicode"
)

const (
	isoJSON = "/usr/share/iso-codes/json/iso_3166-1.json"
	moPath  = "/usr/share/locale/%s/LC_MESSAGES/iso_3166-1.mo"
)

// languages are the translations read, in the order written.
var languages = []string{"zh_CN", "zh_TW", "zh_HK", "ko", "ja"}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gencountries:", err)
		os.Exit(1)
	}
}

type country struct {
	Alpha2       string `json:"alpha_2"`
	Name         string `json:"name"`
	CommonName   string `json:"common_name"`
	OfficialName string `json:"official_name"`
}

func run(out io.Writer) error {
	data, err := os.ReadFile(isoJSON)
	if err != nil {
		return err
	}
	var doc struct {
		Countries []country `json:"3166-1"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %w", isoJSON, err)
	}
	english := map[string]string{} // term → English name
	conflict := map[string]bool{}
	var order []string
	for _, lang := range languages {
		path := fmt.Sprintf(moPath, lang)
		tr, err := readMO(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, c := range doc.Countries {
			for _, msg := range []struct{ id, en string }{{c.Name, englishName(c)}, {c.OfficialName, c.OfficialName}} {
				term := tr[msg.id]
				if msg.id == "" || term == "" || !hanOrHangul(term) {
					continue
				}
				en := plain(msg.en)
				switch prev, ok := english[term]; {
				case !ok:
					english[term] = en
					order = append(order, term)
				case prev != en:
					conflict[term] = true
				}
			}
		}
	}
	version := "version unknown"
	if v, err := exec.Command("dpkg-query", "-W", "-f", "${Version}", "iso-codes").Output(); err == nil {
		version = string(v)
	}
	fmt.Fprintln(out, "# Country names in Chinese, Korean and Japanese, in Han or Hangul, with their English names:")
	fmt.Fprintf(out, "# term<TAB>english. Written by go run ./match/internal/gencountries from Debian's iso-codes %s\n", version)
	fmt.Fprintln(out, "# (ISO 3166-1 names and their translations; iso-codes is LGPL-2.1-or-later, the names are")
	fmt.Fprintln(out, "# facts of ISO 3166). Read as institutional terms at the start of a word (Knowledge.countryAt).")
	for _, term := range order {
		if !conflict[term] {
			fmt.Fprintf(out, "%s\t%s\n", term, english[term])
		}
	}
	return nil
}

// englishName is the English name a translation of a country's ISO name stands for: the
// name with its inversion undone (Korea, Republic of → Republic of Korea), or its common name
// (Taiwan, Province of China → Taiwan).
func englishName(c country) string {
	if head, tail, ok := strings.Cut(c.Name, ", "); ok {
		if strings.HasSuffix(tail, " of") {
			return tail + " " + head
		}
		if c.CommonName != "" {
			return c.CommonName
		}
	}
	return c.Name
}

// plain is an English name in lower case, without apostrophes and commas.
func plain(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("'", "", "’", "", ",", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// hanOrHangul reports whether s is written in Han or Hangul only, with no space, and has two
// characters or more.
func hanOrHangul(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.Hangul, r) {
			return false
		}
		n++
	}
	return n >= 2
}

// readMO reads the messages of a GNU gettext .mo file: msgid → msgstr.
func readMO(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) < 28 {
		return nil, errors.New("not a .mo file: too short")
	}
	var order binary.ByteOrder
	switch binary.LittleEndian.Uint32(data) {
	case 0x950412de:
		order = binary.LittleEndian
	case 0xde120495:
		order = binary.BigEndian
	default:
		return nil, errors.New("not a .mo file: bad magic number")
	}
	n := int(order.Uint32(data[8:]))
	ids, strs := int(order.Uint32(data[12:])), int(order.Uint32(data[16:]))
	str := func(table, i int) (string, error) {
		at := table + 8*i
		if at+8 > len(data) {
			return "", errors.New("string table out of range")
		}
		l, off := int(order.Uint32(data[at:])), int(order.Uint32(data[at+4:]))
		if off+l > len(data) {
			return "", errors.New("string out of range")
		}
		return string(data[off : off+l]), nil
	}
	msgs := make(map[string]string, n)
	for i := range n {
		id, err := str(ids, i)
		if err != nil {
			return nil, err
		}
		s, err := str(strs, i)
		if err != nil {
			return nil, err
		}
		msgs[id] = s
	}
	if len(msgs) == 0 || slices.Contains([]int{ids, strs}, 0) {
		return nil, errors.New("no messages")
	}
	return msgs, nil
}
