package oversight

import (
	"strings"
)

// Transfer kinds.
const (
	KindTechnology    = "technology"
	KindBiometricData = "biometric_data"
)

// Transfer is a proposed transfer of surveillance technology or of biometric data, as a tree
// of values whose keys follow the fields declared by the rule pack (see docs/transfers.md).
// Leaves are string, bool, int64 or []string; objects are map[string]any and lists of objects
// are []map[string]any. A leaf may also be Unknown: the screening step sets it where it could
// not establish a fact, so that no default stands in for it.
type Transfer struct {
	Values map[string]any
}

// Unknown marks a fact that could not be established, with the reason.
type Unknown struct {
	Reason string
}

// Kind returns the transfer's kind.
func (t *Transfer) Kind() string { s, _ := t.Get("kind").(string); return s }

// Get returns the value at a dotted path of plain object keys (no list segments), or nil.
func (t *Transfer) Get(path string) any {
	var cur any = t.Values
	for _, seg := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[seg]
	}
	return cur
}

// Set stores v at a dotted path of plain object keys, creating objects on the way.
func (t *Transfer) Set(path string, v any) {
	if t.Values == nil {
		t.Values = map[string]any{}
	}
	segs := strings.Split(path, ".")
	m := t.Values
	for _, seg := range segs[:len(segs)-1] {
		next, ok := m[seg].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[seg] = next
		}
		m = next
	}
	m[segs[len(segs)-1]] = v
}

// Clone returns a deep copy of the transfer.
func (t *Transfer) Clone() *Transfer {
	return &Transfer{Values: cloneValue(t.Values).(map[string]any)}
}

func cloneValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = cloneValue(x)
		}
		return out
	case []map[string]any:
		if v == nil {
			return v
		}
		out := make([]map[string]any, len(v))
		for i, x := range v {
			out[i] = cloneValue(x).(map[string]any)
		}
		return out
	case []string:
		if v == nil {
			return v
		}
		out := make([]string, len(v))
		copy(out, v)
		return out
	default:
		return v
	}
}
