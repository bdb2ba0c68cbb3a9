package rules_test

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/rules"
)

// A pack small enough to reason about, in the layout of the real one.
const miniPack = `
schema_version: 1
ruleset: {name: mini, version: "1"}
verdicts:
  - {name: prohibited, severity: 4}
  - {name: licence_required, severity: 3}
  - {name: escalate, severity: 2}
  - {name: conditions, severity: 1}
  - {name: clear, severity: 0}
strengths: {binding: b, soft_law: s, policy: p}
profiles:
  compliance: {caps: {binding: prohibited, soft_law: escalate, policy: escalate}}
  redlines: {caps: {binding: prohibited, soft_law: escalate, policy: prohibited}, use_redline_verdict: true}
obligations: {o1: one, o2: two}
fields:
  kind: {type: string, values: kinds}
  date: {type: date}
  a: {type: bool}
  b: {type: bool, default: false}
  n: {type: int}
  tags: {type: list, default: [], values: tags}
  "items[].tag": {type: string, default: plain, values: tags}
  "due_diligence.resolved_redflags[].rule_id": {type: string}
  "due_diligence.resolved_redflags[].reviewer": {type: string}
  "due_diligence.resolved_redflags[].justification": {type: string}
  redflags.unresolved_count: {type: int, computed: true}
sets:
  kinds: [technology, biometric_data]
  tags: [plain, red, blue]
derived:
  is_tech: {field: kind, op: eq, value: technology}
rules:
  - {id: R-PROHIBIT, title: t, citation: c, source_url: u, strength: binding, applies_to: technology,
     effective_from: "2020-01-01", verdict: prohibited, verification: sourced,
     scope: {derived: is_tech}, when: {field: a, op: is_true}, obligations: [o1], evidence: [a]}
  - {id: R-SOFT, title: t, citation: c, source_url: u, strength: soft_law, applies_to: technology,
     effective_from: "2020-01-01", verdict: prohibited, verification: sourced,
     when: {field: b, op: is_true}, obligations: [o2]}
  - {id: R-POLICY, title: t, citation: c, source_url: u, strength: policy, applies_to: both,
     effective_from: "2020-01-01", verdict: escalate, redline_verdict: prohibited, verification: sourced,
     when: {field: tags, op: contains, value: red}}
  - {id: R-LATER, title: t, citation: c, source_url: u, strength: binding, applies_to: technology,
     effective_from: "2030-01-01", verdict: conditions, verification: sourced,
     when: {field: n, op: gte, value: 10}}
  - {id: R-ANY, title: t, citation: c, source_url: u, strength: binding, applies_to: technology,
     effective_from: "2020-01-01", verdict: conditions, verification: sourced,
     when: {any: [{field: a, op: is_true}, {field: n, op: gt, value: 5}]}}
  - {id: R-FLAG1, title: t, citation: c, source_url: u, strength: soft_law, applies_to: technology, stage: 1,
     effective_from: "2020-01-01", verdict: escalate, verification: sourced, tags: [redflag],
     when: {field: "items[].tag", op: eq, value: red}}
  - {id: R-FLAG2, title: t, citation: c, source_url: u, strength: soft_law, applies_to: technology, stage: 1,
     effective_from: "2020-01-01", verdict: escalate, verification: sourced, tags: [redflag],
     when: {field: "items[].tag", op: eq, value: blue}}
  - {id: R-TWO-FLAGS, title: t, citation: c, source_url: u, strength: binding, applies_to: technology,
     effective_from: "2020-01-01", verdict: licence_required, verification: sourced,
     when: {field: redflags.unresolved_count, op: gte, value: 2}}
`

