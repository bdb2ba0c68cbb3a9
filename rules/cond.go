package rules

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/oversight-project/oversight"
)

// tri is a three-valued truth value.
type tri int8

const (
	tFalse tri = iota
	tUnknown
	tTrue
)

func (t tri) String() string { return [...]string{"false", "unknown", "true"}[t] }

// result is the outcome of evaluating a condition: the truth value, the paths whose absence
// made (part of) it unknown, and, when true, the facts that made it true.
type result struct {
	v       tri
	missing []string
	because []string
}

// cond is a compiled condition.
type cond interface {
	eval(s *state) result
	String() string
}

type allCond []cond
type anyCond []cond
type notCond struct{ c cond }
type derivedRef struct {
	name string
	c    *cond
}

func (a allCond) eval(s *state) result {
	out := result{v: tTrue}
	var because []string
	for _, c := range a {
		r := c.eval(s)
		out.missing = union(out.missing, r.missing)
		switch r.v {
		case tFalse:
			return result{v: tFalse}
		case tUnknown:
			out.v = tUnknown
		default:
			because = append(because, r.because...)
		}
	}
	if out.v == tTrue {
		out.because = because
	}
	return out
}

func (a anyCond) eval(s *state) result {
	out := result{v: tFalse}
	for _, c := range a {
		r := c.eval(s)
		switch r.v {
		case tTrue:
			out.v = tTrue
			out.because = append(out.because, r.because...)
		case tUnknown:
			if out.v == tFalse {
				out.v = tUnknown
			}
			out.missing = union(out.missing, r.missing)
		}
	}
	return out
}

func (n notCond) eval(s *state) result {
	r := n.c.eval(s)
	switch r.v {
	case tTrue:
		return result{v: tFalse}
	case tFalse:
		return result{v: tTrue, because: []string{"not (" + n.c.String() + ")"}}
	}
	return r
}

func (d derivedRef) eval(s *state) result {
	if r, ok := s.derived[d.name]; ok {
		return r
	}
	r := (*d.c).eval(s)
	s.derived[d.name] = r
	return r
}

func (a allCond) String() string    { return "all(" + joinConds(a) + ")" }
func (a anyCond) String() string    { return "any(" + joinConds(a) + ")" }
func (n notCond) String() string    { return "not " + n.c.String() }
func (d derivedRef) String() string { return d.name }

func joinConds(cs []cond) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, c.String())
	}
	return strings.Join(parts, ", ")
}

// Operators.
const (
	opEq, opNe, opIn, opNotIn                = "eq", "ne", "in", "not_in"
	opIntersects, opDisjoint, opContains     = "intersects", "disjoint", "contains"
	opContainsAll                            = "contains_all"
	opGte, opGt, opLte, opLt                 = "gte", "gt", "lte", "lt"
	opIsTrue, opIsFalse, opExists, opMissing = "is_true", "is_false", "exists", "missing"
	opNonempty, opEmpty                      = "nonempty", "empty"
	opEqField, opNeField                     = "eq_field", "ne_field"
)

var (
	scalarOps  = []string{opEq, opNe, opIn, opNotIn}
	listOps    = []string{opIntersects, opDisjoint, opContains, opContainsAll, opNonempty, opEmpty}
	numericOps = []string{opGte, opGt, opLte, opLt}
	boolOps    = []string{opIsTrue, opIsFalse}
	fieldOps   = []string{opEqField, opNeField}
	noValueOps = []string{opIsTrue, opIsFalse, opExists, opMissing, opNonempty, opEmpty}
	memberOps  = []string{opIn, opNotIn, opIntersects, opDisjoint, opContainsAll}
	allOps     = slices.Concat(scalarOps, listOps, numericOps, boolOps, fieldOps, []string{opExists, opMissing})
)

// pred is a predicate on one field.
type pred struct {
	f       *Field
	op      string
	scalar  any      // eq, ne, contains, numeric ops
	members []string // in, not_in, intersects, disjoint, contains_all
	setName string   // for display: the set name, or the literal list
	other   *Field   // eq_field, ne_field
}

func (p *pred) String() string {
	switch {
	case p.other != nil:
		return fmt.Sprintf("%s %s %s", p.f.Path, p.op, p.other.Path)
	case p.members != nil:
		return fmt.Sprintf("%s %s %s", p.f.Path, p.op, p.setName)
	case slices.Contains(noValueOps, p.op):
		return fmt.Sprintf("%s %s", p.f.Path, p.op)
	}
	return fmt.Sprintf("%s %s %v", p.f.Path, p.op, p.scalar)
}

