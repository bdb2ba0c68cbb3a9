package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oversight-project/oversight"
)

const ukFixture = "../../lists/uk/testdata/UK_Sanctions_List.xml"

func copyFile(tb testing.TB, src, dst string) {
	tb.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		tb.Fatal(err)
	}
}

func listStatus(tb testing.TB, dir string) map[string]*oversight.ListVersion {
	tb.Helper()
	out, errs, code := run(tb, dir, "", "lists", "status", "--format", "json")
	if code != 0 {
		tb.Fatalf("status: exit %d: %s", code, errs)
	}
	var vs []*oversight.ListVersion
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		tb.Fatalf("status JSON: %v\n%s", err, out)
	}
	m := map[string]*oversight.ListVersion{}
	for _, v := range vs {
		m[v.List] = v
	}
	return m
}

// TestLists_UpdateFromDir: with no list named, update loads the lists whose files are in the
// folder and says which it skipped; the same files again change nothing.
func TestLists_UpdateFromDir(t *testing.T) {
	dir, src := t.TempDir(), t.TempDir()
	copyFile(t, ukFixture, filepath.Join(src, "UK_Sanctions_List.xml"))
	copyFile(t, "../../lists/eu/testdata/eu_fsf.xml", filepath.Join(src, "eu_fsf.xml"))
	out, errs, code := run(t, dir, "", "lists", "update", "--from", src)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{
		"gb_fcdo_sanctions: version 1: 3 records, 6 entities, published 2026-11-20",
		"eu_fsf: version 1: 3 records, 7 entities",
		"us_ofac_sdn: skipped: its files are not in",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	st := listStatus(t, dir)
	if len(st) != 2 || st["gb_fcdo_sanctions"].Records != 3 || st["gb_fcdo_sanctions"].Source != src || len(st["eu_fsf"].SHA256) != 64 {
		t.Errorf("status = %+v", st)
	}
	out, _, code = run(t, dir, "", "lists", "update", "--from", src, "gb_fcdo_sanctions")
	if code != 0 || !strings.Contains(out, "unchanged since version 1") {
		t.Errorf("second update: exit %d\n%s", code, out)
	}
	text, _, _ := run(t, dir, "", "lists", "status")
	if !strings.Contains(text, "gb_fcdo_sanctions") || !strings.Contains(text, "us_ofac_sdn                  -") {
		t.Errorf("status text:\n%s", text)
	}
}

// TestLists_FailedUpdateKeepsPrevious: a truncated file fails with its name and line, exit 1,
// and the store still holds the previous version, byte for byte.
func TestLists_FailedUpdateKeepsPrevious(t *testing.T) {
	dir, good, bad := t.TempDir(), t.TempDir(), t.TempDir()
	copyFile(t, ukFixture, filepath.Join(good, "UK_Sanctions_List.xml"))
	if _, errs, code := run(t, dir, "", "lists", "update", "--from", good, "gb_fcdo_sanctions"); code != 0 {
		t.Fatalf("first update: exit %d: %s", code, errs)
	}
	before, _, _ := run(t, dir, "", "export")
	src, _ := os.ReadFile(ukFixture)
	os.WriteFile(filepath.Join(bad, "UK_Sanctions_List.xml"), src[:len(src)/2], 0o600)
	out, errs, code := run(t, dir, "", "lists", "update", "--from", bad, "gb_fcdo_sanctions")
	if code != 1 || !strings.Contains(out, "gb_fcdo_sanctions: FAILED (version 1 kept): UK_Sanctions_List.xml:") || !strings.Contains(errs, "1 of 1 lists failed") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if after, _, _ := run(t, dir, "", "export"); after != before {
		t.Error("the failed update changed the store")
	}
	if v := listStatus(t, dir)["gb_fcdo_sanctions"]; v.Version != 1 {
		t.Errorf("version after a failed update = %d", v.Version)
	}
	// A list that shrinks to under half is refused unless --force.
	one := strings.SplitAfter(string(src), "</Designation>")
	shrunk := one[0] + "\n</Designations>\n"
	os.WriteFile(filepath.Join(bad, "UK_Sanctions_List.xml"), []byte(shrunk), 0o600)
	out, _, code = run(t, dir, "", "lists", "update", "--from", bad, "gb_fcdo_sanctions")
	if code != 1 || !strings.Contains(out, "fewer than half") {
		t.Errorf("shrunk list: exit %d\n%s", code, out)
	}
	if _, errs, code = run(t, dir, "", "lists", "update", "--from", bad, "--force", "gb_fcdo_sanctions"); code != 0 {
		t.Errorf("--force: exit %d: %s", code, errs)
	}
}

// TestLists_Diff: the change log between two versions, as text and JSON.
func TestLists_Diff(t *testing.T) {
	dir, v1, v2 := t.TempDir(), t.TempDir(), t.TempDir()
	copyFile(t, ukFixture, filepath.Join(v1, "UK_Sanctions_List.xml"))
	src, _ := os.ReadFile(ukFixture)
	// Version 2: the ship is delisted, the person gains an alias.
	s := string(src)
	i, j := strings.LastIndex(s, "<Designation>"), strings.LastIndex(s, "</Designation>")+len("</Designation>")
	s = s[:i] + s[j:]
	s = strings.Replace(s, "<NameType>Primary Name Variation</NameType>\n      </Name>", "<NameType>Primary Name Variation</NameType>\n      </Name>\n      <Name><Name6>TESTOV I.</Name6><NameType>Alias</NameType></Name>", 1)
	os.WriteFile(filepath.Join(v2, "UK_Sanctions_List.xml"), []byte(s), 0o600)
	for _, src := range []string{v1, v2} {
		if out, errs, code := run(t, dir, "", "lists", "update", "--from", src, "gb_fcdo_sanctions"); code != 0 {
			t.Fatalf("update: exit %d\n%s%s", code, out, errs)
		}
	}
	out, errs, code := run(t, dir, "", "lists", "diff", "gb_fcdo_sanctions")
	if code != 0 {
		t.Fatalf("diff: exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"~ gb-fcdo-rus9002 Ivan TESTOV (Person)\n    + alias: TESTOV I.",
		"- gb-fcdo-rus9003 TEST CARRIER (Vessel)",
		"- gb-fcdo-rus9003-sanction",
		"gb_fcdo_sanctions version 1 → 2: 0 added, 2 removed, 1 changed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = run(t, dir, "", "lists", "diff", "gb_fcdo_sanctions", "--since", "1", "--format", "json")
	var d struct {
		From, To int
		Changes  []*oversight.ListChange
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil || d.From != 1 || d.To != 2 || len(d.Changes) != 3 {
		t.Errorf("JSON diff: %v\n%s", err, out)
	}
	if _, errs, code := run(t, dir, "", "lists", "diff", "gb_fcdo_sanctions", "--since", "7"); code != 2 || !strings.Contains(errs, "no version 7") {
		t.Errorf("unknown version: exit %d: %s", code, errs)
	}
	if _, errs, code := run(t, dir, "", "lists", "diff", "eu_fsf"); code != 2 || !strings.Contains(errs, "has not been imported") {
		t.Errorf("list never imported: exit %d: %s", code, errs)
	}
	if _, errs, code := run(t, dir, "", "lists", "diff", "nope"); code != 2 || !strings.Contains(errs, `unknown list "nope"`) {
		t.Errorf("unknown list: exit %d: %s", code, errs)
	}
}

// redirect sends every request to a test server on a loopback address, keeping the path.
type redirect struct{ to *url.URL }

func (r redirect) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = r.to.Scheme, r.to.Host
	return http.DefaultTransport.RoundTrip(req)
}

// TestLists_Download: update fetches the publisher's file over HTTP (here from a loopback
// server standing in for the publisher), and a failed download keeps the previous version.
func TestLists_Download(t *testing.T) {
	src, _ := os.ReadFile(ukFixture)
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/docs/UK-Sanctions-List.xml" {
			http.NotFound(w, r)
			return
		}
		if status != http.StatusOK {
			http.Error(w, "down for maintenance", status)
			return
		}
		w.Header().Set("Content-Type", "application/xml")
		w.Write(src)
	}))
	defer srv.Close()
	to, _ := url.Parse(srv.URL)
	dir := t.TempDir()
	runNet := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, HTTPClient: &http.Client{Transport: redirect{to}},
			Getenv: func(k string) string {
				if k == "XDG_DATA_HOME" || k == "XDG_CACHE_HOME" || k == "HOME" {
					return dir
				}
				return ""
			}}
		code := m.Exit(m.Run(context.Background(), args))
		return out.String(), errb.String(), code
	}
	out, errs, code := runNet("lists", "update", "gb_fcdo_sanctions")
	if code != 0 || !strings.Contains(out, "gb_fcdo_sanctions: version 1: 3 records") {
		t.Fatalf("download: exit %d\n%s%s", code, out, errs)
	}
	if v := listStatus(t, dir)["gb_fcdo_sanctions"]; v == nil || v.Source != "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml" {
		t.Errorf("status = %+v", v)
	}
	if _, err := os.Stat(filepath.Join(dir, "oversight", "lists", "gb_fcdo_sanctions", "UK_Sanctions_List.xml")); err != nil {
		t.Errorf("downloaded file not kept in the cache: %v", err)
	}
	status = http.StatusServiceUnavailable
	out, _, code = runNet("lists", "update", "gb_fcdo_sanctions")
	if code != 1 || !strings.Contains(out, "FAILED (version 1 kept): download UK_Sanctions_List.xml") || !strings.Contains(out, "503") {
		t.Errorf("server down: exit %d\n%s", code, out)
	}
}

