package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
	"github.com/oversight-project/oversight/lists/csl"
	"github.com/oversight-project/oversight/lists/eu"
	"github.com/oversight-project/oversight/lists/ofac"
	"github.com/oversight-project/oversight/lists/opensanctions"
	"github.com/oversight-project/oversight/lists/uk"
	"github.com/oversight-project/oversight/lists/un"
	"github.com/oversight-project/oversight/sqlite"
)

// officialLists are the lists `lists update` loads when none is named, in that order.
var officialLists = []*lists.List{ofac.SDN, ofac.Consolidated, csl.List, un.List, eu.List, uk.List}

// findList returns a list by its name; "opensanctions/NAME" names an OpenSanctions dataset.
func findList(name string) (*lists.List, error) {
	if ds, ok := strings.CutPrefix(name, "opensanctions/"); ok {
		return opensanctions.Dataset(ds)
	}
	for _, l := range officialLists {
		if l.Name == name {
			return l, nil
		}
	}
	return nil, oversight.Errorf(oversight.EINVALID, "unknown list %q; known: %s, opensanctions/DATASET", name, strings.Join(listNames(), ", "))
}

// ListsCommand manages the official watchlists: update, status, diff.
type ListsCommand struct{ m *Main }

// Run runs the command.
func (c *ListsCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		c.usage()
		return &ExitError{Code: 2}
	}
	switch args[0] {
	case "update":
		return c.update(ctx, args[1:])
	case "status":
		return c.status(ctx, args[1:])
	case "diff":
		return c.diff(ctx, args[1:])
	case "-h", "--help", "help":
		c.usage()
		return nil
	}
	return &ExitError{Code: 2, Message: fmt.Sprintf("unknown lists command %q; want update, status or diff", args[0])}
}

func (c *ListsCommand) usage() {
	fmt.Fprintf(c.m.Stderr, `Usage:

	oversight lists update [--from DIR] [--force] [LIST ...]
	oversight lists status [--format text|json]
	oversight lists diff LIST [--since VERSION] [--to VERSION] [--format text|json]

update downloads each list from its publisher (or reads it from DIR), checks and parses it,
and imports it as a new version in one transaction; if anything fails, the previous version
stays and the list is named with the reason. Without LIST it updates every official list
(with --from, those whose files are in DIR). A list whose files are byte-identical to its
latest version is left as it is. A new version with fewer than half the records of the one
before is refused unless --force is given.

Lists: %s, opensanctions/DATASET.
Publishers' addresses are in docs/lists.md.
`, strings.Join(listNames(), ", "))
}

func listNames() []string {
	var out []string
	for _, l := range officialLists {
		out = append(out, l.Name)
	}
	return out
}

