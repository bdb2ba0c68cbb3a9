package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/rules"
)

// BenchCommand measures Oversight's speed on this machine.
type BenchCommand struct{ m *Main }

// Run runs the command.
func (c *BenchCommand) Run(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "names" {
		return c.benchNames(args[1:])
	}
	if len(args) > 0 && args[0] == "translit" {
		return c.benchTranslit(args[1:])
	}
	if len(args) > 0 && args[0] == "yente" {
		return c.benchYente(args[1:])
	}
	if len(args) > 0 && args[0] == "match" {
		return c.benchMatch(args[1:])
	}
	if len(args) > 0 && args[0] == "serve" {
		return c.benchServe(ctx, args[1:])
	}
	if len(args) == 0 || args[0] != "screen" {
		return &ExitError{Code: 2, Message: "usage: oversight bench screen [--runs N] [FILE...] | oversight bench names [--cases FILE] | oversight bench translit [--dir DIR] [--cross] | oversight bench match [--index FILE] | oversight bench yente [--dir DIR] | oversight bench serve [--duration D] [--connections N]"}
	}
	fs := flag.NewFlagSet("oversight-bench-screen", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	runs := fs.Int("runs", 20, "repeat each measurement `N` times and report the median")
	fs.Usage = func() {
		fmt.Fprint(c.m.Stderr, `Measure screening speed.

Usage:

	oversight bench screen [--runs N] [FILE...]

For each transfer FILE (default: every examples/*.yaml) it measures, N times each:
  first run   a new database in a temporary folder: migrations, loading the bundled
              registry, parsing the rule pack, loading the registry, screening;
  warm start  opening that database, parsing the pack, loading the registry, screening
              (what every later 'oversight screen' does);
  warm        screening alone with everything loaded.
It prints the median and the slowest of each. Nothing outside the temporary folder is touched.
`)
	}
	if err := fs.Parse(args[1:]); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	if *runs < 1 {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--runs %d: want 1 or more", *runs)}
	}
	files := fs.Args()
	if len(files) == 0 {
		files, _ = filepath.Glob("examples/*.yaml")
		if len(files) == 0 {
			return &ExitError{Code: 2, Message: "no transfer files given and no examples/*.yaml here"}
		}
	}
	prog, err := loadProgram("")
	if err != nil {
		return err
	}
	var transfers []*oversight.Transfer
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return &ExitError{Code: 2, Message: err.Error()}
		}
		t, err := prog.DecodeTransfer(f, bytes.NewReader(src))
		if err != nil {
			return err
		}
		transfers = append(transfers, t)
	}
	tmp, err := os.MkdirTemp("", "oversight-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	screenOnce := func(db string, t *oversight.Transfer) error {
		p, err := loadProgram("")
		if err != nil {
			return err
		}
		st, err := c.m.openStore(ctx, storeFlags{db: db})
		if err != nil {
			return err
		}
		defer st.Close()
		s, err := newScreener(ctx, st, p)
		if err != nil {
			return err
		}
		_, err = s.Screen(ctx, t, rules.Options{})
		return err
	}
	var first, start, warm []time.Duration
	for i := 0; i < *runs; i++ {
		db := filepath.Join(tmp, fmt.Sprintf("first-%d.db", i))
		t0 := time.Now()
		if err := screenOnce(db, transfers[i%len(transfers)]); err != nil {
			return err
		}
		first = append(first, time.Since(t0))
	}
	db := filepath.Join(tmp, "first-0.db")
	for i := 0; i < *runs; i++ {
		t0 := time.Now()
		if err := screenOnce(db, transfers[i%len(transfers)]); err != nil {
			return err
		}
		start = append(start, time.Since(t0))
	}
	st, err := c.m.openStore(ctx, storeFlags{db: db})
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := newScreener(ctx, st, prog)
	if err != nil {
		return err
	}
	for i := 0; i < *runs*len(transfers); i++ {
		t0 := time.Now()
		if _, err := s.Screen(ctx, transfers[i%len(transfers)], rules.Options{}); err != nil {
			return err
		}
		warm = append(warm, time.Since(t0))
	}
	fmt.Fprintf(c.m.Stdout, "oversight bench screen: %d transfers, %d runs, %s/%s, %d CPUs, %s\n",
		len(transfers), *runs, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	fmt.Fprintf(c.m.Stdout, "%-12s %12s %12s\n", "", "median", "slowest")
	for _, r := range []struct {
		name string
		ds   []time.Duration
	}{{"first run", first}, {"warm start", start}, {"warm", warm}} {
		slices.Sort(r.ds)
		fmt.Fprintf(c.m.Stdout, "%-12s %12s %12s\n", r.name, r.ds[len(r.ds)/2].Round(10*time.Microsecond), r.ds[len(r.ds)-1].Round(10*time.Microsecond))
	}
	return nil
}

// startCPUProfile starts writing a CPU profile to path, if path is not empty, and returns
// the function that stops it.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeHeapProfile writes a heap profile to path, unless path is empty. What it shows in use
// is as of the last garbage collection.
func writeHeapProfile(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// checkThreshold refuses a --threshold that is not a number from 0 to 1 (NaN included).
func checkThreshold(t float64) error {
	if !(t >= 0 && t <= 1) {
		return &ExitError{Code: 2, Message: "--threshold: want a number from 0 to 1"}
	}
	return nil
}
