// Package csl reads the US Consolidated Screening List (CSL) that the International Trade
// Administration (trade.gov) compiles from the export-control and sanctions lists of the
// Departments of Commerce, State and the Treasury, in its CSV form (consolidated.csv, UTF-8,
// header row, multi-valued fields joined with "; ") or its JSON form (consolidated.json).
//
// Each source list stays distinct: a row becomes a Sanction whose programId names its list
// (US-BIS-EL for the Entity List, US-BIS-MEU, US-BIS-DPL, US-BIS-UVL, US-OFAC-SDN, …). A party
// on several lists appears once, as one entity with several Sanctions.
package csl

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
)

// Page is trade.gov's page about the list.
const Page = "https://www.trade.gov/consolidated-screening-list"

// List is the Consolidated Screening List. The folder may hold consolidated.csv (or its .gz)
// or consolidated.json; the CSV is read if both are there.
var List = &lists.List{
	Name:      "us_trade_csl",
	Title:     "US Consolidated Screening List (Commerce, State, Treasury)",
	Publisher: "U.S. Department of Commerce, International Trade Administration",
	URL:       Page,
	Files: []lists.File{
		{Name: "consolidated.csv", Aliases: []string{"consolidated.csv.gz"}, URL: "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv", Optional: true},
		{Name: "consolidated.json", Aliases: []string{"consolidated.json.gz"}, Optional: true},
	},
	Read: read,
}

// Source lists: the CSL "source" value → the programId this project gives it and the agency.
var sources = map[string]struct{ ID, Authority string }{
	"Entity List (EL) - Bureau of Industry and Security":                                      {"US-BIS-EL", bis},
	"Military End User (MEU) List - Bureau of Industry and Security":                          {"US-BIS-MEU", bis},
	"Denied Persons List (DPL) - Bureau of Industry and Security":                             {"US-BIS-DPL", bis},
	"Unverified List (UVL) - Bureau of Industry and Security":                                 {"US-BIS-UVL", bis},
	"Specially Designated Nationals (SDN) - Treasury Department":                              {"US-OFAC-SDN", ofac},
	"Sectoral Sanctions Identifications List (SSI) - Treasury Department":                     {"US-OFAC-SSI", ofac},
	"Palestinian Legislative Council List (PLC) - Treasury Department":                        {"US-OFAC-PLC", ofac},
	"Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department": {"US-NS-CMIC", ofac},
	"Capta List (CAP) - Treasury Department":                                                  {"US-OFAC-CAPTA", ofac},
	"Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department":                   {"US-OFAC-MBS", ofac},
	"Foreign Sanctions Evaders (FSE) - Treasury Department":                                   {"US-OFAC-FSE", ofac},
	"ITAR Debarred (DTC) - State Department":                                                  {"US-DDTC-DEBARRED", state},
	"Nonproliferation Sanctions (ISN) - State Department":                                     {"US-DOS-ISN", state},
}

const (
	bis   = "U.S. Department of Commerce, Bureau of Industry and Security (BIS)"
	ofac  = "U.S. Department of the Treasury, Office of Foreign Assets Control (OFAC)"
	state = "U.S. Department of State"
)

var abbrev = regexp.MustCompile(`\(([A-Z][A-Z-]*)[^)]*\)`)

// source returns the programId and authority of a source list; a list this table does not
// know gets "US-CSL-" and the abbreviation in its name, so that it is still kept apart.
func source(name string) (string, string) {
	if s, ok := sources[name]; ok {
		return s.ID, s.Authority
	}
	if m := abbrev.FindStringSubmatch(name); m != nil {
		return "US-CSL-" + m[1], ""
	}
	return "US-CSL-" + strings.ToUpper(lists.Slug(name)), ""
}

// row is one CSL record, from either format.
type row struct {
	ID, Source, EntityNumber, Type, Programs, Name, Title, Addresses, FRNotice   string
	StartDate, EndDate, LicenseRequirement, LicensePolicy, CallSign, VesselType  string
	GrossTonnage, GRT, VesselFlag, VesselOwner, Remarks, SourceListURL, AltNames string
	Citizenships, DatesOfBirth, Nationalities, PlacesOfBirth, SourceInfoURL, IDs string
}

var columns = []string{"_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
	"federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement",
	"license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage",
	"vessel_flag", "vessel_owner", "remarks", "source_list_url", "alt_names", "citizenships",
	"dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids"}

