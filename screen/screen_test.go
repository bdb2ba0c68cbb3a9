package screen_test

import (
	"bytes"
	"context"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/bundle"
	"github.com/oversight-project/oversight/ftm"
	"github.com/oversight-project/oversight/match"
	"github.com/oversight-project/oversight/rules"
	"github.com/oversight-project/oversight/screen"
)

// newScreener builds a screener over the bundled registry, without a store.
func newScreener(tb testing.TB) *screen.Screener {
	tb.Helper()
	prog, err := rules.Parse("rules.yaml", bundle.Rules)
	if err != nil {
		tb.Fatal(err)
	}
	risk, err := prog.ParseRiskTable("country_risk.yaml", bundle.CountryRisk)
	if err != nil {
		tb.Fatal(err)
	}
	// Merge seed and enrichment fragments by id, as the store does.
	merged := map[string]*oversight.Entity{}
	var order []string
	for _, data := range [][]byte{bundle.Seed, bundle.Enrichment} {
		dec := ftm.NewDecoder(bytes.NewReader(data), "bundle")
		for {
			e, err := dec.Next()
			if err == io.EOF {
				break
			} else if err != nil {
				tb.Fatal(err)
			}
			if m, ok := merged[e.ID]; ok {
				for k, v := range e.Properties {
					m.Properties[k] = append(m.Properties[k], v...)
				}
				continue
			}
			merged[e.ID] = e
			order = append(order, e.ID)
		}
	}
	reg := screen.NewRegistry(match.DefaultConfig())
	parties := ftm.Default.Descendants("LegalEntity")
	for _, id := range order {
		reg.Add(merged[id], slices.Contains(parties, merged[id].Schema))
	}
	return &screen.Screener{Program: prog, Registry: reg, Risk: risk,
		Now: func() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) }}
}

