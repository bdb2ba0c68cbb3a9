package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/oversight-project/oversight/match"
)

// benchNames measures name matching on a labelled pair file in the layout of OpenSanctions'
// name benchmark (case_group,schema,name1,name2,is_match,quality,category,notes) and prints
// precision, recall and F1 overall, per case group, per quality tier and per script.
func (c *BenchCommand) benchNames(args []string) error {
	fs := flag.NewFlagSet("oversight-bench-names", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	cases := fs.String("cases", "../shared/data/eval/nk_name_bench_cases.csv", "labelled pairs `file` (case_group,schema,name1,name2,is_match,quality,…)")
	threshold := fs.Float64("threshold", match.DefaultConfig().Threshold, "count a pair as a match at or above `T`")
	verbose := fs.Bool("v", false, "list every error, not only STRONG ones")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &ExitError{Code: 2}
	}
	if err := checkThreshold(*threshold); err != nil {
		return err
	}
	path := *cases
	f, err := os.Open(path)
	if err != nil {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--cases: %v", err)}
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return &ExitError{Code: 2, Message: fmt.Sprintf("%s: %v", path, err)}
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"case_group", "schema", "name1", "name2", "is_match", "quality"} {
		if _, ok := col[need]; !ok {
			return &ExitError{Code: 2, Message: fmt.Sprintf("%s: no column %q", path, need)}
		}
	}
	type tally struct{ tp, fp, fn, tn int }
	groups := map[string]*tally{}
	add := func(key string, want, got bool) {
		t := groups[key]
		if t == nil {
			t = &tally{}
			groups[key] = t
		}
		switch {
		case want && got:
			t.tp++
		case want:
			t.fn++
		case got:
			t.fp++
		default:
			t.tn++
		}
	}
	var strongErrors []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		} else if err != nil {
			return &ExitError{Code: 2, Message: fmt.Sprintf("%s: %v", path, err)}
		}
		a, b := rec[col["name1"]], rec[col["name2"]]
		want := rec[col["is_match"]] == "true"
		score := match.ScoreSchema(a, b, rec[col["schema"]])
		got := score >= *threshold
		quality := rec[col["quality"]]
		if quality == "" {
			quality = "MEDIUM"
		}
		add("all", want, got)
		add("group "+rec[col["case_group"]], want, got)
		add("quality "+quality, want, got)
		add("script "+nonLatinScript(a+" "+b), want, got)
		if want != got && (quality == "STRONG" || *verbose) {
			strongErrors = append(strongErrors, fmt.Sprintf("  %-6s want %-5v score %.3f  %q ~ %q", quality, want, score, a, b))
		}
	}
	var keys []string
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] == "all" || (keys[j] != "all" && keys[i] < keys[j]) })
	fmt.Fprintf(c.m.Stdout, "oversight bench names: %s, threshold %.2f\n", path, *threshold)
	fmt.Fprintf(c.m.Stdout, "%-32s %5s %5s %5s %5s %7s %7s %7s\n", "", "TP", "FP", "FN", "TN", "P", "R", "F1")
	for _, k := range keys {
		t := groups[k]
		p := ratio(t.tp, t.tp+t.fp)
		rc := ratio(t.tp, t.tp+t.fn)
		f1 := 0.0
		if p+rc > 0 {
			f1 = 2 * p * rc / (p + rc)
		}
		fmt.Fprintf(c.m.Stdout, "%-32s %5d %5d %5d %5d %7.3f %7.3f %7.3f\n", k, t.tp, t.fp, t.fn, t.tn, p, rc, f1)
	}
	fmt.Fprintf(c.m.Stdout, "errors (STRONG%s): %d\n", map[bool]string{true: " and all others", false: ""}[*verbose], len(strongErrors))
	for _, e := range strongErrors {
		fmt.Fprintln(c.m.Stdout, e)
	}
	return nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// nonLatinScript names the script of the first word of s not written in Latin, or "latin".
func nonLatinScript(s string) string {
	for _, w := range strings.Fields(s) {
		if sc := match.Script(w); sc != "latin" && sc != "" {
			return sc
		}
	}
	return "latin"
}
