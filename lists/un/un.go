// Package un reads the United Nations Security Council Consolidated List in its XML form
// (root CONSOLIDATED_LIST, schema https://www.un.org/sc/resources/sc-sanctions.xsd), one
// INDIVIDUAL or ENTITY element at a time. Names written in their original script
// (NAME_ORIGINAL_SCRIPT) are kept as aliases, as are native-script forms that an alias gives
// in parentheses, e.g. "Jin Tiesan (金铁三)".
package un

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
)

// Page is the Security Council's page about the list.
const Page = "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list"

// List is the UN Security Council Consolidated List.
var List = &lists.List{
	Name:      "un_sc_sanctions",
	Title:     "UN Security Council Consolidated Sanctions List",
	Publisher: "United Nations Security Council",
	URL:       Page,
	Files: []lists.File{{
		Name: "consolidated.xml", Aliases: []string{"UN_consolidated.xml", "consolidated.xml.gz"},
		URL: "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
	}},
	Read: read,
}

const authority = "United Nations Security Council"

type value struct {
	Value string `xml:"VALUE"`
}

type record struct {
	DataID          string    `xml:"DATAID"`
	First           string    `xml:"FIRST_NAME"`
	Second          string    `xml:"SECOND_NAME"`
	Third           string    `xml:"THIRD_NAME"`
	Fourth          string    `xml:"FOURTH_NAME"`
	ListType        string    `xml:"UN_LIST_TYPE"`
	Reference       string    `xml:"REFERENCE_NUMBER"`
	ListedOn        string    `xml:"LISTED_ON"`
	Gender          string    `xml:"GENDER"`
	Comments        string    `xml:"COMMENTS1"`
	OriginalScript  string    `xml:"NAME_ORIGINAL_SCRIPT"`
	Titles          []value   `xml:"TITLE"`
	Designations    []value   `xml:"DESIGNATION"`
	Nationalities   []value   `xml:"NATIONALITY"`
	Updated         []value   `xml:"LAST_DAY_UPDATED"`
	IndividualAlias []alias   `xml:"INDIVIDUAL_ALIAS"`
	EntityAlias     []alias   `xml:"ENTITY_ALIAS"`
	IndividualAddr  []xmlAddr `xml:"INDIVIDUAL_ADDRESS"`
	EntityAddr      []xmlAddr `xml:"ENTITY_ADDRESS"`
	Births          []struct {
		Type     string `xml:"TYPE_OF_DATE"`
		Date     string `xml:"DATE"`
		Year     string `xml:"YEAR"`
		FromYear string `xml:"FROM_YEAR"`
		ToYear   string `xml:"TO_YEAR"`
	} `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	BirthPlaces []xmlAddr `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents   []struct {
		Type    string `xml:"TYPE_OF_DOCUMENT"`
		Number  string `xml:"NUMBER"`
		Country string `xml:"ISSUING_COUNTRY"`
	} `xml:"INDIVIDUAL_DOCUMENT"`
}

type alias struct {
	Quality string `xml:"QUALITY"`
	Name    string `xml:"ALIAS_NAME"`
}

type xmlAddr struct {
	Street  string `xml:"STREET"`
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Zip     string `xml:"ZIP_CODE"`
	Country string `xml:"COUNTRY"`
}

