package match

import (
	"strings"

	"github.com/mozillazg/go-unidecode"
)

// The Brahmic scripts of India share one layout, inherited from ISCII: in each Unicode block
// (Devanagari U+0900 … Malayalam U+0D00, 128 code points each) a letter's offset says what it
// is. indicLatin reads words in them by that layout.
const (
	indicFirst = 0x0900
	indicLast  = 0x0D7F
)

// indicScripts are the scripts indicLatin reads; the value says whether the script's
// languages drop the vowel a consonant carries where Hindi does (schwa deletion: the
// Indo-Aryan languages), or sound it (the Dravidian ones, which write a virama where a
// consonant has no vowel: ಪುತಿನ್, putin).
var indicScripts = map[string]bool{
	"devanagari": true, "bengali": true, "gurmukhi": true, "gujarati": true, "oriya": true,
	"tamil": false, "telugu": false, "kannada": false, "malayalam": false,
}

// akshara is a consonant and its vowel, or a vowel on its own, as indicLatin reads them.
type akshara struct {
	cons, vowel, coda string
	inherent          bool // the vowel is the a the consonant carries, not written
}

// indicLatin reads a word written in a Brahmic script of India (indicScripts) in Latin
// letters, as names from India are usually spelt: unidecode's reading of each letter, which
// does not write the vowel a consonant carries (नरेन्द्र, nrendr), with that vowel added where
// no vowel sign or virama follows the consonant, and dropped where the languages written in
// Devanagari, Bengali, Gurmukhi, Gujarati and Oriya drop it (schwa deletion): at the end of
// a word after a single consonant, and between a vowel and a consonant followed by a vowel
// (Ohala's rule, right to left): नरेन्द्र मोदी is narendra modi, जेटली jetli, রহমান rahman.
// Long vowels are written single (व्लादिमीर, vladimir) and the doubled letters unidecode
// gives retroflex consonants (ट tt, ण nn) single too, as names spell them.
func indicLatin(w, script string) string {
	var ak []akshara
	last := func() *akshara {
		if len(ak) == 0 {
			ak = append(ak, akshara{})
		}
		return &ak[len(ak)-1]
	}
	var other strings.Builder // letters outside the layout (digits, signs), read by unidecode
	for _, r := range w {
		if r < indicFirst || r > indicLast {
			other.WriteString(unidecode.Unidecode(string(r)))
			continue
		}
		off := r & 0x7F
		// A letter is read as the Devanagari letter at its offset: unidecode's tables for
		// the other scripts are less complete (ਭ, bha, reads b).
		dev := string(indicFirst + off)
		switch {
		case off >= 0x15 && off <= 0x39 || off >= 0x58 && off <= 0x5F:
			c := unidecode.Unidecode(dev)
			if c == "ss" { // ष, which Hindi sounds sh: कृष्ण, krishna
				c = "sh"
			}
			ak = append(ak, akshara{cons: single(c), vowel: "a", inherent: true})
		case off >= 0x04 && off <= 0x14 || off == 0x60 || off == 0x61:
			ak = append(ak, akshara{vowel: single(unidecode.Unidecode(dev))})
		case off >= 0x3E && off <= 0x4C || off == 0x62 || off == 0x63:
			a := last()
			a.vowel, a.inherent = vowelSign(unidecode.Unidecode(dev)), false
		case off == 0x4D: // virama: no vowel
			a := last()
			a.vowel, a.inherent = "", false
		case off == 0x3C: // nukta: ज़ z, फ़ f, ड़ r
			a := last()
			switch a.cons {
			case "j":
				a.cons = "z"
			case "ph":
				a.cons = "f"
			case "d", "dh":
				a.cons = "r" + a.cons[1:]
			}
		case off >= 0x01 && off <= 0x03 || script == "gurmukhi" && off == 0x70: // anusvara, candrabindu, visarga, tippi
			a := last()
			if off == 0x03 {
				a.coda += "h"
			} else {
				a.coda += "N" // n or m: see nasal
			}
		case script == "malayalam" && off >= 0x7A: // chillu letters: consonants with no vowel
			ak = append(ak, akshara{cons: string("nnrllk"[off-0x7A])})
		case script == "bengali" && off == 0x4E: // khanda ta
			ak = append(ak, akshara{cons: "t"})
		}
	}
	if indicScripts[script] {
		dropSchwas(ak)
	}
	var b strings.Builder
	for i, a := range ak {
		b.WriteString(a.cons)
		b.WriteString(a.vowel)
		if strings.Contains(a.coda, "N") {
			a.coda = strings.ReplaceAll(a.coda, "N", nasal(ak[i+1:], script))
		}
		b.WriteString(a.coda)
	}
	b.WriteString(other.String())
	return strings.ToLower(b.String())
}

// nasal is how an anusvara or candrabindu is read before the aksharas that follow it: m
// before a labial (संभव, sambhav) and, in Malayalam, at the end of a word (കേരളം, keralam); n
// elsewhere.
func nasal(next []akshara, script string) string {
	if len(next) == 0 && script == "malayalam" || len(next) > 0 && next[0].cons != "" && strings.ContainsRune("pbm", rune(next[0].cons[0])) {
		return "m"
	}
	return "n"
}

// dropSchwas drops the inherent vowels the Indo-Aryan languages do not sound: the last, after
// a single consonant (not after a cluster: इन्द्र, indra), then, from right to left, each
// between a sounded vowel and a consonant with a vowel after it.
func dropSchwas(ak []akshara) {
	n := len(ak)
	if n < 2 {
		return
	}
	if a := &ak[n-1]; a.inherent && a.coda == "" && ak[n-2].vowel != "" {
		a.vowel, a.inherent = "", false
	}
	for i := n - 2; i >= 1; i-- {
		a := &ak[i]
		if a.inherent && a.coda == "" && ak[i-1].vowel != "" && ak[i+1].cons != "" && ak[i+1].vowel != "" {
			a.vowel, a.inherent = "", false
		}
	}
}

// vowelSign is the Latin vowel of a vowel sign as unidecode reads it: ृ (R) is ri, ॉ (oN) o.
func vowelSign(s string) string {
	switch s = strings.ToLower(s); s {
	case "r", "rr":
		return "ri"
	case "on":
		return "o"
	}
	return single(s)
}

// single writes each run of one letter once: unidecode writes long vowels (ा aa) and
// retroflex consonants (ट tt, ण nn) doubled, names in Latin letters single. ष (ss) is read sh
// before.
func single(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i == 0 || s[i] != s[i-1] {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
