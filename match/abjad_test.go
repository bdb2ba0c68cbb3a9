package match

import "testing"

// TestWrittenVowels: a word in Arabic letters that writes the vowels of a Latin spelling pairs
// with it above a skeleton's 0.9; one that writes none, or other vowels, does not.
func TestWrittenVowels(t *testing.T) {
	k := DefaultKnowledge()
	for _, tt := range []struct {
		ar, lat string
		want    float64
	}{
		{"فلاديمير", "Vladimir", writtenVowelsSim}, // a, i, i written
		{"لافروف", "Lavrov", writtenVowelsSim},
		{"بوتن", "Putin", writtenVowelsSim},       // one vowel of two, in three consonants
		{"تشافيز", "Chavez", writtenVowelsSim},    // ch written tsh
		{"ולדימיר", "Vladimir", writtenVowelsSim}, // Hebrew writes its vowels with ו and י
		{"לאה", "Leah", 0.9},                      // a final ה read as an h too
		{"שרה", "Sarah", 0.9},                     // ש read as an s too
		{"وحید", "Vahid", writtenVowelsSim},       // Persian: و begins the word as v
		{"وليد", "Walid", 0.9},                    // Arabic: و is w
		{"محمد", "Mohammed", 0.9},                 // no vowel written: the skeleton only
		{"غورباتشوف", "Gorbachev", 0.9},           // وف is ov (Горбачёв), not ev
		{"فلاديمير", "Vladimor", 0.9},             // ي where the Latin has o
		{"تشافيز", "Shafiz", 0},
		// A word of one consonant pairs only if it writes every vowel, w and y of the other
		// (writesEveryVowel).
		{"أيوب", "Ayub", 0.9},
		{"داود", "Daoud", 0.9},
		{"איוב", "Ayub", 0.9},
		{"عيسى", "Isa", 0.9},   // ى ends a word in a or in i
		{"أيوب", "Ayb", 0},     // a vowel the Latin word does not have
		{"علي", "Ali", 0.9},    // ع carries the a, which Latin writes (abjadFrame)
		{"يحيى", "Yahya", 0.9}, // a first ي is a consonant, its short a unwritten (consonantGlide)
		{"علي", "Ola", 0},      // ع stands for one vowel, not two
		{"רויר", "Roy", 0},     // r-UI-r: two r's, not one
		{"أيوب", "Ayab", 0},    // و where the Latin word has a
		// Hebrew's b and p are v and f too, in either order of the two words.
		{"פופובה", "Popova", 0.9},
		{"דוידוביץ'", "Davidovich", 0.9},
		{"פרננדז", "Fernandez", 0.9}, // a פ that begins a foreign name is an f too
		// A Latin word's j is a y where the other word begins with one.
		{"يوسف", "Josef", 0.9},
		{"يوفانوفيتش", "Jovanović", writtenVowelsSim},
		{"יובאנוביץ'", "Jovanovic", 0.9},
		{"أمل", "Jamal", 0},         // no y: Amal
		{"בנימין", "Benjamin", 0.9}, // the j of a biblical name's English form (innerJAsY)
	} {
		a, b := k.analyze(tt.ar).tokens[0], k.analyze(tt.lat).tokens[0]
		if got := tokenSim(a, b); got != tt.want {
			t.Errorf("tokenSim(%q, %q)=%v, want %v", tt.ar, tt.lat, got, tt.want)
		}
		if got := tokenSim(b, a); got != tt.want {
			t.Errorf("tokenSim(%q, %q)=%v, want %v", tt.lat, tt.ar, got, tt.want)
		}
	}
}

// TestHebrewLatin: ו and י read as the vowels they are inside a word, and as consonants at its
// start or doubled; a letter with a geresh as the sound it writes.
func TestHebrewLatin(t *testing.T) {
	for in, want := range map[string]string{
		"ולדימיר": "vldimir",
		"פוטין":   "putin",
		"ננסי":    "nnsi",
		"יוסף":    "yusp",
		"דוויד":   "dvid",
		"פאולה":   "paula", // a final ה is an a
		// A geresh, as Normalize keeps it, gives a letter another sound.
		"ג׳ורג׳":    "jurj",
		"צ׳אנו":     "chanu",
		"ח׳טאב":     "khtab",
		"דוידוביץ׳": "duidubich",
	} {
		if got := hebrewLatin(in); got != want {
			t.Errorf("hebrewLatin(%q)=%q, want %q", in, got, want)
		}
	}
}