func (p *pred) eval(s *state) result {
	lv := s.lookup(p.f)
	switch p.op {
	case opExists, opMissing:
		if lv.unknown {
			return result{v: tUnknown, missing: []string{p.f.Path}}
		}
		if lv.present == (p.op == opExists) {
			if p.op == opExists {
				return truth(fmt.Sprintf("%s = %s", p.f.Path, show(lv.value())))
			}
			return truth(p.f.Path + " is not given")
		}
		return result{v: tFalse}
	}
	if lv.unknown || !lv.present {
		return result{v: tUnknown, missing: []string{p.f.Path}}
	}
	if p.f.IsList() {
		return p.evalList(lv.list)
	}
	if p.other != nil {
		ov := s.lookup(p.other)
		if ov.unknown || !ov.present {
			return result{v: tUnknown, missing: []string{p.other.Path}}
		}
		a, b := lv.scalars[0], ov.scalars[0]
		if (a == b) == (p.op == opEqField) {
			if p.op == opEqField {
				return truth(fmt.Sprintf("%s = %s = %v", p.f.Path, p.other.Path, a))
			}
			return truth(fmt.Sprintf("%s (%v) differs from %s (%v)", p.f.Path, a, p.other.Path, b))
		}
		return result{v: tFalse}
	}
	// A scalar operator over several values (a flattened path) is true if any value satisfies it.
	for _, x := range lv.scalars {
		if ok, why := p.testScalar(x); ok {
			return truth(why)
		}
	}
	return result{v: tFalse}
}

func truth(why string) result { return result{v: tTrue, because: []string{why}} }

func (p *pred) testScalar(x any) (bool, string) {
	path := p.f.Path
	switch p.op {
	case opEq:
		return x == p.scalar, fmt.Sprintf("%s = %v", path, x)
	case opNe:
		return x != p.scalar, fmt.Sprintf("%s = %v (not %v)", path, x, p.scalar)
	case opIn:
		s, _ := x.(string)
		return slices.Contains(p.members, s), fmt.Sprintf("%s = %v (in %s)", path, x, p.setName)
	case opNotIn:
		s, _ := x.(string)
		return !slices.Contains(p.members, s), fmt.Sprintf("%s = %v (not in %s)", path, x, p.setName)
	case opIsTrue:
		return x == true, path + " is true"
	case opIsFalse:
		return x == false, path + " is false"
	case opGte, opGt, opLte, opLt:
		a, _ := x.(int64)
		b, _ := p.scalar.(int64)
		ok := map[string]bool{opGte: a >= b, opGt: a > b, opLte: a <= b, opLt: a < b}[p.op]
		sym := map[string]string{opGte: "≥", opGt: ">", opLte: "≤", opLt: "<"}[p.op]
		return ok, fmt.Sprintf("%s = %d (%s %d)", path, a, sym, b)
	}
	return false, ""
}

func (p *pred) evalList(list []string) result {
	path := p.f.Path
	switch p.op {
	case opIntersects, opDisjoint:
		var common []string
		for _, x := range list {
			if slices.Contains(p.members, x) && !slices.Contains(common, x) {
				common = append(common, x)
			}
		}
		if p.op == opIntersects && len(common) > 0 {
			return truth(fmt.Sprintf("%s includes %s (%s)", path, strings.Join(common, ", "), p.setName))
		}
		if p.op == opDisjoint && len(common) == 0 {
			return truth(fmt.Sprintf("%s has none of %s", path, p.setName))
		}
	case opContains:
		if s, _ := p.scalar.(string); slices.Contains(list, s) {
			return truth(fmt.Sprintf("%s includes %s", path, s))
		}
	case opContainsAll:
		for _, m := range p.members {
			if !slices.Contains(list, m) {
				return result{v: tFalse}
			}
		}
		return truth(fmt.Sprintf("%s includes all of %s", path, p.setName))
	case opNonempty:
		if len(list) > 0 {
			return truth(fmt.Sprintf("%s = [%s]", path, strings.Join(list, ", ")))
		}
	case opEmpty:
		if len(list) == 0 {
			return truth(path + " is empty")
		}
	}
	return result{v: tFalse}
}

