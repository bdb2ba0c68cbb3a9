package match

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// FuzzASCIIForms: Normalize skips the Unicode forms for ASCII because they change nothing
// but case there.
func FuzzASCIIForms(f *testing.F) {
	f.Add("Hikvision Co., Ltd. K")
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		if got, want := decompose(s), strings.ToLower(s); got != want {
			t.Fatalf("decompose(%q)=%q, want %q", s, got, want)
		}
		if got := norm.NFC.String(s); got != s {
			t.Fatalf("NFC(%q)=%q", s, got)
		}
	})
}

// TestAppendCyrillicFold: the allocation-free fold is cyrillicFold.
func TestAppendCyrillicFold(t *testing.T) {
	for _, w := range []string{"", "i", "ie", "iee", "yie", "yevgeny", "jevgenij", "khrushchev", "tzar",
		"federalnaya", "sluzhba", "zelenskyy", "aaab", "kkh", "ktz", "ieie", "müller", "yy", "jekh"} {
		if got, want := string(appendCyrillicFold(nil, w)), cyrillicFold(w); got != want {
			t.Errorf("appendCyrillicFold(%q) = %q, want %q", w, got, want)
		}
	}
	// Every word of up to five letters drawn from those the fold reads.
	const letters = "iejykhtza"
	var gen func(w string)
	gen = func(w string) {
		if got, want := string(appendCyrillicFold(nil, w)), cyrillicFold(w); got != want {
			t.Fatalf("appendCyrillicFold(%q) = %q, want %q", w, got, want)
		}
		if len(w) < 5 {
			for i := range len(letters) {
				gen(w + letters[i:i+1])
			}
		}
	}
	gen("")
}

// TestRussianTerms: Russian institutional words are read in English, in Cyrillic and in Latin
// letters, and short Latin words are not (Dela Cruz).
func TestRussianTerms(t *testing.T) {
	k := DefaultKnowledge()
	for in, want := range map[string]string{
		"Министерство обороны Российской Федерации": "ministry defence russian federation",
		"FEDERALNAYA SLUZHBA BEZOPASNOSTI":          "federal service security",
		"Federal'naia sluzhba":                      "federal service",
		"Maria Dela Cruz":                           "maria dela cruz",
		"Дмитрий Городецкий":                        "dmitrii gorodetskii",
	} {
		var got []string
		for _, tok := range k.analyze(in).tokens {
			got = append(got, tok.text)
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("analyze(%q) = %q, want %q", in, g, want)
		}
	}
}

// TestPinyinSyllables: the embedded pinyin syllables are those go-pinyin gives.
func TestPinyinSyllables(t *testing.T) {
	got, want := pinyinSyllables(), goPinyinSyllables()
	for s := range want {
		if !got[s] {
			t.Errorf("knowledge/pinyin_syllables.tsv lacks %q", s)
		}
	}
	for s := range got {
		if !want[s] {
			t.Errorf("knowledge/pinyin_syllables.tsv has %q, which go-pinyin does not give", s)
		}
	}
}

// TestNativeSpelling: a Latin word is a Chinese or Korean name's when its romanization spells
// it; the pinyin of interjections, which have no vowel, spells no name.
func TestNativeSpelling(t *testing.T) {
	for _, c := range []struct {
		word, script string
		want         bool
	}{
		{"jinping", "han", true},
		{"chin", "han", true},  // Wade–Giles
		{"hsien", "han", true}, // Wade–Giles
		{"putin", "han", false},
		{"msaan", "han", false},
		{"ming", "han", true},
		{"gim", "hangul", true},
		{"nicole", "hangul", false},
		{"putin", "latin", false},
	} {
		if got := nativeSpelling(c.word, c.script); got != c.want {
			t.Errorf("nativeSpelling(%q, %q) = %v, want %v", c.word, c.script, got, c.want)
		}
	}
}

