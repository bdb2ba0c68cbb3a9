// Package eu reads the EU consolidated list of persons, groups and entities subject to EU
// financial sanctions, in the Financial Sanctions Files XML format 1.1
// (xmlFullSanctionsList_1_1; namespace http://eu.europa.ec/fpi/fsd/export): an export
// element holding one sanctionEntity per listed party, with its regulations, name aliases,
// citizenships, birth dates, identifications and addresses as attributes of child elements.
//
// Every regulation of an entry becomes a Sanction. Its programId is "EU-FSF-" and the FSF
// programme code (e.g. EU-FSF-RUS); screening reads every EU-FSF-* listing as an EU asset
// freeze (docs/lists.md).
package eu

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
)

// Page is the EU's page about the list.
const Page = "https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions"

// List is the EU consolidated financial sanctions list.
var List = &lists.List{
	Name:      "eu_fsf",
	Title:     "EU consolidated list of persons, groups and entities subject to EU financial sanctions",
	Publisher: "European Commission (DG FISMA), for the Council of the European Union",
	URL:       Page,
	Files: []lists.File{{
		Name: "eu_fsf.xml", Aliases: []string{"xmlFullSanctionsList_1_1.xml", "eu_fsf.xml.gz"},
		URL: "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
	}},
	Read: read,
}

type entry struct {
	LogicalID       string `xml:"logicalId,attr"`
	EUReference     string `xml:"euReferenceNumber,attr"`
	UNID            string `xml:"unitedNationId,attr"`
	DesignationDate string `xml:"designationDate,attr"`
	Remark          string `xml:"remark"`
	SubjectType     struct {
		Code string `xml:"code,attr"`
	} `xml:"subjectType"`
	Regulations []struct {
		Programme      string `xml:"programme,attr"`
		NumberTitle    string `xml:"numberTitle,attr"`
		Publication    string `xml:"publicationDate,attr"`
		EntryIntoForce string `xml:"entryIntoForceDate,attr"`
		URL            string `xml:"publicationUrl"`
	} `xml:"regulation"`
	Names []struct {
		Whole    string `xml:"wholeName,attr"`
		First    string `xml:"firstName,attr"`
		Middle   string `xml:"middleName,attr"`
		Last     string `xml:"lastName,attr"`
		Function string `xml:"function,attr"`
		Gender   string `xml:"gender,attr"`
		Title    string `xml:"title,attr"`
		Strong   string `xml:"strong,attr"`
	} `xml:"nameAlias"`
	Citizenships []struct {
		Country string `xml:"countryIso2Code,attr"`
	} `xml:"citizenship"`
	Births []struct {
		Date    string `xml:"birthdate,attr"`
		Year    string `xml:"year,attr"`
		City    string `xml:"city,attr"`
		Country string `xml:"countryDescription,attr"`
	} `xml:"birthdate"`
	IDs []struct {
		Type   string `xml:"identificationTypeCode,attr"`
		Number string `xml:"number,attr"`
	} `xml:"identification"`
	Addresses []struct {
		Street  string `xml:"street,attr"`
		City    string `xml:"city,attr"`
		Zip     string `xml:"zipCode,attr"`
		Region  string `xml:"region,attr"`
		Country string `xml:"countryDescription,attr"`
		ISO2    string `xml:"countryIso2Code,attr"`
	} `xml:"address"`
}

