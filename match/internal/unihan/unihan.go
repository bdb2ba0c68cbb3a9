// Package unihan reads the files of the Unicode Han Database (Unihan_*.txt, plain or
// compressed with bzip2 as Debian's unicode-data package ships them in /usr/share/unicode),
// for the commands that write match/knowledge's Han tables.
package unihan

import (
	"bufio"
	"compress/bzip2"
	"fmt"
	"io"
	"os"
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

// Main runs a generator: with one argument, the Unihan file, it calls run with it and
// standard output; otherwise it prints the usage. It exits 2 on bad usage, 1 on an error.
func Main(name string, run func(path string, out io.Writer) error) {
	if len(os.Args) != 2 {
		fmt.Fprintf(os.Stderr, "usage: %s Unihan_*.txt[.bz2]\n", name)
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}
