// Command genplaces writes match/knowledge/places_cldr.tsv from Debian's unicode-cldr-core
// package: the cities that name the world's time zones in the Unicode Common Locale Data
// Repository (exemplarCity in /usr/share/unicode/cldr/common/main/LANG.xml), each with its
// English name and its names in other languages, one word each: Москва, 莫斯科, モスクワ,
// 모스크바, موسكو, מוסקבה, Moskau, Moscou for moscow. These are the exonyms a gazetteer gives,
// from a source that keeps them in many languages.
//
//	go run ./match/internal/genplaces > match/knowledge/places_cldr.tsv
package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/oversight-project/oversight/match"
)

const cldrMain = "/usr/share/unicode/cldr/common/main"

// languages are the locales read: those of the scripts Oversight reads, and the Latin ones of
// Europe whose names of foreign cities are their own (Moskau, Varsovie, Pekín). Arabic,
// Persian, Urdu and Hebrew are left out: names of bodies written in Latin letters spell their
// cities as those languages do (Al-Quds University, القدس, not Jerusalem), so reading the name
// in English would part them.
var languages = []string{
	"ru", "uk", "be", "bg", "sr", "el", "hi", "bn", "ka", "hy",
	"zh", "zh_Hant", "ja", "ko",
	"de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "hu", "ro", "sv", "da", "tr",
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "genplaces:", err)
		os.Exit(1)
	}
}

// ldml is the part of a CLDR locale file genplaces reads.
type ldml struct {
	Zones []struct {
		Type string `xml:"type,attr"`
		City []struct {
			Alt  string `xml:"alt,attr"`
			Name string `xml:",chardata"`
		} `xml:"exemplarCity"`
	} `xml:"dates>timeZoneNames>zone"`
}

// cities reads the exemplar cities of a locale: time zone → name.
func cities(lang string) (map[string]string, error) {
	path := filepath.Join(cldrMain, lang+".xml")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc ldml
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]string{}
	for _, z := range doc.Zones {
		for _, c := range z.City {
			if c.Alt == "" && strings.TrimSpace(c.Name) != "" {
				out[z.Type] = strings.TrimSpace(c.Name)
			}
		}
	}
	return out, nil
}

func run(out io.Writer) error {
	en, err := cities("en")
	if err != nil {
		return err
	}
	names := map[string]map[string]string{} // language → zone → name
	zones := map[string]bool{}
	for _, lang := range languages {
		m, err := cities(lang)
		if err != nil {
			return err
		}
		names[lang] = m
		for z := range m {
			zones[z] = true
		}
	}
	english := map[string]string{} // zone → English name, normalised
	englishNames := map[string]bool{}
	for z := range zones {
		if strings.HasPrefix(z, "Etc/") {
			continue
		}
		name := en[z]
		if name == "" {
			name = strings.ReplaceAll(z[strings.LastIndex(z, "/")+1:], "_", " ")
		}
		english[z] = match.Normalize(name)
		englishNames[english[z]] = true
	}
	canon := map[string]string{} // form → English name
	conflict := map[string]bool{}
	var order []string
	for _, z := range sortedKeys(english) {
		for _, lang := range languages {
			form, ok := keep(names[lang][z], english[z], englishNames)
			if !ok {
				continue
			}
			switch prev, seen := canon[form]; {
			case !seen:
				canon[form] = english[z]
				order = append(order, form)
			case prev != english[z]:
				conflict[form] = true
			}
		}
	}
	forms := map[string][]string{} // English name → its forms, in order
	var cityOrder []string
	for _, f := range order {
		if conflict[f] {
			continue
		}
		c := canon[f]
		if forms[c] == nil {
			cityOrder = append(cityOrder, c)
		}
		forms[c] = append(forms[c], f)
	}
	version := "version unknown"
	if v, err := exec.Command("dpkg-query", "-W", "-f", "${Version}", "unicode-cldr-core").Output(); err == nil {
		version = string(v)
	}
	fmt.Fprintln(out, "# Cities in other languages' names: English name<TAB>other names, space-separated, one word")
	fmt.Fprintln(out, "# each (as places.tsv). The cities that name time zones in the Unicode Common Locale Data")
	fmt.Fprintf(out, "# Repository (exemplarCity), from Debian's unicode-cldr-core %s (Unicode License,\n", version)
	fmt.Fprintln(out, "# Unicode-DFS-2016). Written by go run ./match/internal/genplaces. Languages:")
	fmt.Fprintf(out, "# %s.\n", strings.Join(languages, ", "))
	fmt.Fprintln(out, "# Names in Latin letters are kept when they have six letters or more and are no English name of")
	fmt.Fprintln(out, "# another city; a name given two cities is left out.")
	for _, c := range cityOrder {
		if strings.Contains(c, " ") {
			continue // read word by word, a name of several words is never one term
		}
		fmt.Fprintf(out, "%s\t%s\n", c, strings.Join(forms[c], " "))
	}
	return nil
}

// keep returns the normalised form of a city's name in a language, and whether it is kept: a
// name of one word other than the English one, and, in Latin letters, of six letters or more
// (mosca, Moscow in Italian, is a surname too) and no English name of a city.
func keep(name, english string, englishNames map[string]bool) (string, bool) {
	if name == "" {
		return "", false
	}
	f := match.Normalize(name)
	if f == "" || f == english || strings.ContainsAny(f, " \t") {
		return "", false
	}
	if match.Script(f) == "latin" {
		n := 0
		for _, r := range f {
			if !unicode.IsLetter(r) {
				return "", false
			}
			n++
		}
		if n < 6 || englishNames[f] {
			return "", false
		}
	}
	return f, true
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
