package ftm_test

import (
	"bytes"
	"io"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/oversight-project/oversight"
	"github.com/oversight-project/oversight/bundle"
	"github.com/oversight-project/oversight/ftm"
)

func decodeAll(t testing.TB, r io.Reader, name string) ([]*oversight.Entity, error) {
	t.Helper()
	dec := ftm.NewDecoder(r, name)
	var out []*oversight.Entity
	for {
		e, err := dec.Next()
		if err == io.EOF {
			return out, nil
		} else if err != nil {
			return out, err
		}
		out = append(out, e)
	}
}

func TestDecoder_Seed(t *testing.T) {
	ents, err := decodeAll(t, bytes.NewReader(bundle.Seed), "seed.ftm.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 402 {
		t.Fatalf("entities=%d, want 402 (the count the registry README gives)", len(ents))
	}
	counts := map[string]int{}
	for _, e := range ents {
		counts[e.Schema]++
	}
	for schema, want := range map[string]int{"Company": 70, "PublicBody": 40, "Sanction": 130, "Technology": 9} {
		if counts[schema] != want {
			t.Errorf("%s=%d, want %d", schema, counts[schema], want)
		}
	}
}

func TestDecoder_RoundTrip(t *testing.T) {
	ents, err := decodeAll(t, bytes.NewReader(bundle.Seed), "seed")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := ftm.NewEncoder(&buf)
	for _, e := range ents {
		if err := enc.Encode(e); err != nil {
			t.Fatal(err)
		}
	}
	enc.Flush()
	again, err := decodeAll(t, &buf, "again")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ents, again) {
		t.Fatal("decode → encode → decode changed the entities")
	}
}

func TestDecoder_Errors(t *testing.T) {
	for _, tt := range []struct {
		name, input, want string
	}{
		{"ErrSchema", `{"id": "x", "schema": "Spaceship", "properties": {}}`, `in:1: schema: unknown schema "Spaceship"`},
		{"ErrProperty", "\n" + `{"id": "x", "schema": "Company", "properties": {"wingspan": ["3"]}}`, `in:2: properties.wingspan: unknown property of Company`},
		{"ErrNotList", `{"id": "x", "schema": "Company", "properties": {"name": "Acme"}}`, `in:1: properties: name: want a list of strings`},
		{"ErrDate", `{"id": "x", "schema": "Sanction", "properties": {"listingDate": ["9 Oct 2019"]}}`, `in:1: properties.listingDate[0]: "9 Oct 2019" is not an ISO 8601 date`},
		{"ErrJSON", `{"id": "x",`, `in:1: not a JSON object`},
		{"ErrKey", `{"id": "x", "schema": "Company", "properties": {}, "colour": "red"}`, `in:1: colour: unknown key`},
		{"ErrAbstract", `{"id": "x", "schema": "Thing", "properties": {}}`, `in:1: schema: "Thing" is abstract`},
		{"ErrClosed", `{"id": "x", "schema": "Technology", "properties": {"topics": ["sanction"]}}`, `in:1: properties.topics: unknown property of Technology`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeAll(t, strings.NewReader(tt.input), "in")
			if got := oversight.ErrorMessage(err); !strings.Contains(got, tt.want) {
				t.Fatalf("error=%q, want it to contain %q", got, tt.want)
			}
			if oversight.ErrorCode(err) != oversight.EINVALID {
				t.Fatalf("code=%q, want invalid", oversight.ErrorCode(err))
			}
		})
	}
}

// TestDecoder_DecodeBatch: decoding on all cores gives Next's entities in order, and Next's
// error for the first bad line.
func TestDecoder_DecodeBatch(t *testing.T) {
	want, err := decodeAll(t, bytes.NewReader(bundle.Seed), "seed")
	if err != nil {
		t.Fatal(err)
	}
	dec := ftm.NewDecoder(bytes.NewReader(bundle.Seed), "seed")
	var got []*oversight.Entity
	for {
		es, err := dec.DecodeBatch(100)
		got = append(got, es...)
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("DecodeBatch and Next disagree")
	}
	lines := bytes.Split(bytes.TrimSpace(bundle.Seed), []byte("\n"))
	bad := slices.Concat(lines[:300], [][]byte{nil, []byte(`{"id": "x",`)}, lines[300:], [][]byte{[]byte(`{"id": "y",`)})
	_, err = ftm.NewDecoder(bytes.NewReader(bytes.Join(bad, []byte("\n"))), "in").DecodeBatch(0)
	if got, want := oversight.ErrorMessage(err), "in:302: not a JSON object"; !strings.Contains(got, want) {
		t.Fatalf("error=%q, want it to contain %q", got, want)
	}
}

func FuzzDecodeLine(f *testing.F) {
	for _, line := range bytes.Split(bundle.Seed, []byte("\n"))[:40] {
		f.Add(line)
	}
	f.Add([]byte(`{"id":"a","schema":"Person","properties":{"name":["Ä"]},"datasets":["x"],"first_seen":"2020"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		e, err := ftm.Default.DecodeLine(line)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		enc := ftm.NewEncoder(&buf)
		if err := enc.Encode(e); err != nil {
			t.Fatalf("encode: %v", err)
		}
		enc.Flush()
		again, err := ftm.Default.DecodeLine(bytes.TrimSpace(buf.Bytes()))
		if err != nil {
			t.Fatalf("re-decode of %s: %v", buf.Bytes(), err)
		}
		if !reflect.DeepEqual(e, again) {
			t.Fatalf("round trip changed the entity:\n%#v\n%#v", e, again)
		}
	})
}

var _ = os.Getenv
