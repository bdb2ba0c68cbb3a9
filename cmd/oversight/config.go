package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/bundle"
	"github.com/oversight-project/oversight/ftm"
	"github.com/oversight-project/oversight/match"
	"github.com/oversight-project/oversight/rules"
	"github.com/oversight-project/oversight/screen"
	"github.com/oversight-project/oversight/sqlite"
)

// Dataset names of the bundled data.
const (
	SeedDataset       = "oversight-seed"
	EnrichmentDataset = "oversight-enrichment"
)

// defaultDBPath is $XDG_DATA_HOME/oversight/oversight.db, else ~/.local/share/oversight/oversight.db.
func (m *Main) defaultDBPath() (string, error) {
	if dir := m.Getenv("XDG_DATA_HOME"); dir != "" {
		return filepath.Join(dir, "oversight", "oversight.db"), nil
	}
	home := m.Getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("cannot find a home folder for the database; give --db PATH")
		}
	}
	return filepath.Join(home, ".local", "share", "oversight", "oversight.db"), nil
}

// storeFlags are the flags every store-using command shares.
type storeFlags struct {
	db string
}

func (s *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.db, "db", "", "SQLite database `path` (default $XDG_DATA_HOME/oversight/oversight.db)")
}

// store is an open database with its services.
type store struct {
	db       *sqlite.DB
	entities *sqlite.EntityService
}

func (s *store) Close() error { return s.db.Close() }

// openStore opens the database and, on first use, loads the bundled seed registry.
func (m *Main) openStore(ctx context.Context, sf storeFlags) (*store, error) {
	path := sf.db
	if path == "" {
		var err error
		if path, err = m.defaultDBPath(); err != nil {
			return nil, err
		}
	}
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	st := &store{db: db, entities: sqlite.NewEntityService(db)}
	st.entities.CommonSchema = ftm.Default.Common
	seeded, err := db.Meta(ctx, "seeded")
	if err != nil {
		db.Close()
		return nil, err
	}
	if seeded == "" {
		for _, b := range []struct {
			dataset, name string
			data          []byte
		}{{SeedDataset, "seed.ftm.jsonl", bundle.Seed}, {EnrichmentDataset, "enrichment.ftm.jsonl", bundle.Enrichment}} {
			dec := ftm.NewDecoder(bytes.NewReader(b.data), b.name)
			if _, err := st.entities.ImportEntities(ctx, b.dataset, dec); err != nil {
				db.Close()
				return nil, fmt.Errorf("load bundled %s: %w", b.name, err)
			}
		}
		if err := db.SetMeta(ctx, "seeded", Version); err != nil {
			db.Close()
			return nil, err
		}
	}
	return st, nil
}

// loadProgram parses the rule pack: the bundled one, or the file given.
func loadProgram(path string) (*rules.Program, error) {
	if path == "" {
		return rules.Parse("rules.yaml (bundled)", bundle.Rules)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, oversight.Errorf(oversight.EINVALID, "rules: %v", err)
	}
	return rules.Parse(path, src)
}

// partySchemata are the schemata a party's name is matched against.
func partySchemata() []string { return ftm.Default.Descendants("LegalEntity") }

// newScreener loads the registry from the store and builds a screener.
func newScreener(ctx context.Context, st *store, prog *rules.Program) (*screen.Screener, error) {
	reg, err := screen.LoadRegistry(ctx, st.entities, match.DefaultConfig(), partySchemata())
	if err != nil {
		return nil, err
	}
	risk, err := riskTable(prog)
	if err != nil {
		return nil, err
	}
	return &screen.Screener{Program: prog, Registry: reg, Risk: risk, Statements: st.entities.FindStatements}, nil
}

// riskTable parses the bundled country-risk table against the rule pack.
func riskTable(prog *rules.Program) (*rules.RiskTable, error) {
	return prog.ParseRiskTable("country_risk.yaml (bundled)", bundle.CountryRisk)
}

// indexBatch is how many entities are read and decoded at a time, and given to
// match.Index.AddAll, which analyses their names on every core.
const indexBatch = 2048

// readIndexFile calls fn with the entities of the FtM JSON-lines file given with --index, in
// batches decoded on all cores.
func readIndexFile(path string, fn func([]*oversight.Entity)) error {
	f, err := os.Open(path)
	if err != nil {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--index: %v", err)}
	}
	defer f.Close()
	// The next batch is read and decoded while fn takes the one before.
	type batch struct {
		es  []*oversight.Entity
		err error
	}
	batches := make(chan batch, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(batches)
		dec := ftm.NewDecoder(f, path)
		for {
			es, err := dec.DecodeBatch(indexBatch)
			select {
			case batches <- batch{es, err}:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	for b := range batches {
		if b.err != nil && b.err != io.EOF {
			return b.err
		}
		fn(b.es)
	}
	return nil
}