func union(a, b []string) []string {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

// compiler turns condition YAML into conds, reporting every problem with its line, the rule
// and the path inside the condition.
type compiler struct {
	p          *Program
	el         *errList
	rawDerived map[string]*yaml.Node
	state      map[string]int // derived: 0 not seen, 1 compiling, 2 done
	slots      map[string]*cond
}

func (c *compiler) derivedCond(name string, line int) cond {
	if c.slots == nil {
		c.slots = map[string]*cond{}
	}
	switch c.state[name] {
	case 1:
		c.el.add(line, "derived %s: refers to itself (cycle)", name)
		return nil
	case 2:
		return derivedRef{name: name, c: c.slots[name]}
	}
	n, ok := c.rawDerived[name]
	if !ok {
		c.el.add(line, "unknown derived condition %q", name)
		return nil
	}
	c.state[name] = 1
	slot := new(cond)
	c.slots[name] = slot
	*slot = c.compile(n, "derived "+name, 0)
	c.p.derived[name] = *slot
	c.state[name] = 2
	return derivedRef{name: name, c: slot}
}

// compile compiles one condition node. where names it for errors, e.g.
// "rule X: when.all[2].any[0]"; stage 1 conditions may not read engine-computed fields.
func (c *compiler) compile(n *yaml.Node, where string, stage int) cond {
	if n.Kind != yaml.MappingNode {
		c.el.add(n.Line, "%s: a condition must be a mapping", where)
		return nil
	}
	keys := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		keys[n.Content[i].Value] = n.Content[i+1]
	}
	for _, k := range []string{"all", "any"} {
		if v, ok := keys[k]; ok {
			if len(keys) != 1 {
				c.el.add(n.Line, "%s: %q must stand alone", where, k)
				return nil
			}
			if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
				c.el.add(v.Line, "%s.%s: want a non-empty list of conditions", where, k)
				return nil
			}
			var cs []cond
			for i, x := range v.Content {
				cs = append(cs, c.compile(x, fmt.Sprintf("%s.%s[%d]", where, k, i), stage))
			}
			if k == "all" {
				return allCond(cs)
			}
			return anyCond(cs)
		}
	}
	if v, ok := keys["not"]; ok {
		if len(keys) != 1 {
			c.el.add(n.Line, "%s: \"not\" must stand alone", where)
			return nil
		}
		return notCond{c.compile(v, where+".not", stage)}
	}
	if v, ok := keys["derived"]; ok {
		if len(keys) != 1 {
			c.el.add(n.Line, "%s: \"derived\" must stand alone", where)
			return nil
		}
		return c.derivedCond(v.Value, v.Line)
	}
	return c.predicate(n, keys, where, stage)
}

func (c *compiler) predicate(n *yaml.Node, keys map[string]*yaml.Node, where string, stage int) cond {
	for k := range keys {
		if !slices.Contains([]string{"field", "op", "value", "set"}, k) {
			c.el.add(n.Line, "%s: unknown key %q; a condition is all, any, not, derived or field/op/value/set", where, k)
			return nil
		}
	}
	fn, opn := keys["field"], keys["op"]
	if fn == nil || opn == nil {
		c.el.add(n.Line, "%s: a predicate needs field and op", where)
		return nil
	}
	f, ok := c.p.Fields[fn.Value]
	if !ok {
		c.el.add(fn.Line, "%s: unknown field %q", where, fn.Value)
		return nil
	}
	if f.Computed && stage == 1 {
		c.el.add(fn.Line, "%s: %s is computed after stage 1 and cannot be read by a stage-1 rule", where, f.Path)
	}
	p := &pred{f: f, op: opn.Value}
	if !slices.Contains(allOps, p.op) {
		c.el.add(opn.Line, "%s: unknown op %q", where, p.op)
		return nil
	}
	fits := (slices.Contains(scalarOps, p.op) && !f.IsList() && f.Type != TypeBool) ||
		(slices.Contains(listOps, p.op) && f.IsList()) ||
		(slices.Contains(numericOps, p.op) && f.Type == TypeInt) ||
		(slices.Contains(boolOps, p.op) && f.Type == TypeBool) ||
		(slices.Contains(fieldOps, p.op) && !f.IsList() && !f.Flattened()) ||
		p.op == opExists || p.op == opMissing
	if !fits {
		c.el.add(opn.Line, "%s: op %s does not apply to %s (type %s)", where, p.op, f.Path, f.Type)
		return nil
	}
	vn, sn := keys["value"], keys["set"]
	switch {
	case slices.Contains(noValueOps, p.op):
		if vn != nil || sn != nil {
			c.el.add(opn.Line, "%s: op %s takes no value or set", where, p.op)
		}
	case slices.Contains(memberOps, p.op):
		if (vn == nil) == (sn == nil) {
			c.el.add(opn.Line, "%s: op %s needs exactly one of value (a list) or set", where, p.op)
			return nil
		}
		elem := elemField(f)
		if sn != nil {
			members, ok := c.p.Sets[sn.Value]
			if !ok {
				c.el.add(sn.Line, "%s: unknown set %q", where, sn.Value)
				return nil
			}
			p.members, p.setName = members, sn.Value
			for _, m := range members {
				mn := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: m, Line: sn.Line}
				if _, msg := c.p.stringValue(elem, mn); msg != "" {
					c.el.add(sn.Line, "%s: set %s: %s", where, sn.Value, msg)
				}
			}
		} else {
			if vn.Kind != yaml.SequenceNode {
				c.el.add(vn.Line, "%s: op %s wants a list value", where, p.op)
				return nil
			}
			p.members = []string{}
			for _, x := range vn.Content {
				s, msg := c.p.stringValue(elem, x)
				if msg != "" {
					c.el.add(x.Line, "%s: value: %s", where, msg)
				}
				p.members = append(p.members, s)
			}
			p.setName = "[" + strings.Join(p.members, ", ") + "]"
		}
	case slices.Contains(fieldOps, p.op):
		if vn == nil || vn.Kind != yaml.ScalarNode {
			c.el.add(opn.Line, "%s: op %s needs value: a field path", where, p.op)
			return nil
		}
		o, ok := c.p.Fields[vn.Value]
		if !ok {
			c.el.add(vn.Line, "%s: unknown field %q", where, vn.Value)
			return nil
		}
		if o.Type != f.Type || o.IsList() || o.Flattened() {
			c.el.add(vn.Line, "%s: %s and %s cannot be compared", where, f.Path, o.Path)
			return nil
		}
		p.other = o
	default: // eq, ne, contains, numeric
		if vn == nil || sn != nil {
			c.el.add(opn.Line, "%s: op %s needs a single value", where, p.op)
			return nil
		}
		v, msg := c.p.scalarValue(elemField(f), vn)
		if msg != "" {
			c.el.add(vn.Line, "%s: value: %s", where, msg)
		}
		p.scalar = v
	}
	return p
}