func mini(tb testing.TB) *rules.Program {
	tb.Helper()
	p, err := rules.Parse("mini.yaml", []byte(miniPack))
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func evalDoc(tb testing.TB, p *rules.Program, doc, profile string) *oversight.Decision {
	tb.Helper()
	tr, err := p.DecodeTransfer("doc", strings.NewReader(doc))
	if err != nil {
		tb.Fatal(err)
	}
	d, err := p.Eval(tr, rules.Options{Profile: profile})
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func TestEval_Lattice(t *testing.T) {
	p := mini(t)
	for _, tt := range []struct {
		name, doc string
		want      oversight.Verdict
		fired     []string
	}{
		{"OK/Clear", "{kind: technology, date: 2024-01-01, a: false, n: 0}", oversight.Clear, nil},
		{"OK/WorstWins", "{kind: technology, date: 2024-01-01, a: true, n: 0, tags: [red]}", oversight.Prohibited, []string{"R-PROHIBIT", "R-POLICY", "R-ANY"}},
		{"OK/Conditions", "{kind: technology, date: 2024-01-01, a: false, n: 7}", oversight.Conditions, []string{"R-ANY"}},
		{"OK/KindScope", "{kind: biometric_data, date: 2024-01-01, a: true, n: 0}", oversight.Clear, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := evalDoc(t, p, tt.doc, "")
			if d.Verdict != tt.want {
				t.Errorf("verdict=%s, want %s (fired %v)", d.Verdict, tt.want, ids(d))
			}
			if got := ids(d); !reflect.DeepEqual(got, tt.fired) {
				t.Errorf("fired=%v, want %v", got, tt.fired)
			}
		})
	}
	if oversight.Worse(oversight.Escalate, oversight.LicenceRequired) != oversight.LicenceRequired ||
		oversight.Milder(oversight.Prohibited, oversight.Escalate) != oversight.Escalate {
		t.Error("Worse/Milder disagree with the lattice")
	}
	for i, v := range oversight.Verdicts {
		if v.ExitCode() != 10*(4-i) {
			t.Errorf("%s.ExitCode()=%d, want %d", v, v.ExitCode(), 10*(4-i))
		}
	}
}

func TestEval_Profiles(t *testing.T) {
	p := mini(t)
	// A soft-law rule that says prohibited is capped at escalate in every profile.
	d := evalDoc(t, p, "{kind: technology, date: 2024-01-01, a: false, b: true, n: 0}", "")
	if d.Verdict != oversight.Escalate || d.Fired[0].RuleVerdict != oversight.Prohibited {
		t.Errorf("soft law: verdict=%s rule_verdict=%s, want escalate from prohibited", d.Verdict, d.Fired[0].RuleVerdict)
	}
	// A policy rule escalates by default and uses its redline verdict under redlines.
	doc := "{kind: technology, date: 2024-01-01, a: false, n: 0, tags: [red]}"
	if d := evalDoc(t, p, doc, "compliance"); d.Verdict != oversight.Escalate {
		t.Errorf("compliance: verdict=%s, want escalate", d.Verdict)
	}
	if d := evalDoc(t, p, doc, "redlines"); d.Verdict != oversight.Prohibited {
		t.Errorf("redlines: verdict=%s, want prohibited", d.Verdict)
	}
	tr, _ := p.DecodeTransfer("doc", strings.NewReader(doc))
	if _, err := p.Eval(tr, rules.Options{Profile: "nosuch"}); oversight.ErrorCode(err) != oversight.EINVALID {
		t.Errorf("unknown profile: err=%v, want invalid", err)
	}
}

func TestEval_Pending(t *testing.T) {
	p := mini(t)
	// a is missing and has no default: R-PROHIBIT cannot be decided; it counts as escalate.
	d := evalDoc(t, p, "{kind: technology, date: 2024-01-01, n: 0}", "")
	if d.Verdict != oversight.Escalate {
		t.Fatalf("verdict=%s, want escalate while R-PROHIBIT is pending", d.Verdict)
	}
	if len(d.Pending) == 0 || d.Pending[0].ID != "R-PROHIBIT" || !reflect.DeepEqual(d.Pending[0].Missing, []string{"a"}) {
		t.Fatalf("pending=%+v, want R-PROHIBIT missing [a]", d.Pending)
	}
	if d.Pending[0].Verdict != oversight.Escalate || d.Pending[0].RuleVerdict != oversight.Prohibited {
		t.Errorf("pending verdict=%s rule=%s", d.Pending[0].Verdict, d.Pending[0].RuleVerdict)
	}
	// Kleene: any(unknown, true) is true, so R-ANY fires although a is missing.
	d = evalDoc(t, p, "{kind: technology, date: 2024-01-01, n: 9}", "")
	if !fired(d, "R-ANY") {
		t.Errorf("R-ANY should fire when one branch is true and another unknown")
	}
	// No silent clear: an Unknown marker on a defaulted field stops the default.
	tr, _ := p.DecodeTransfer("doc", strings.NewReader("{kind: technology, date: 2024-01-01, a: false, n: 0}"))
	tr.Values["b"] = oversight.Unknown{Reason: "lookup failed"}
	d, _ = p.Eval(tr, rules.Options{})
	if d.Verdict == oversight.Clear || !pending(d, "R-SOFT") {
		t.Errorf("verdict=%s pending=%v: an unknown screened fact must not yield clear", d.Verdict, pendingIDs(d))
	}
}

func TestEval_EffectiveDate(t *testing.T) {
	p := mini(t)
	d := evalDoc(t, p, "{kind: technology, date: 2024-01-01, a: false, n: 20}", "")
	if fired(d, "R-LATER") || len(d.Future) != 1 || d.Future[0].ID != "R-LATER" || d.Future[0].EffectiveFrom != "2030-01-01" {
		t.Errorf("before its date R-LATER must be listed as future only: fired=%v future=%+v", ids(d), d.Future)
	}
	d = evalDoc(t, p, "{kind: technology, date: 2030-01-01, a: false, n: 20}", "")
	if !fired(d, "R-LATER") || len(d.Future) != 0 {
		t.Errorf("from its date R-LATER must fire: fired=%v future=%v", ids(d), d.Future)
	}
	d = evalDoc(t, p, "{kind: technology, date: 2019-12-31, a: true, n: 0}", "")
	if fired(d, "R-PROHIBIT") {
		t.Error("R-PROHIBIT fired before its effective date")
	}
}

func TestEval_RedFlags(t *testing.T) {
	p := mini(t)
	two := "{kind: technology, date: 2024-01-01, a: false, n: 0, items: [{tag: red}, {tag: blue}]}"
	d := evalDoc(t, p, two, "")
	if d.Verdict != oversight.LicenceRequired || !fired(d, "R-TWO-FLAGS") {
		t.Fatalf("two unresolved red flags: verdict=%s fired=%v", d.Verdict, ids(d))
	}
	// A resolution needs a reviewer and a justification; an incomplete one does not count.
	incomplete := strings.TrimSuffix(two, "}") + ", due_diligence: {resolved_redflags: [{rule_id: R-FLAG1, reviewer: ''}]}}"
	if d := evalDoc(t, p, incomplete, ""); !fired(d, "R-TWO-FLAGS") {
		t.Error("a resolution without reviewer counted")
	}
	resolved := strings.TrimSuffix(two, "}") + ", due_diligence: {resolved_redflags: [{rule_id: R-FLAG1, reviewer: A. Officer, justification: end-user visited}]}}"
	d = evalDoc(t, p, resolved, "")
	if fired(d, "R-TWO-FLAGS") || d.Verdict != oversight.Escalate {
		t.Errorf("one flag resolved: verdict=%s fired=%v, want escalate from R-FLAG2 alone", d.Verdict, ids(d))
	}
	if len(d.RedFlags.Resolved) != 1 || !reflect.DeepEqual(d.RedFlags.Unresolved, []string{"R-FLAG2"}) {
		t.Errorf("redflags=%+v", d.RedFlags)
	}
	for _, f := range d.Fired {
		if f.ID == "R-FLAG1" && (!f.Resolved || f.Decisive) {
			t.Errorf("resolved flag must be listed, not counted: %+v", f)
		}
	}
}

func TestEval_ObligationsAndEvidence(t *testing.T) {
	p := mini(t)
	d := evalDoc(t, p, "{kind: technology, date: 2024-01-01, a: true, b: true, n: 0}", "")
	var codes []string
	for _, o := range d.Obligations {
		codes = append(codes, o.Code)
	}
	if !reflect.DeepEqual(codes, []string{"o1", "o2"}) || d.Obligations[0].Rules[0] != "R-PROHIBIT" {
		t.Errorf("obligations=%v", codes)
	}
	if ev := d.Fired[0].Evidence; len(ev) != 1 || ev[0].Path != "a" || ev[0].Value != true || ev[0].Source != "document" {
		t.Errorf("evidence=%+v", ev)
	}
	if !d.Fired[0].Decisive {
		t.Error("the prohibiting rule must be decisive")
	}
}

// TestEval_Deterministic: the same transfer gives the same decision, and evaluation does not
// change the transfer.
func TestEval_Deterministic(t *testing.T) {
	p := mustProgram(t)
	names, profiles, transfers := loadScenarios(t, p)
	for _, name := range names {
		before := transfers[name].Clone()
		a, _ := p.Eval(transfers[name], rules.Options{Profile: profiles[name]})
		b, _ := p.Eval(transfers[name], rules.Options{Profile: profiles[name]})
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two evaluations differ", name)
		}
		if !reflect.DeepEqual(before, transfers[name]) {
			t.Errorf("%s: evaluation changed the transfer", name)
		}
	}
}

