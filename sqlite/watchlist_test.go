package sqlite_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/ftm"
	"github.com/oversight-project/oversight/sqlite"
)

func replaceList(tb testing.TB, w *sqlite.WatchlistService, list, data string) (*oversight.ListVersion, error) {
	tb.Helper()
	v := &oversight.ListVersion{List: list, Title: "Test list", Records: strings.Count(data, "\n"), SHA256: "abc"}
	return w.ReplaceList(context.Background(), v, ftm.NewDecoder(strings.NewReader(data), list+".jsonl"))
}

func TestWatchlist_Versions(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	db := MustOpenDB(t, &now)
	s := sqlite.NewEntityService(db)
	w := sqlite.NewWatchlistService(db, s)
	if _, err := importString(t, s, "registry", `{"id": "co-keep", "schema": "Company", "properties": {"name": ["Keep Ltd"]}}`); err != nil {
		t.Fatal(err)
	}

	v1 := `{"id": "l-a", "schema": "Company", "properties": {"name": ["Alpha Ltd"], "country": ["cn"]}}
{"id": "l-b", "schema": "Person", "properties": {"name": ["Bravo, Bob"]}}
{"id": "l-c", "schema": "Company", "properties": {"name": ["Charlie SA"]}}
`
	got, err := replaceList(t, w, "test_list", v1)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || got.Entities != 3 || !got.ImportedAt.Equal(now) {
		t.Fatalf("v1 = %+v", got)
	}

	// Version 2: l-a changes country and gains an alias, l-b is delisted, l-d is added.
	now = now.Add(24 * time.Hour)
	v2 := `{"id": "l-a", "schema": "Company", "properties": {"name": ["Alpha Ltd"], "alias": ["Alpha Trading"], "country": ["hk"]}}
{"id": "l-c", "schema": "Company", "properties": {"name": ["Charlie SA"]}}
{"id": "l-d", "schema": "Organization", "properties": {"name": ["Delta Group"]}}
`
	if got, err = replaceList(t, w, "test_list", v2); err != nil {
		t.Fatal(err)
	} else if got.Version != 2 || got.Entities != 3 {
		t.Fatalf("v2 = %+v", got)
	}

	// The store holds exactly version 2 of the list, and the other dataset is untouched.
	if _, err := s.FindEntityByID(ctx, "l-b"); oversight.ErrorCode(err) != oversight.ENOTFOUND {
		t.Errorf("delisted l-b still in the store: err=%v", err)
	}
	a, err := s.FindEntityByID(ctx, "l-a")
	if err != nil {
		t.Fatal(err)
	}
	if a.Has("country", "cn") || !a.Has("country", "hk") || !a.Has("alias", "Alpha Trading") {
		t.Errorf("l-a = %+v, want version 2's properties only", a.Properties)
	}
	if a.FirstSeen != "2026-11-01T12:00:00Z" || a.LastSeen != "2026-11-02T12:00:00Z" {
		t.Errorf("l-a seen %s … %s, want first seen in version 1, last in version 2", a.FirstSeen, a.LastSeen)
	}
	if _, err := s.FindEntityByID(ctx, "co-keep"); err != nil {
		t.Errorf("entity of another dataset lost: %v", err)
	}

	diff, err := w.DiffList(ctx, "test_list", 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(diff)
	want := `[{"id":"l-a","schema":"Company","caption":"Alpha Ltd","change":"changed","props":[{"prop":"alias","added":["Alpha Trading"]},{"prop":"country","added":["hk"],"removed":["cn"]}]},` +
		`{"id":"l-b","schema":"Person","caption":"Bravo, Bob","change":"removed"},` +
		`{"id":"l-d","schema":"Organization","caption":"Delta Group","change":"added"}]`
	if string(b) != want {
		t.Errorf("diff =\n%s\nwant\n%s", b, want)
	}
	if _, err := w.DiffList(ctx, "test_list", 1, 3); oversight.ErrorCode(err) != oversight.ENOTFOUND {
		t.Errorf("diff with unknown version: err=%v, want not_found", err)
	}

	vs, err := w.ListVersions(ctx, "test_list")
	if err != nil || len(vs) != 2 || vs[0].Version != 1 || vs[1].Version != 2 {
		t.Fatalf("versions = %v, %v", vs, err)
	}
	latest, err := w.ListVersions(ctx, "")
	if err != nil || len(latest) != 1 || latest[0].Version != 2 || latest[0].Title != "Test list" {
		t.Fatalf("latest = %v, %v", latest, err)
	}
}

// TestWatchlist_FailedUpdateKeepsPrevious: an update that fails on its last entry leaves the
// previous version in place, statements and versions alike.
func TestWatchlist_FailedUpdateKeepsPrevious(t *testing.T) {
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	db := MustOpenDB(t, &now)
	s := sqlite.NewEntityService(db)
	w := sqlite.NewWatchlistService(db, s)
	if _, err := replaceList(t, w, "test_list", `{"id": "l-a", "schema": "Company", "properties": {"name": ["Alpha Ltd"]}}`+"\n"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	now = now.Add(time.Hour)
	for _, bad := range []string{
		`{"id": "l-z", "schema": "Company", "properties": {"name": ["Zulu"]}}` + "\n" + `{"id": "l-y", "schema": "Company", "properties": {"nope": ["x"]}}` + "\n",
		`{"id": "l-z", "schema": "Company", "properties": {"name": ["Zulu"]}}` + "\n" + `{"id": "l-z", "schema": "Company", "properties": {"name": ["Zulu"]}}` + "\n",
	} {
		if _, err := replaceList(t, w, "test_list", bad); oversight.ErrorCode(err) != oversight.EINVALID {
			t.Fatalf("bad update: err=%v, want invalid", err)
		}
		if after := snapshot(t, s); after != before {
			t.Errorf("store changed by a failed update:\n%s\nwas\n%s", after, before)
		}
		if vs, _ := w.ListVersions(context.Background(), "test_list"); len(vs) != 1 {
			t.Errorf("versions after a failed update = %d, want 1", len(vs))
		}
	}
}