func (c *ListsCommand) flags(name string) (*flag.FlagSet, *storeFlags) {
	fs := flag.NewFlagSet("oversight-lists-"+name, flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	sf := &storeFlags{}
	sf.register(fs)
	fs.Usage = c.usage
	return fs, sf
}

func parseErr(err error) error {
	if err == flag.ErrHelp {
		return err
	}
	return &ExitError{Code: 2}
}

func (c *ListsCommand) update(ctx context.Context, args []string) error {
	fs, sf := c.flags("update")
	from := fs.String("from", "", "read the files from `DIR` instead of downloading them")
	force := fs.Bool("force", false, "import a version even if it has fewer than half the records of the one before")
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	var todo []*lists.List
	for _, name := range fs.Args() {
		l, err := findList(name)
		if err != nil {
			return err
		}
		todo = append(todo, l)
	}
	named := len(todo) > 0
	if !named {
		todo = officialLists
	}
	if *from != "" {
		if st, err := os.Stat(*from); err != nil || !st.IsDir() {
			return &ExitError{Code: 2, Message: fmt.Sprintf("--from %s: not a folder", *from)}
		}
	}
	st, err := c.m.openStore(ctx, *sf)
	if err != nil {
		return err
	}
	defer st.Close()
	w := sqlite.NewWatchlistService(st.db, st.entities)

	var failed []string
	for _, l := range todo {
		if err := ctx.Err(); err != nil {
			return err
		}
		msg, err := c.updateOne(ctx, w, l, *from, named, *force)
		switch {
		case err == nil:
			fmt.Fprintf(c.m.Stdout, "%s: %s\n", l.Name, msg)
		case errors.Is(err, errSkip):
			fmt.Fprintf(c.m.Stdout, "%s: skipped: %s\n", l.Name, msg)
		default:
			failed = append(failed, l.Name)
			kept := "no earlier version"
			if vs, _ := w.ListVersions(ctx, l.Name); len(vs) > 0 {
				kept = fmt.Sprintf("version %d kept", vs[len(vs)-1].Version)
			}
			fmt.Fprintf(c.m.Stdout, "%s: FAILED (%s): %s\n", l.Name, kept, errMessage(err))
		}
	}
	if len(failed) > 0 {
		return &ExitError{Code: 1, Message: fmt.Sprintf("%d of %d lists failed: %s", len(failed), len(todo), strings.Join(failed, ", "))}
	}
	return nil
}

var errSkip = errors.New("skipped")

func errMessage(err error) string {
	if oversight.ErrorCode(err) != oversight.EINTERNAL {
		return oversight.ErrorMessage(err)
	}
	return err.Error()
}

// updateOne fetches, checks, parses and imports one list.
func (c *ListsCommand) updateOne(ctx context.Context, w *sqlite.WatchlistService, l *lists.List, from string, named, force bool) (string, error) {
	start := time.Now()
	var paths map[string]string
	var source string
	if from != "" {
		var err error
		if paths, err = lists.FindFiles(from, l); err != nil {
			if !named && oversight.ErrorCode(err) == oversight.ENOTFOUND {
				return "its files are not in " + from, errSkip
			}
			return "", err
		}
		if len(paths) == 0 {
			if !named {
				return "its files are not in " + from, errSkip
			}
			return "", oversight.Errorf(oversight.ENOTFOUND, "none of its files is in %s", from)
		}
		source = from
	} else {
		var err error
		if paths, source, err = c.download(ctx, l); err != nil {
			return "", err
		}
	}
	sum, err := hashFiles(paths)
	if err != nil {
		return "", err
	}
	prev, err := w.ListVersions(ctx, l.Name)
	if err != nil {
		return "", err
	}
	if n := len(prev); n > 0 && prev[n-1].SHA256 == sum {
		return fmt.Sprintf("unchanged since version %d (same files)", prev[n-1].Version), nil
	}
	c.progress("%s: parsing…", l.Name)
	ents, res, err := lists.Read(l, lists.PathOpener(paths))
	if err != nil {
		return "", err
	}
	if n := len(prev); n > 0 && !force && res.Records*2 < prev[n-1].Records {
		return "", oversight.Errorf(oversight.EINVALID, "%d records, fewer than half the %d of version %d: refused (a partial file?); use --force if the list really shrank",
			res.Records, prev[n-1].Records, prev[n-1].Version)
	}
	c.progress("%s: importing %d entities…", l.Name, len(ents))
	v, err := w.ReplaceList(ctx, &oversight.ListVersion{
		List: l.Name, Title: l.Title, PublishedAt: res.PublishedAt, Records: res.Records, SHA256: sum, Source: source,
	}, &sliceIterator{ents: ents})
	c.progress("")
	if err != nil {
		return "", err
	}
	msg := fmt.Sprintf("version %d: %d records, %d entities", v.Version, v.Records, v.Entities)
	if res.PublishedAt != "" {
		msg += ", published " + res.PublishedAt
	}
	if res.Skipped > 0 || res.Dropped > 0 {
		msg += fmt.Sprintf(" (%d records of schemata not held and %d property values not held were left out)", res.Skipped, res.Dropped)
	}
	return msg + fmt.Sprintf(" in %.1fs", time.Since(start).Seconds()), nil
}

// sliceIterator yields entities from a slice.
type sliceIterator struct {
	ents []*oversight.Entity
	i    int
}

func (s *sliceIterator) Next() (*oversight.Entity, error) {
	if s.i >= len(s.ents) {
		return nil, io.EOF
	}
	s.i++
	return s.ents[s.i-1], nil
}

// hashFiles returns the SHA-256 of one file, or for several, of the lines "name sha256".
func hashFiles(paths map[string]string) (string, error) {
	names := make([]string, 0, len(paths))
	for n := range paths {
		names = append(names, n)
	}
	sort.Strings(names)
	var lines []string
	for _, n := range names {
		f, err := os.Open(paths[n])
		if err != nil {
			return "", err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", err
		}
		sum := hex.EncodeToString(h.Sum(nil))
		if len(names) == 1 {
			return sum, nil
		}
		lines = append(lines, n+" "+sum+"\n")
	}
	h := sha256.Sum256([]byte(strings.Join(lines, "")))
	return hex.EncodeToString(h[:]), nil
}

// download fetches a list's files into the cache folder and returns their paths. Each file
// is written under a temporary name and renamed when complete.
func (c *ListsCommand) download(ctx context.Context, l *lists.List) (map[string]string, string, error) {
	dir, err := c.m.cacheDir()
	if err != nil {
		return nil, "", err
	}
	dir = filepath.Join(dir, "lists", l.Name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, "", err
	}
	paths := map[string]string{}
	var urls []string
	for _, f := range l.Files {
		if f.URL == "" {
			continue
		}
		p := filepath.Join(dir, f.Name)
		if err := c.fetch(ctx, f.URL, p, l.Name+": "+f.Name); err != nil {
			if f.Optional && errors.Is(err, errNotFound) {
				continue
			}
			return nil, "", oversight.Errorf(oversight.EINVALID, "download %s from %s: %v", f.Name, f.URL, err)
		}
		paths[f.Name] = p
		urls = append(urls, f.URL)
	}
	return paths, strings.Join(urls, " "), nil
}

var errNotFound = errors.New("not found (HTTP 404)")

func (c *ListsCommand) fetch(ctx context.Context, url, path, label string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", "oversight/"+Version+" (+https://github.com/oversight-project/oversight)")
	resp, err := c.m.httpClient().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return errNotFound
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %s", resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); strings.HasPrefix(ct, "text/html") {
		return fmt.Errorf("the server sent a web page (%s), not the list file", ct)
	}
	tmp := path + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	pw := &progressWriter{c: c, label: label, total: resp.ContentLength}
	n, err := io.Copy(f, io.TeeReader(resp.Body, pw))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	c.progress("")
	if err == nil && resp.ContentLength > 0 && n != resp.ContentLength {
		err = fmt.Errorf("got %d of %d bytes", n, resp.ContentLength)
	}
	if err == nil && n == 0 {
		err = fmt.Errorf("empty file")
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// progress writes a one-line status on a terminal; elsewhere it writes nothing.
func (c *ListsCommand) progress(format string, args ...any) {
	if !c.m.stderrIsTerminal() {
		return
	}
	fmt.Fprintf(c.m.Stderr, "\r\033[K"+format, args...)
}

// progressWriter shows bytes downloaded, with a bar when the size is known.
type progressWriter struct {
	c     *ListsCommand
	label string
	total int64
	n     int64
	last  time.Time
}

func (p *progressWriter) Write(b []byte) (int, error) {
	p.n += int64(len(b))
	if time.Since(p.last) < 100*time.Millisecond {
		return len(b), nil
	}
	p.last = time.Now()
	if p.total > 0 {
		const width = 30
		done := int(float64(width) * float64(p.n) / float64(p.total))
		p.c.progress("%s [%s%s] %s / %s", p.label, strings.Repeat("=", done), strings.Repeat(" ", width-done), mib(p.n), mib(p.total))
	} else {
		p.c.progress("%s %s", p.label, mib(p.n))
	}
	return len(b), nil
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

func (c *ListsCommand) status(ctx context.Context, args []string) error {
	fs, sf := c.flags("status")
	format := fs.String("format", "text", "output `format`: text or json")
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	if *format != "text" && *format != "json" {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--format %q: want text or json", *format)}
	}
	st, err := c.m.openStore(ctx, *sf)
	if err != nil {
		return err
	}
	defer st.Close()
	vs, err := sqlite.NewWatchlistService(st.db, st.entities).ListVersions(ctx, "")
	if err != nil {
		return err
	}
	if *format == "json" {
		if vs == nil {
			vs = []*oversight.ListVersion{}
		}
		enc := json.NewEncoder(c.m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(vs)
	}
	have := map[string]*oversight.ListVersion{}
	for _, v := range vs {
		have[v.List] = v
	}
	fmt.Fprintf(c.m.Stdout, "%-22s %7s %8s %8s  %-24s %-10s %s\n", "LIST", "VERSION", "RECORDS", "ENTITIES", "PUBLISHED", "AGE", "SHA-256")
	now := time.Now()
	row := func(name string, v *oversight.ListVersion) {
		if v == nil {
			fmt.Fprintf(c.m.Stdout, "%-22s %7s\n", name, "-")
			return
		}
		pub := v.PublishedAt
		if pub == "" {
			pub = "(not in the file)"
		}
		fmt.Fprintf(c.m.Stdout, "%-22s %7d %8d %8d  %-24s %-10s %s\n", name, v.Version, v.Records, v.Entities, pub, age(now.Sub(v.ImportedAt)), v.SHA256[:min(12, len(v.SHA256))])
	}
	for _, l := range officialLists {
		row(l.Name, have[l.Name])
		delete(have, l.Name)
	}
	for _, v := range vs {
		if have[v.List] != nil {
			row(v.List, v)
		}
	}
	fmt.Fprintln(c.m.Stdout, "\nAGE is the time since the version was imported; '-' means never imported.")
	return nil
}

func age(d time.Duration) string {
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

func (c *ListsCommand) diff(ctx context.Context, args []string) error {
	fs, sf := c.flags("diff")
	since := fs.Int("since", 0, "compare from this `version` (default: the one before the latest)")
	to := fs.Int("to", 0, "compare to this `version` (default: the latest)")
	format := fs.String("format", "text", "output `format`: text or json")
	// The list name may come before the flags: oversight lists diff us_ofac_sdn --since 1.
	var name string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	if name == "" && fs.NArg() > 0 {
		name = fs.Arg(0)
	}
	if name == "" {
		return &ExitError{Code: 2, Message: "lists diff needs a LIST"}
	}
	if *format != "text" && *format != "json" {
		return &ExitError{Code: 2, Message: fmt.Sprintf("--format %q: want text or json", *format)}
	}
	l, err := findList(name)
	if err != nil {
		return err
	}
	st, err := c.m.openStore(ctx, *sf)
	if err != nil {
		return err
	}
	defer st.Close()
	w := sqlite.NewWatchlistService(st.db, st.entities)
	vs, err := w.ListVersions(ctx, l.Name)
	if err != nil {
		return err
	}
	if len(vs) == 0 {
		return oversight.Errorf(oversight.ENOTFOUND, "list %s has not been imported; run 'oversight lists update %s'", l.Name, name)
	}
	latest := vs[len(vs)-1].Version
	if *to == 0 {
		*to = latest
	}
	if *since == 0 {
		*since = *to - 1
	}
	if *since < 1 {
		return oversight.Errorf(oversight.ENOTFOUND, "list %s has only version %d: nothing to compare with", l.Name, *to)
	}
	changes, err := w.DiffList(ctx, l.Name, *since, *to)
	if err != nil {
		return err
	}
	if *format == "json" {
		if changes == nil {
			changes = []*oversight.ListChange{}
		}
		enc := json.NewEncoder(c.m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			List    string                  `json:"list"`
			From    int                     `json:"from"`
			To      int                     `json:"to"`
			Changes []*oversight.ListChange `json:"changes"`
		}{l.Name, *since, *to, changes})
	}
	count := map[string]int{}
	for _, ch := range changes {
		count[ch.Change]++
		mark := map[string]string{"added": "+", "removed": "-", "changed": "~"}[ch.Change]
		fmt.Fprintf(c.m.Stdout, "%s %s %s (%s)\n", mark, ch.ID, ch.Caption, ch.Schema)
		for _, p := range ch.Props {
			for _, v := range p.Removed {
				fmt.Fprintf(c.m.Stdout, "    - %s: %s\n", p.Prop, v)
			}
			for _, v := range p.Added {
				fmt.Fprintf(c.m.Stdout, "    + %s: %s\n", p.Prop, v)
			}
		}
	}
	fmt.Fprintf(c.m.Stdout, "%s version %d → %d: %d added, %d removed, %d changed\n",
		l.Name, *since, *to, count["added"], count["removed"], count["changed"])
	return nil
}

// cacheDir is $XDG_CACHE_HOME/oversight, else ~/.cache/oversight.
func (m *Main) cacheDir() (string, error) {
	if dir := m.Getenv("XDG_CACHE_HOME"); dir != "" {
		return filepath.Join(dir, "oversight"), nil
	}
	home := m.Getenv("HOME")
	if home == "" {
		return "", fmt.Errorf("cannot find a home folder for the download cache; set XDG_CACHE_HOME")
	}
	return filepath.Join(home, ".cache", "oversight"), nil
}

func (m *Main) httpClient() *http.Client {
	if m.HTTPClient != nil {
		return m.HTTPClient
	}
	return &http.Client{Timeout: 10 * time.Minute}
}

// stderrIsTerminal reports whether standard error is a terminal, where progress is shown.
func (m *Main) stderrIsTerminal() bool {
	f, ok := m.Stderr.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