// elemField returns a field describing one element of f (f itself for scalar fields).
func elemField(f *Field) *Field {
	switch f.Type {
	case TypeList:
		return &Field{Path: f.Path, Type: TypeString, Values: f.Values}
	case TypeCountries:
		return &Field{Path: f.Path, Type: TypeCountry, Values: f.Values}
	}
	return f
}

// lval is the value of a field in one evaluation.
type lval struct {
	present bool     // given or defaulted
	unknown bool     // marked Unknown by the screening step
	scalars []any    // scalar fields: one value, or one per list element
	list    []string // list fields: the values (union over list elements)
}

func (l lval) value() any {
	if l.list != nil {
		return l.list
	}
	if len(l.scalars) == 1 {
		return l.scalars[0]
	}
	return l.scalars
}

func show(v any) string {
	switch v := v.(type) {
	case []string:
		return "[" + strings.Join(v, ", ") + "]"
	case []any:
		var parts []string
		for _, x := range v {
			parts = append(parts, fmt.Sprint(x))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}

// state is the per-evaluation state; the Program itself is never written to.
type state struct {
	p        *Program
	values   map[string]any
	computed map[string]any
	cache    map[string]lval
	derived  map[string]result
}

func (s *state) lookup(f *Field) lval {
	if lv, ok := s.cache[f.Path]; ok {
		return lv
	}
	lv := s.resolve(f)
	s.cache[f.Path] = lv
	return lv
}

func (s *state) resolve(f *Field) lval {
	if f.Computed {
		v, ok := s.computed[f.Path]
		if !ok {
			return lval{}
		}
		return makeLval(f, []any{v})
	}
	i := slices.IndexFunc(f.segs, func(seg string) bool { return strings.HasSuffix(seg, "[]") })
	if i < 0 {
		v, state := walk(s.values, f.segs)
		switch state {
		case walkUnknown:
			return lval{unknown: true}
		case walkAbsent:
			if f.Default != nil {
				return makeLval(f, []any{f.Default})
			}
			if f.DefaultFrom != "" {
				return s.lookup(s.p.Fields[f.DefaultFrom])
			}
			return lval{}
		}
		return makeLval(f, []any{v})
	}
	// Flattened: collect the rest of the path over every element of the list.
	listV, state := walk(s.values, append(f.segs[:i:i], strings.TrimSuffix(f.segs[i], "[]")))
	if state == walkUnknown {
		return lval{unknown: true}
	}
	elems, _ := listV.([]map[string]any)
	var vals []any
	for _, el := range elems {
		v, st := walk(el, f.segs[i+1:])
		switch st {
		case walkUnknown:
			return lval{unknown: true}
		case walkAbsent:
			if f.Default == nil {
				return lval{}
			}
			v = f.Default
		}
		vals = append(vals, v)
	}
	return makeLval(f, vals)
}

func makeLval(f *Field, vals []any) lval {
	lv := lval{present: true}
	if f.IsList() {
		lv.list = []string{}
		for _, v := range vals {
			if xs, ok := v.([]string); ok {
				lv.list = union(lv.list, xs)
			}
		}
		return lv
	}
	lv.scalars = vals
	if lv.scalars == nil {
		lv.scalars = []any{}
	}
	return lv
}

const (
	walkFound = iota
	walkAbsent
	walkUnknown
)

func walk(cur any, segs []string) (any, int) {
	for _, seg := range segs {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, walkAbsent
		}
		cur, ok = m[seg]
		if !ok || cur == nil {
			return nil, walkAbsent
		}
		if _, ok := cur.(oversight.Unknown); ok {
			return nil, walkUnknown
		}
	}
	return cur, walkFound
}
