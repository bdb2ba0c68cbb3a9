package match

import (
	"slices"
	"strconv"
	"testing"

	"github.com/oversight-project/oversight"
)

// Titles are dropped where titles stand, in names that may be persons'; elsewhere, and in
// organisations' names, the words that can be titles are words.
func TestScore_Titles(t *testing.T) {
	for _, c := range []struct {
		a, b, schema string
		min, max     float64
	}{
		{"Präsident Putin", "Putin", "", 0.99, 0.99},
		{"AL-ALI, Dr. Hamed Abdullah", "Hamed Abdullah Al-Ali", "Person", 0.99, 0.99},
		{"NKUNDA, General", "Nkunda", "Person", 0.99, 0.99},
		{"His Excellency President Ruto", "Ruto", "", 0.99, 0.99},
		{"Mai Her", "Mai", "Person", 0, 0.9}, // Her is a surname, not a title, at the end
		// Not where titles stand, or with a legal form: a word.
		{"FMF General Trading LLC", "FMF Trading LLC", "", 0, 0.95},
		{"General Motors Company", "Motors Company", "", 0, 0.9},
		// An organisation's name has no titles.
		{"General Electric", "Electric", "Company", 0, 0.9},
		{"MS-13", "13", "Organization", 0, 0.9},
		{"General Electric", "General Electric", "Company", 1, 1},
		// A title and one word against a person's fuller name: the other words count at half
		// a person's share (titledOutweighs, titledExtra), so the family name spelt another
		// usual way still matches; without the title, or for another schema, as before.
		// With no schema, a given name in the other name says it is a person's
		// (titledPerson), in its other languages' spellings too (Wladimir, Vlagyimir); a
		// word that is not one says nothing.
		{"Präsident Putin", "Vladimir Putin", "Person", 0.95, 0.96},
		{"Putyin elnök", "Vladimir Putin", "Person", 0.9, 0.95},
		{"President Erdoğan", "Recep Tayyip Erdoğan", "Person", 0.9, 0.95},
		{"Putin", "Vladimir Putin", "Person", 0.85, 0.86},
		{"Präsident Putin", "Vladimir Putin", "", 0.95, 0.96},
		{"Präsident Putin", "Wladimir Wladimirowitsch Putin", "", 0.95, 0.96},
		{"Putyin elnök", "Vlagyimir Putyin", "", 0.95, 0.96},
		{"Präsident Putin", "Βλαντίμιρ Πούτιν", "", 0.9, 0.96}, // in other alphabets too
		{"Präsident Putin", "व्लादिमीर पुतिन", "", 0.9, 0.96},
		// and a given name rendered in another script (renderedGiven)
		{"Präsident Putin", "ウラジーミル・プーチン", "", 0.9, 0.96},
		{"Putyin elnök", "فلاديمير بوتين", "", 0.9, 0.96},
		{"Präsident Putin", "普京控股", "", 0, 0.86}, // Putin Holding
		// and an initial that stands for a patronymic, as Russian writes names (В. В.
		// Путин); initials in Latin letters say nothing (J. P. Morgan is a bank).
		{"Putyin elnök", "В. В. Путин", "", 0.9, 0.96},
		{"Putyin elnök", "Путин В. В.", "", 0.9, 0.96},
		{"President Morgan", "J. P. Morgan", "", 0, 0.86},
		{"President Putin", "V. V. Putin", "", 0, 0.86},
		{"Präsident Putin", "Vladimir V. Putin", "Person", 0.9, 0.96}, // initials are given names'
		{"President Bush", "George W. Bush", "Person", 0.9, 0.96},
		// The family name spelt another usual way below 0.95 (Poutine, Putinas) keeps the
		// threshold, where the same word would match: not with more words left over (two
		// given names and a middle name), nor where the word pairs below it (al pairs too).
		{"Präsident Putin", "Vladimir Poutine", "Person", 0.9, 0.9},
		{"Präsident Putin", "Vladimiras Putinas", "Person", 0.9, 0.9},
		{"Putyin elnök", "Vladimir Vladimirovitch Poutine", "", 0.9, 0.9},
		{"Sheikh Abukar", "Ali Ali Hasan Abkar", "Person", 0, 0.89},
		{"ABDELHAY, al-Sheikh", "AHMAD AL-ABDULLAH, Subhi", "Person", 0, 0.89},
		// The word must be where the other name's family name stands: before its comma, or
		// else first or last. A title and a given name are not the person.
		{"Madame Su", "RI, Su Yong", "Person", 0, 0.9},
		{"Madame Su", "Ri Su Yong", "Person", 0, 0.9},
		{"Madame Ri", "RI, Su Yong", "Person", 0.9, 1},
		{"Madame Yong", "Ri Su Yong", "Person", 0.9, 1},
		{"Putin", "Vladimir Putin", "", 0.85, 0.86},
		{"Präsident Putin", "Putin Holding", "", 0.85, 0.86},
		{"President Putin", "Putin Holding", "Company", 0, 0.86},
		// Burmese titles, written joined to the name or not: ဦး (U), ဒေါ် (Daw), ranks.
		{"ဦးသိန်းစိန်", "Thein Sein", "Person", 0.95, 0.99},
		{"ဦး သိန်းစိန်", "Thein Sein", "Person", 0.95, 0.99},
		{"ဗိုလ်ချုပ်မှူးကြီး မင်းအောင်လှိုင်", "Min Aung Hlaing", "Person", 0.95, 0.99},
		{"ဒေါ်အောင်ဆန်းစုကြည်", "Aung San Suu Kyi", "Person", 0.95, 0.99},
		{"ဦးသိန်းစိန်", "သိန်းစိန်", "Person", 0.99, 0.99},
		{"ဦး", "U", "Person", 0.9, 1}, // a title alone is the name
		// A title and one word against a foreign name in Burmese, its first or last word
		// (titledBurmese), as against other renderings; with no schema, where a Burmese
		// word renders a given name (titledPerson).
		{"Präsident Putin", "ဗလာဒီမီယာ ပူတင်", "Person", 0.9, 0.9},
		{"Putyin elnök", "ဗလာဒီမီယာ ပူတင်", "", 0.9, 0.9},
		{"Президент Путин", "ဗလာဒီမီယာ ပူတင်", "Person", 0.9, 0.9},
		{"Putin", "ဗလာဒီမီယာ ပူတင်", "Person", 0, 0.89},
		{"ဦးသိန်းစိန်", "Thein Sein", "Company", 0, 0.9},
	} {
		for _, p := range [][2]string{{c.a, c.b}, {c.b, c.a}} {
			if s := ScoreSchema(p[0], p[1], c.schema); s < c.min || s > c.max {
				t.Errorf("ScoreSchema(%q, %q, %q) = %v, want in [%v, %v]", p[0], p[1], c.schema, s, c.min, c.max)
			}
		}
	}
}

