// Package uk reads the UK Sanctions List that the Foreign, Commonwealth & Development Office
// publishes (since 28 January 2026 the only official UK list: OFSI's Consolidated List closed
// then), in its XML form: one Designation element per designated person, entity or ship, with
// its UniqueID, names (Name1 … Name6 with a NameType), non-Latin-script names, regime,
// sanctions imposed, dates (dd/mm/yyyy), addresses and individual details.
package uk

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/lists"
)

// Page is the FCDO's page about the list.
const Page = "https://www.gov.uk/government/publications/the-uk-sanctions-list"

// List is the UK Sanctions List.
var List = &lists.List{
	Name:      "gb_fcdo_sanctions",
	Title:     "UK Sanctions List",
	Publisher: "Foreign, Commonwealth & Development Office (FCDO)",
	URL:       Page,
	Files: []lists.File{{
		Name: "UK_Sanctions_List.xml", Aliases: []string{"UK-Sanctions-List.xml", "UK_Sanctions_List.xml.gz"},
		URL: "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml",
	}},
	Read: read,
}

type name struct {
	Name, Name1, Name2, Name3, Name4, Name5, Name6, NameType string
}

type designation struct {
	UniqueID    string
	OFSIGroupID string
	UNReference string `xml:"UNReferenceNumber"`
	Type        string `xml:"IndividualEntityShip"`
	Names       []name `xml:"Names>Name"`
	NonLatin    []struct {
		Name     string `xml:"NameNonLatinScript"`
		Language string `xml:"NonLatinScriptLanguage"`
	} `xml:"NonLatinNames"`
	Regime          string `xml:"RegimeName"`
	Source          string `xml:"DesignationSource"`
	SanctionsImpose string `xml:"SanctionsImposed"`
	DateDesignated  string
	LastUpdated     string
	Reasons         string `xml:"UKStatementofReasons"`
	OtherInfo       string `xml:"OtherInformation"`
	Addresses       []struct {
		Line1   string `xml:"AddressLine1"`
		Line2   string `xml:"AddressLine2"`
		Line3   string `xml:"AddressLine3"`
		Line4   string `xml:"AddressLine4"`
		Line5   string `xml:"AddressLine5"`
		Line6   string `xml:"AddressLine6"`
		Postal  string `xml:"AddressPostalCode"`
		Country string `xml:"AddressCountry"`
	} `xml:"Addresses>Address"`
	Emails     []string `xml:"EmailAddresses>EmailAddress"`
	Phones     []string `xml:"PhoneNumbers>PhoneNumber"`
	Websites   []string `xml:"Websites>Website"`
	Individual []struct {
		DOBs          []string `xml:"DOBs>DOB"`
		Nationalities []string `xml:"Nationalities>Nationality"`
		Positions     []string `xml:"Positions>Position"`
		Title         string   `xml:"Title"`
		Gender        string   `xml:"Genders>Gender"`
		Births        []struct {
			Town    string `xml:"TownOfBirth"`
			Country string `xml:"CountryOfBirth"`
		} `xml:"BirthDetails>Location"`
		Passports []string `xml:"PassportDetails>Passport>PassportNumber"`
		IDs       []string `xml:"NationalIdentifierDetails>NationalIdentifier>NationalIdentifierNumber"`
	} `xml:"IndividualDetails>Individual"`
	Ships []struct {
		IMO   []string `xml:"IMONumbers>IMONumber"`
		Types []string `xml:"TypeOfShipDetails>TypeOfShip"`
		Flags []string `xml:"CurrentBelievedFlagOfShips>CurrentBelievedFlagOfShip"`
	} `xml:"ShipDetails>Ship"`
	Entity []struct {
		Types        []string `xml:"TypeOfEntities>TypeOfEntity"`
		Registration []string `xml:"BusinessRegistrationNumbers>BusinessRegistrationNumber"`
		Parents      []string `xml:"ParentCompanies>ParentCompany"`
	} `xml:"EntityDetails"`
}

