package uk_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
	"github.com/oversight-project/oversight/lists/uk"
)

func TestUK(t *testing.T) {
	paths, err := lists.FindFiles("testdata", uk.List)
	if err != nil {
		t.Fatal(err)
	}
	ents, res, err := lists.Read(uk.List, lists.PathOpener(paths))
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != 3 || len(ents) != 6 || res.PublishedAt != "2026-11-20" {
		t.Fatalf("records %d, %d entities, published %q; want 3, 6, 2026-11-20", res.Records, len(ents), res.PublishedAt)
	}
	byID := map[string]*oversight.Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	psb := byID["gb-fcdo-ghr9001"]
	if psb == nil || psb.Schema != "Organization" || !psb.Has("alias", "新疆生产建设兵团公安局") || !psb.Has("alias", "XPCC PSB") || !psb.Has("country", "cn") {
		t.Errorf("PSB = %+v", psb)
	}
	if s := byID["gb-fcdo-ghr9001-sanction"]; s == nil || s.First("programId") != "GB-FCDO-ASSET-FREEZE" || s.First("startDate") != "2021-03-22" || s.First("program") != "Global Human Rights" {
		t.Errorf("PSB sanction = %+v", s)
	}
	p := byID["gb-fcdo-rus9002"]
	if p == nil || p.Schema != "Person" || p.First("name") != "Ivan TESTOV" || !p.Has("alias", "Ioann TESTOFF") ||
		!p.Has("birthDate", "1970") || !p.Has("birthDate", "1971-01-02") || !p.Has("nationality", "ru") {
		t.Errorf("person = %+v", p)
	}
	ship := byID["gb-fcdo-rus9003"]
	if ship == nil || ship.Schema != "Vessel" || ship.First("imoNumber") != "9999999" || ship.First("flag") != "pa" {
		t.Errorf("ship = %+v", ship)
	}
	if s := byID["gb-fcdo-rus9003-sanction"]; s == nil || s.First("programId") != "GB-FCDO" {
		t.Errorf("a ship specification is not an asset freeze: %+v", s)
	}
}

func TestUK_Bad(t *testing.T) {
	src, err := os.ReadFile("testdata/UK_Sanctions_List.xml")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"truncated":      src[:len(src)/2],
		"cut at the end": src[:len(src)-20],
		"empty list":     []byte(`<?xml version="1.0"?><Designations></Designations>`),
		"unknown type":   []byte(`<Designations><Designation><UniqueID>X1</UniqueID><IndividualEntityShip>Plane</IndividualEntityShip></Designation></Designations>`),
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "UK_Sanctions_List.xml"), data, 0o600)
		paths, _ := lists.FindFiles(dir, uk.List)
		_, _, err := lists.Read(uk.List, lists.PathOpener(paths))
		if oversight.ErrorCode(err) != oversight.EINVALID {
			t.Errorf("%s: err = %v, want invalid", name, err)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}
