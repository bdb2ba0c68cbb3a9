// Package lists reads official sanctions and export-control lists, in the formats their
// publishers release, into FollowTheMoney entities: one subpackage per list (ofac, csl, un, eu,
// uk, opensanctions), each a streaming reader of the publisher's file. Every listed party
// comes with a Sanction entity that records the listing: programme, authority, dates, remarks
// and the source address, and a programId that says which list it is on (see docs/lists.md).
//
// No network here: the files are opened through an Opener the caller gives, which reads a
// folder or the files the caller downloaded.
package lists

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/ftm"
)

// List describes one official list.
type List struct {
	Name      string // dataset name in the store, e.g. "us_ofac_sdn"
	Title     string
	Publisher string
	URL       string // the publisher's page about the list
	Files     []File
	// Read parses the files, opened through open, and calls emit for every entity.
	Read func(open Opener, emit func(*oversight.Entity) error) (*Result, error)
}

// File is one file a list is published as.
type File struct {
	Name     string   // the name the reader opens, e.g. "sdn.csv"
	Aliases  []string // other names the file may have in a folder, e.g. "consolidated.csv.gz"
	URL      string   // the publisher's download address
	Optional bool     // the list reads without it
}

// Opener opens a list file by its Name. It returns an error satisfying
// errors.Is(err, fs.ErrNotExist) if the file is absent.
type Opener func(name string) (io.ReadCloser, error)

// Result is what a reader reports besides the entities.
type Result struct {
	Records     int    // records in the publisher's file(s)
	PublishedAt string // the publisher's date for this edition, if the file gives one
	Skipped     int    // records not loaded, e.g. of schemata the FtM table does not hold
	Dropped     int    // property values not loaded, e.g. of properties the table does not hold
}

// Read reads a whole list into memory and checks every entity against the FtM schema
// table; errors are EINVALID and say which list, file and record failed. Nothing is written
// anywhere, so a caller can read first and store only a list that read completely.
func Read(l *List, open Opener) ([]*oversight.Entity, *Result, error) {
	var out []*oversight.Entity
	seen := map[string]bool{}
	res, err := l.Read(open, func(e *oversight.Entity) error {
		if err := ftm.Default.Validate(e); err != nil {
			return fmt.Errorf("entity %s: %v", e.ID, err)
		}
		if seen[e.ID] {
			return fmt.Errorf("entity %s emitted twice", e.ID)
		}
		seen[e.ID] = true
		out = append(out, e)
		return nil
	})
	if err != nil {
		if oversight.ErrorCode(err) == oversight.EINTERNAL {
			err = oversight.Errorf(oversight.EINVALID, "%s: %v", l.Name, err)
		}
		return nil, nil, err
	}
	if res.Records == 0 {
		return nil, nil, oversight.Errorf(oversight.EINVALID, "%s: the file holds no records", l.Name)
	}
	return out, res, nil
}

// Invalid returns an EINVALID error about one place in a list file, e.g. "sdn.csv:12: …".
func Invalid(file string, line int, format string, args ...any) error {
	if line > 0 {
		return oversight.Errorf(oversight.EINVALID, "%s:%d: %s", file, line, fmt.Sprintf(format, args...))
	}
	return oversight.Errorf(oversight.EINVALID, "%s: %s", file, fmt.Sprintf(format, args...))
}

// FindFiles looks for a list's files in dir, under their names or aliases, and returns the
// path of each one found by File.Name. A required file that is missing is an ENOTFOUND error.
func FindFiles(dir string, l *List) (map[string]string, error) {
	out := map[string]string{}
	for _, f := range l.Files {
		for _, name := range append([]string{f.Name}, f.Aliases...) {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				out[f.Name] = p
				break
			}
		}
		if out[f.Name] == "" && !f.Optional {
			return nil, oversight.Errorf(oversight.ENOTFOUND, "%s: %s not found in %s", l.Name, f.Name, dir)
		}
	}
	return out, nil
}

// PathOpener opens files from the paths FindFiles returned. Gzip files are decompressed, so a
// folder may hold either the publisher's file or its .gz.
func PathOpener(paths map[string]string) Opener {
	return func(name string) (io.ReadCloser, error) {
		p, ok := paths[name]
		if !ok {
			return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		return MaybeGunzip(f)
	}
}

// MaybeGunzip returns rc, decompressed if it starts with the gzip magic bytes.
func MaybeGunzip(rc io.ReadCloser) (io.ReadCloser, error) {
	br := bufio.NewReader(rc)
	magic, err := br.Peek(2)
	if err != nil && !errors.Is(err, io.EOF) {
		rc.Close()
		return nil, err
	}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			rc.Close()
			return nil, err
		}
		return &readCloser{Reader: zr, close: rc.Close}, nil
	}
	return &readCloser{Reader: br, close: rc.Close}, nil
}

type readCloser struct {
	io.Reader
	close func() error
}

func (r *readCloser) Close() error { return r.close() }

// CSVError turns an error of encoding/csv into an EINVALID error naming the file and line.
func CSVError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return Invalid(file, pe.Line, "%v", pe.Err)
	}
	return Invalid(file, 0, "%v", err)
}

// EachXML opens an XML list file and calls fn for every start element, in document order;
// fn may decode the element whole with dec.DecodeElement. line is the line the element
// starts on. Syntax errors, a file cut short included, come back as EINVALID with the line.
func EachXML(open Opener, file string, fn func(dec *xml.Decoder, se xml.StartElement, line int) error) error {
	rc, err := open(file)
	if err != nil {
		return Invalid(file, 0, "%v", err)
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			line, _ := dec.InputPos()
			return Invalid(file, line, "%v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := fn(dec, se, line); err != nil {
				if isInvalid(err) {
					return err
				}
				return Invalid(file, line, "%v", err)
			}
		}
	}
}

// isInvalid reports whether err already is an EINVALID error.
func isInvalid(err error) bool { return oversight.ErrorCode(err) == oversight.EINVALID }
