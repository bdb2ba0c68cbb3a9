package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/oversight-project/oversight"
)

// EntityService stores FtM entities as statements. It checks schemata through Merge, which
// the caller provides (the ftm model), so that this package imports no other adapter.
type EntityService struct {
	db *DB
	// CommonSchema returns the schema two fragments of one entity merge into, or "" if they
	// cannot merge. If nil, fragments must have the same schema.
	CommonSchema func(a, b string) string
}

var _ oversight.EntityService = (*EntityService)(nil)

// NewEntityService returns an entity service on db.
func NewEntityService(db *DB) *EntityService { return &EntityService{db: db} }

// ImportEntities implements oversight.EntityService. The whole import is one transaction.
func (s *EntityService) ImportEntities(ctx context.Context, dataset string, it oversight.EntityIterator) (*oversight.ImportResult, error) {
	if dataset == "" {
		return nil, oversight.Errorf(oversight.EINVALID, "dataset name required")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	res, err := s.importEntities(ctx, tx, dataset, it, nil)
	if err != nil {
		return nil, err
	}
	if _, err := appendAudit(ctx, tx, "entities.import", dataset, res); err != nil {
		return nil, err
	}
	return res, tx.Commit()
}

// importEntities writes the entities of it as statements of dataset; each, if not nil, is
// called for every entity after its statements are written.
func (s *EntityService) importEntities(ctx context.Context, tx *Tx, dataset string, it oversight.EntityIterator, each func(*oversight.Entity) error) (*oversight.ImportResult, error) {
	now := tx.now.Format(TimeFormat)
	if _, err := tx.ExecContext(ctx, `INSERT INTO datasets (name, updated_at) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at`, dataset, now); err != nil {
		return nil, err
	}
	// The schema of every entity already in the store, so that fragments merge without a
	// query per entity.
	schemata := map[string]string{}
	rows, err := tx.QueryContext(ctx, `SELECT id, schema FROM entities`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, schema string
		if err := rows.Scan(&id, &schema); err != nil {
			rows.Close()
			return nil, err
		}
		schemata[id] = schema
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	ents := newBatch(ctx, tx, `INSERT INTO entities (id, schema, first_seen, last_seen) VALUES `,
		` ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, schema = excluded.schema`, 4)
	defer ents.close()
	// Statements are written in batches of upserts: a statement already in the store keeps
	// its first_seen and gets this import's last_seen and sources.
	stmts := newBatch(ctx, tx, `INSERT INTO statements (entity_id, prop, value, dataset, sources, first_seen, last_seen) VALUES `,
		` ON CONFLICT (entity_id, prop, value, dataset) DO UPDATE SET last_seen = excluded.last_seen, sources = excluded.sources`, 7)
	defer stmts.close()
	stmts.before = ents.flush // statements refer to their entity
	var before int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM statements WHERE dataset = ?`, dataset).Scan(&before); err != nil {
		return nil, err
	}

	res := &oversight.ImportResult{Dataset: dataset}
	for {
		e, err := it.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		schema := e.Schema
		switch old, ok := schemata[e.ID]; {
		case !ok:
		case old != schema:
			merged := ""
			if s.CommonSchema != nil {
				merged = s.CommonSchema(old, schema)
			}
			if merged == "" {
				return nil, oversight.Errorf(oversight.ECONFLICT, "entity %s: schema %s does not merge with %s already in the store", e.ID, schema, old)
			}
			schema = merged
		}
		schemata[e.ID] = schema
		if err := ents.add(e.ID, schema, now, now); err != nil {
			return nil, err
		}
		sources, _ := json.Marshal(nonNil(e.Properties["sourceUrl"]))
		res.Entities++
		for prop, vals := range e.Properties {
			for _, v := range vals {
				if err := stmts.add(e.ID, prop, v, dataset, string(sources), now, now); err != nil {
					return nil, err
				}
				res.Statements++
			}
		}
		for _, ref := range e.Referents {
			if _, err := tx.ExecContext(ctx, `INSERT INTO referents (referent, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, ref, e.ID); err != nil {
				return nil, err
			}
		}
		if each != nil {
			if err := each(e); err != nil {
				return nil, err
			}
		}
	}
	if err := ents.flush(); err != nil {
		return nil, err
	}
	if err := stmts.flush(); err != nil {
		return nil, err
	}
	var after int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM statements WHERE dataset = ?`, dataset).Scan(&after); err != nil {
		return nil, err
	}
	res.Added = after - before
	return res, nil
}

// batch writes rows with multi-row INSERTs of up to batchRows rows each.
type batch struct {
	ctx        context.Context
	tx         *Tx
	head, tail string
	cols, n    int
	args       []any
	full       *sql.Stmt    // prepared for a full batch
	before     func() error // called before rows are written
}

const batchRows = 256

func newBatch(ctx context.Context, tx *Tx, head, tail string, cols int) *batch {
	return &batch{ctx: ctx, tx: tx, head: head, tail: tail, cols: cols}
}

func (b *batch) query(rows int) string {
	row := "(?" + strings.Repeat(", ?", b.cols-1) + ")"
	return b.head + row + strings.Repeat(", "+row, rows-1) + b.tail
}

func (b *batch) add(vals ...any) error {
	b.args = append(b.args, vals...)
	if b.n++; b.n < batchRows {
		return nil
	}
	if b.before != nil {
		if err := b.before(); err != nil {
			return err
		}
	}
	if b.full == nil {
		var err error
		if b.full, err = b.tx.PrepareContext(b.ctx, b.query(batchRows)); err != nil {
			return err
		}
	}
	_, err := b.full.ExecContext(b.ctx, b.args...)
	b.args, b.n = b.args[:0], 0
	return err
}

func (b *batch) flush() error {
	if b.n == 0 {
		return nil
	}
	if b.before != nil {
		if err := b.before(); err != nil {
			return err
		}
	}
	_, err := b.tx.ExecContext(b.ctx, b.query(b.n), b.args...)
	b.args, b.n = b.args[:0], 0
	return err
}

func (b *batch) close() {
	if b.full != nil {
		b.full.Close()
	}
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// FindEntityByID implements oversight.EntityService.
func (s *EntityService) FindEntityByID(ctx context.Context, id string) (*oversight.Entity, error) {
	var found *oversight.Entity
	err := s.each(ctx, `WHERE e.id = ?`, []any{id}, func(e *oversight.Entity) error {
		found = e
		return nil
	})
	if err != nil {
		return nil, err
	}
	if found == nil {
		return nil, oversight.Errorf(oversight.ENOTFOUND, "entity %q not found", id)
	}
	return found, nil
}

// FindStatements implements oversight.EntityService.
func (s *EntityService) FindStatements(ctx context.Context, id string) ([]*oversight.Statement, error) {
	rows, err := s.db.db.QueryContext(ctx, `SELECT s.entity_id, e.schema, s.prop, s.value, s.dataset, s.sources, s.first_seen, s.last_seen
		FROM statements s JOIN entities e ON e.id = s.entity_id WHERE s.entity_id = ? ORDER BY s.rowid`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*oversight.Statement
	for rows.Next() {
		st := &oversight.Statement{}
		var sources, first, last string
		if err := rows.Scan(&st.EntityID, &st.Schema, &st.Prop, &st.Value, &st.Dataset, &sources, &first, &last); err != nil {
			return nil, err
		}
		_ = json.Unmarshal([]byte(sources), &st.Sources)
		st.FirstSeen, _ = time.Parse(TimeFormat, first)
		st.LastSeen, _ = time.Parse(TimeFormat, last)
		out = append(out, st)
	}
	return out, rows.Err()
}

// EachEntity implements oversight.EntityService.
func (s *EntityService) EachEntity(ctx context.Context, schemata []string, fn func(*oversight.Entity) error) error {
	if len(schemata) == 0 {
		return s.each(ctx, "", nil, fn)
	}
	args := make([]any, len(schemata))
	for i, sc := range schemata {
		args[i] = sc
	}
	return s.each(ctx, `WHERE e.schema IN (?`+strings.Repeat(", ?", len(schemata)-1)+`)`, args, fn)
}

// each streams merged entities in id order; statements keep their insertion order. The
// rows come in entity order from the statements primary key (no sort in SQLite); each
// entity's statements are put back in insertion (rowid) order here.
func (s *EntityService) each(ctx context.Context, where string, args []any, fn func(*oversight.Entity) error) error {
	rows, err := s.db.db.QueryContext(ctx, `SELECT s.entity_id, s.rowid, e.schema, s.prop, s.value, s.dataset, s.first_seen, s.last_seen
		FROM statements s JOIN entities e ON e.id = s.entity_id `+where+` ORDER BY s.entity_id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	type row struct {
		rowid                                     int64
		schema, prop, value, dataset, first, last string
	}
	var cur string
	var buf []row
	emit := func() error {
		if len(buf) == 0 {
			return nil
		}
		sort.Slice(buf, func(i, j int) bool { return buf[i].rowid < buf[j].rowid })
		e := &oversight.Entity{ID: cur, Schema: buf[0].schema, Properties: map[string][]string{}, FirstSeen: buf[0].first, LastSeen: buf[0].last}
		for _, r := range buf {
			if !slices.Contains(e.Properties[r.prop], r.value) {
				e.Properties[r.prop] = append(e.Properties[r.prop], r.value)
			}
			if !slices.Contains(e.Datasets, r.dataset) {
				e.Datasets = append(e.Datasets, r.dataset)
			}
			e.FirstSeen = min(e.FirstSeen, r.first)
			e.LastSeen = max(e.LastSeen, r.last)
		}
		buf = buf[:0]
		return fn(e)
	}
	for rows.Next() {
		var id string
		var r row
		if err := rows.Scan(&id, &r.rowid, &r.schema, &r.prop, &r.value, &r.dataset, &r.first, &r.last); err != nil {
			return err
		}
		if id != cur {
			if err := emit(); err != nil {
				return err
			}
			cur = id
		}
		buf = append(buf, r)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return emit()
}

// Datasets implements oversight.EntityService.
func (s *EntityService) Datasets(ctx context.Context) ([]*oversight.Dataset, error) {
	rows, err := s.db.db.QueryContext(ctx, `SELECT d.name, d.title, d.updated_at,
		(SELECT COUNT(DISTINCT entity_id) FROM statements WHERE dataset = d.name),
		(SELECT COUNT(*) FROM statements WHERE dataset = d.name)
		FROM datasets d ORDER BY d.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*oversight.Dataset
	for rows.Next() {
		d := &oversight.Dataset{}
		var updated string
		if err := rows.Scan(&d.Name, &d.Title, &updated, &d.Entities, &d.Statements); err != nil {
			return nil, err
		}
		d.UpdatedAt, _ = time.Parse(TimeFormat, updated)
		out = append(out, d)
	}
	return out, rows.Err()
}
