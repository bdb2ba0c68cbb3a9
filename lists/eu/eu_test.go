package eu_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
	"github.com/oversight-project/oversight/lists/eu"
)

func TestEU(t *testing.T) {
	paths, err := lists.FindFiles("testdata", eu.List)
	if err != nil {
		t.Fatal(err)
	}
	ents, res, err := lists.Read(eu.List, lists.PathOpener(paths))
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != 3 || res.PublishedAt != "2026-11-20T18:03:12.337+01:00" || len(ents) != 7 {
		t.Fatalf("records %d, published %q, %d entities; want 3, 2026-11-20T18:03:12.337+01:00, 7", res.Records, res.PublishedAt, len(ents))
	}
	byID := map[string]*oversight.Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	psb := byID["eu-fsf-900101"]
	if psb == nil || psb.Schema != "Organization" || psb.First("name") != "Xinjiang Production and Construction Corps Public Security Bureau" ||
		!psb.Has("alias", "新疆生产建设兵团公安局") || !psb.Has("country", "cn") {
		t.Errorf("PSB = %+v", psb)
	}
	s := byID["eu-fsf-900101-sanction"]
	if s == nil || s.First("programId") != "EU-FSF-GHR" || s.First("startDate") != "2021-03-22" || s.First("authorityId") != "EU.6372.88" {
		t.Errorf("PSB sanction = %+v", s)
	}
	wang := byID["eu-fsf-900102"]
	if wang == nil || wang.Schema != "Person" || wang.First("birthDate") != "1963-12-01" || !wang.Has("nationality", "ru") || !wang.Has("alias", "Иван ТЕСТОВ") || wang.First("gender") != "male" {
		t.Errorf("Wang = %+v", wang)
	}
	pt := byID["eu-fsf-900103"]
	if pt == nil || !pt.Has("weakAlias", "Primer Tech") || !pt.Has("alias", "ООО «Пример Тех»") || pt.First("registrationNumber") != "1027700000000" {
		t.Errorf("Primer Tech = %+v", pt)
	}
	if byID["eu-fsf-900103-sanction-2"] == nil {
		t.Error("second regulation of eu-fsf-900103 has no sanction")
	}
}

func TestEU_Bad(t *testing.T) {
	src, err := os.ReadFile("testdata/eu_fsf.xml")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"truncated":  src[:len(src)*2/3],
		"not the EU": []byte(`<?xml version="1.0"?><CONSOLIDATED_LIST/>`),
		"bad type":   []byte(`<export><sanctionEntity logicalId="1"><subjectType code="ship"/><nameAlias wholeName="X"/></sanctionEntity></export>`),
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "eu_fsf.xml"), data, 0o600)
		paths, _ := lists.FindFiles(dir, eu.List)
		_, _, err := lists.Read(eu.List, lists.PathOpener(paths))
		if oversight.ErrorCode(err) != oversight.EINVALID {
			t.Errorf("%s: err = %v, want invalid", name, err)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}