func read(open lists.Opener, emit func(*oversight.Entity) error) (*lists.Result, error) {
	b := newBuilder()
	res := &lists.Result{}
	rc, err := open("consolidated.csv")
	if err == nil {
		defer rc.Close()
		if res.Records, err = readCSV(rc, b); err != nil {
			return nil, err
		}
	} else if errors.Is(err, fs.ErrNotExist) {
		if rc, err = open("consolidated.json"); err != nil {
			return nil, lists.Invalid("consolidated.csv", 0, "neither consolidated.csv nor consolidated.json is there")
		}
		defer rc.Close()
		if res.Records, err = readJSON(rc, b); err != nil {
			return nil, err
		}
	} else {
		return nil, lists.Invalid("consolidated.csv", 0, "%v", err)
	}
	for _, e := range b.out {
		if err := emit(e); err != nil {
			return nil, err
		}
	}
	return res, nil
}

func readCSV(r io.Reader, b *builder) (int, error) {
	const name = "consolidated.csv"
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return 0, lists.Invalid(name, 1, "no header: %v", err)
	}
	idx := map[string]int{}
	for i, h := range head {
		idx[strings.TrimPrefix(h, "\ufeff")] = i
	}
	for _, c := range columns {
		if _, ok := idx[c]; !ok {
			return 0, lists.Invalid(name, 1, "header has no %q column: is this the CSL?", c)
		}
	}
	n := 0
	for {
		f, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, lists.CSVError(name, err)
		}
		line, _ := cr.FieldPos(0)
		get := func(c string) string { return strings.TrimSpace(f[idx[c]]) }
		r := &row{
			ID: get("_id"), Source: get("source"), EntityNumber: get("entity_number"), Type: get("type"),
			Programs: get("programs"), Name: get("name"), Title: get("title"), Addresses: get("addresses"),
			FRNotice: get("federal_register_notice"), StartDate: get("start_date"), EndDate: get("end_date"),
			LicenseRequirement: get("license_requirement"), LicensePolicy: get("license_policy"),
			CallSign: get("call_sign"), VesselType: get("vessel_type"), GrossTonnage: get("gross_tonnage"),
			GRT: get("gross_registered_tonnage"), VesselFlag: get("vessel_flag"), VesselOwner: get("vessel_owner"),
			Remarks: get("remarks"), SourceListURL: get("source_list_url"), AltNames: get("alt_names"),
			Citizenships: get("citizenships"), DatesOfBirth: get("dates_of_birth"), Nationalities: get("nationalities"),
			PlacesOfBirth: get("places_of_birth"), SourceInfoURL: get("source_information_url"), IDs: get("ids"),
		}
		if err := b.add(r); err != nil {
			return 0, lists.Invalid(name, line, "%v", err)
		}
		n++
	}
	return n, nil
}

// jsonRow is a record of consolidated.json: the CSV's fields, with lists as JSON arrays and
// addresses and ids as objects.
type jsonRow struct {
	ID                 string   `json:"id"`
	Source             string   `json:"source"`
	EntityNumber       string   `json:"entity_number"`
	Type               string   `json:"type"`
	Programs           []string `json:"programs"`
	Name               string   `json:"name"`
	Title              string   `json:"title"`
	FRNotice           string   `json:"federal_register_notice"`
	StartDate          string   `json:"start_date"`
	EndDate            string   `json:"end_date"`
	LicenseRequirement string   `json:"license_requirement"`
	LicensePolicy      string   `json:"license_policy"`
	CallSign           string   `json:"call_sign"`
	VesselType         string   `json:"vessel_type"`
	GrossTonnage       string   `json:"gross_tonnage"`
	GRT                string   `json:"gross_registered_tonnage"`
	VesselFlag         string   `json:"vessel_flag"`
	VesselOwner        string   `json:"vessel_owner"`
	Remarks            string   `json:"remarks"`
	SourceListURL      string   `json:"source_list_url"`
	AltNames           []string `json:"alt_names"`
	Citizenships       []string `json:"citizenships"`
	DatesOfBirth       []string `json:"dates_of_birth"`
	Nationalities      []string `json:"nationalities"`
	PlacesOfBirth      []string `json:"places_of_birth"`
	SourceInfoURL      string   `json:"source_information_url"`
	Addresses          []struct {
		Address, City, State, Country string
		PostalCode                    string `json:"postal_code"`
	} `json:"addresses"`
	IDs []struct {
		Type, Number, Country string
	} `json:"ids"`
}

