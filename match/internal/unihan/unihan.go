// Package unihan reads the files of the Unicode Han Database (Unihan_*.txt, plain or
// compressed with bzip2 as Debian's unicode-data package ships them in /usr/share/unicode),
// for the commands that write match/knowledge's Han tables (genreadings, gensimplified, and
// gennanori, which reads KANJIDIC), which it also runs (Main) and whose tables it writes
// (WriteTable).
package unihan

import (
	"bufio"
	"compress/bzip2"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Read calls fn with each entry of the Unihan file at path: the character, the field's name
// (kHangul, kSimplifiedVariant …) and its value. It returns the file's date line ("2022-08-01
// 16:36:07 GMT [JHJ]"), and the first error of the file or of fn, with the line it is on.
func Read(path string, fn func(c rune, field, value string) error) (date string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".bz2") {
		r = bzip2.NewReader(f)
	}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if d, ok := strings.CutPrefix(line, "# Date: "); ok {
			date = d
		}
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			return "", fmt.Errorf("%s:%d: not a Unihan line: %q", path, n, line)
		}
		c, err := CodePoint(f[0])
		if err != nil {
			return "", fmt.Errorf("%s:%d: %v", path, n, err)
		}
		if err := fn(c, f[1], f[2]); err != nil {
			return "", fmt.Errorf("%s:%d: %v", path, n, err)
		}
	}
	return date, sc.Err()
}

// CodePoint parses a code point as Unihan writes it: U+4E7E, or U+4E7E<kMatthews (with the
// sources of a variant after it).
func CodePoint(s string) (rune, error) {
	s, _, _ = strings.Cut(s, "<")
	hex, ok := strings.CutPrefix(s, "U+")
	if !ok {
		return 0, fmt.Errorf("not a code point: %q", s)
	}
	cp, err := strconv.ParseUint(hex, 16, 32)
	return rune(cp), err
}

// WriteTable writes a table of match/knowledge: its header, each line after "# ", then a line
// character<TAB>value for each character of rows, in the order of their code points.
func WriteTable(out io.Writer, header []string, rows map[rune]string) error {
	w := bufio.NewWriter(out)
	for _, h := range header {
		fmt.Fprintf(w, "# %s\n", h)
	}
	for _, c := range slices.Sorted(maps.Keys(rows)) {
		fmt.Fprintf(w, "%c\t%s\n", c, rows[c])
	}
	return w.Flush()
}

// Main runs a generator: with one argument, the file it reads (described by arg in its
// usage), it calls run with it and standard output; otherwise it prints the usage. It exits 2
// on bad usage, 1 on an error.
func Main(name, arg string, run func(path string, out io.Writer) error) {
	if len(os.Args) != 2 {
		fmt.Fprintf(os.Stderr, "usage: %s %s\n", name, arg)
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}
