package sqlite_test

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/bundle"
	"github.com/oversight-project/oversight/ftm"
	"github.com/oversight-project/oversight/sqlite"
)

// MustOpenDB opens a database in a temporary folder with a controllable clock.
func MustOpenDB(tb testing.TB, now *time.Time) *sqlite.DB {
	tb.Helper()
	db := sqlite.NewDB(filepath.Join(tb.TempDir(), "test.db"))
	db.Now = func() time.Time { return *now }
	if err := db.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func importString(tb testing.TB, s *sqlite.EntityService, dataset, data string) (*oversight.ImportResult, error) {
	tb.Helper()
	return s.ImportEntities(context.Background(), dataset, ftm.NewDecoder(strings.NewReader(data), dataset+".jsonl"))
}

// snapshot exports the whole store, so that any change shows.
func snapshot(tb testing.TB, s *sqlite.EntityService) string {
	tb.Helper()
	var buf bytes.Buffer
	enc := ftm.NewEncoder(&buf)
	if err := s.EachEntity(context.Background(), nil, func(e *oversight.Entity) error { return enc.Encode(e) }); err != nil {
		tb.Fatal(err)
	}
	enc.Flush()
	return buf.String()
}

func TestImport_Seed(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s := sqlite.NewEntityService(MustOpenDB(t, &now))
	res, err := s.ImportEntities(context.Background(), "seed", ftm.NewDecoder(bytes.NewReader(bundle.Seed), "seed"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Entities != 402 || res.Added != res.Statements || res.Statements == 0 {
		t.Fatalf("result=%+v, want 402 entities, every statement new", res)
	}
	e, err := s.FindEntityByID(context.Background(), "org-shanghai-psb")
	if err != nil {
		t.Fatal(err)
	}
	if e.Schema != "PublicBody" || !e.Has("alias", "上海市公安局") || e.Datasets[0] != "seed" {
		t.Errorf("entity=%+v", e)
	}
	if _, err := s.FindEntityByID(context.Background(), "nope"); oversight.ErrorCode(err) != oversight.ENOTFOUND {
		t.Errorf("unknown id: err=%v, want not_found", err)
	}
	sts, err := s.FindStatements(context.Background(), "org-shanghai-psb")
	if err != nil || len(sts) == 0 || len(sts[0].Sources) == 0 || sts[0].Dataset != "seed" {
		t.Fatalf("statements=%v err=%v", sts, err)
	}
}

// TestImport_Atomic: a bad last line leaves the store exactly as it was.
func TestImport_Atomic(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s := sqlite.NewEntityService(MustOpenDB(t, &now))
	if _, err := importString(t, s, "a", `{"id": "co-a", "schema": "Company", "properties": {"name": ["A Ltd"]}}`); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	now = now.Add(time.Hour)
	bad := `{"id": "co-a", "schema": "Company", "properties": {"name": ["A Ltd"], "alias": ["A"]}}
{"id": "co-b", "schema": "Company", "properties": {"name": ["B GmbH"]}}
{"id": "co-c", "schema": "Company", "properties": {"wingspan": ["3 m"]}}`
	_, err := importString(t, s, "a", bad)
	if oversight.ErrorCode(err) != oversight.EINVALID || !strings.Contains(oversight.ErrorMessage(err), "a.jsonl:3: properties.wingspan") {
		t.Fatalf("err=%v, want invalid naming line 3 and the field", err)
	}
	if after := snapshot(t, s); after != before {
		t.Fatalf("a failed import changed the store:\nbefore %s\nafter  %s", before, after)
	}
	ds, _ := s.Datasets(context.Background())
	if len(ds) != 1 || ds[0].Entities != 1 {
		t.Errorf("datasets=%+v", ds)
	}
}

// TestImport_Reimport: importing the same file again changes nothing but last_seen.
func TestImport_Reimport(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s := sqlite.NewEntityService(MustOpenDB(t, &now))
	data := `{"id": "co-a", "schema": "Company", "properties": {"name": ["A Ltd"], "sourceUrl": ["https://example.org/a"]}}
{"id": "org-b", "schema": "PublicBody", "properties": {"name": ["B Bureau"], "alias": ["乙局"], "parent": ["co-a"]}}`
	if _, err := importString(t, s, "d", data); err != nil {
		t.Fatal(err)
	}
	first := snapshot(t, s)
	firstSts, _ := s.FindStatements(context.Background(), "org-b")
	now = now.Add(24 * time.Hour)
	res, err := importString(t, s, "d", data)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 {
		t.Errorf("added=%d on re-import, want 0", res.Added)
	}
	second := snapshot(t, s)
	strip := func(s string) string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if i := strings.Index(l, `,"last_seen"`); i >= 0 {
				l = l[:i]
			}
			out = append(out, l)
		}
		return strings.Join(out, "\n")
	}
	if strip(first) != strip(second) {
		t.Errorf("re-import changed more than last_seen:\n%s\n%s", first, second)
	}
	if first == second {
		t.Error("re-import did not update last_seen")
	}
	sts, _ := s.FindStatements(context.Background(), "org-b")
	for i := range sts {
		if !sts[i].FirstSeen.Equal(firstSts[i].FirstSeen) || !sts[i].LastSeen.Equal(now) {
			t.Errorf("statement %d: first=%v last=%v", i, sts[i].FirstSeen, sts[i].LastSeen)
		}
	}
}

// TestImport_Merge: two datasets contribute to one entity; export shows both.
func TestImport_Merge(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s := sqlite.NewEntityService(MustOpenDB(t, &now))
	s.CommonSchema = ftm.Default.Common
	if _, err := importString(t, s, "one", `{"id": "x", "schema": "Organization", "properties": {"name": ["X"]}}`); err != nil {
		t.Fatal(err)
	}
	if _, err := importString(t, s, "two", `{"id": "x", "schema": "PublicBody", "properties": {"endUserCategory": ["civil_government"]}}`); err != nil {
		t.Fatal(err)
	}
	e, _ := s.FindEntityByID(context.Background(), "x")
	if e.Schema != "PublicBody" || len(e.Datasets) != 2 || e.First("endUserCategory") != "civil_government" {
		t.Errorf("merged=%+v", e)
	}
	_, err := importString(t, s, "three", `{"id": "x", "schema": "Person", "properties": {"name": ["X"]}}`)
	if oversight.ErrorCode(err) != oversight.ECONFLICT {
		t.Errorf("incompatible schema: err=%v, want conflict", err)
	}
}

// TestExport_RoundTrip: export → import into a fresh store → export gives the same entities.
func TestExport_RoundTrip(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	a := sqlite.NewEntityService(MustOpenDB(t, &now))
	if _, err := a.ImportEntities(context.Background(), "seed", ftm.NewDecoder(bytes.NewReader(bundle.Seed), "seed")); err != nil {
		t.Fatal(err)
	}
	out := snapshot(t, a)
	b := sqlite.NewEntityService(MustOpenDB(t, &now))
	if _, err := b.ImportEntities(context.Background(), "seed", ftm.NewDecoder(strings.NewReader(out), "export")); err != nil {
		t.Fatal(err)
	}
	if again := snapshot(t, b); again != out {
		t.Error("export → import → export changed the data")
	}
	dec := ftm.NewDecoder(strings.NewReader(out), "export")
	n := 0
	for {
		if _, err := dec.Next(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 402 {
		t.Errorf("exported %d entities, want 402", n)
	}
}
