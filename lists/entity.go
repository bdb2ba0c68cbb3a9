package lists

import (
	_ "embed"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/oversight-project/oversight"
)

// NewEntity returns an empty entity.
func NewEntity(schema, id string) *oversight.Entity {
	return &oversight.Entity{ID: id, Schema: schema, Properties: map[string][]string{}}
}

// Add adds values to a property, trimmed, skipping empty ones and ones already there. Bytes
// that are not UTF-8 become U+FFFD, so that a damaged file gives text the store can keep.
func Add(e *oversight.Entity, prop string, vals ...string) {
	for _, v := range vals {
		v = strings.TrimSpace(strings.ToValidUTF8(v, "\uFFFD"))
		if v == "" || slices.Contains(e.Properties[prop], v) {
			continue
		}
		e.Properties[prop] = append(e.Properties[prop], v)
	}
}

var slugRe = regexp.MustCompile(`[^a-z0-9]+`)

// Slug joins parts into an entity id: lower case, runs of other characters become "-".
func Slug(parts ...string) string {
	s := strings.ToLower(strings.Join(parts, "-"))
	s = strings.Trim(slugRe.ReplaceAllString(s, "-"), "-")
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}

//go:embed countries.tsv
var countriesTSV string

var countries = parseCountries(countriesTSV)

var countryCodes = func() map[string]bool {
	out := map[string]bool{}
	for _, c := range countries {
		out[c] = true
	}
	return out
}()

func parseCountries(src string) map[string]string {
	out := map[string]string{}
	for line := range strings.SplitSeq(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, name, ok := strings.Cut(line, "\t")
		if !ok {
			panic("lists: countries.tsv: bad line " + line)
		}
		out[countryKey(name)] = code
	}
	return out
}

// countryKey folds a country name: lower case, letters and digits only, accents dropped for
// the few accented letters the lists use.
func countryKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'ü':
			r = 'u'
		case 'ô', 'ö':
			r = 'o'
		case 'é', 'è':
			r = 'e'
		case 'ç':
			r = 'c'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Country returns the FtM country code (ISO 3166-1 alpha-2, lower case) for a country name or
// code as the lists write it, or "" if it is not known.
func Country(name string) string {
	name = strings.TrimSpace(name)
	if len(name) == 2 && isASCIILetters(name) {
		if c := strings.ToLower(name); countryCodes[c] {
			return c
		}
	}
	return countries[countryKey(name)]
}

func isASCIILetters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

var months = map[string]string{
	"jan": "01", "feb": "02", "mar": "03", "apr": "04", "may": "05", "jun": "06",
	"jul": "07", "aug": "08", "sep": "09", "oct": "10", "nov": "11", "dec": "12",
}

var (
	dmyText  = regexp.MustCompile(`^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$`)
	myText   = regexp.MustCompile(`^([A-Za-z]{3})[a-z]* (\d{4})$`)
	dmySlash = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
	isoDate  = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?`)
)

// Date returns an ISO 8601 date (or a year or year-month prefix) from the forms the lists
// use: "2021-03-22", "2021-03-22T00:00:00", "22 Mar 2021", "Mar 2021", "1960", "22/03/2021"
// (day first, as the UK writes). It returns "" if s is none of these.
func Date(s string) string {
	s = strings.TrimSpace(s)
	if m := dmyText.FindStringSubmatch(s); m != nil {
		if mo, ok := months[strings.ToLower(m[2])]; ok {
			return validDate(m[3] + "-" + mo + "-" + pad2(m[1]))
		}
	}
	if m := myText.FindStringSubmatch(s); m != nil {
		if mo, ok := months[strings.ToLower(m[1])]; ok {
			return m[2] + "-" + mo
		}
	}
	if m := dmySlash.FindStringSubmatch(s); m != nil {
		return validDate(m[3] + "-" + pad2(m[2]) + "-" + pad2(m[1]))
	}
	if m := isoDate.FindString(s); m != "" && (len(m) == len(s) || s[len(m)] == 'T' || s[len(m)] == ' ') {
		if len(m) == 10 {
			return validDate(m)
		}
		return m
	}
	return ""
}

func validDate(s string) string {
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return ""
	}
	return s
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// Number returns s without thousands separators if it is a number, else "".
func Number(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return ""
	}
	return s
}

// URL returns s as a URL: "www.example.com" becomes "http://www.example.com"; a value with
// spaces, or none, gives "".
func URL(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t\n") {
		return ""
	}
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	return s
}

// Join joins the parts that are not blank, trimmed, with sep.
func Join(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
