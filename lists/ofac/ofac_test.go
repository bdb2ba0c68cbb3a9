package ofac_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
	"github.com/oversight-project/oversight/lists/ofac"
)

const shared = "../../../shared/data/watchlists"

func readShared(t *testing.T, l *lists.List) ([]*oversight.Entity, *lists.Result) {
	t.Helper()
	if _, err := os.Stat(shared); err != nil {
		t.Skip("no shared watchlists:", err)
	}
	paths, err := lists.FindFiles(shared, l)
	if err != nil {
		t.Fatal(err)
	}
	ents, res, err := lists.Read(l, lists.PathOpener(paths))
	if err != nil {
		t.Fatal(err)
	}
	return ents, res
}

func byID(ents []*oversight.Entity) map[string]*oversight.Entity {
	m := map[string]*oversight.Entity{}
	for _, e := range ents {
		m[e.ID] = e
	}
	return m
}

func count(ents []*oversight.Entity) map[string]int {
	m := map[string]int{}
	for _, e := range ents {
		m[e.Schema]++
	}
	return m
}

// TestSDN reads the real SDN files and checks the counts SOURCES.md gives for them.
func TestSDN(t *testing.T) {
	ents, res := readShared(t, ofac.SDN)
	if res.Records != 8976 {
		t.Errorf("records = %d, want 8976", res.Records)
	}
	got := count(ents)
	want := map[string]int{"Person": 4620, "Organization": 3673, "Vessel": 406, "Airplane": 277, "Sanction": 8976}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d, want %d", k, got[k], n)
		}
	}
	var aliases, addrs int
	for _, e := range ents {
		aliases += len(e.Get("alias")) + len(e.Get("weakAlias")) + len(e.Get("previousName"))
		addrs += len(e.Get("address"))
	}
	t.Logf("aliases %d, addresses %d", aliases, addrs)
	m := byID(ents)
	e := m["ofac-sdn-306"]
	if e == nil || e.First("name") != "BANCO NACIONAL DE CUBA" || !e.Has("alias", "NATIONAL BANK OF CUBA") || !e.Has("alias", "BNC") || !e.Has("country", "ch") {
		t.Errorf("ofac-sdn-306 = %+v", e)
	}
	s := m["ofac-sdn-306-sanction"]
	if s == nil || !s.Has("program", "CUBA") || !s.Has("programId", "US-OFAC-SDN") || !s.Has("entity", "ofac-sdn-306") {
		t.Errorf("sanction = %+v", s)
	}
}

func TestConsolidated(t *testing.T) {
	ents, res := readShared(t, ofac.Consolidated)
	if res.Records != 442 {
		t.Errorf("records = %d, want 442", res.Records)
	}
	got := count(ents)
	if got["Person"] != 79 || got["Organization"] != 363 || got["Sanction"] != 442 {
		t.Errorf("schemata = %v, want 79 Person, 363 Organization, 442 Sanction", got)
	}
	e := byID(ents)["ofac-cons-9639"]
	if e == nil || e.First("birthDate") != "1962" || e.First("lastName") != "HANIYA" {
		t.Errorf("ofac-cons-9639 = %+v", e)
	}
	if s := byID(ents)["ofac-cons-9639-sanction"]; s == nil || !s.Has("programId", "US-OFAC-PLC") {
		t.Errorf("sanction = %+v", s)
	}
}

// TestTruncated: a file cut short, or with a broken record, is rejected with its name and line.
func TestTruncated(t *testing.T) {
	if _, err := os.Stat(shared); err != nil {
		t.Skip("no shared watchlists:", err)
	}
	src, err := os.ReadFile(filepath.Join(shared, "cons_prim.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"cut at a line end":  src[:indexNth(src, '\n', 100)+1],
		"cut inside a quote": src[:len(src)/2],
		"broken quote":       append(append([]byte{}, src[:indexNth(src, '\n', 3)+1]...), []byte("1,\"X\" Y\",-0- ,-0- \r\n\x1a")...),
	} {
		dir := t.TempDir()
		for _, f := range []string{"cons_add.csv", "cons_alt.csv"} {
			b, _ := os.ReadFile(filepath.Join(shared, f))
			os.WriteFile(filepath.Join(dir, f), b, 0o600)
		}
		os.WriteFile(filepath.Join(dir, "cons_prim.csv"), data, 0o600)
		paths, err := lists.FindFiles(dir, ofac.Consolidated)
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = lists.Read(ofac.Consolidated, lists.PathOpener(paths))
		if oversight.ErrorCode(err) != oversight.EINVALID {
			t.Errorf("%s: err = %v, want invalid", name, err)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}

func indexNth(b []byte, c byte, n int) int {
	for i, x := range b {
		if x == c {
			if n--; n == 0 {
				return i
			}
		}
	}
	return len(b) - 1
}