func TestParse_Errors(t *testing.T) {
	good := `- {id: R-X, title: t, citation: c, source_url: u, strength: binding, applies_to: technology,
     effective_from: "2020-01-01", verdict: escalate, verification: sourced, when: {field: a, op: is_true}}`
	for _, tt := range []struct {
		name, old, new, want string
	}{
		{"ErrUnknownField", "when: {field: a, op: is_true}}", "when: {field: zz, op: is_true}}", `rule R-X: when: unknown field "zz"`},
		{"ErrOpType", "when: {field: a, op: is_true}}", "when: {field: tags, op: gte, value: 1}}", "rule R-X: when: op gte does not apply to tags (type list)"},
		{"ErrValueOutsideSet", "when: {field: a, op: is_true}}", "when: {field: tags, op: contains, value: green}}", `rule R-X: when: value: unknown value "green"; allowed: plain, red, blue`},
		{"ErrUnknownSet", "when: {field: a, op: is_true}}", "when: {field: tags, op: intersects, set: colours}}", `rule R-X: when: unknown set "colours"`},
		{"ErrNested", "when: {field: a, op: is_true}}", "when: {all: [{field: a, op: is_true}, {any: [{field: n, op: is_true}]}]}}", "rule R-X: when.all[1].any[0]: op is_true does not apply to n (type int)"},
		{"ErrDerived", "when: {field: a, op: is_true}}", "when: {derived: nosuch}}", `unknown derived condition "nosuch"`},
		{"ErrVerdict", "verdict: escalate", "verdict: forbidden", `rule R-X: unknown verdict "forbidden"`},
		{"ErrStage1Computed", "when: {field: a, op: is_true}}", "stage: 1, when: {field: redflags.unresolved_count, op: gte, value: 1}}", "cannot be read by a stage-1 rule"},
		{"ErrDate", `effective_from: "2020-01-01"`, `effective_from: "1 Jan 2020"`, "is not a date"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rule := strings.Replace(good, tt.old, tt.new, 1)
			src := strings.Replace(miniPack, "rules:\n", "rules:\n  "+rule+"\n", 1)
			_, err := rules.Parse("mini.yaml", []byte(src))
			if oversight.ErrorCode(err) != oversight.EINVALID || !strings.Contains(oversight.ErrorMessage(err), tt.want) {
				t.Fatalf("error=%v, want it to contain %q", err, tt.want)
			}
			if !strings.Contains(oversight.ErrorMessage(err), "mini.yaml:") {
				t.Errorf("error %q does not name the file and line", oversight.ErrorMessage(err))
			}
		})
	}
	cyc := strings.Replace(miniPack, "is_tech: {field: kind, op: eq, value: technology}", "is_tech: {derived: loop}\n  loop: {derived: is_tech}", 1)
	if _, err := rules.Parse("mini.yaml", []byte(cyc)); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("cycle: err=%v", err)
	}
}

