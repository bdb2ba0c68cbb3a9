// Package opensanctions reads OpenSanctions' FollowTheMoney exports (entities.ftm.json: one
// entity per line), so that any of their datasets can be loaded as a list. OpenSanctions
// publishes more FtM schemata and properties than Oversight's schema table holds: entities of
// other schemata (Family, Associate, CryptoWallet, …) are skipped, and properties Oversight's
// table does not have are dropped; Result says how many of each.
//
// OpenSanctions data is licensed CC BY-NC 4.0 for non-commercial use; commercial users need
// OpenSanctions' licence. Nothing from OpenSanctions is bundled with Oversight.
package opensanctions

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/ftm"
	"github.com/oversight-project/oversight/lists"
)

var nameRe = regexp.MustCompile(`^[a-z0-9_]{1,64}$`)

// Dataset returns the list for one OpenSanctions dataset, e.g. "us_ofac_sdn" or "default".
// Its store name is "opensanctions_" and the dataset name.
func Dataset(name string) (*lists.List, error) {
	if !nameRe.MatchString(name) {
		return nil, oversight.Errorf(oversight.EINVALID, "opensanctions: %q is not a dataset name (lower-case letters, digits and _)", name)
	}
	return &lists.List{
		Name:      "opensanctions_" + name,
		Title:     "OpenSanctions dataset " + name,
		Publisher: "OpenSanctions (CC BY-NC 4.0)",
		URL:       "https://www.opensanctions.org/datasets/" + name + "/",
		Files: []lists.File{{
			Name: "entities.ftm.json", Aliases: []string{name + ".ftm.json", "entities.ftm.json.gz"},
			URL: "https://data.opensanctions.org/datasets/latest/" + name + "/entities.ftm.json",
		}},
		Read: read,
	}, nil
}

func read(open lists.Opener, emit func(*oversight.Entity) error) (*lists.Result, error) {
	const file = "entities.ftm.json"
	rc, err := open(file)
	if err != nil {
		return nil, lists.Invalid(file, 0, "%v", err)
	}
	defer rc.Close()
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 64<<10), ftm.MaxLineSize)
	res := &lists.Result{}
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if b[len(b)-1] != '}' {
			return nil, lists.Invalid(file, line, "line does not end a JSON object: the file is cut short?")
		}
		var head struct {
			Schema string `json:"schema"`
		}
		if err := json.Unmarshal(b, &head); err != nil {
			return nil, lists.Invalid(file, line, "not a JSON object: %v", err)
		}
		res.Records++
		if s := ftm.Default.Schema(head.Schema); s == nil || s.Abstract {
			res.Skipped++
			continue
		}
		e, err := decode(b)
		if err != nil {
			return nil, lists.Invalid(file, line, "%v", err)
		}
		res.Dropped += ftm.Default.Trim(e)
		if err := emit(e); err != nil {
			return nil, lists.Invalid(file, line, "%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, lists.Invalid(file, line+1, "%v", err)
	}
	return res, nil
}

// decode reads the parts of an exported entity that the store keeps.
func decode(b []byte) (*oversight.Entity, error) {
	var w struct {
		ID         string              `json:"id"`
		Schema     string              `json:"schema"`
		Properties map[string][]string `json:"properties"`
		Referents  []string            `json:"referents"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return nil, fmt.Errorf("entity: %v", err)
	}
	if w.Properties == nil {
		w.Properties = map[string][]string{}
	}
	return &oversight.Entity{ID: w.ID, Schema: w.Schema, Properties: w.Properties, Referents: w.Referents}, nil
}
