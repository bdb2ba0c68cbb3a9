package opensanctions_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
	"github.com/oversight-project/oversight/lists/opensanctions"
)

func TestDataset(t *testing.T) {
	l, err := opensanctions.Dataset("us_ofac_sdn")
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "opensanctions_us_ofac_sdn" {
		t.Errorf("name = %s", l.Name)
	}
	paths, err := lists.FindFiles("testdata", l)
	if err != nil {
		t.Fatal(err)
	}
	ents, res, err := lists.Read(l, lists.PathOpener(paths))
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != 4 || res.Skipped != 1 || res.Dropped != 2 || len(ents) != 3 {
		t.Fatalf("records %d skipped %d dropped %d entities %d; want 4, 1, 2, 3", res.Records, res.Skipped, res.Dropped, len(ents))
	}
	if e := ents[0]; !e.Has("alias", "固定监控有限公司") || e.Get("uniqueEntityId") != nil || e.Referents[0] != "us-ofac-fixture-1" {
		t.Errorf("company = %+v", e)
	}
	if p := ents[2]; len(p.Get("country")) != 1 {
		t.Errorf("person countries = %v, want the malformed one dropped", p.Get("country"))
	}
	if _, err := opensanctions.Dataset("../etc"); oversight.ErrorCode(err) != oversight.EINVALID {
		t.Errorf("bad dataset name: err = %v", err)
	}
}

func TestDataset_Truncated(t *testing.T) {
	src, _ := os.ReadFile("testdata/entities.ftm.json")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "entities.ftm.json"), src[:len(src)-30], 0o600)
	l, _ := opensanctions.Dataset("x")
	paths, _ := lists.FindFiles(dir, l)
	if _, _, err := lists.Read(l, lists.PathOpener(paths)); oversight.ErrorCode(err) != oversight.EINVALID {
		t.Fatalf("truncated: err = %v, want invalid", err)
	}
}