func read(open lists.Opener, emit func(*oversight.Entity) error) (*lists.Result, error) {
	const name = "eu_fsf.xml"
	res := &lists.Result{}
	root := false
	err := lists.EachXML(open, name, func(dec *xml.Decoder, se xml.StartElement, line int) error {
		switch se.Name.Local {
		case "export":
			root = true
			for _, a := range se.Attr {
				if a.Name.Local == "generationDate" {
					res.PublishedAt = a.Value
				}
			}
		case "sanctionEntity":
			var r entry
			if err := dec.DecodeElement(&r, &se); err != nil {
				return err
			}
			ents, err := entities(&r)
			if err != nil {
				return err
			}
			for _, e := range ents {
				if err := emit(e); err != nil {
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
		return nil, lists.Invalid(name, 0, "no export element: is this the EU FSF XML (1.1)?")
	}
	return res, nil
}

func entities(r *entry) ([]*oversight.Entity, error) {
	var schema string
	switch r.SubjectType.Code {
	case "person":
		schema = "Person"
	case "enterprise":
		schema = "Organization"
	default:
		return nil, fmt.Errorf("sanctionEntity %s: unknown subjectType code %q", r.LogicalID, r.SubjectType.Code)
	}
	if r.LogicalID == "" {
		return nil, fmt.Errorf("sanctionEntity without logicalId")
	}
	id := "eu-fsf-" + lists.Slug(r.LogicalID)
	e := lists.NewEntity(schema, id)
	for i, n := range r.Names {
		prop := "alias"
		if i == 0 {
			prop = "name"
		} else if n.Strong == "false" {
			prop = "weakAlias"
		}
		lists.Add(e, prop, n.Whole)
		if schema == "Person" {
			lists.Add(e, "firstName", n.First)
			lists.Add(e, "middleName", n.Middle)
			lists.Add(e, "lastName", n.Last)
			lists.Add(e, "title", n.Title)
			lists.Add(e, "position", n.Function)
			switch n.Gender {
			case "M":
				lists.Add(e, "gender", "male")
			case "F":
				lists.Add(e, "gender", "female")
			}
		} else if n.Function != "" {
			lists.Add(e, "notes", n.Function)
		}
	}
	if len(e.Get("name")) == 0 {
		return nil, fmt.Errorf("sanctionEntity %s has no name", r.LogicalID)
	}
	lists.Add(e, "notes", r.Remark)
	for _, a := range r.Addresses {
		lists.Add(e, "address", lists.Join(", ", a.Street, a.City, a.Zip, a.Region, a.Country))
		c := lists.Country(a.ISO2)
		if c == "" {
			c = lists.Country(a.Country)
		}
		lists.Add(e, "country", c)
	}
	if schema == "Person" {
		for _, c := range r.Citizenships {
			lists.Add(e, "nationality", lists.Country(c.Country))
		}
		for _, b := range r.Births {
			lists.Add(e, "birthDate", lists.Date(b.Date), lists.Date(b.Year))
			lists.Add(e, "birthPlace", lists.Join(", ", b.City, b.Country))
		}
	}
	for _, d := range r.IDs {
		switch {
		case d.Type == "passport" && schema == "Person":
			lists.Add(e, "passportNumber", d.Number)
		case d.Type == "regnumber" && schema != "Person":
			lists.Add(e, "registrationNumber", d.Number)
		case d.Type == "fiscalcode":
			lists.Add(e, "taxNumber", d.Number)
		case d.Type == "swiftbic" && schema != "Person":
			lists.Add(e, "swiftBic", d.Number)
		case d.Type == "imo" && schema != "Person":
			lists.Add(e, "imoNumber", d.Number)
		default:
			lists.Add(e, "idNumber", d.Number)
		}
	}
	out := []*oversight.Entity{e}
	for i, reg := range r.Regulations {
		sid := id + "-sanction"
		if i > 0 {
			sid += "-" + strconv.Itoa(i+1)
		}
		s := lists.NewEntity("Sanction", sid)
		lists.Add(s, "entity", id)
		lists.Add(s, "authority", "Council of the European Union")
		lists.Add(s, "authorityId", r.EUReference)
		lists.Add(s, "unscId", r.UNID)
		lists.Add(s, "country", "eu")
		lists.Add(s, "program", reg.Programme)
		lists.Add(s, "programId", "EU-FSF-"+strings.ToUpper(lists.Slug(reg.Programme)))
		lists.Add(s, "reason", reg.NumberTitle)
		lists.Add(s, "listingDate", lists.Date(reg.Publication))
		start := lists.Date(r.DesignationDate)
		if f := lists.Date(reg.EntryIntoForce); start == "" || (f != "" && f < start) {
			start = f
		}
		lists.Add(s, "startDate", start)
		lists.Add(s, "sourceUrl", lists.URL(reg.URL))
		if len(s.Get("sourceUrl")) == 0 {
			lists.Add(s, "sourceUrl", Page)
		}
		out = append(out, s)
	}
	return out, nil
}
