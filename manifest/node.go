package manifest

import (
	"encoding/json"
	"iter"
	"strconv"
)

// Kind is the JSON type of a Node.
type Kind uint8

// The JSON types, named as Chrome's messages name them.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{
	Null:   "null",
	Bool:   "boolean",
	Number: "number",
	String: "string",
	Array:  "list",
	Object: "dictionary",
}

// String returns the type's name in Chrome's words: "dictionary" for an
// object and "list" for an array.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Span is a half-open range of byte offsets [Start, End) in the source.
type Span struct {
	Start, End int
}

// Node is one JSON value of a parsed manifest. Nodes are immutable once
// Parse returns, and safe to share between goroutines.
type Node struct {
	kind    Kind
	span    Span
	pointer string
	text    string // the decoded string, or the number's literal
	boolean bool
	elems   []*Node
	members []Member // every member in source order, duplicates included
	index   map[string]int
}

// Member is one "key": value pair of an object.
type Member struct {
	Key     string // the decoded key
	KeySpan Span   // the key's literal, quotes included
	Value   *Node
}

// Kind returns the node's JSON type.
func (n *Node) Kind() Kind { return n.kind }

// Span returns the range of the value's text, quotes and brackets included.
func (n *Node) Span() Span { return n.span }

// Pointer returns the RFC 6901 JSON pointer that addresses the node; the root
// is "". A member shadowed by a later duplicate key shares its pointer with
// the member that wins.
func (n *Node) Pointer() string { return n.pointer }

// Str returns the decoded value of a string node.
func (n *Node) Str() (string, bool) {
	if n == nil || n.kind != String {
		return "", false
	}
	return n.text, true
}

// Boolean returns the value of a boolean node.
func (n *Node) Boolean() (value, ok bool) {
	if n == nil || n.kind != Bool {
		return false, false
	}
	return n.boolean, true
}

// Literal returns a number node's text exactly as written, such as "3",
// "3.0" or "1e2". Chrome tells integers from doubles by their text.
func (n *Node) Literal() (string, bool) {
	if n == nil || n.kind != Number {
		return "", false
	}
	return n.text, true
}

// Int returns the value of a number written as an integer that Chrome stores
// as one (it fits in 32 bits). Chrome reads "3.0" and "1e2" as doubles, and
// integers beyond 32 bits as doubles too, so Int reports false for them.
func (n *Node) Int() (int, bool) {
	lit, ok := n.Literal()
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseInt(lit, 10, 32)
	if err != nil {
		return 0, false
	}
	return int(v), true
}

// Float returns the value of a number node as a float64.
func (n *Node) Float() (float64, bool) {
	lit, ok := n.Literal()
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(lit, 64)
	return v, err == nil
}

// Len returns the number of elements of an array or of distinct keys of an
// object, and 0 for any other node.
func (n *Node) Len() int {
	switch {
	case n == nil:
		return 0
	case n.kind == Array:
		return len(n.elems)
	case n.kind == Object:
		return len(n.index)
	}
	return 0
}

// Elem returns the i-th element of an array, or nil.
func (n *Node) Elem(i int) *Node {
	if n == nil || n.kind != Array || i < 0 || i >= len(n.elems) {
		return nil
	}
	return n.elems[i]
}

// Elems iterates over the elements of an array with their indices.
func (n *Node) Elems() iter.Seq2[int, *Node] {
	return func(yield func(int, *Node) bool) {
		if n == nil || n.kind != Array {
			return
		}
		for i, e := range n.elems {
			if !yield(i, e) {
				return
			}
		}
	}
}

// Get returns the value of key in an object, or nil. When the key is given
// more than once it returns the last value, as Chrome does.
func (n *Node) Get(key string) *Node {
	m, ok := n.Member(key)
	if !ok {
		return nil
	}
	return m.Value
}

// Member returns the member of an object that Chrome keeps for key: the last
// one when the key is given more than once.
func (n *Node) Member(key string) (Member, bool) {
	if n == nil || n.kind != Object {
		return Member{}, false
	}
	i, ok := n.index[key]
	if !ok {
		return Member{}, false
	}
	return n.members[i], true
}

// Members iterates over the members Chrome keeps, in source order: a member
// whose key is given again later is skipped.
func (n *Node) Members() iter.Seq[Member] {
	return func(yield func(Member) bool) {
		if n == nil || n.kind != Object {
			return
		}
		for i, m := range n.members {
			if n.index[m.Key] != i {
				continue
			}
			if !yield(m) {
				return
			}
		}
	}
}

// AllMembers iterates over every member in source order, including those
// that a later duplicate key shadows.
func (n *Node) AllMembers() iter.Seq[Member] {
	return func(yield func(Member) bool) {
		if n == nil || n.kind != Object {
			return
		}
		for _, m := range n.members {
			if !yield(m) {
				return
			}
		}
	}
}

// Value returns the node as plain Go data with the types encoding/json
// produces when UseNumber is set: map[string]any, []any, string, bool, nil
// and json.Number (as the literal). Duplicate keys keep the last value.
func (n *Node) Value() any {
	switch n.kind {
	case Null:
		return nil
	case Bool:
		return n.boolean
	case Number:
		return json.Number(n.text)
	case String:
		return n.text
	case Array:
		out := make([]any, len(n.elems))
		for i, e := range n.elems {
			out[i] = e.Value()
		}
		return out
	default:
		out := make(map[string]any, len(n.index))
		for m := range n.Members() {
			out[m.Key] = m.Value.Value()
		}
		return out
	}
}
