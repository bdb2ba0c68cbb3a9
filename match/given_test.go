package match

import (
	"strings"
	"testing"
)

// TestGivenNames: an East Slavic given name in its Russian, Ukrainian and Belarusian forms
// (and Georgian's, for some), and the patronymics built on them, are one name (givenName); a
// son's patronymic and a daughter's are not.
func TestGivenNames(t *testing.T) {
	k := DefaultKnowledge()
	// Every form of the table, as a query analyses it, reads as its line's name.
	forms := 0
	readTSV("knowledge/given_names_east_slavic.tsv", func(canon, fs string) {
		for _, f := range strings.Fields(fs) {
			n := k.analyze(f)
			if len(n.tokens) != 1 || n.tokens[0].given != canon {
				t.Errorf("%q: given %q, want %q", f, n.tokens[0].given, canon)
			}
			forms++
		}
	})
	if forms < 100 {
		t.Fatalf("%d forms read", forms)
	}
	for _, c := range []struct {
		a, b     string
		min, max float64
	}{
		{"Volodymyr", "Vladimir", 0.9, 0.9},
		{"Уладзімір", "Vladimir", 0.9, 0.94}, // also read uladimir (belarusianSoft): one letter off
		{"Mykhailo", "Михаил", 0.9, 0.9},
		{"Hryhorii", "Grigori", 0.9, 0.9},
		{"Volodymyrovych", "Vladimirovich", 0.9, 0.9},
		{"Serhiiovych", "Sergeevich", 0.9, 0.9},
		{"Olehivna", "Olegovna", 0.9, 0.9}, // a daughter of Oleh, Oleg
		{"Putin Volodymyr Volodymyrovych", "Vladimir Vladimirovich Putin", 0.9, 0.95},
		// Georgian forms (Mikheil, Vladimer) are the Russian one, and pair where the other
		// words need a form of their own too (a Baltic ending, Georgian's nominative -i).
		{"Mikheil", "Михаил", 0.9, 0.93},
		{"Vladimiras Putinas", "ვლადიმერ პუტინი", 0.9, 0.95},
		{"Nikoloz", "Nikolaus", 0, 0.85},
		// A son's patronymic is not a daughter's.
		{"Volodymyrovych", "Vladimirovna", 0, 0.85},
		// Names of the table are not each other.
		{"Volodymyr", "Vsevolod", 0, 0.5},
	} {
		for _, p := range [][2]string{{c.a, c.b}, {c.b, c.a}} {
			if s := Score(p[0], p[1]); s < c.min || s > c.max {
				t.Errorf("Score(%q, %q) = %v, want in [%v, %v]", p[0], p[1], s, c.min, c.max)
			}
		}
	}
}

// TestPatronymicInitials: an initial after an East Slavic given name, or the second of two
// initials of a name in Cyrillic letters, stands for a patronymic; a middle initial of other
// names does not.
func TestPatronymicInitials(t *testing.T) {
	k := DefaultKnowledge()
	for name, want := range map[string]uint64{
		"Vladimir V. Putin": 1 << 1,
		"В. В. Путин":       1 << 1,
		"Путин В. В.":       1 << 2,
		"George W. Bush":    0,
		"V. V. Putin":       0, // in Latin letters: J. R. Smith
		"Путин В.":          0,
	} {
		if got := k.analyze(name).patronymic; got != want {
			t.Errorf("analyze(%q).patronymic = %b, want %b", name, got, want)
		}
	}
}

// TestScore_BelarusianSoft: in a word in Belarusian letters, ts and dz before i are the soft
// t and d of Russian, and ў ending a word after a vowel its в; Russian's own ци and дзи (in
// foreign names) are left as written.
func TestScore_BelarusianSoft(t *testing.T) {
	for _, c := range []struct {
		a, b     string
		min, max float64
	}{
		{"Пуцін", "Putin", 0.95, 0.95},
		{"Пуцін", "Путин", 0.95, 0.95},
		{"Цімафей Дзмітрыеў", "Timofei Dmitriev", 0.9, 0.95},
		{"Президент Путин", "Уладзімір Пуцін", 0.9, 0.95},
		{"Бартолоцци", "Bartolotti", 0, 0.92},
		{"Коцудзи", "Kotsugi", 0, 0.88},
	} {
		for _, p := range [][2]string{{c.a, c.b}, {c.b, c.a}} {
			if s := ScoreSchema(p[0], p[1], "Person"); s < c.min || s > c.max {
				t.Errorf("ScoreSchema(%q, %q, Person) = %v, want in [%v, %v]", p[0], p[1], s, c.min, c.max)
			}
		}
	}
}

// TestHungarianReading: a word read as Hungarian spells it, only where its spelling shows
// Hungarian.
func TestHungarianReading(t *testing.T) {
	for w, want := range map[string]string{
		"vlagyimir": "vladimir", "putyin": "putin", "hruscsov": "hrushchov", "szergej": "sergej",
		"putin": "", "betty": "", "tyler": "", "kenya": "", "sasha": "",
	} {
		if got := hungarianReading(w); got != want {
			t.Errorf("hungarianReading(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestGermanReading: th is t, and ch after a vowel h, but in a Slavic -vich.
func TestGermanReading(t *testing.T) {
	for w, want := range map[string]string{
		"margrethe": "margrete", "richter": "rihter", "bach": "bah", "thant": "tant",
		"schmidt": "", "zakharevich": "", "chavez": "", "putin": "",
	} {
		if got := germanReading(w); got != want {
			t.Errorf("germanReading(%q) = %q, want %q", w, got, want)
		}
	}
}