func TestDecodeTransfer_Errors(t *testing.T) {
	p := mustProgram(t)
	for _, tt := range []struct {
		name, doc, want string
	}{
		{"ErrUnknownValue", "kind: technology\nproducts:\n  - name: P\n    capabilities: [x]\n", `doc:4: products[0].capabilities: unknown value "x"; allowed: face.detect, `},
		{"ErrUnknownKey", "kind: technology\nend_user: {name: E, colour: red}\n", "doc:2: end_user.colour: unknown field; allowed here: "},
		{"ErrType", "kind: technology\nend_use: {statement_provided: yes}\n", `end_use.statement_provided: want true or false, got string "yes"`},
		{"ErrInt", "kind: biometric_data\ndata: {subjects_count: many}\n", `data.subjects_count: want an integer, got string "many"`},
		{"ErrCountry", "kind: technology\nexporter: {country: Germany}\n", `exporter.country: "Germany" is not an ISO 3166-1 alpha-2 country code`},
		{"ErrDate", "kind: technology\ndate: 01/02/2026\n", `date: "01/02/2026" is not a date of the form YYYY-MM-DD`},
		{"ErrList", "kind: technology\nproducts: {name: P}\n", "products: want a list of objects, got a mapping"},
		{"ErrKind", "date: 2026-01-01\n", "kind: required"},
		{"ErrKindValue", "kind: weapons\n", `kind: unknown value "weapons"; allowed: technology, biometric_data`},
		{"ErrComputed", "kind: technology\nredflags: {unresolved_count: 0}\n", "redflags: unknown field"},
		{"ErrTwice", "kind: technology\nkind: technology\n", "kind: given twice"},
		{"ErrYAML", "kind: [technology\n", "doc: "},
		{"ErrNotMapping", "- kind: technology\n", "a transfer must be a mapping"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.DecodeTransfer("doc", strings.NewReader(tt.doc))
			if oversight.ErrorCode(err) != oversight.EINVALID || !strings.Contains(oversight.ErrorMessage(err), tt.want) {
				t.Fatalf("error=%v\nwant it to contain %q", err, tt.want)
			}
		})
	}
	// Every problem is reported, not only the first.
	_, err := p.DecodeTransfer("doc", strings.NewReader("kind: technology\nexporter: {country: Germany}\nend_use: {statement_provided: 3}\n"))
	if msg := oversight.ErrorMessage(err); !strings.Contains(msg, "exporter.country") || !strings.Contains(msg, "end_use.statement_provided") {
		t.Errorf("want both errors, got %q", msg)
	}
	// Country codes are normalised; JSON is accepted.
	tr, err := p.DecodeTransfer("doc.json", strings.NewReader(`{"kind": "technology", "exporter": {"country": "de"}}`))
	if err != nil || tr.Get("exporter.country") != "DE" {
		t.Errorf("json/country: err=%v country=%v", err, tr.Get("exporter.country"))
	}
}