func read(open lists.Opener, emit func(*oversight.Entity) error) (*lists.Result, error) {
	const file = "UK_Sanctions_List.xml"
	res := &lists.Result{}
	err := lists.EachXML(open, file, func(dec *xml.Decoder, se xml.StartElement, line int) error {
		switch se.Name.Local {
		case "DateGenerated":
			var s string
			if err := dec.DecodeElement(&s, &se); err != nil {
				return err
			}
			if res.PublishedAt = lists.Date(s); res.PublishedAt == "" {
				res.PublishedAt = strings.TrimSpace(s)
			}
		case "Designation":
			var d designation
			if err := dec.DecodeElement(&d, &se); err != nil {
				return err
			}
			e, s, err := entity(&d)
			if err != nil {
				return err
			}
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
	if res.Records == 0 {
		return nil, lists.Invalid(file, 0, "no Designation elements: is this the UK Sanctions List XML?")
	}
	return res, nil
}

func entity(d *designation) (*oversight.Entity, *oversight.Entity, error) {
	var schema string
	switch strings.ToLower(strings.TrimSpace(d.Type)) {
	case "individual":
		schema = "Person"
	case "entity":
		schema = "Organization"
	case "ship":
		schema = "Vessel"
	default:
		return nil, nil, fmt.Errorf("Designation %s: unknown IndividualEntityShip %q", d.UniqueID, d.Type)
	}
	if d.UniqueID == "" {
		return nil, nil, fmt.Errorf("Designation without UniqueID")
	}
	id := "gb-fcdo-" + lists.Slug(d.UniqueID)
	e := lists.NewEntity(schema, id)
	for _, n := range d.Names {
		full := n.Name
		if full == "" {
			full = lists.Join(" ", n.Name1, n.Name2, n.Name3, n.Name4, n.Name5, n.Name6)
		}
		prop := "alias"
		if t := strings.ToLower(n.NameType); strings.HasPrefix(t, "primary name") && len(e.Get("name")) == 0 {
			prop = "name"
		}
		lists.Add(e, prop, full)
		if schema == "Person" && strings.HasPrefix(strings.ToLower(n.NameType), "primary name") {
			lists.Add(e, "firstName", n.Name1)
			lists.Add(e, "lastName", n.Name6)
		}
	}
	if len(e.Get("name")) == 0 {
		if a := e.Get("alias"); len(a) > 0 {
			lists.Add(e, "name", a[0])
		} else {
			return nil, nil, fmt.Errorf("Designation %s has no name", d.UniqueID)
		}
	}
	for _, n := range d.NonLatin {
		lists.Add(e, "alias", n.Name)
	}
	lists.Add(e, "notes", d.OtherInfo)
	for _, a := range d.Addresses {
		lists.Add(e, "address", lists.Join(", ", a.Line1, a.Line2, a.Line3, a.Line4, a.Line5, a.Line6, a.Postal, a.Country))
		lists.Add(e, "country", lists.Country(a.Country))
	}
	if schema != "Vessel" {
		lists.Add(e, "email", d.Emails...)
		lists.Add(e, "phone", d.Phones...)
		for _, w := range d.Websites {
			lists.Add(e, "website", lists.URL(w))
		}
	}
	for _, in := range d.Individual {
		if schema != "Person" {
			break
		}
		for _, dob := range in.DOBs {
			lists.Add(e, "birthDate", lists.Date(strings.ReplaceAll(strings.ReplaceAll(dob, "dd/", ""), "mm/", "")))
		}
		for _, n := range in.Nationalities {
			lists.Add(e, "nationality", lists.Country(n))
		}
		lists.Add(e, "position", in.Positions...)
		lists.Add(e, "title", in.Title)
		lists.Add(e, "gender", strings.ToLower(in.Gender))
		for _, b := range in.Births {
			lists.Add(e, "birthPlace", lists.Join(", ", b.Town, b.Country))
		}
		lists.Add(e, "passportNumber", in.Passports...)
		lists.Add(e, "idNumber", in.IDs...)
	}
	for _, sh := range d.Ships {
		if schema != "Vessel" {
			break
		}
		lists.Add(e, "imoNumber", sh.IMO...)
		lists.Add(e, "type", sh.Types...)
		for _, f := range sh.Flags {
			lists.Add(e, "flag", lists.Country(f))
		}
	}
	for _, en := range d.Entity {
		if schema != "Organization" {
			break
		}
		lists.Add(e, "registrationNumber", en.Registration...)
		for _, p := range en.Parents {
			lists.Add(e, "notes", "Parent company: "+p)
		}
	}

	s := lists.NewEntity("Sanction", id+"-sanction")
	lists.Add(s, "entity", id)
	lists.Add(s, "authority", lists.Join(" ", "UK", d.Source))
	lists.Add(s, "authorityId", d.UniqueID)
	lists.Add(s, "unscId", d.UNReference)
	lists.Add(s, "country", "gb")
	lists.Add(s, "program", d.Regime)
	// Not every UK designation freezes assets (some are travel bans or ship specifications
	// only): the programId says which.
	if strings.Contains(strings.ToLower(d.SanctionsImpose), "asset freeze") {
		lists.Add(s, "programId", "GB-FCDO-ASSET-FREEZE")
	} else {
		lists.Add(s, "programId", "GB-FCDO")
	}
	for p := range strings.SplitSeq(d.SanctionsImpose, "|") {
		lists.Add(s, "provisions", p)
	}
	lists.Add(s, "startDate", lists.Date(d.DateDesignated))
	lists.Add(s, "listingDate", lists.Date(d.DateDesignated))
	lists.Add(s, "modifiedAt", lists.Date(d.LastUpdated))
	lists.Add(s, "reason", d.Reasons)
	lists.Add(s, "sourceUrl", Page)
	return e, s, nil
}