// TestIndex_TitledRareWord: in an index, a title and a word match a person's fuller name
// only when the word is rare there.
func TestIndex_TitledRareWord(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	ix.Add(&oversight.Entity{ID: "putin", Schema: "Person", Properties: map[string][]string{"name": {"Vladimir Putin"}}})
	for i, given := range []string{"Chol", "Song", "Il", "Yong", "Jin", "Hyok", "Nam", "Su", "Ho", "Bok", "Chun", "Gil", "Man", "Sik", "Ung", "Hun", "Jae", "Won", "Pyo", "Ryong"} {
		ix.Add(&oversight.Entity{ID: "kim" + strconv.Itoa(i), Schema: "Person", Properties: map[string][]string{"name": {"KIM, " + given}}})
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"President Putin", []string{"putin"}},
		{"President Kim", nil}, // Kim is in every other name
	} {
		var got []string
		for _, m := range ix.Match(oversight.NameQuery{Name: c.query}, 0.9) {
			got = append(got, m.ID)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Match(%q) = %q, want %q", c.query, got, c.want)
		}
	}
}

// TestIndex_TitledSpelling: an index finds the names a title and one word match at the
// threshold (align keeps it), whatever the bounds read of the other words' share.
func TestIndex_TitledSpelling(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	for id, name := range map[string]string{"lt": "Vladimiras Putinas", "fr": "Jean-Pierre Poutine", "vp": "Vladimir Putin", "aa": "Ali Ali Hasan Abkar", "bu": "ဗလာဒီမီယာ ပူတင်"} {
		ix.Add(&oversight.Entity{ID: id, Schema: "Person", Properties: map[string][]string{"name": {name}}})
	}
	for i, given := range []string{"Chol", "Song", "Il", "Yong", "Jin", "Hyok", "Nam", "Su", "Ho", "Bok"} {
		ix.Add(&oversight.Entity{ID: "kim" + strconv.Itoa(i), Schema: "Person", Properties: map[string][]string{"name": {"KIM, " + given}}})
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"Präsident Putin", []string{"bu", "fr", "lt", "vp"}}, // in Burmese too (titledBurmese)
		{"Sheikh Abukar", nil},
		{"Президент Путин", []string{"bu", "fr", "lt", "vp"}},
	} {
		var got []string
		for _, m := range ix.Match(oversight.NameQuery{Name: c.query}, 0.9) {
			got = append(got, m.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("Match(%q) = %q, want %q", c.query, got, c.want)
		}
	}
}

func TestIndex_Titles(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	ix.Add(&oversight.Entity{ID: "ge", Schema: "Company", Properties: map[string][]string{"name": {"General Electric"}}})
	ix.Add(&oversight.Entity{ID: "nk", Schema: "Person", Properties: map[string][]string{"name": {"NKUNDA, General"}}})
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"General Electric", []string{"ge"}}, // read as a company's name, whose General is a word
		{"Electric", nil},
		{"General Nkunda", []string{"nk"}},
		{"Nkunda", []string{"nk"}},
	} {
		var got []string
		for _, m := range ix.Match(oversight.NameQuery{Name: c.query}, 0.9) {
			got = append(got, m.ID)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Match(%q) = %q, want %q", c.query, got, c.want)
		}
	}
}
