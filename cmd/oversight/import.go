package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/ftm"
)

// ImportCommand loads FtM JSON-lines files into the store, one transaction per file.
type ImportCommand struct{ m *Main }

// Run runs the command.
func (c *ImportCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("oversight-import", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	var sf storeFlags
	sf.register(fs)
	dataset := fs.String("dataset", "", "dataset `name` (default: the file name without extensions)")
	fs.Usage = c.usage
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	if fs.NArg() == 0 {
		return &ExitError{Code: 2, Message: "import needs at least one FILE"}
	}
	st, err := c.m.openStore(ctx, sf)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, path := range fs.Args() {
		name := *dataset
		if name == "" {
			name = datasetName(path)
		}
		f, err := os.Open(path)
		if err != nil {
			return &ExitError{Code: 2, Message: fmt.Sprintf("cannot read %s: %v", path, err)}
		}
		dec := ftm.NewDecoder(f, path)
		res, err := st.entities.ImportEntities(ctx, name, dec)
		f.Close()
		if err != nil {
			if code := oversight.ErrorCode(err); code != oversight.EINTERNAL {
				return oversight.Errorf(code, "%s (nothing of %s was written)", oversight.ErrorMessage(err), path)
			}
			return fmt.Errorf("import %s (nothing of it was written): %w", path, err)
		}
		fmt.Fprintf(c.m.Stdout, "%s: %d entities, %d statements (%d new) into dataset %s\n",
			path, res.Entities, res.Statements, res.Added, res.Dataset)
	}
	return nil
}

// datasetName is the file's base name without extensions: lists/sdn.ftm.jsonl → sdn.
func datasetName(path string) string {
	base := filepath.Base(path)
	if i := strings.Index(base, "."); i > 0 {
		base = base[:i]
	}
	return base
}

func (c *ImportCommand) usage() {
	fmt.Fprint(c.m.Stderr, `Load FollowTheMoney entities (JSON lines) into the store.

Usage:

	oversight import [flags] FILE...

Each file is imported in one transaction: if any line is invalid, nothing of that file is
written and the error names the line. Re-importing the same file changes only last_seen.

Flags:

	--db PATH         SQLite database (default $XDG_DATA_HOME/oversight/oversight.db)
	--dataset NAME    dataset to import into (default: the file name without extensions)

Examples:

	oversight import my-findings.ftm.jsonl
	oversight import --dataset ngo-reports report-2024.ftm.jsonl report-2025.ftm.jsonl
`)
}
