package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"time"

	"github.com/oversight-project/oversight"
)

// WatchlistService keeps official lists as versioned datasets.
type WatchlistService struct {
	db       *DB
	entities *EntityService
}

var _ oversight.WatchlistService = (*WatchlistService)(nil)

// NewWatchlistService returns a watchlist service that writes statements through entities.
func NewWatchlistService(db *DB, entities *EntityService) *WatchlistService {
	return &WatchlistService{db: db, entities: entities}
}

// listEntity is the stored form of a list entry: the entity as the list gave it.
type listEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// ReplaceList implements oversight.WatchlistService.
func (s *WatchlistService) ReplaceList(ctx context.Context, v *oversight.ListVersion, it oversight.EntityIterator) (*oversight.ListVersion, error) {
	if v.List == "" {
		return nil, oversight.Errorf(oversight.EINVALID, "list name required")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	out := *v
	out.ImportedAt = tx.now
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM list_versions WHERE list = ?`, v.List).Scan(&out.Version); err != nil {
		return nil, err
	}
	blobs := newBatch(ctx, tx, `INSERT INTO list_blobs (hash, schema, caption, data) VALUES `, ` ON CONFLICT DO NOTHING`, 4)
	defer blobs.close()
	entries := newBatch(ctx, tx, `INSERT INTO list_entries (list, version, entity_id, hash) VALUES `, ``, 4)
	defer entries.close()
	seen := map[string]bool{}
	each := func(e *oversight.Entity) error {
		if seen[e.ID] {
			return oversight.Errorf(oversight.EINVALID, "%s: entity %s appears twice", v.List, e.ID)
		}
		seen[e.ID] = true
		data, err := json.Marshal(listEntity{e.ID, e.Schema, e.Properties})
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		hash := hex.EncodeToString(sum[:])
		if err := blobs.add(hash, e.Schema, e.Caption(), string(data)); err != nil {
			return err
		}
		return entries.add(v.List, out.Version, e.ID, hash)
	}
	res, err := s.entities.importEntities(ctx, tx, v.List, it, each)
	if err != nil {
		return nil, err
	}
	if err := blobs.flush(); err != nil {
		return nil, err
	}
	if err := entries.flush(); err != nil {
		return nil, err
	}
	out.Entities = res.Entities

	// The list's statements are now exactly those of this version: the import touched every
	// statement it holds, so any statement it did not touch belongs to an earlier version.
	now := tx.now.Format(TimeFormat)
	if _, err := tx.ExecContext(ctx, `DELETE FROM statements WHERE dataset = ? AND last_seen <> ?`, v.List, now); err != nil {
		return nil, err
	}
	for _, q := range []string{
		`DELETE FROM referents WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.entity_id = referents.entity_id)`,
		`DELETE FROM entities WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.entity_id = entities.id)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return nil, err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE datasets SET title = ? WHERE name = ?`, v.Title, v.List); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO list_versions (list, version, title, imported_at, published_at, records, entities, sha256, source)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, out.List, out.Version, out.Title, now, out.PublishedAt, out.Records, out.Entities, out.SHA256, out.Source); err != nil {
		return nil, err
	}
	if _, err := appendAudit(ctx, tx, "list.replace", out.List, map[string]any{"version": out.Version, "records": out.Records, "entities": out.Entities, "sha256": out.SHA256}); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListVersions implements oversight.WatchlistService.
func (s *WatchlistService) ListVersions(ctx context.Context, list string) ([]*oversight.ListVersion, error) {
	const cols = `SELECT list, version, title, imported_at, published_at, records, entities, sha256, source FROM list_versions v `
	var rows *sql.Rows
	var err error
	if list == "" {
		rows, err = s.db.db.QueryContext(ctx, cols+`WHERE version = (SELECT MAX(version) FROM list_versions WHERE list = v.list) ORDER BY list`)
	} else {
		rows, err = s.db.db.QueryContext(ctx, cols+`WHERE list = ? ORDER BY version`, list)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*oversight.ListVersion
	for rows.Next() {
		v := &oversight.ListVersion{}
		var imported string
		if err := rows.Scan(&v.List, &v.Version, &v.Title, &imported, &v.PublishedAt, &v.Records, &v.Entities, &v.SHA256, &v.Source); err != nil {
			return nil, err
		}
		v.ImportedAt, _ = time.Parse(TimeFormat, imported)
		out = append(out, v)
	}
	return out, rows.Err()
}

// DiffList implements oversight.WatchlistService.
func (s *WatchlistService) DiffList(ctx context.Context, list string, from, to int) ([]*oversight.ListChange, error) {
	a, err := s.entries(ctx, list, from)
	if err != nil {
		return nil, err
	}
	b, err := s.entries(ctx, list, to)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(a)+len(b))
	for id := range a {
		ids = append(ids, id)
	}
	for id := range b {
		if _, ok := a[id]; !ok {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	var out []*oversight.ListChange
	for _, id := range ids {
		ha, hb := a[id], b[id]
		switch {
		case ha == hb:
			continue
		case ha == "":
			e, err := s.blob(ctx, hb)
			if err != nil {
				return nil, err
			}
			out = append(out, &oversight.ListChange{ID: id, Schema: e.Schema, Caption: caption(e), Change: "added"})
		case hb == "":
			e, err := s.blob(ctx, ha)
			if err != nil {
				return nil, err
			}
			out = append(out, &oversight.ListChange{ID: id, Schema: e.Schema, Caption: caption(e), Change: "removed"})
		default:
			ea, err := s.blob(ctx, ha)
			if err != nil {
				return nil, err
			}
			eb, err := s.blob(ctx, hb)
			if err != nil {
				return nil, err
			}
			c := &oversight.ListChange{ID: id, Schema: eb.Schema, Caption: caption(eb), Change: "changed", Props: propChanges(ea, eb)}
			if ea.Schema != eb.Schema {
				c.Props = append([]*oversight.PropChange{{Prop: "schema", Added: []string{eb.Schema}, Removed: []string{ea.Schema}}}, c.Props...)
			}
			out = append(out, c)
		}
	}
	return out, nil
}

// entries returns entity id → hash for one version of a list.
func (s *WatchlistService) entries(ctx context.Context, list string, version int) (map[string]string, error) {
	var n int
	if err := s.db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM list_versions WHERE list = ? AND version = ?`, list, version).Scan(&n); err != nil {
		return nil, err
	} else if n == 0 {
		return nil, oversight.Errorf(oversight.ENOTFOUND, "list %s has no version %d", list, version)
	}
	rows, err := s.db.db.QueryContext(ctx, `SELECT entity_id, hash FROM list_entries WHERE list = ? AND version = ?`, list, version)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, hash string
		if err := rows.Scan(&id, &hash); err != nil {
			return nil, err
		}
		out[id] = hash
	}
	return out, rows.Err()
}