// FuzzDecodeTransfer: no panic on any input, and decode → encode → decode gives the same value.
func FuzzDecodeTransfer(f *testing.F) {
	p := mustProgram(f)
	for _, seed := range []string{
		"kind: technology\ndate: 2026-01-01\nproducts: [{name: P, capabilities: [face.identify.1toN]}]\nexporter: {name: X, country: de}\n",
		`{"kind": "biometric_data", "data": {"subjects_count": 177600000, "categories": ["facial_image"]}}`,
		"kind: technology\nintermediaries: [{name: I, role: integrator, listings: [ofac_sdn]}]\nend_user: {name: 上海市公安局}\n",
		"kind: technology\ndue_diligence: {resolved_redflags: [{rule_id: X, reviewer: R, justification: J}]}\n",
		"kind: technology\nend_use: null\n", "", "[]", "kind: technology\nproducts: []\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		tr, err := p.DecodeTransfer("fuzz", bytes.NewReader(doc))
		if err != nil {
			if oversight.ErrorCode(err) != oversight.EINVALID {
				t.Fatalf("decode error not coded invalid: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := rules.EncodeTransfer(&buf, tr); err != nil {
			t.Fatalf("encode: %v", err)
		}
		again, err := p.DecodeTransfer("again", bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("re-decode of %s: %v", buf.Bytes(), err)
		}
		if !reflect.DeepEqual(tr.Values, again.Values) {
			t.Fatalf("round trip changed the transfer:\n%#v\n%#v", tr.Values, again.Values)
		}
		if tr.Get("date") != nil {
			if _, err := p.Eval(tr, rules.Options{}); err != nil && oversight.ErrorCode(err) != oversight.EINVALID {
				t.Fatalf("eval: %v", err)
			}
		}
	})
}

// The restricted-party rules count from the listing's own date, not from the date of the
// newest regime they cite (project change 0.1.1).
func TestPack_ListingRulesCoverOlderListings(t *testing.T) {
	p := mustProgram(t)
	doc := `kind: technology
date: "2019-03-01"
exporter: {name: X Inc, country: US}
origin_country: US
products: [{name: P, capabilities: [crowd.analytics], subject_to_ear: true}]
end_user: {name: E, country: CN, categories: [police_public_security], listings: [ofac_sdn, us_entity_list]}
end_use: {statement_provided: true, purposes: [public_safety]}
destination: {country: CN, risk_level: 3, region_risk_level: 3, effective_risk: 3}
deployment: {settings: [street]}
`
	d := evalDoc(t, p, doc, "")
	if !fired(d, "SANC-ASSET-FREEZE-LISTED-PARTY") || !fired(d, "SANC-US-ENTITY-LIST") || d.Verdict != oversight.Prohibited {
		t.Errorf("2019 transfer to a listed party: verdict=%s fired=%v", d.Verdict, ids(d))
	}
}

// TestDocs_FieldTable keeps docs/transfers.md in step with the pack.
func TestDocs_FieldTable(t *testing.T) {
	doc, err := os.ReadFile("../docs/transfers.md")
	if err != nil {
		t.Fatal(err)
	}
	for path, f := range mustProgram(t).Fields {
		if !f.Computed && !strings.Contains(string(doc), "| `"+path+"` |") {
			t.Errorf("docs/transfers.md has no row for %s", path)
		}
	}
}