// TestLists_Screening: a party listed only on an imported list is found by screening, and the
// listing reaches the rules.
func TestLists_Screening(t *testing.T) {
	dir, src := t.TempDir(), t.TempDir()
	copyFile(t, ukFixture, filepath.Join(src, "UK_Sanctions_List.xml"))
	if _, errs, code := run(t, dir, "", "lists", "update", "--from", src, "gb_fcdo_sanctions"); code != 0 {
		t.Fatalf("update: exit %d: %s", code, errs)
	}
	doc, err := os.ReadFile("../../examples/door-access-norway.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tr := strings.Replace(string(doc), "name: Office Park AS", "name: Ivan TESTOV", 1)
	if tr == string(doc) {
		t.Fatal("example layout changed; update this test")
	}
	out, errs, _ := run(t, dir, tr, "screen", "--format", "json", "-")
	var d struct {
		Verdict string `json:"verdict"`
		Facts   []struct {
			Path    string `json:"path"`
			Derived any    `json:"derived"`
		} `json:"facts"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, errs)
	}
	found := false
	for _, f := range d.Facts {
		if f.Path == "end_user.listings" {
			b, _ := json.Marshal(f.Derived)
			found = strings.Contains(string(b), "uk_asset_freeze")
		}
	}
	if !found {
		t.Errorf("end_user.listings lacks uk_asset_freeze:\n%s", out)
	}
	// The door-access example is clear on its own; a listed end-user is a red flag.
	if d.Verdict == "clear" {
		t.Errorf("verdict = clear for a listed end-user")
	}
}