// readJSON reads consolidated.json: {"results": [...]} (the download) or a bare array,
// decoding one record at a time.
func readJSON(r io.Reader, b *builder) (int, error) {
	const name = "consolidated.json"
	dec := json.NewDecoder(r)
	tok, err := dec.Token()
	if err != nil {
		return 0, lists.Invalid(name, 0, "not JSON: %v", err)
	}
	if tok == json.Delim('{') {
		for {
			key, err := dec.Token()
			if err != nil {
				return 0, lists.Invalid(name, 0, "%v", err)
			}
			if key == json.Delim('}') {
				return 0, lists.Invalid(name, 0, `no "results" array`)
			}
			if key == "results" {
				break
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return 0, lists.Invalid(name, 0, "%v", err)
			}
		}
		if tok, err = dec.Token(); err != nil {
			return 0, lists.Invalid(name, 0, "%v", err)
		}
	}
	if tok != json.Delim('[') {
		return 0, lists.Invalid(name, 0, "want an array of records")
	}
	n := 0
	for dec.More() {
		var j jsonRow
		if err := dec.Decode(&j); err != nil {
			return 0, lists.Invalid(name, 0, "record %d: %v", n+1, err)
		}
		r := &row{
			ID: j.ID, Source: j.Source, EntityNumber: j.EntityNumber, Type: j.Type,
			Programs: strings.Join(j.Programs, "; "), Name: j.Name, Title: j.Title, FRNotice: j.FRNotice,
			StartDate: j.StartDate, EndDate: j.EndDate, LicenseRequirement: j.LicenseRequirement,
			LicensePolicy: j.LicensePolicy, CallSign: j.CallSign, VesselType: j.VesselType,
			GrossTonnage: j.GrossTonnage, GRT: j.GRT, VesselFlag: j.VesselFlag, VesselOwner: j.VesselOwner,
			Remarks: j.Remarks, SourceListURL: j.SourceListURL, AltNames: strings.Join(j.AltNames, "; "),
			Citizenships: strings.Join(j.Citizenships, "; "), DatesOfBirth: strings.Join(j.DatesOfBirth, "; "),
			Nationalities: strings.Join(j.Nationalities, "; "), PlacesOfBirth: strings.Join(j.PlacesOfBirth, "; "),
			SourceInfoURL: j.SourceInfoURL,
		}
		var addrs, ids []string
		for _, a := range j.Addresses {
			addrs = append(addrs, lists.Join(", ", a.Address, a.City, a.State, a.PostalCode, a.Country))
		}
		for _, id := range j.IDs {
			ids = append(ids, lists.Join(", ", id.Country, id.Number, id.Type))
		}
		r.Addresses, r.IDs = strings.Join(addrs, "; "), strings.Join(ids, "; ")
		if err := b.add(r); err != nil {
			return 0, lists.Invalid(name, 0, "record %d: %v", n+1, err)
		}
		n++
	}
	if _, err := dec.Token(); err != nil {
		return 0, lists.Invalid(name, 0, "after record %d: %v (is the file cut short?)", n, err)
	}
	return n, nil
}

// builder merges rows into entities, one per CSL id, in order of first appearance.
type builder struct {
	out    []*oversight.Entity // entities and sanctions
	byID   map[string]*oversight.Entity
	seenSn map[string]int
}

func newBuilder() *builder {
	return &builder{byID: map[string]*oversight.Entity{}, seenSn: map[string]int{}}
}

var schemata = map[string]string{"individual": "Person", "entity": "Organization", "vessel": "Vessel", "aircraft": "Airplane"}

