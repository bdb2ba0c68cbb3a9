package match

import (
	"strconv"
	"strings"
)

// English number words and their values. Ordinals read as their numbers: First International
// Bank is 1st International Bank.
var (
	numberUnits = map[string]int{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
		"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
		"nineteen": 19,

		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
		"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
		"nineteenth": 19,
	}
	numberTens = map[string]int{
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90,
		"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
		"seventieth": 70, "eightieth": 80, "ninetieth": 90,
	}
)

// numbers writes English numbers in words as digits, and ordinals in digits (1st, 22nd)
// without their suffix, among Latin words: Brigade Forty-Four is Brigade 44, Three Percenters
// is 3 Percenters. A tens word takes the unit word after it (forty four, twenty first). A word
// that is also a particle (stop in words.tsv) stays a word.
func (k *Knowledge) numbers(words []piece) []piece {
	out := words[:0]
	for i := 0; i < len(words); i++ {
		p := words[i]
		if p.script != "latin" || k.stop[p.text] {
			out = append(out, p)
			continue
		}
		if n, ok := ordinalDigits(p.text); ok {
			p.text = n
		} else if t, ok := numberTens[p.text]; ok {
			if i+1 < len(words) && words[i+1].script == "latin" && !strings.HasSuffix(p.text, "th") {
				if u, ok := numberUnits[words[i+1].text]; ok && u > 0 && u < 10 {
					t += u
					i++
				}
			}
			p.text = strconv.Itoa(t)
		} else if u, ok := numberUnits[p.text]; ok {
			p.text = strconv.Itoa(u)
		}
		out = append(out, p)
	}
	return out
}

// ordinalDigits reads an ordinal written in digits (1st, 2nd, 3rd, 4th, 21st) as its digits.
func ordinalDigits(w string) (string, bool) {
	if len(w) < 3 {
		return "", false
	}
	d, suf := w[:len(w)-2], w[len(w)-2:]
	if suf != "st" && suf != "nd" && suf != "rd" && suf != "th" {
		return "", false
	}
	for _, r := range d {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	return d, true
}
