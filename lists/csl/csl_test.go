package csl_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
	"github.com/oversight-project/oversight/lists/csl"
)

const shared = "../../../shared/data/watchlists"

// TestCSL reads the real CSL file and checks the rows per source list that SOURCES.md gives.
func TestCSL(t *testing.T) {
	if _, err := os.Stat(shared); err != nil {
		t.Skip("no shared watchlists:", err)
	}
	paths, err := lists.FindFiles(shared, csl.List)
	if err != nil {
		t.Fatal(err)
	}
	ents, res, err := lists.Read(csl.List, lists.PathOpener(paths))
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != 14160 {
		t.Errorf("records = %d, want 14160", res.Records)
	}
	perList := map[string]int{}
	byID := map[string]*oversight.Entity{}
	parties := 0
	for _, e := range ents {
		byID[e.ID] = e
		if e.Schema == "Sanction" {
			perList[e.First("programId")]++
		} else {
			parties++
		}
	}
	want := map[string]int{
		"US-OFAC-SDN": 10026, "US-BIS-EL": 2001, "US-DDTC-DEBARRED": 727, "US-BIS-DPL": 462,
		"US-OFAC-SSI": 290, "US-BIS-UVL": 201, "US-DOS-ISN": 163, "US-OFAC-PLC": 78, "US-BIS-MEU": 71,
		"US-NS-CMIC": 68, "US-OFAC-CAPTA": 53, "US-OFAC-MBS": 17, "US-OFAC-FSE": 3,
	}
	for k, n := range want {
		if perList[k] != n {
			t.Errorf("%s: %d rows, want %d", k, perList[k], n)
		}
	}
	if len(perList) != len(want) {
		t.Errorf("source lists = %v", perList)
	}
	// 14,160 rows, 14,048 distinct _id: a party on several lists is one entity.
	if parties != 14048 {
		t.Errorf("parties = %d, want 14048", parties)
	}
	var hik *oversight.Entity
	for _, e := range ents {
		if e.First("name") == "Hangzhou Hikvision Digital Technology Co., Ltd." {
			hik = e
		}
	}
	if hik == nil || hik.Schema != "LegalEntity" || !hik.Has("alias", "Hikvision") || !hik.Has("country", "cn") {
		t.Fatalf("Hikvision = %+v", hik)
	}
	s := byID[hik.ID+"-us-bis-el"]
	if s == nil || s.First("startDate") != "2019-10-09" || !s.Has("entity", hik.ID) || !strings.Contains(s.First("provisions"), "§744.11") {
		t.Errorf("Hikvision's Entity List sanction = %+v", s)
	}
}

func TestCSL_JSON(t *testing.T) {
	paths, err := lists.FindFiles("testdata", csl.List)
	if err != nil {
		t.Fatal(err)
	}
	ents, res, err := lists.Read(csl.List, lists.PathOpener(paths))
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != 2 || len(ents) != 4 {
		t.Fatalf("records = %d, entities = %d, want 2 and 4", res.Records, len(ents))
	}
	e := ents[0]
	if e.Schema != "LegalEntity" || e.First("name") != "Zhejiang Dahua Technology Co., Ltd." || !e.Has("country", "cn") || !e.Has("alias", "Dahua") {
		t.Errorf("entity = %+v", e)
	}
	if s := ents[1]; s.First("programId") != "US-BIS-EL" || s.First("startDate") != "2019-10-09" {
		t.Errorf("sanction = %+v", s)
	}
	if p := ents[2]; p.Schema != "Person" || p.First("passportNumber") != "X1234567" || p.First("birthDate") != "1970-01-02" {
		t.Errorf("person = %+v", p)
	}

	// Cut short, the JSON is rejected.
	src, _ := os.ReadFile(filepath.Join("testdata", "consolidated.json"))
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "consolidated.json"), src[:len(src)-40], 0o600)
	paths, _ = lists.FindFiles(dir, csl.List)
	if _, _, err := lists.Read(csl.List, lists.PathOpener(paths)); oversight.ErrorCode(err) != oversight.EINVALID {
		t.Errorf("truncated JSON: err = %v, want invalid", err)
	}
}