func (s *WatchlistService) blob(ctx context.Context, hash string) (*listEntity, error) {
	var data string
	err := s.db.db.QueryRowContext(ctx, `SELECT data FROM list_blobs WHERE hash = ?`, hash).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, oversight.Errorf(oversight.EINTERNAL, "list entry %s is missing from the store", hash)
	} else if err != nil {
		return nil, err
	}
	e := &listEntity{}
	return e, json.Unmarshal([]byte(data), e)
}

func caption(e *listEntity) string {
	return (&oversight.Entity{ID: e.ID, Properties: e.Properties}).Caption()
}

// propChanges lists, property by property in name order, the values b has that a has not
// (added) and the values a has that b has not (removed).
func propChanges(a, b *listEntity) []*oversight.PropChange {
	props := map[string]bool{}
	for p := range a.Properties {
		props[p] = true
	}
	for p := range b.Properties {
		props[p] = true
	}
	names := make([]string, 0, len(props))
	for p := range props {
		names = append(names, p)
	}
	sort.Strings(names)
	var out []*oversight.PropChange
	for _, p := range names {
		c := &oversight.PropChange{Prop: p}
		for _, v := range b.Properties[p] {
			if !slices.Contains(a.Properties[p], v) {
				c.Added = append(c.Added, v)
			}
		}
		for _, v := range a.Properties[p] {
			if !slices.Contains(b.Properties[p], v) {
				c.Removed = append(c.Removed, v)
			}
		}
		if c.Added != nil || c.Removed != nil {
			out = append(out, c)
		}
	}
	return out
}