func screenDoc(tb testing.TB, s *screen.Screener, doc string) *oversight.Decision {
	tb.Helper()
	tr, err := s.Program.DecodeTransfer("doc", strings.NewReader(doc))
	if err != nil {
		tb.Fatal(err)
	}
	d, err := s.Screen(context.Background(), tr, rules.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func fact(d *oversight.Decision, path string) *oversight.Fact {
	for _, f := range d.Facts {
		if f.Path == path {
			return f
		}
	}
	return nil
}

func firedIDs(d *oversight.Decision) []string {
	var out []string
	for _, f := range d.Fired {
		out = append(out, f.ID)
	}
	return out
}

const techDoc = `kind: technology
date: "2026-12-01"
exporter: {name: Noldus Information Technology BV, country: NL}
origin_country: NL
products: [{name: FaceReader, capabilities: [emotion.recognize]}]
end_user: {name: "%s", country: CN}
end_use: {statement_provided: true, purposes: [scientific_research]}
destination: {country: CN, region: Xinjiang}
deployment: {settings: [education_institution]}
`

func doc(endUser string) string { return strings.Replace(techDoc, "%s", endUser, 1) }

// A university run by the XPCC inherits its parent's listings and abuse record.
func TestScreen_InheritsFromParent(t *testing.T) {
	d := screenDoc(t, newScreener(t), doc("Shihezi University"))
	if len(d.Parties) != 2 || !d.Parties[1].Resolved || d.Parties[1].Matches[0].ID != "org-shihezi-university" {
		t.Fatalf("parties=%+v", d.Parties[1])
	}
	l := fact(d, "end_user.listings")
	want := []string{"ofac_sdn", "us_entity_list", "us_other_restricted"}
	if l == nil || !slices.Equal(l.Derived.([]string), want) || !strings.Contains(l.Note, "via parent") || len(l.Sources) == 0 {
		t.Fatalf("listings fact=%+v, want %v inherited via parent with sources", l, want)
	}
	c := fact(d, "end_user.categories")
	if c == nil || !slices.Contains(c.Derived.([]string), "security_affiliated_academia") {
		t.Errorf("categories=%+v", c)
	}
	if a := fact(d, "end_user.abuse_record"); a == nil || len(a.Derived.([]string)) == 0 || !strings.Contains(a.Note, "org-xpcc") {
		t.Errorf("abuse_record=%+v, want the XPCC's record", a)
	}
	if g := fact(d, "end_user.government_linked"); g == nil || g.Derived != true {
		t.Errorf("government_linked=%+v", g)
	}
	if !slices.Contains(firedIDs(d), "EU-DUG-RF-ENDUSER-ABUSE-RECORD") || d.Verdict != oversight.Escalate {
		t.Errorf("verdict=%s fired=%v", d.Verdict, firedIDs(d))
	}
}

// The XPCC Public Security Bureau is on the EU list: an EU exporter may not supply it.
func TestScreen_EUListedEndUser(t *testing.T) {
	d := screenDoc(t, newScreener(t), doc("Xinjiang Production and Construction Corps Public Security Bureau"))
	if d.Verdict != oversight.Prohibited || !slices.Contains(firedIDs(d), "SANC-ASSET-FREEZE-LISTED-PARTY") {
		t.Fatalf("verdict=%s fired=%v", d.Verdict, firedIDs(d))
	}
	for _, f := range d.Fired {
		if f.ID != "SANC-ASSET-FREEZE-LISTED-PARTY" {
			continue
		}
		for _, e := range f.Evidence {
			if e.Path == "end_user.listings" && (e.Source != "screening" || !strings.Contains(e.Note, "sanction-eu-hr-xpcc-psb")) {
				t.Errorf("evidence=%+v, want the EU sanction cited", e)
			}
		}
	}
}

// A value given in the document wins; the fact shows both.
func TestScreen_GivenWins(t *testing.T) {
	d := screenDoc(t, newScreener(t), strings.Replace(doc("上海市公安局"), "country: CN}", "country: CN, categories: [civil_research]}", 1))
	c := fact(d, "end_user.categories")
	if c == nil || c.Used != "given" || !slices.Equal(c.Given.([]string), []string{"civil_research"}) || !slices.Equal(c.Derived.([]string), []string{"police_public_security"}) {
		t.Fatalf("fact=%+v", c)
	}
}

// An end-user nobody knows: its categories are unknown. Where a rule depends on them the rule
// is pending and the screening is not clear; where none does (a risk-0 destination, no
// identification capability), the screening may be clear, and the party is still reported as
// not resolved.
func TestScreen_UnresolvedParty(t *testing.T) {
	s := newScreener(t)
	tmpl := `kind: technology
date: "2026-12-01"
exporter: {name: DoorID AB, country: SE}
origin_country: SE
products: [{name: DoorFace, capabilities: [face.verify.1to1]}]
end_user: {name: Zyxw Holdings, country: %s}
end_use: {statement_provided: true, purposes: [access_control]}
destination: {country: %s}
deployment: {settings: [private_premises]}
`
	d := screenDoc(t, s, strings.ReplaceAll(tmpl, "%s", "CN"))
	if d.Parties[1].Status != "unresolved" || d.Verdict != oversight.Escalate || len(d.Pending) == 0 {
		t.Fatalf("CN: status=%s verdict=%s pending=%d", d.Parties[1].Status, d.Verdict, len(d.Pending))
	}
	if c := fact(d, "end_user.categories"); c == nil || c.Used != "unknown" {
		t.Errorf("categories fact=%+v", c)
	}
	if !slices.ContainsFunc(d.Pending, func(p *oversight.PendingRule) bool {
		return p.ID == "EU-DUG-RF-ENDUSER-SECURITY-BODY" && slices.Contains(p.Missing, "end_user.categories")
	}) {
		t.Errorf("pending=%v, want the security-body red flag waiting for end_user.categories", d.Pending)
	}
	d = screenDoc(t, s, strings.ReplaceAll(tmpl, "%s", `"NO"`))
	if d.Parties[1].Status != "unresolved" || d.Verdict != oversight.Clear {
		t.Fatalf("NO: status=%s verdict=%s", d.Parties[1].Status, d.Verdict)
	}
}

// A near miss with a listed body leaves the listings unknown until a person reviews it.
func TestScreen_PossibleMatchNeedsReview(t *testing.T) {
	d := screenDoc(t, newScreener(t), doc("Kashi Prefecture Public Safety Bureau"))
	p := d.Parties[1]
	if p.Resolved || p.Status != "possible" || len(p.Possible) == 0 {
		t.Fatalf("party=%+v possible=%v", p, p.Possible)
	}
	if l := fact(d, "end_user.listings"); l == nil || l.Used != "unknown" || !strings.Contains(l.Note, "needs review") {
		t.Fatalf("listings=%+v", l)
	}
	if d.Verdict == oversight.Clear || len(d.Pending) == 0 {
		t.Errorf("verdict=%s pending=%d", d.Verdict, len(d.Pending))
	}
}

func TestScreen_Destination(t *testing.T) {
	s := newScreener(t)
	d := screenDoc(t, s, doc("Shihezi University"))
	if f := fact(d, "destination.effective_risk"); f == nil || f.Derived != int64(4) {
		t.Errorf("effective_risk=%+v, want 4 (Xinjiang)", f)
	}
	if f := fact(d, "destination.flags"); f == nil || !slices.Contains(f.Derived.([]string), "atrocity_findings") {
		t.Errorf("flags=%+v", f)
	}
	d = screenDoc(t, s, strings.Replace(doc("Shihezi University"), "destination: {country: CN, region: Xinjiang}", "destination: {country: XX}", 1))
	if f := fact(d, "destination.risk_level"); f == nil || f.Used != "unknown" {
		t.Errorf("unknown country: risk_level=%+v", f)
	}
}

// Listings count from the date they took effect.
func TestScreen_ListingDates(t *testing.T) {
	s := newScreener(t)
	early := strings.Replace(doc("Hangzhou Hikvision Digital Technology Co., Ltd."), `date: "2026-12-01"`, `date: "2019-01-01"`, 1)
	if l := fact(screenDoc(t, s, early), "end_user.listings"); l == nil || len(l.Derived.([]string)) != 0 {
		t.Errorf("before the 2019 listing: listings=%+v, want none", l)
	}
	if l := fact(screenDoc(t, s, doc("Hangzhou Hikvision Digital Technology Co., Ltd.")), "end_user.listings"); l == nil || !slices.Contains(l.Derived.([]string), "us_entity_list") {
		t.Errorf("after the listing: listings=%+v", l)
	}
}

func TestScreen_DateDefault(t *testing.T) {
	d := screenDoc(t, newScreener(t), strings.Replace(doc("Shihezi University"), `date: "2026-12-01"`+"\n", "", 1))
	if d.Date != "2026-11-23" || fact(d, "date") == nil {
		t.Errorf("date=%s facts=%v", d.Date, fact(d, "date"))
	}
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

// A party named otherwise but giving a registered body's identifier resolves to that body.
func TestScreen_PartyIdentifiers(t *testing.T) {
	d := screenDoc(t, newScreener(t), `kind: technology
date: "2026-12-01"
exporter: {name: DoorID AB, country: SE}
origin_country: SE
products: [{name: DoorFace, capabilities: [face.verify.1to1]}]
end_user: {name: Zyxw Holdings, country: CN, identifiers: ["91330000 733796106P"]}
end_use: {statement_provided: true, purposes: [access_control]}
destination: {country: CN}
deployment: {settings: [private_premises]}
`)
	p := d.Parties[1]
	if p.Status != "resolved" || len(p.Matches) == 0 || p.Matches[0].ID != "co-hikvision" || p.Matches[0].Features["identifier"] != "match" {
		t.Fatalf("party=%+v matches=%v", p, p.Matches)
	}
}
