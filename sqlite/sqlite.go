// Package sqlite is Oversight's embedded store: one SQLite file through the pure-Go
// modernc.org/sqlite driver, with embedded migrations. It implements oversight.EntityService
// and oversight.WatchlistService.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	_ "modernc.org/sqlite" // the pure-Go driver, imported here only
)

//go:embed migration/*.sql
var migrationFS embed.FS

// TimeFormat is how times are stored.
const TimeFormat = time.RFC3339Nano

// DB is the database handle. Set DSN (a file path or ":memory:") and optionally Now, then Open.
type DB struct {
	db  *sql.DB
	DSN string
	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// NewDB returns a DB for the given path.
func NewDB(dsn string) *DB { return &DB{DSN: dsn, Now: time.Now} }

// Open opens the database, creating its folder, and runs pending migrations.
func (db *DB) Open() (err error) {
	if db.DSN == "" {
		return fmt.Errorf("sqlite: DSN required")
	}
	dsn := db.DSN
	if dsn != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(dsn), 0o700); err != nil {
			return err
		}
		dsn = "file:" + dsn
	} else {
		dsn = "file::memory:"
	}
	dsn += "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-65536)"
	if db.db, err = sql.Open("sqlite", dsn); err != nil {
		return err
	}
	if db.DSN == ":memory:" {
		db.db.SetMaxOpenConns(1) // one connection, or every connection gets its own empty database
	}
	if err := db.migrate(); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	return nil
}

// Close closes the database.
func (db *DB) Close() error {
	if db.db != nil {
		return db.db.Close()
	}
	return nil
}

func (db *DB) migrate() error {
	if _, err := db.db.Exec(`CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)`); err != nil {
		return err
	}
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		if err := db.migrateFile(name); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

func (db *DB) migrateFile(name string) error {
	tx, err := db.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRow(`SELECT COUNT(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	} else if n != 0 {
		return nil
	}
	buf, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(string(buf)); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO migrations (name) VALUES (?)`, name); err != nil {
		return err
	}
	return tx.Commit()
}

// Tx wraps a transaction with the time fixed when it began.
type Tx struct {
	*sql.Tx
	now time.Time
}

// BeginTx starts a transaction.
func (db *DB) BeginTx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	tx, err := db.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &Tx{Tx: tx, now: db.Now().UTC()}, nil
}

// Meta returns a value from the meta table ("" if unset).
func (db *DB) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := db.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetMeta stores a value in the meta table.
func (db *DB) SetMeta(ctx context.Context, key, value string) error {
	_, err := db.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}
