// Package ofac reads the US Treasury OFAC lists in OFAC's legacy delimited format: the
// Specially Designated Nationals list (sdn.csv, add.csv, alt.csv, sdn_comments.csv) and the
// Consolidated (non-SDN) list (cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv).
//
// The files have no header; fields are comma separated, text in double quotes, "-0- " means
// empty, lines end in CRLF and the file ends with a Ctrl-Z (0x1A) byte. A primary file without
// that end byte is taken as truncated and rejected.
package ofac

import (
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
)

const (
	authority = "U.S. Department of the Treasury, Office of Foreign Assets Control (OFAC)"
	exports   = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
)

// SDN is the Specially Designated Nationals and Blocked Persons list.
var SDN = &lists.List{
	Name:      "us_ofac_sdn",
	Title:     "OFAC Specially Designated Nationals and Blocked Persons List (SDN)",
	Publisher: authority,
	URL:       "https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists",
	Files: []lists.File{
		{Name: "sdn.csv", URL: exports + "SDN.CSV"},
		{Name: "add.csv", URL: exports + "ADD.CSV"},
		{Name: "alt.csv", URL: exports + "ALT.CSV"},
		{Name: "sdn_comments.csv", URL: exports + "SDN_COMMENTS.CSV", Optional: true},
	},
	Read: func(open lists.Opener, emit func(*oversight.Entity) error) (*lists.Result, error) {
		return read(open, emit, files{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}, "ofac-sdn", "US-OFAC-SDN", SDNPage)
	},
}

