package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/ftm"
)

// ExportCommand writes every entity in the store as FtM JSON lines.
type ExportCommand struct{ m *Main }

// Run runs the command.
func (c *ExportCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("oversight-export", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	var sf storeFlags
	sf.register(fs)
	out := fs.String("o", "", "write to `file` instead of standard output")
	fs.Usage = func() {
		fmt.Fprint(c.m.Stderr, `Write the store's entities as FollowTheMoney JSON lines, merged from their statements,
with their datasets and first/last seen times.

Usage:

	oversight export [--db PATH] [-o FILE]

Examples:

	oversight export > registry.ftm.jsonl
	oversight export -o registry.ftm.jsonl
`)
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	st, err := c.m.openStore(ctx, sf)
	if err != nil {
		return err
	}
	defer st.Close()
	w := c.m.Stdout
	var f *os.File
	if *out != "" {
		// Write to a temporary file and rename, so a failed export leaves no partial file.
		if f, err = os.CreateTemp(filepath.Dir(*out), ".oversight-export-*"); err != nil {
			return err
		}
		defer os.Remove(f.Name())
		w = f
	}
	enc := ftm.NewEncoder(w)
	if err := st.entities.EachEntity(ctx, nil, func(e *oversight.Entity) error { return enc.Encode(e) }); err != nil {
		return err
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return err
		}
		return os.Rename(f.Name(), *out)
	}
	return nil
}
