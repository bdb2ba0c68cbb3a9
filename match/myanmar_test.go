package match

import "testing"

// TestBurmeseLatin: Burmese words read syllable by syllable as names spell them in Latin
// letters (the names' usual spellings are written from knowledge, for this test).
func TestBurmeseLatin(t *testing.T) {
	for in, want := range map[string]string{
		"မင်းအောင်လှိုင်": "min aung hlaing", // Min Aung Hlaing: a final ng, ော + င် aung, ှ hl, ို + င် aing
		"အောင်ဆန်းစုကြည်": "aung san su kyi", // Aung San Suu Kyi: ြ ky, ည် i
		"သိန်းစိန်":       "thein sein",      // Thein Sein: ိ + န် ein
		"သန်းရွှေ":        "than shwe",       // Than Shwe: ရ + ွ + ှ sh-w
		"ထင်ကျော်":        "htin kyaw",       // Htin Kyaw: ော် aw
		"ဝင်းမြင့်":       "win myin",        // Win Myint (the creaky tone's t is not read)
		"ဗလာဒီမီယာ":       "ba la di mi ya",  // Vladimir: a consonant with no sign carries a
		"ပူတင်":           "pu tin",          // Putin
		"ဦး":              "u",               // U, an independent vowel
		"မြန်မာ":          "myan ma",         // Myanmar
	} {
		if got := burmeseLatin(in); got != want {
			t.Errorf("burmeseLatin(%q) = %q, want %q", in, got, want)
		}
	}
}