// TestFold: a fold replaces as a strings.Replacer of the same pairs does, on random words
// over the letters the pairs use.
func TestFold(t *testing.T) {
	tables := [][]string{
		transcriptionPairs,
		{"sch", "s", "tch", "s", "ph", "f", "th", "t", "sh", "s", "ch", "s", "zh", "s", "x", "ks", "ce", "se", "ci", "si"},
		{"eo", "o", "eu", "u", "oo", "u", "ee", "i"},
		{"a", "", "ab", "x", "abc", "y"}, // an earlier pair wins over a longer one, as in a Replacer
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const letters = "abcdeghijkostuwxyz"
	for _, pairs := range tables {
		f, r := newFold(pairs...), strings.NewReplacer(pairs...)
		for range 20000 {
			b := make([]byte, rng.IntN(12))
			for i := range b {
				b[i] = letters[rng.IntN(len(letters))]
			}
			if got, want := f.Replace(string(b)), r.Replace(string(b)); got != want {
				t.Fatalf("fold %q of %q = %q, Replacer %q", pairs, b, got, want)
			}
		}
	}
}

// TestSpelledIn: spelledIn, walking a syllableSet, finds what looking each part of the word up
// in the set's map finds, for random words over the sets' letters.
func TestSpelledIn(t *testing.T) {
	// ref is the fewest syllables of set w is spelt in, -1 if none, by a plain search.
	ref := func(w string, set map[string]bool, doubled bool) int {
		fewest := make([]int, len(w)+1)
		for i := range fewest {
			fewest[i] = -1
		}
		fewest[0] = 0
		reach := func(j, n int) {
			if fewest[j] < 0 || n < fewest[j] {
				fewest[j] = n
			}
		}
		for i := range len(w) {
			if fewest[i] < 0 {
				continue
			}
			if doubled && i+1 < len(w) && w[i] == w[i+1] && !strings.ContainsRune("aeiou", rune(w[i])) {
				reach(i+1, fewest[i])
			}
			for j := i + 1; j <= len(w) && j <= i+maxSyllable; j++ {
				if set[w[i:j]] {
					reach(j, fewest[i]+1)
				}
			}
		}
		return fewest[len(w)]
	}
	sets := map[string]map[string]bool{
		"pinyin":  {},
		"hangul":  foldedHangulSyllables([]int{0, 1, 4, 8, 16, 17, 21}, false),
		"sino":    foldedHangulSyllables([]int{0, 1, 4, 8, 16, 17, 21, 22}, true),
		"special": {"a": true, "ab": true, "abcdef": true, "b": true, "zz": true},
	}
	for p := range pinyinSyllables() {
		if !strings.ContainsFunc(p, func(r rune) bool { return r < 'a' || r > 'z' }) {
			sets["pinyin"][p] = true
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	letters := "aeiouybcdfghjklmnprstwz"
	found := 0
	for name, set := range sets {
		trie := newSyllableSet(set)
		words := []string{"", strings.Repeat("ba", 40), strings.Repeat("ab", 40) + "x"} // longer than spelledIn's buffer
		for s := range set {
			words = append(words, s, s+s, s+"x")
		}
		for range 20000 {
			b := make([]byte, 1+rng.IntN(12))
			for i := range b {
				b[i] = letters[rng.IntN(len(letters))]
			}
			words = append(words, string(b))
		}
		for _, w := range words {
			for _, doubled := range []bool{false, true} {
				n := ref(w, set, doubled)
				want := n >= 0
				if got := spelledIn(w, trie, doubled); got != want {
					t.Fatalf("%s: spelledIn(%q, doubled %v) = %v, want %v", name, w, doubled, got, want)
				}
				if got := syllablesIn(w, trie, doubled); got != n {
					t.Fatalf("%s: syllablesIn(%q, doubled %v) = %v, want %v", name, w, doubled, got, n)
				}
				if want {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no word was spelt in any set: the test compares nothing")
	}
}

// FuzzNormalizeAtComma: normalising the two sides of a name's one comma apart and joining
// them gives Normalize of the whole, and the words before the comma are those of its
// normalised side.
func FuzzNormalizeAtComma(f *testing.F) {
	for _, s := range []string{"KIM, Su Il", "AL-RAWI, Salman bin Muhammad", "U.S., Inc.", ", Ltd", "Müller,", "a,\u0301b",
		"Co.,Ltd.", "ＡＢＣ, ｄｅｆ", "李，明", "Дж. , Смит", "I.B.M., Corp", " , ", "ﬁ,ﬂ", "x.y,z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, n := normalizeAtComma(s)
		if want := Normalize(s); got != want {
			t.Fatalf("normalizeAtComma(%q) = %q, Normalize gives %q", s, got, want)
		}
		before, after, ok := strings.Cut(s, ",")
		if !ok || strings.Contains(after, ",") {
			if n != 0 {
				t.Fatalf("normalizeAtComma(%q): %d words before a comma, want 0", s, n)
			}
			return
		}
		if want := len(strings.Fields(Normalize(before))); n != want {
			t.Fatalf("normalizeAtComma(%q): %d words before the comma, want %d", s, n, want)
		}
	})
}

func TestPolishLetters(t *testing.T) {
	for _, tt := range []struct{ w, want string }{
		{"kaczmarek", "kachmarek"},
		{"brzezinski", "bzhezinski"},
		{"szczepanski", "shchepanski"},
		{"kosciuszko", "koschushko"}, // ci before a vowel
		{"chrzanowski", "hzhanovski"},
		{"wojciechowski", ""}, // no cz, sz or rz: not read as Polish
		{"drzhich", ""},       // Držić with its ž written out: Croatian
		{"smith", ""},
	} {
		if got := polishLetters(tt.w); got != tt.want {
			t.Errorf("polishLetters(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

func TestItalianLetters(t *testing.T) {
	for _, tt := range []struct{ w, want string }{
		{"boccaccio", "boccacho"}, // cc before i, and the i silent before o
		{"castellucci", "castelluchi"},
		{"ruggiero", "rujero"},
		{"gioacchino", "joackino"}, // gi before o; cch a k
		{"sciascia", "shasha"},
		{"bidoglio", "bidolyo"},
		{"marignano", "marinyano"},
		{"pinocchio", ""}, // cch only: not read as Italian
		{"gibson", ""},
		{"smith", ""},
	} {
		if got := italianLetters(tt.w); got != tt.want {
			t.Errorf("italianLetters(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

func TestBelarusianRussian(t *testing.T) {
	for _, tt := range []struct{ w, want string }{
		{"uladzimir", "vladimir"},
		{"putsin", "putin"},
		{"lukashenka", ""}, // read as it is
		{"ulas", "vlas"},   // Улас, Влас
		{"uasil", ""},      // a u before a vowel is a u
	} {
		if got := belarusianRussian(tt.w); got != tt.want {
			t.Errorf("belarusianRussian(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

func TestGermanLetters(t *testing.T) {
	for _, tt := range []struct{ w, want string }{
		{"clausewitz", "clausevits"},
		{"schussel", "shussel"},
		{"stein", ""}, // no sch, tz or initial w: not read as German
		{"steinmetz", "shtainmets"},
		{"weidauer", "vaidauer"},
		{"bach", ""},
		{"wright", ""}, // w before a consonant
	} {
		if got := germanLetters(tt.w); got != tt.want {
			t.Errorf("germanLetters(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}
