package un_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
	"github.com/oversight-project/oversight/lists/un"
)

const shared = "../../../shared/data/watchlists"

// TestUN reads the real UN list and checks the counts SOURCES.md gives.
func TestUN(t *testing.T) {
	if _, err := os.Stat(shared); err != nil {
		t.Skip("no shared watchlists:", err)
	}
	paths, err := lists.FindFiles(shared, un.List)
	if err != nil {
		t.Fatal(err)
	}
	ents, res, err := lists.Read(un.List, lists.PathOpener(paths))
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != 1003 || res.PublishedAt != "2026-02-27T00:00:09.554Z" {
		t.Errorf("records = %d, published %q; want 1003, 2026-02-27T00:00:09.554Z", res.Records, res.PublishedAt)
	}
	n := map[string]int{}
	programs := map[string]int{}
	var original, han int
	for _, e := range ents {
		n[e.Schema]++
		if e.Schema == "Sanction" {
			programs[e.First("programId")]++
		}
		for _, a := range e.Get("alias") {
			if a == "金铁三" {
				han++
			}
		}
		if len(e.Get("alias")) > 0 {
			original++
		}
	}
	if n["Person"] != 730 || n["Organization"] != 273 || n["Sanction"] != 1003 {
		t.Errorf("schemata = %v, want 730 Person, 273 Organization, 1003 Sanction", n)
	}
	if programs["UN-SC-AL-QAIDA"] != 341 || programs["UN-SC-DPRK"] != 155 || programs["UN-SC-TALIBAN"] != 140 {
		t.Errorf("programmes = %v", programs)
	}
	if han != 1 {
		t.Errorf("native-script alias 金铁三 found %d times, want 1", han)
	}
	var badege *oversight.Entity
	for _, e := range ents {
		if e.ID == "un-6907993" {
			badege = e
		}
	}
	if badege == nil || badege.First("name") != "ERIC BADEGE" || !badege.Has("nationality", "cd") || badege.First("birthDate") != "1971" {
		t.Errorf("un-6907993 = %+v", badege)
	}
}

func TestUN_Truncated(t *testing.T) {
	if _, err := os.Stat(shared); err != nil {
		t.Skip("no shared watchlists:", err)
	}
	src, err := os.ReadFile(filepath.Join(shared, "UN_consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "consolidated.xml"), src[:len(src)/3], 0o600)
	paths, _ := lists.FindFiles(dir, un.List)
	_, _, err = lists.Read(un.List, lists.PathOpener(paths))
	if oversight.ErrorCode(err) != oversight.EINVALID {
		t.Fatalf("truncated: err = %v, want invalid", err)
	}
	t.Log(err)
}
