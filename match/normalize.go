package match

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

var folder = cases.Fold()

// Normalize returns the comparable form of a name: Unicode NFKC, case-folded, combining
// marks removed (so "Müller" meets "Muller"), punctuation turned into spaces, runs of space
// collapsed, then recomposed (NFC, so Hangul syllables stay whole). It is idempotent: a few
// characters change again under a second pass, so passes repeat until nothing changes.
func Normalize(s string) string {
	out := normalizeOnce(s)
	for i := 0; i < 3; i++ {
		again := normalizeOnce(out)
		if again == out {
			break
		}
		out = again
	}
	return out
}

func normalizeOnce(s string) string {
	d := []rune(norm.NFD.String(folder.String(norm.NFKC.String(s))))
	var b strings.Builder
	space := true
	tokenLen := 0   // letters and digits in the current token
	abbrev := false // the current token is an abbreviation written with dots
	for i, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
			tokenLen++
		case r == '.' && (tokenLen == 1 || abbrev) && i+1 < len(d) && unicode.IsLetter(d[i+1]):
			// An abbreviation written with dots (b.v., s.a., u.s.a.) stays one token.
			abbrev = true
		case r == '&':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("& ")
			space, tokenLen, abbrev = true, 0, false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			tokenLen, abbrev = 0, false
		}
	}
	return norm.NFC.String(strings.TrimSpace(b.String()))
}

// legalForms are organisation-type words and suffixes that do not tell two organisations
// apart. Tokens are matched after normalisation; suffixes are stripped from the end of a token
// in scripts written without spaces.
var legalForms = []string{
	"co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "llc", "llp",
	"plc", "gmbh", "ag", "kg", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "oy", "oyj",
	"as", "asa", "aps", "kk", "pte", "pty", "jsc", "ojsc", "cjsc", "pjsc", "ooo", "оао", "ооо",
	"зао", "пао", "ао", "the", "s", "a", "l",
}

var cjkLegalSuffixes = []string{
	"股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "集团", "集團", "公司", "주식회사", "유한회사", "株式会社", "有限会社",
}

// tokens splits a normalised name into tokens without legal forms, and strips legal-form
// suffixes written without a space (有限公司, 주식회사). If nothing is left, the legal forms are kept.
func tokens(normalized string) []string {
	raw := strings.Fields(normalized)
	var out []string
	for _, t := range raw {
		if slices.Contains(legalForms, t) {
			continue
		}
		for _, suf := range cjkLegalSuffixes {
			if strings.HasSuffix(t, suf) && len(t) > len(suf) {
				t = strings.TrimSuffix(t, suf)
				break
			} else if strings.HasPrefix(t, suf) && len(t) > len(suf) {
				t = strings.TrimPrefix(t, suf)
				break
			}
		}
		if t == "주식회사" || t == "有限公司" {
			continue
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return raw
	}
	return out
}

// key is the name's tokens without legal forms, in order; sortedKey the same sorted.
func keys(name string) (normalized, key, sortedKey string) {
	normalized = Normalize(name)
	toks := tokens(normalized)
	key = strings.Join(toks, " ")
	sorted := slices.Clone(toks)
	sort.Strings(sorted)
	return normalized, key, strings.Join(sorted, " ")
}
