package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/oversight-project/oversight"
)

// node is one level of the transfer document shape, built from the declared field paths.
type node struct {
	field    *Field           // a leaf
	list     bool             // a list of objects (path segment written name[])
	children map[string]*node // an object
}

func buildTree(fields map[string]*Field) *node {
	root := &node{children: map[string]*node{}}
	for _, f := range fields {
		if f.Computed {
			continue
		}
		cur := root
		for i, seg := range f.segs {
			name, isList := strings.CutSuffix(seg, "[]")
			child, ok := cur.children[name]
			if !ok {
				child = &node{children: map[string]*node{}}
				cur.children[name] = child
			}
			child.list = child.list || isList
			if i == len(f.segs)-1 {
				child.field = f
			}
			cur = child
		}
	}
	return root
}

func (n *node) keys() string {
	var ks []string
	for k := range n.children {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

// DecodeTransfer reads one transfer document (YAML or JSON) and validates it strictly against
// the declared fields: unknown keys, wrong types and values outside a declared set are errors
// that name the path as written, e.g.
//
//	transfer.yaml:12: products[0].capabilities: unknown value "x"; allowed: …
//
// name is the document's name for messages. Country codes are upper-cased. Every problem is
// reported, not only the first; the error is EINVALID.
func (p *Program) DecodeTransfer(name string, r io.Reader) (*oversight.Transfer, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, oversight.Errorf(oversight.EINVALID, "%s: cannot read: %v", name, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return nil, oversight.Errorf(oversight.EINVALID, "%s: empty document", name)
	} else if err != nil {
		return nil, oversight.Errorf(oversight.EINVALID, "%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		return nil, oversight.Errorf(oversight.EINVALID, "%s: want one document, found more", name)
	}
	el := &errList{file: name}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		el.add(root.Line, "a transfer must be a mapping of fields")
		return nil, transferErr(el)
	}
	values := p.decodeObject(root, p.tree, "", el)
	if len(el.errs) == 0 {
		if _, ok := values["kind"]; !ok {
			el.add(root.Line, "kind: required; allowed: %s", strings.Join(p.Sets["transfer_kinds"], ", "))
		}
	}
	if err := transferErr(el); err != nil {
		return nil, err
	}
	return &oversight.Transfer{Values: values}, nil
}

func transferErr(el *errList) error {
	if len(el.errs) == 0 {
		return nil
	}
	if len(el.errs) == 1 {
		return oversight.Errorf(oversight.EINVALID, "%s", el.errs[0])
	}
	return oversight.Errorf(oversight.EINVALID, "transfer is not valid:\n  %s", strings.Join(el.errs, "\n  "))
}

func (p *Program) decodeObject(n *yaml.Node, shape *node, path string, el *errList) map[string]any {
	out := map[string]any{}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		at := k.Value
		if path != "" {
			at = path + "." + k.Value
		}
		if seen[k.Value] {
			el.add(k.Line, "%s: given twice", at)
			continue
		}
		seen[k.Value] = true
		child, ok := shape.children[k.Value]
		if !ok {
			el.add(k.Line, "%s: unknown field; allowed here: %s", at, shape.keys())
			continue
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue // null means absent
		}
		switch {
		case child.list:
			if v.Kind != yaml.SequenceNode {
				el.add(v.Line, "%s: want a list of objects, got %s", at, describeNode(v))
				continue
			}
			elems := []map[string]any{}
			for j, x := range v.Content {
				ap := fmt.Sprintf("%s[%d]", at, j)
				if x.Kind != yaml.MappingNode {
					el.add(x.Line, "%s: want an object, got %s", ap, describeNode(x))
					continue
				}
				elems = append(elems, p.decodeObject(x, child, ap, el))
			}
			out[k.Value] = elems
		case child.field != nil:
			val, msg := p.scalarValue(child.field, v)
			if msg != "" {
				el.add(v.Line, "%s: %s", at, msg)
				continue
			}
			out[k.Value] = val
		default:
			if v.Kind != yaml.MappingNode {
				el.add(v.Line, "%s: want an object with fields %s, got %s", at, child.keys(), describeNode(v))
				continue
			}
			out[k.Value] = p.decodeObject(v, child, at, el)
		}
	}
	return out
}

// EncodeTransfer writes the transfer as indented JSON with sorted keys; DecodeTransfer reads
// it back to the same value.
func EncodeTransfer(w io.Writer, t *oversight.Transfer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(t.Values)
}
