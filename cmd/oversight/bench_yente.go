package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
	"github.com/oversight-project/oversight/lists/ofac"
	"github.com/oversight-project/oversight/lists/un"
	"github.com/oversight-project/oversight/match"
)

// benchYente screens the person names of OpenSanctions' yente fixtures against the real lists:
// names of persons on the UN list, as listed ("untreated") and altered ("treated": reordered,
// misspelt, shortened), should find the listed person; generated names of people who are on
// no list ("negatives") should find nothing on the UN, OFAC SDN and OFAC consolidated lists.
func (c *BenchCommand) benchYente(args []string) error {
	fs := flag.NewFlagSet("oversight-bench-yente", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	dir := fs.String("dir", "../shared/data/eval", "`folder` holding the yente_*.csv files")
	wl := fs.String("lists", "../shared/data/watchlists", "`folder` holding the UN and OFAC list files")
	threshold := fs.Float64("threshold", match.DefaultConfig().Threshold, "count a match at or above `T`")
	verbose := fs.Int("v", 0, "list the first `N` misses and false alarms of each file")
	fs.Usage = func() {
		fmt.Fprint(c.m.Stderr, `Screen the yente fixtures' person names against the real lists.

Usage:

	oversight bench yente [--dir DIR] [--lists DIR] [--threshold T] [-v N]

yente_positives_un_*.csv are names of persons on the UN Security Council list, as listed
(untreated) and altered (treated). Each is matched against the UN list (persons); it is found
when one of the five best matches at or above T is a listed person whose birth year is the
row's (or who has no birth date, or the row gives none).

yente_negatives_*.csv are generated names of people on no list. Each is matched against the
UN, OFAC SDN and OFAC consolidated lists; any match at or above T is a false alarm.
`)
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	if err := checkThreshold(*threshold); err != nil {
		return err
	}
	read := func(l *lists.List) ([]*oversight.Entity, error) {
		paths, err := lists.FindFiles(*wl, l)
		if err != nil {
			return nil, &ExitError{Code: 2, Message: fmt.Sprintf("--lists %s: %v", *wl, err)}
		}
		ents, _, err := lists.Read(l, lists.PathOpener(paths))
		return ents, err
	}
	unEnts, err := read(un.List)
	if err != nil {
		return err
	}
	cfg := match.DefaultConfig()
	persons := []string{"Person"}
	unIndex := match.NewIndex(cfg)
	byID := map[string]*oversight.Entity{}
	for _, e := range unEnts {
		if e.Schema == "Person" {
			unIndex.Add(e)
			byID[e.ID] = e
		}
	}
	all := match.NewIndex(cfg)
	parties := partySchemata()
	for _, l := range []*lists.List{un.List, ofac.SDN, ofac.Consolidated} {
		ents := unEnts
		if l != un.List {
			if ents, err = read(l); err != nil {
				return err
			}
		}
		for _, e := range ents {
			if slices.Contains(parties, e.Schema) {
				all.Add(e)
			}
		}
	}

	fmt.Fprintf(c.m.Stdout, "oversight bench yente: %s against %s, threshold %.2f\n", *dir, *wl, *threshold)
	fmt.Fprintf(c.m.Stdout, "%-40s %6s %6s %7s\n", "file", "rows", "hits", "share")
	for _, f := range []string{"yente_positives_un_untreated.csv", "yente_positives_un_treated.csv"} {
		rows, err := readYente(filepath.Join(*dir, f))
		if err != nil {
			return &ExitError{Code: 2, Message: err.Error()}
		}
		found := 0
		var misses []string
		for _, r := range rows {
			ms := unIndex.Match(oversight.NameQuery{Name: r.name, Schemata: persons, Limit: 5}, *threshold)
			if slices.ContainsFunc(ms, func(m *oversight.Match) bool { return bornIn(byID[m.ID], r.born) }) {
				found++
				continue
			}
			if len(misses) < *verbose {
				got := "nothing"
				if len(ms) > 0 {
					got = fmt.Sprintf("%q (%.3f)", ms[0].Matched, ms[0].Score)
				}
				misses = append(misses, fmt.Sprintf("    miss  %q born %s: first %s", r.name, r.born, got))
			}
		}
		fmt.Fprintf(c.m.Stdout, "%-40s %6d %6d %7.3f  found\n", f, len(rows), found, share(found, len(rows)))
		for _, m := range misses {
			fmt.Fprintln(c.m.Stdout, m)
		}
	}
	for _, f := range []string{"yente_negatives_global_1k.csv", "yente_negatives_us_1k.csv"} {
		rows, err := readYente(filepath.Join(*dir, f))
		if err != nil {
			return &ExitError{Code: 2, Message: err.Error()}
		}
		alarms := 0
		var falses []string
		for _, r := range rows {
			ms := all.Match(oversight.NameQuery{Name: r.name, Schemata: parties, Limit: 1}, *threshold)
			if len(ms) == 0 {
				continue
			}
			alarms++
			if len(falses) < *verbose {
				falses = append(falses, fmt.Sprintf("    false %q ~ %q %s (%.3f, %v)", r.name, ms[0].Matched, ms[0].ID, ms[0].Score, ms[0].Features["method"]))
			}
		}
		fmt.Fprintf(c.m.Stdout, "%-40s %6d %6d %7.3f  false alarms\n", f, len(rows), alarms, share(alarms, len(rows)))
		for _, m := range falses {
			fmt.Fprintln(c.m.Stdout, m)
		}
	}
	return nil
}

type yenteRow struct{ name, born string }

// readYente reads the full_name and date_of_birth columns of a yente fixture.
func readYente(path string) ([]yenteRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	name, born := slices.Index(head, "full_name"), slices.Index(head, "date_of_birth")
	if name < 0 || born < 0 {
		return nil, fmt.Errorf("%s: no full_name or date_of_birth column", path)
	}
	var rows []yenteRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		rows = append(rows, yenteRow{rec[name], rec[born]})
	}
}

// bornIn reports whether a person has a birth date in the year the date born starts with, or
// either has none.
func bornIn(e *oversight.Entity, born string) bool {
	year, _, _ := strings.Cut(born, "-")
	dates := e.Get("birthDate")
	if year == "" || len(dates) == 0 {
		return true
	}
	return slices.ContainsFunc(dates, func(d string) bool { return strings.HasPrefix(d, year) })
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}