func read(open lists.Opener, emit func(*oversight.Entity) error) (*lists.Result, error) {
	const name = "consolidated.xml"
	res := &lists.Result{}
	root := false
	err := lists.EachXML(open, name, func(dec *xml.Decoder, se xml.StartElement, line int) error {
		switch se.Name.Local {
		case "CONSOLIDATED_LIST":
			root = true
			for _, a := range se.Attr {
				if a.Name.Local == "dateGenerated" {
					res.PublishedAt = a.Value
				}
			}
		case "INDIVIDUAL", "ENTITY":
			var r record
			if err := dec.DecodeElement(&r, &se); err != nil {
				return err
			}
			if r.DataID == "" || r.First == "" {
				return fmt.Errorf("%s without DATAID or FIRST_NAME", se.Name.Local)
			}
			e, s := entity(&r, se.Name.Local == "INDIVIDUAL")
			for _, x := range []*oversight.Entity{e, s} {
				if err := emit(x); err != nil {
					return err
				}
			}
			res.Records++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if !root {
		return nil, lists.Invalid(name, 0, "no CONSOLIDATED_LIST element: is this the UN list?")
	}
	return res, nil
}

func entity(r *record, person bool) (*oversight.Entity, *oversight.Entity) {
	schema := "Organization"
	if person {
		schema = "Person"
	}
	e := lists.NewEntity(schema, "un-"+lists.Slug(r.DataID))
	lists.Add(e, "name", lists.Join(" ", r.First, r.Second, r.Third, r.Fourth))
	lists.Add(e, "alias", r.OriginalScript)
	for _, a := range append(r.IndividualAlias, r.EntityAlias...) {
		prop := "alias"
		switch a.Quality {
		case "Low":
			prop = "weakAlias"
		case "f.k.a.":
			prop = "previousName"
		}
		full, native := splitNative(a.Name)
		lists.Add(e, prop, full)
		lists.Add(e, "alias", native)
	}
	lists.Add(e, "notes", r.Comments)
	for _, a := range append(r.IndividualAddr, r.EntityAddr...) {
		lists.Add(e, "address", lists.Join(", ", a.Street, a.City, a.State, a.Zip, a.Country))
		lists.Add(e, "country", lists.Country(a.Country))
	}
	if person {
		lists.Add(e, "firstName", r.First)
		lists.Add(e, "secondName", r.Second)
		lists.Add(e, "gender", strings.ToLower(r.Gender))
		for _, t := range r.Titles {
			lists.Add(e, "title", t.Value)
		}
		for _, d := range r.Designations {
			lists.Add(e, "position", d.Value)
		}
		for _, n := range r.Nationalities {
			lists.Add(e, "nationality", lists.Country(n.Value))
		}
		for _, b := range r.Births {
			lists.Add(e, "birthDate", lists.Date(b.Date), lists.Date(b.Year), lists.Date(b.FromYear), lists.Date(b.ToYear))
		}
		for _, p := range r.BirthPlaces {
			lists.Add(e, "birthPlace", lists.Join(", ", p.Street, p.City, p.State, p.Country))
		}
		for _, d := range r.Documents {
			if strings.Contains(strings.ToLower(d.Type), "passport") {
				lists.Add(e, "passportNumber", d.Number)
			} else {
				lists.Add(e, "idNumber", d.Number)
			}
		}
	}

	s := lists.NewEntity("Sanction", e.ID+"-sanction")
	lists.Add(s, "entity", e.ID)
	lists.Add(s, "authority", authority)
	lists.Add(s, "authorityId", r.Reference)
	lists.Add(s, "unscId", r.Reference)
	lists.Add(s, "program", r.ListType)
	lists.Add(s, "programId", "UN-SC-"+strings.ToUpper(lists.Slug(r.ListType)))
	lists.Add(s, "listingDate", lists.Date(r.ListedOn))
	lists.Add(s, "startDate", lists.Date(r.ListedOn))
	for _, u := range r.Updated {
		lists.Add(s, "modifiedAt", lists.Date(u.Value))
	}
	lists.Add(s, "reason", r.Comments)
	lists.Add(s, "sourceUrl", Page)
	return e, s
}

// splitNative splits "Jin Tiesan (金铁三)" into the whole alias and the part in parentheses
// when that part is in a non-Latin script.
func splitNative(s string) (string, string) {
	s = strings.TrimSpace(s)
	i := strings.LastIndex(s, "(")
	if i < 0 || !strings.HasSuffix(s, ")") {
		return s, ""
	}
	inner := s[i+1 : len(s)-1]
	for _, r := range inner {
		if r > 0x024F && r != '\u2019' { // beyond Latin Extended-B: another script
			return s, inner
		}
	}
	return s, ""
}