// Consolidated is OFAC's Consolidated (non-SDN) Sanctions List: SSI, NS-PLC, NS-MBS, FSE,
// CAPTA, NS-CMIC and others, each kept distinct by its programme.
var Consolidated = &lists.List{
	Name:      "us_ofac_cons",
	Title:     "OFAC Consolidated (non-SDN) Sanctions List",
	Publisher: authority,
	URL:       "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists",
	Files: []lists.File{
		{Name: "cons_prim.csv", URL: exports + "CONS_PRIM.CSV"},
		{Name: "cons_add.csv", URL: exports + "CONS_ADD.CSV"},
		{Name: "cons_alt.csv", URL: exports + "CONS_ALT.CSV"},
		{Name: "cons_comments.csv", URL: exports + "CONS_COMMENTS.CSV", Optional: true},
	},
	Read: func(open lists.Opener, emit func(*oversight.Entity) error) (*lists.Result, error) {
		return read(open, emit, files{"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}, "ofac-cons", "", ConsPage)
	},
}

// Source pages cited on every Sanction.
const (
	SDNPage  = "https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists"
	ConsPage = "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists"
)

// consPrograms gives the programId of a non-SDN programme: each OFAC non-SDN list is kept
// distinct. Programmes not named here get "US-OFAC-NONSDN".
var consPrograms = map[string]string{
	"UKRAINE-EO13662": "US-OFAC-SSI",
	"RUSSIA-EO14024":  "US-OFAC-SSI", // directive-based (non-SDN) Russia listings
	"NS-PLC":          "US-OFAC-PLC",
	"NS-MBS":          "US-OFAC-MBS",
	"FSE-IR":          "US-OFAC-FSE",
	"FSE-SY":          "US-OFAC-FSE",
	"FSE-WMD":         "US-OFAC-FSE",
	"FSE-SDGT":        "US-OFAC-FSE",
	"CAPTA":           "US-OFAC-CAPTA",
	"CMIC-EO13959":    "US-NS-CMIC",
	"NS-ISA":          "US-OFAC-MBS",
}

type files struct{ prim, add, alt, comments string }

// record is one primary row with what the other files add to it.
type record struct {
	fields  []string
	remarks string
	aliases [][]string
	addrs   [][]string
	line    int
}

func read(open lists.Opener, emit func(*oversight.Entity) error, fn files, prefix, programID, page string) (*lists.Result, error) {
	res := &lists.Result{}
	var order []string
	recs := map[string]*record{}
	n, err := readCSV(open, fn.prim, 12, true, func(line int, f []string) error {
		if _, err := strconv.Atoi(f[0]); err != nil {
			return lists.Invalid(fn.prim, line, "ent_num %q is not a number", f[0])
		}
		if recs[f[0]] != nil {
			return lists.Invalid(fn.prim, line, "ent_num %s appears twice", f[0])
		}
		if f[1] == "" {
			return lists.Invalid(fn.prim, line, "ent_num %s has no name", f[0])
		}
		recs[f[0]] = &record{fields: f, remarks: f[11], line: line}
		order = append(order, f[0])
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Records = n
	join := func(file string, want int, required bool, add func(r *record, f []string)) error {
		_, err := readCSV(open, file, want, required, func(line int, f []string) error {
			r := recs[f[0]]
			if r == nil {
				return lists.Invalid(file, line, "ent_num %s is not in %s", f[0], fn.prim)
			}
			add(r, f)
			return nil
		})
		return err
	}
	if err := join(fn.add, 6, true, func(r *record, f []string) { r.addrs = append(r.addrs, f) }); err != nil {
		return nil, err
	}
	if err := join(fn.alt, 5, true, func(r *record, f []string) { r.aliases = append(r.aliases, f) }); err != nil {
		return nil, err
	}
	if err := join(fn.comments, 2, false, func(r *record, f []string) { r.remarks += f[1] }); err != nil {
		return nil, err
	}
	for _, num := range order {
		e, s := entity(recs[num], prefix, programID, page)
		if err := emit(e); err != nil {
			return nil, lists.Invalid(fn.prim, recs[num].line, "%v", err)
		}
		if err := emit(s); err != nil {
			return nil, lists.Invalid(fn.prim, recs[num].line, "%v", err)
		}
	}
	return res, nil
}

// readCSV reads one legacy file, calling fn for each record with empty ("-0-") fields as "".
// It returns the number of records. A missing optional file reads as empty.
func readCSV(open lists.Opener, name string, want int, required bool, fn func(line int, f []string) error) (int, error) {
	rc, err := open(name)
	if errors.Is(err, fs.ErrNotExist) && !required {
		return 0, nil
	} else if err != nil {
		return 0, lists.Invalid(name, 0, "%v", err)
	}
	defer rc.Close()
	cr := csv.NewReader(rc)
	cr.FieldsPerRecord = -1
	n, ended := 0, false
	for {
		f, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, lists.CSVError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if ended {
			return 0, lists.Invalid(name, line, "data after the end-of-file byte")
		}
		if len(f) == 1 && f[0] == "\x1a" {
			ended = true
			continue
		}
		if len(f) != want {
			return 0, lists.Invalid(name, line, "%d fields, want %d", len(f), want)
		}
		for i, v := range f {
			if v = strings.TrimSpace(v); v == "-0-" {
				v = ""
			}
			f[i] = v
		}
		if err := fn(line, f); err != nil {
			return 0, err
		}
		n++
	}
	if !ended && required {
		return 0, lists.Invalid(name, 0, "no end-of-file byte (0x1A) after %d records: the file is truncated", n)
	}
	return n, nil
}

var schemata = map[string]string{"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "": "Organization"}

// entity builds the listed entity and its Sanction from one record.
func entity(r *record, prefix, programID, page string) (*oversight.Entity, *oversight.Entity) {
	f := r.fields
	schema := schemata[strings.ToLower(f[2])]
	if schema == "" {
		schema = "Organization"
	}
	e := lists.NewEntity(schema, prefix+"-"+f[0])
	lists.Add(e, "name", f[1])
	if schema == "Person" {
		if last, first, ok := strings.Cut(f[1], ", "); ok {
			lists.Add(e, "lastName", last)
			lists.Add(e, "firstName", first)
		}
		lists.Add(e, "title", f[4])
	} else if f[4] != "" {
		lists.Add(e, "notes", "Title: "+f[4])
	}
	switch schema {
	case "Vessel":
		lists.Add(e, "callSign", f[5])
		lists.Add(e, "type", f[6])
		lists.Add(e, "tonnage", lists.Number(f[7]))
		lists.Add(e, "grossRegisteredTonnage", lists.Number(f[8]))
		lists.Add(e, "flag", lists.Country(f[9]))
		if f[10] != "" {
			lists.Add(e, "notes", "Owner: "+f[10])
		}
	case "Airplane":
		lists.Add(e, "type", f[6])
	}
	for _, a := range r.aliases {
		prop := "alias"
		switch {
		case strings.EqualFold(a[2], "fka"):
			prop = "previousName"
		case strings.Contains(strings.ToLower(a[4]), "low quality"):
			prop = "weakAlias"
		}
		lists.Add(e, prop, a[3])
	}
	for _, a := range r.addrs {
		lists.Add(e, "address", lists.Join(", ", a[2], a[3], a[4]))
		lists.Add(e, "country", lists.Country(a[4]))
	}
	remarks(e, r.remarks)

	s := lists.NewEntity("Sanction", e.ID+"-sanction")
	lists.Add(s, "entity", e.ID)
	lists.Add(s, "authority", authority)
	lists.Add(s, "country", "us")
	lists.Add(s, "sourceUrl", page)
	lists.Add(s, "authorityId", f[0])
	progs := programs(f[3])
	lists.Add(s, "program", progs...)
	if programID != "" {
		lists.Add(s, "programId", programID)
	} else {
		for _, p := range progs {
			id, ok := consPrograms[p]
			if !ok {
				id = "US-OFAC-NONSDN"
			}
			lists.Add(s, "programId", id)
		}
	}
	lists.Add(s, "reason", r.remarks)
	return e, s
}

// programs splits "SDGT] [IRGC" into its programme codes.
func programs(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, "] [") {
		if p = strings.Trim(p, "[] "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var quoted = regexp.MustCompile(`'([^']+)'`)

// remarks reads the semi-structured Remarks field: "DOB 01 Jan 1960; POB Tehran, Iran;
// nationality Iran; Passport A123 (Iran); a.k.a. 'X'; Linked To: Y." The whole text is kept
// in notes; the parts it recognises also fill their properties.
func remarks(e *oversight.Entity, text string) {
	if text == "" {
		return
	}
	lists.Add(e, "notes", text)
	person := e.Schema == "Person"
	for part := range strings.SplitSeq(strings.TrimSuffix(text, "."), ";") {
		part = strings.TrimSpace(part)
		key, val := splitKey(part)
		switch key {
		case "DOB", "alt. DOB", "DOB circa":
			if person {
				for _, d := range strings.Split(val, " to ") {
					lists.Add(e, "birthDate", lists.Date(d))
				}
			}
		case "POB", "alt. POB":
			if person {
				lists.Add(e, "birthPlace", val)
			}
		case "nationality", "alt. nationality":
			if person {
				lists.Add(e, "nationality", lists.Country(val))
			} else {
				lists.Add(e, "country", lists.Country(val))
			}
		case "citizen", "alt. citizen":
			if person {
				lists.Add(e, "citizenship", lists.Country(val))
			}
		case "Gender":
			if person {
				lists.Add(e, "gender", strings.ToLower(val))
			}
		case "Passport":
			if person {
				lists.Add(e, "passportNumber", number(val))
			}
		case "National ID No.", "Cedula No.", "C.U.R.P.", "D.N.I.", "Identification Number":
			lists.Add(e, "idNumber", number(val))
		case "Tax ID No.", "R.F.C.", "RFC", "NIT #", "RUC #", "V.A.T. Number":
			if !person || key == "R.F.C." || key == "RFC" {
				lists.Add(e, "taxNumber", number(val))
			}
		case "Registration ID", "Registration Number", "Business Registration Number", "Company Number", "Commercial Registry Number":
			if !person {
				lists.Add(e, "registrationNumber", number(val))
			}
		case "SWIFT/BIC":
			if !person && e.Schema != "Vessel" && e.Schema != "Airplane" {
				lists.Add(e, "swiftBic", number(val))
			}
		case "Email Address":
			if e.Schema != "Vessel" && e.Schema != "Airplane" {
				lists.Add(e, "email", val)
			}
		case "Website":
			if e.Schema != "Vessel" && e.Schema != "Airplane" {
				lists.Add(e, "website", lists.URL(val))
			}
		case "Organization Established Date":
			if !person && e.Schema != "Vessel" && e.Schema != "Airplane" {
				lists.Add(e, "incorporationDate", lists.Date(val))
			}
		case "Vessel Registration Identification":
			if e.Schema == "Vessel" {
				lists.Add(e, "imoNumber", strings.TrimPrefix(val, "IMO "))
			}
		case "MMSI":
			if e.Schema == "Vessel" {
				lists.Add(e, "mmsi", val)
			}
		case "a.k.a.", "f.k.a.":
			prop := "alias"
			if key == "f.k.a." {
				prop = "previousName"
			}
			for _, m := range quoted.FindAllStringSubmatch(val, -1) {
				lists.Add(e, prop, m[1])
			}
		}
	}
}

// remarkKeys are the labels splitKey recognises, longest first where one is a prefix of another.
var remarkKeys = []string{
	"alt. nationality", "alt. citizen", "alt. DOB", "alt. POB", "DOB circa", "DOB", "POB",
	"nationality", "citizen", "Gender", "Passport", "National ID No.", "Cedula No.", "C.U.R.P.",
	"D.N.I.", "Identification Number", "Tax ID No.", "R.F.C.", "RFC", "NIT #", "RUC #",
	"V.A.T. Number", "Registration ID", "Registration Number", "Business Registration Number",
	"Company Number", "Commercial Registry Number", "SWIFT/BIC", "Email Address", "Website",
	"Organization Established Date", "Vessel Registration Identification", "MMSI", "a.k.a.", "f.k.a.",
}

func splitKey(part string) (string, string) {
	for _, k := range remarkKeys {
		if strings.HasPrefix(part, k+" ") {
			return k, strings.TrimSpace(part[len(k):])
		}
	}
	return "", part
}

// number drops a trailing "(Country)" and any "issued …" / "expires …" tail from an
// identifier: "A123456 (Iran) issued 2010" → "A123456".
func number(val string) string {
	if i := strings.Index(val, " ("); i > 0 {
		val = val[:i]
	}
	if f := strings.Fields(val); len(f) > 0 {
		return f[0]
	}
	return ""
}
