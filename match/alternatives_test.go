package match

import (
	"slices"
	"testing"

	"github.com/oversight-project/oversight"
)

func TestAlternatives(t *testing.T) {
	k := DefaultKnowledge()
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Al-Qa'ida/Islamic Army", []string{"Al-Qa'ida", "Islamic Army"}},
		{"NEW PEOPLE'S ARMY / COMMUNIST PARTY OF THE PHILIPPINES", []string{"NEW PEOPLE'S ARMY", "COMMUNIST PARTY OF THE PHILIPPINES"}},
		{"ADF/NALU", []string{"ADF", "NALU"}},
		{"MAKHTAB AL-KHIDAMAT/AL KIFAH", []string{"MAKHTAB AL-KHIDAMAT", "AL KIFAH"}},
		{"上海公司／北京公司", []string{"上海公司", "北京公司"}},
		// One name: a slash between letters, or a part that names no body.
		{"Bowne Global Solutions Denmark A/S", nil},
		{"LRM/A", nil},
		{"c/o Foo Trading", nil},
		{"Case no. 11519/20", nil},
		{"Foo S.A./N.V.", []string{"Foo S.A."}},
		{"HARAKAT UL-JIHAD-I-ISLAMI/BANGLADESH", []string{"HARAKAT UL-JIHAD-I-ISLAMI"}},
		// Unspaced slashes between parts of very different lengths join two words.
		{"7TH OF TIR INDUSTRIES OF ISFAHAN/ESFAHAN", nil},
		{"CHINA NATIONAL PRECISION MACHINERY IMPORT/EXPORT CORPORATION", nil},
		{"Plain name", nil},
		// Parts that end in the same word are kinds of one body.
		{"JOUMAA MONEY LAUNDERING ORGANIZATION / DRUG TRAFFICKING ORGANIZATION", nil},
		{"Foo Trading Ltd / Bar Holdings Ltd", []string{"Foo Trading Ltd", "Bar Holdings Ltd"}},
	} {
		if got := k.alternatives(c.in); !slices.Equal(got, c.want) {
			t.Errorf("alternatives(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestScore_Alternatives(t *testing.T) {
	for _, c := range []struct {
		a, b string
		min  float64
		max  float64
	}{
		{"Al Qaeda", "Al-Qa'ida/Islamic Army", 0.9, 1},
		{"Islamic Army", "Al-Qa'ida/Islamic Army", 1, 1},
		{"Communist Party of the Philippines", "New People's Army / Communist Party of the Philippines", 1, 1},
		{"Bangladesh", "Harakat ul-Jihad-i-Islami/Bangladesh", 0, 0.8},
		{"Esfahan", "7th of Tir Industries of Isfahan/Esfahan", 0, 0.8},
	} {
		for _, p := range [][2]string{{c.a, c.b}, {c.b, c.a}} {
			if s := Score(p[0], p[1]); s < c.min || s > c.max {
				t.Errorf("Score(%q, %q) = %v, want in [%v, %v]", p[0], p[1], s, c.min, c.max)
			}
		}
	}
}

func TestIndex_Alternatives(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	ix.Add(&oversight.Entity{ID: "aq", Schema: "Organization", Properties: map[string][]string{"name": {"Al-Qa'ida/Islamic Army"}}})
	ix.Add(&oversight.Entity{ID: "npa", Schema: "Organization", Properties: map[string][]string{"name": {"Communist Party of the Philippines"}}})
	ix.Add(&oversight.Entity{ID: "huji", Schema: "Organization", Properties: map[string][]string{"name": {"Harakat ul-Jihad-i-Islami/Bangladesh"}}})
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"Al Qaeda", []string{"aq"}},
		{"Islamic Army", []string{"aq"}},
		// A query that lists names finds the entity of each.
		{"Islamic Army / Communist Party of the Philippines", []string{"aq", "npa"}},
		{"Bangladesh", nil},
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
