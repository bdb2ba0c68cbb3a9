package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/oversight-project/oversight/match"
)

// benchTranslit measures token-level transliteration matching on the Wikidata test slices of
// Merhav & Ash (COLING 2018): each row pairs a Latin token with its rendering in another script
// (a positive); each Latin token is also paired with the rendering of its nearest neighbour in
// alphabetical order (a different Latin token, usually sharing its first letters: a hard
// negative). It prints recall, precision and F1 per script at the threshold.
func (c *BenchCommand) benchTranslit(args []string) error {
	fs := flag.NewFlagSet("oversight-bench-translit", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	dir := fs.String("dir", "../shared/data/eval/netranslit_wikidata", "`folder` holding the wd_<script>_20.tsv files")
	threshold := fs.Float64("threshold", match.DefaultConfig().Threshold, "count a pair as a match at or above `T`")
	limit := fs.Int("limit", 0, "use only the first `N` rows of each file (0: all)")
	verbose := fs.Int("v", 0, "list the first `N` misses and false matches of each script")
	cross := fs.Bool("cross", false, "also compare the renderings of each Latin token in two scripts with each other (translitCross)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	if err := checkThreshold(*threshold); err != nil {
		return err
	}
	if *limit < 0 {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--limit %d: want 0 (all) or more", *limit)}
	}
	files, err := filepath.Glob(filepath.Join(*dir, "wd_*_20.tsv"))
	if err != nil || len(files) == 0 {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--dir %s: no wd_<script>_20.tsv files", *dir)}
	}
	fmt.Fprintf(c.m.Stdout, "oversight bench translit: %s, threshold %.2f\n", *dir, *threshold)
	fmt.Fprintf(c.m.Stdout, "%-10s %7s %7s %7s %7s %7s %7s %7s\n", "script", "pairs", "TP", "FN", "FP", "R", "P", "F1")
	scripts := map[string][]translitRow{}
	for _, file := range files {
		script := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(file), "wd_"), "_20.tsv")
		rows, err := readTranslit(file, *limit)
		if err != nil {
			return &ExitError{Code: 2, Message: err.Error()}
		}
		var tp, fn, fp int
		var misses, falses []string
		for _, r := range rows {
			if s := match.Score(r.latin, r.target); s >= *threshold {
				tp++
			} else {
				fn++
				if len(misses) < *verbose {
					misses = append(misses, fmt.Sprintf("    miss  %.3f  %s ~ %s", s, r.latin, r.target))
				}
			}
		}
		scripts[script] = rows
		negs := translitNegatives(rows)
		for _, n := range negs {
			if s := match.Score(n.latin, n.target); s >= *threshold {
				fp++
				if len(falses) < *verbose {
					falses = append(falses, fmt.Sprintf("    false %.3f  %s ~ %s", s, n.latin, n.target))
				}
			}
		}
		rc, p := ratio(tp, tp+fn), ratio(tp, tp+fp)
		f1 := 0.0
		if p+rc > 0 {
			f1 = 2 * p * rc / (p + rc)
		}
		fmt.Fprintf(c.m.Stdout, "%-10s %7d %7d %7d %7d %7.3f %7.3f %7.3f\n", script, len(rows)+len(negs), tp, fn, fp, rc, p, f1)
		for _, l := range append(misses, falses...) {
			fmt.Fprintln(c.m.Stdout, l)
		}
	}
	if *cross {
		translitCross(c.m.Stdout, scripts, *threshold, *verbose)
	}
	return nil
}

// translitCross compares renderings with renderings: for each two scripts, the first
// rendering in one of each Latin token both render, against the other's (a positive), and
// against the other's rendering of the next such token in alphabetical order that is another
// name (a hard negative, as translitNegatives). It prints the same columns per pair of
// scripts.
func translitCross(w io.Writer, scripts map[string][]translitRow, threshold float64, verbose int) {
	first := func(rows []translitRow) map[string]string {
		m := map[string]string{}
		for _, r := range rows {
			if _, ok := m[r.latin]; !ok {
				m[r.latin] = r.target
			}
		}
		return m
	}
	names := slices.Sorted(maps.Keys(scripts))
	fmt.Fprintf(w, "renderings against renderings, the same Latin token (and its neighbour) in two scripts\n")
	for i, a := range names {
		ra := first(scripts[a])
		for _, b := range names[i+1:] {
			rb := first(scripts[b])
			var common []string
			for l := range ra {
				if _, ok := rb[l]; ok {
					common = append(common, l)
				}
			}
			slices.Sort(common)
			var tp, fn, fp int
			var notes []string
			for k, l := range common {
				if s := match.Score(ra[l], rb[l]); s >= threshold {
					tp++
				} else {
					fn++
					if len(notes) < verbose {
						notes = append(notes, fmt.Sprintf("    miss  %.3f  %s ~ %s (%s)", s, ra[l], rb[l], l))
					}
				}
				for j := 1; j < len(common); j++ {
					n := common[(k+j)%len(common)]
					if match.Normalize(n) == match.Normalize(l) || rb[n] == rb[l] {
						continue
					}
					if s := match.Score(ra[l], rb[n]); s >= threshold {
						fp++
						if len(notes) < 2*verbose {
							notes = append(notes, fmt.Sprintf("    false %.3f  %s ~ %s (%s, %s)", s, ra[l], rb[n], l, n))
						}
					}
					break
				}
			}
			rc, p := ratio(tp, tp+fn), ratio(tp, tp+fp)
			f1 := 0.0
			if p+rc > 0 {
				f1 = 2 * p * rc / (p + rc)
			}
			fmt.Fprintf(w, "%-19s %7d %7d %7d %7d %7.3f %7.3f %7.3f\n", a+"-"+b, 2*len(common), tp, fn, fp, rc, p, f1)
			for _, l := range notes {
				fmt.Fprintln(w, l)
			}
		}
	}
}

type translitRow struct{ latin, target string }

// readTranslit reads "latin<TAB>t a r g e t<TAB>count" rows, joining the target's letters.
func readTranslit(path string, limit int) ([]translitRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []translitRow
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 || cols[0] == "" || cols[1] == "" {
			return nil, fmt.Errorf("%s:%d: want latin<TAB>target<TAB>count", path, line)
		}
		rows = append(rows, translitRow{cols[0], strings.ReplaceAll(cols[1], " ", "")})
		if limit > 0 && len(rows) == limit {
			break
		}
	}
	return rows, sc.Err()
}

// translitNegatives pairs each Latin token with the target of the next row, in alphabetical
// order of the Latin tokens, that is a different token (not the same but for accents) and is
// not among its own renderings.
func translitNegatives(rows []translitRow) []translitRow {
	own := map[translitRow]bool{}
	for _, r := range rows {
		own[r] = true
	}
	sorted := append([]translitRow(nil), rows...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].latin < sorted[j].latin })
	var negs []translitRow
	for i, r := range sorted {
		for k := 1; k < len(sorted); k++ {
			n := sorted[(i+k)%len(sorted)]
			if match.Normalize(n.latin) != match.Normalize(r.latin) && !own[translitRow{r.latin, n.target}] {
				negs = append(negs, translitRow{r.latin, n.target})
				break
			}
		}
	}
	return negs
}