func (b *builder) add(r *row) error {
	if r.ID == "" {
		return fmt.Errorf("no _id")
	}
	if r.Name == "" {
		return fmt.Errorf("_id %s has no name", r.ID)
	}
	if r.Source == "" {
		return fmt.Errorf("_id %s has no source", r.ID)
	}
	schema := schemata[strings.ToLower(r.Type)]
	if schema == "" {
		// BIS and State rows have no type: a date of birth says person, else a legal entity.
		schema = "LegalEntity"
		if r.DatesOfBirth != "" {
			schema = "Person"
		}
	}
	id := lists.Slug("csl", r.ID)
	e := b.byID[id]
	if e == nil {
		e = lists.NewEntity(schema, id)
		b.byID[id] = e
		b.out = append(b.out, e)
	} else if e.Schema != schema {
		return fmt.Errorf("_id %s is a %s here and a %s on an earlier row", r.ID, schema, e.Schema)
	}
	lists.Add(e, "name", r.Name)
	lists.Add(e, "alias", split(r.AltNames)...)
	for _, a := range split(r.Addresses) {
		lists.Add(e, "address", a)
		parts := strings.Split(a, ", ")
		lists.Add(e, "country", lists.Country(parts[len(parts)-1]))
	}
	lists.Add(e, "notes", r.Remarks)
	switch schema {
	case "Person":
		lists.Add(e, "title", r.Title)
		for _, d := range split(r.DatesOfBirth) {
			lists.Add(e, "birthDate", lists.Date(d))
		}
		lists.Add(e, "birthPlace", split(r.PlacesOfBirth)...)
		for _, c := range split(r.Nationalities) {
			lists.Add(e, "nationality", lists.Country(c))
		}
		for _, c := range split(r.Citizenships) {
			lists.Add(e, "citizenship", lists.Country(c))
		}
	case "Vessel":
		lists.Add(e, "callSign", r.CallSign)
		lists.Add(e, "type", r.VesselType)
		lists.Add(e, "tonnage", lists.Number(r.GrossTonnage))
		lists.Add(e, "grossRegisteredTonnage", lists.Number(r.GRT))
		lists.Add(e, "flag", lists.Country(r.VesselFlag))
		if r.VesselOwner != "" {
			lists.Add(e, "notes", "Owner: "+r.VesselOwner)
		}
	default:
		if r.Title != "" {
			lists.Add(e, "notes", "Title: "+r.Title)
		}
	}
	for _, id := range split(r.IDs) {
		addID(e, id)
	}

	key, auth := source(r.Source)
	sid := lists.Slug(id, key)
	if b.seenSn[sid]++; b.seenSn[sid] > 1 {
		sid = fmt.Sprintf("%s-%d", sid, b.seenSn[sid])
	}
	s := lists.NewEntity("Sanction", sid)
	lists.Add(s, "entity", id)
	lists.Add(s, "programId", key)
	lists.Add(s, "program", split(r.Programs)...)
	lists.Add(s, "authority", auth)
	lists.Add(s, "authorityId", r.EntityNumber)
	lists.Add(s, "country", "us")
	lists.Add(s, "startDate", lists.Date(r.StartDate))
	lists.Add(s, "endDate", lists.Date(r.EndDate))
	lists.Add(s, "summary", r.FRNotice)
	lists.Add(s, "provisions", r.LicenseRequirement, r.LicensePolicy)
	lists.Add(s, "sourceUrl", lists.URL(r.SourceListURL), lists.URL(r.SourceInfoURL))
	if len(s.Get("sourceUrl")) == 0 {
		lists.Add(s, "sourceUrl", Page)
	}
	lists.Add(s, "notes", "CSL source list: "+r.Source)
	b.out = append(b.out, s)
	return nil
}

// addID reads one "country, number, type" identifier of the ids column.
func addID(e *oversight.Entity, id string) {
	parts := strings.Split(id, ", ")
	if len(parts) < 2 {
		return
	}
	typ, num := parts[len(parts)-1], parts[len(parts)-2]
	person := e.Schema == "Person"
	legal := person || e.Schema == "Organization" || e.Schema == "LegalEntity"
	switch typ {
	case "Passport":
		if person {
			lists.Add(e, "passportNumber", num)
		}
	case "Gender":
		if person {
			lists.Add(e, "gender", strings.ToLower(num))
		}
	case "Website":
		if legal {
			lists.Add(e, "website", lists.URL(num))
		}
	case "Email Address":
		if legal {
			lists.Add(e, "email", num)
		}
	case "Registration ID", "Registration Number", "Company Number", "Commercial Registry Number":
		if legal && !person {
			lists.Add(e, "registrationNumber", num)
		}
	case "Tax ID No.", "R.F.C.", "NIT #", "RUC #", "V.A.T. Number":
		if legal {
			lists.Add(e, "taxNumber", num)
		}
	case "National ID No.", "Cedula No.", "C.U.R.P.", "Identification Number":
		if legal {
			lists.Add(e, "idNumber", num)
		}
	case "SWIFT/BIC":
		if legal && !person {
			lists.Add(e, "swiftBic", num)
		}
	case "Vessel Registration Identification":
		if e.Schema == "Vessel" {
			lists.Add(e, "imoNumber", strings.TrimPrefix(num, "IMO "))
		}
	}
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for p := range strings.SplitSeq(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
