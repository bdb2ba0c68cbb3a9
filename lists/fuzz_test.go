package lists_test

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/ftm"
	"github.com/oversight-project/oversight/lists"
	"github.com/oversight-project/oversight/lists/csl"
	"github.com/oversight-project/oversight/lists/eu"
	"github.com/oversight-project/oversight/lists/ofac"
	"github.com/oversight-project/oversight/lists/opensanctions"
	"github.com/oversight-project/oversight/lists/uk"
	"github.com/oversight-project/oversight/lists/un"
)

// memOpener opens files from memory.
func memOpener(files map[string][]byte) lists.Opener {
	return func(name string) (io.ReadCloser, error) {
		b, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
		}
		return lists.MaybeGunzip(io.NopCloser(bytes.NewReader(b)))
	}
}

// check is the property every reader must have on any input: it fails with EINVALID or
// returns entities that all validate against the schema table, and writing them as FtM JSON
// lines and reading them back gives the same entities.
func check(t *testing.T, l *lists.List, files map[string][]byte) {
	ents, res, err := lists.Read(l, memOpener(files))
	if err != nil {
		if oversight.ErrorCode(err) != oversight.EINVALID {
			t.Fatalf("error not coded invalid: %v", err)
		}
		return
	}
	if res.Records == 0 {
		t.Fatal("no error, yet no records")
	}
	var buf bytes.Buffer
	enc := ftm.NewEncoder(&buf)
	for _, e := range ents {
		if err := ftm.Default.Validate(e); err != nil {
			t.Fatalf("entity %s does not validate: %v", e.ID, err)
		}
		if err := enc.Encode(e); err != nil {
			t.Fatal(err)
		}
	}
	enc.Flush()
	dec := ftm.NewDecoder(&buf, "roundtrip")
	for i := 0; ; i++ {
		e, err := dec.Next()
		if err == io.EOF {
			if i != len(ents) {
				t.Fatalf("read back %d entities of %d", i, len(ents))
			}
			break
		} else if err != nil {
			t.Fatalf("re-read: %v", err)
		}
		want := ents[i]
		if e.ID != want.ID || e.Schema != want.Schema || !reflect.DeepEqual(e.Properties, want.Properties) {
			t.Fatalf("entity %d changed on re-read:\n%+v\n%+v", i, e, want)
		}
	}
}

// head returns the first n lines of a shared sample file, or fallback if it is not there.
func head(path string, n int, fallback string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		return []byte(fallback)
	}
	for i, c := range b {
		if c == '\n' {
			if n--; n == 0 {
				return b[:i+1]
			}
		}
	}
	return b
}

const shared = "../../shared/data/watchlists/"

func FuzzOFAC(f *testing.F) {
	f.Add(head(shared+"sdn.csv", 20, `36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `+"\r\n"))
	f.Add([]byte("9639,\"HANIYA, Ismail\",\"individual\",\"NS-PLC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1962; POB Shati; nationality Iran; Passport A1 (Iran); Website www.x.com; a.k.a. 'H'.\"\r\n"))
	f.Add([]byte("1,\"V\",\"vessel\",\"CUBA\",-0- ,\"CALL\",\"Tanker\",\"1,000\",\"2,000\",\"Panama\",\"Owner\",\"Vessel Registration Identification IMO 1234567; MMSI 1.\"\r\n"))
	add := []byte("\x1a")
	f.Fuzz(func(t *testing.T, prim []byte) {
		check(t, ofac.SDN, map[string][]byte{
			"sdn.csv": append(append([]byte{}, prim...), 0x1a), "add.csv": add, "alt.csv": add,
		})
	})
}

func FuzzCSL(f *testing.F) {
	f.Add(head("csl/testdata/consolidated.json", 100, "{}"))
	f.Add([]byte("_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n" +
		"a1,Entity List (EL) - Bureau of Industry and Security,,,,X Co.,,\"1 Road, Hangzhou, CN\",84 FR 1,2019-10-09,,,,,,,,,,,,http://bit.ly/x,X; Y,,1970-01-01,CN,,,\"CN, 1, Passport\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		name := "consolidated.csv"
		if bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) || bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) {
			name = "consolidated.json"
		}
		check(t, csl.List, map[string][]byte{name: data})
	})
}

func FuzzUN(f *testing.F) {
	f.Add([]byte(`<CONSOLIDATED_LIST dateGenerated="2026-01-01"><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME><SECOND_NAME>B</SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><LISTED_ON>2016-03-02</LISTED_ON><NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY><INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Jin Tiesan (金铁三)</ALIAS_NAME></INDIVIDUAL_ALIAS><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-01-01</DATE></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL></INDIVIDUALS><ENTITIES><ENTITY><DATAID>2</DATAID><FIRST_NAME>E</FIRST_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><ENTITY_ADDRESS><COUNTRY>Syria</COUNTRY></ENTITY_ADDRESS></ENTITY></ENTITIES></CONSOLIDATED_LIST>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, un.List, map[string][]byte{"consolidated.xml": data})
	})
}

func FuzzEU(f *testing.F) {
	f.Add([]byte(`<export generationDate="2026-01-01"><sanctionEntity logicalId="1" designationDate="2021-03-22"><regulation programme="CHN" entryIntoForceDate="2021-03-22"><publicationUrl>https://eur-lex.europa.eu/x</publicationUrl></regulation><subjectType code="person"/><nameAlias wholeName="A B" firstName="A" lastName="B" gender="M" strong="true"/><nameAlias wholeName="Ä Б" strong="false"/><citizenship countryIso2Code="CN"/><birthdate birthdate="1970-01-01" year="1970"/><identification identificationTypeCode="passport" number="P1"/><address city="Urumqi" countryIso2Code="CN" countryDescription="CHINA"/></sanctionEntity></export>`))
	b, _ := os.ReadFile("eu/testdata/eu_fsf.xml")
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, eu.List, map[string][]byte{"eu_fsf.xml": data})
	})
}

func FuzzUK(f *testing.F) {
	b, _ := os.ReadFile("uk/testdata/UK_Sanctions_List.xml")
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, uk.List, map[string][]byte{"UK_Sanctions_List.xml": data})
	})
}

func FuzzOpenSanctions(f *testing.F) {
	b, _ := os.ReadFile("opensanctions/testdata/entities.ftm.json")
	f.Add(b)
	l, err := opensanctions.Dataset("fuzz")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, l, map[string][]byte{"entities.ftm.json": data})
	})
}
