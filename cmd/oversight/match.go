package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/ftm"
	"github.com/oversight-project/oversight/match"
)

// MatchCommand finds the entities names refer to.
type MatchCommand struct{ m *Main }

// Run runs the command.
func (c *MatchCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("oversight-match", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	var sf storeFlags
	sf.register(fs)
	cfg := match.DefaultConfig()
	indexPath := fs.String("index", "", "match against this FtM JSON-lines `file` instead of the store")
	threshold := fs.Float64("threshold", cfg.Threshold, "report matches scoring at least `T`")
	limit := fs.Int("limit", cfg.Limit, "at most `N` matches per name")
	country := fs.String("country", "", "the name's country (ISO 3166-1 alpha-2); a mismatch lowers scores")
	schema := fs.String("schema", "", "only entities of this `schema` (and its descendants)")
	format := fs.String("format", "text", "output `format`: text or json (one object per line)")
	pairs := fs.Bool("pairs", false, "read name1<TAB>name2[<TAB>schema] lines and score each pair")
	var ids []string
	fs.Func("id", "an `identifier` of the party (registration, tax, LEI, IMO, passport number …); repeatable", func(v string) error {
		ids = append(ids, v)
		return nil
	})
	fs.Usage = func() {
		fmt.Fprint(c.m.Stderr, `Find the registry entities a name refers to.

Usage:

	oversight match [flags] [NAME ...]
	oversight match --pairs [--format json] < pairs.tsv

Matches each NAME, or each line of standard input when no NAME is given. With --pairs, reads
name1<TAB>name2[<TAB>schema] lines and prints, for each, the score and whether it reaches the
default threshold: {"a": "...", "b": "...", "score": 0.91, "match": true}.

Flags:

	--db PATH        SQLite database (default $XDG_DATA_HOME/oversight/oversight.db)
	--index FILE     match against an FtM JSON-lines file; the store is not touched
	--threshold T    minimum score (default 0.9)
	--limit N        matches per name (default 5)
	--country CC     the name's country
	--schema S       only this schema and its descendants, e.g. Company or PublicBody
	--id ID          an identifier of the party (registration, tax, LEI, IMO, passport
	                 number …), repeatable: an entity holding it matches at 0.95 at least
	--format F       text (default) or json

Examples:

	oversight match 上海市公安局 "Shanghai PSB"
	oversight match --format json --country cn "Hikvision Digital Technology Co Ltd"
`)
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	if *format != "text" && *format != "json" {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--format %q: want text or json", *format)}
	}
	if err := checkThreshold(*threshold); err != nil {
		return err
	}
	if *limit < 1 {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--limit %d: want 1 or more", *limit)}
	}
	if c := strings.ToLower(*country); c != "" && !oversight.IsCountryCode(c) {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--country %q: want an ISO 3166-1 alpha-2 code such as cn", *country)}
	}
	if *pairs {
		return c.pairs(*format, cfg.Threshold)
	}
	schemata := partySchemata()
	if *schema != "" {
		if ftm.Default.Schema(*schema) == nil {
			return &ExitError{Code: 2, Message: fmt.Sprintf("--schema %q: unknown schema", *schema)}
		}
		schemata = ftm.Default.Descendants(*schema)
	}
	cfg.Limit = *limit
	ix := match.NewIndex(cfg)
	if *indexPath != "" {
		if err := readIndexFile(*indexPath, ix.AddAll); err != nil {
			return err
		}
	} else {
		st, err := c.m.openStore(ctx, sf)
		if err != nil {
			return err
		}
		defer st.Close()
		if err := ix.AddEach(func(add func(*oversight.Entity) error) error {
			return st.entities.EachEntity(ctx, partySchemata(), add)
		}); err != nil {
			return err
		}
	}
	out := bufio.NewWriter(c.m.Stdout)
	defer out.Flush()
	query := func(name string) oversight.NameQuery {
		return oversight.NameQuery{Name: name, Country: strings.ToLower(*country), Schemata: schemata, Identifiers: ids, Limit: *limit}
	}
	write := func(name string, ms []*oversight.Match) error {
		if *format == "json" {
			if ms == nil {
				ms = []*oversight.Match{}
			}
			b, err := json.Marshal(struct {
				Query   string             `json:"query"`
				Matches []*oversight.Match `json:"matches"`
			}{name, ms})
			if err != nil {
				return err
			}
			out.Write(append(b, '\n'))
			return nil
		}
		fmt.Fprintf(out, "%s\n", name)
		if len(ms) == 0 {
			fmt.Fprintf(out, "  no match at or above %.2f\n", *threshold)
		}
		for _, m := range ms {
			fmt.Fprintf(out, "  %.3f  %-32s %s (%s)\n", m.Score, m.ID, m.Caption, m.Schema)
		}
		return nil
	}
	if fs.NArg() > 0 {
		for _, name := range fs.Args() {
			if err := write(name, ix.Match(query(name), *threshold)); err != nil {
				return err
			}
		}
		return nil
	}
	// Lines of standard input are matched in batches on every core and written in order.
	ix.Freeze()
	sc := bufio.NewScanner(c.m.Stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	const batch = 1024
	names := make([]string, 0, batch)
	results := make([][]*oversight.Match, batch)
	flush := func() error {
		var wg sync.WaitGroup
		workers := min(runtime.GOMAXPROCS(0), len(names))
		for w := range workers {
			wg.Go(func() {
				for i := w; i < len(names); i += workers {
					results[i] = ix.Match(query(names[i]), *threshold)
				}
			})
		}
		wg.Wait()
		for i, name := range names {
			if err := write(name, results[i]); err != nil {
				return err
			}
		}
		names = names[:0]
		return nil
	}
	lines := 0
	for sc.Scan() {
		lines++
		if line := strings.TrimSpace(sc.Text()); line != "" {
			names = append(names, line)
			if len(names) == batch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	// The names read before a line that cannot be read are matched and written first.
	if err := flush(); err != nil {
		return err
	}
	return stdinErr(sc.Err(), lines+1)
}

// stdinErr describes a failure to read line n of standard input; a line too long is bad
// input.
func stdinErr(err error, n int) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, bufio.ErrTooLong):
		return &ExitError{Code: 2, Message: fmt.Sprintf("stdin:%d: line longer than 1 MiB", n)}
	}
	return fmt.Errorf("stdin:%d: %w", n, err)
}

// pairs scores name pairs read from standard input.
func (c *MatchCommand) pairs(format string, threshold float64) error {
	out := bufio.NewWriter(c.m.Stdout)
	defer out.Flush()
	sc := bufio.NewScanner(c.m.Stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 2 || len(f) > 3 {
			return &ExitError{Code: 2, Message: fmt.Sprintf("stdin:%d: want name1<TAB>name2[<TAB>schema]", line)}
		}
		schema := ""
		if len(f) == 3 {
			schema = f[2]
			if schema != "" && ftm.Default.Schema(schema) == nil {
				return &ExitError{Code: 2, Message: fmt.Sprintf("stdin:%d: unknown schema %q", line, schema)}
			}
		}
		score := match.ScoreSchema(f[0], f[1], schema)
		if format == "json" {
			b, _ := json.Marshal(struct {
				A     string  `json:"a"`
				B     string  `json:"b"`
				Score float64 `json:"score"`
				Match bool    `json:"match"`
			}{f[0], f[1], score, score >= threshold})
			out.Write(append(b, '\n'))
		} else {
			fmt.Fprintf(out, "%.3f\t%v\t%s\t%s\n", score, score >= threshold, f[0], f[1])
		}
	}
	return stdinErr(sc.Err(), line+1)
}
