package match

import "strconv"

// English number words below a hundred, cardinal and ordinal.
var (
	units = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen"}
	unitOrdinals = []string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
		"seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
		"fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	tens        = []string{2: "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	tenOrdinals = []string{2: "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
		"seventieth", "eightieth", "ninetieth"}
)

// numbers writes numbers below a hundred given in digits as English words, among Latin words,
// and ordinals in digits as ordinal words: Brigade 44 is Brigade Forty-Four, 3 Percenters is
// Three Percenters, 1st International Bank is First International Bank. Words, not digits, so
// that a typo in the words still pairs (Firsst Ocean). Numbers of a hundred or more, and
// digits with a leading zero (007), stay as they are.
func numbers(words []piece) []piece {
	var out []piece
	for i, p := range words {
		w, ordinal := p.text, false
		if d, ok := ordinalDigits(w); ok {
			w, ordinal = d, true
		}
		if p.script != "latin" || !digits(w) || len(w) > 2 || len(w) == 2 && w[0] == '0' {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(make([]piece, 0, len(words)+1), words[:i]...)
		}
		n, _ := strconv.Atoi(w)
		for _, s := range numberWords(n, ordinal) {
			out = append(out, piece{text: s, kind: p.kind, script: p.script})
		}
	}
	if out == nil {
		return words
	}
	return out
}

// numberWords spells n (0 to 99) in English words.
func numberWords(n int, ordinal bool) []string {
	switch {
	case n < 20 && ordinal:
		return []string{unitOrdinals[n]}
	case n < 20:
		return []string{units[n]}
	case n%10 == 0 && ordinal:
		return []string{tenOrdinals[n/10]}
	case n%10 == 0:
		return []string{tens[n/10]}
	}
	return append([]string{tens[n/10]}, numberWords(n%10, ordinal)...)
}

// ordinalDigits reads an ordinal written in digits (1st, 2nd, 3rd, 4th, 21st) as its digits.
func ordinalDigits(w string) (string, bool) {
	if len(w) < 3 {
		return "", false
	}
	d, suf := w[:len(w)-2], w[len(w)-2:]
	if suf != "st" && suf != "nd" && suf != "rd" && suf != "th" || !digits(d) {
		return "", false
	}
	return d, true
}

// digits reports whether w is one or more ASCII digits.
func digits(w string) bool {
	for i := range len(w) {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}
