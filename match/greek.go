package match

import "strings"

// Greek names are read after ELOT 743 (ISO 843 type 2), the system of Greek passports, rather
// than by unidecode's classical values: η is i (Γιάννης is Giannis, not Giannes), β is v, αυ and
// ευ are av and ev, μπ and ντ begin words as b and d. Greek nominative
// endings (-os, -as, -is, -es) are dropped in the Latin forms of names (Αλέξανδρος, Alexander;
// Γεώργιος, George; Πέτρος, Peter): a Greek word and a Latin one are also compared without the
// ending (greekStem).

// greekLatin writes a Greek word, lower-cased and without accents (Normalize), in Latin
// letters.
func greekLatin(w string) string {
	rs := []rune(w)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		var next rune
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if d, ok := greekDigraphs[string([]rune{r, next})]; ok && next != 0 {
			if i == 0 && (d == "mp" || d == "nt") {
				d = d[1:] // μπ, ντ begin a word as b, d
			}
			if d == "mp" {
				d = "mb"
			}
			if d == "nt" {
				d = "nd"
			}
			b.WriteString(d)
			i++
			continue
		}
		if l, ok := greekLetters[r]; ok {
			b.WriteString(l)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// greekForeign is a Greek word with ντ, μπ and γκ inside it read as the d, b and g they are
// in a foreign name (greekVoiced: Βλαντίμιρ, vladimir; Ρέιγκαν, Reagan), for comparing it with
// renderings in other scripts (token.marked), where its text keeps the nd of a Greek name's
// spelling (Κωνσταντίνος, Konstantinos); "" for a word with none of them.
func greekForeign(w string) string {
	l := greekLatin(w)
	if v := greekVoiced.Replace(l); v != l {
		return v
	}
	return ""
}

var greekDigraphs = map[string]string{
	"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "υι": "yi", "αυ": "av", "ευ": "ev", "ηυ": "iv",
	"μπ": "mp", "ντ": "nt", "γκ": "gk", "γγ": "ng", "γξ": "nx", "γχ": "nch", "τσ": "ts", "τζ": "tz",
}

var greekLetters = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i",
	'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s",
	'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// greekStem is a Greek word in Latin letters without its nominative ending (-os, -as, -is,
// -es), "" if it has none or would keep fewer than three letters.
func greekStem(t *token) string {
	if t.script != "greek" || t.kind != kindWord || len(t.text) < 5 {
		return ""
	}
	switch t.text[len(t.text)-2:] {
	case "os", "as", "is", "es":
		return t.text[:len(t.text)-2]
	}
	return ""
}

// greekStemSim is the similarity of a Greek word without its ending and a Latin word, 0 if
// the pair is not one of those or the word has no ending.
func greekStemSim(x, y *token) float64 {
	if y.script == "greek" {
		x, y = y, x
	}
	if y.script != "latin" || y.kind != kindWord {
		return 0
	}
	if stem := greekStem(x); stem != "" {
		return spellingSim(wordToken(stem, "greek"), y)
	}
	return 0
}
