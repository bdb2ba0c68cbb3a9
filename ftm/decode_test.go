package ftm

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/oversight-project/oversight/bundle"
)

// FuzzDecodeFast: a line decodeFast accepts, decodeSlow accepts too and decodes alike; the
// lines it refuses are left to decodeSlow (DecodeLine).
func FuzzDecodeFast(f *testing.F) {
	for _, line := range bytes.Split(bundle.Seed, []byte("\n"))[:60] {
		f.Add(line)
	}
	for _, s := range []string{
		`{"id":"a","schema":"Person","properties":{"name":["Ä"]},"datasets":["x"],"first_seen":"2020"}`,
		`{"id":"a","schema":"Person","properties":null,"datasets":[],"referents":null}`,
		`{"id":"a","schema":"Person","properties":{"name":[]},"caption":"A","target":true,"origin":{"x":1}}`,
		`{"id":"a","schema":"Person","properties":{"name":["x"],"name":["y"]}}`,     // a name twice
		`{"ID":"a","schema":"Person","properties":{}}`,                              // a key in another case
		`{"id":"a","schema":"Person","properties":{"name":["\ud800"]}}`,             // half a surrogate pair
		"{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"\xff\"]}}", // invalid UTF-8
		`{"id":"a","schema":"Person","properties":{"name":["x",null]}}`,
		`{"id":null,"schema":"Person","properties":{"name":null}}`,
		`{"id":"a"} {"id":"b"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		fast, ok := decodeFast(line)
		if !ok {
			return
		}
		slow, err := decodeSlow(line)
		if err != nil {
			t.Fatalf("decodeFast accepts %q, decodeSlow: %v", line, err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("%q decodes two ways:\nfast %#v\nslow %#v", line, fast, slow)
		}
	})
}

// TestDecodeFast_Refuses: what encoding/json accepts and the format allows, but decodeFast
// leaves to decodeSlow.
func TestDecodeFast_Refuses(t *testing.T) {
	for _, s := range []string{
		`{"id":"a","schema":"Person","properties":{"name":["x"],"name":["y"]}}`,
		`{"ID":"a","schema":"Person","properties":{}}`,
		"{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"\xff\"]}}",
		`{"id":"a","schema":"Person","properties":{},"colour":"red"}`,
	} {
		if _, ok := decodeFast([]byte(s)); ok {
			t.Errorf("decodeFast accepts %s", s)
		}
	}
	e, err := Default.DecodeLine([]byte(`{"id":"a","schema":"Person","properties":{"name":["x"],"name":["y"]}}`))
	if err != nil || !reflect.DeepEqual(e.Properties["name"], []string{"y"}) {
		t.Fatalf("a name twice: %v, %v; want the last", e, err)
	}
}
