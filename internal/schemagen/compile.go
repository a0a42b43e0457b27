package schemagen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/format"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Compiled returns the Go source of schema/compiled.go for the schema src:
// every subschema reachable from the root as one entry of a table, its
// $ref resolved to a table index and its annotations parsed, so that
// package schema validates a manifest without compiling anything at run
// time.
//
// Only the keywords the schema uses are supported (see keywords); any
// other keyword is an error here rather than a constraint silently lost.
func Compiled(src []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		return nil, fmt.Errorf("schemagen: %w", err)
	}
	if _, ok := root.(map[string]any); !ok {
		return nil, errors.New("schemagen: the schema is not an object")
	}
	c := &compiler{root: root, index: map[string]int{}}
	if _, err := c.compile(""); err != nil {
		return nil, err
	}
	return c.source()
}

// keywords are the keys a subschema may have: the validation keywords the
// generated validator implements, and the ones it ignores (annotations).
var keywords = map[string]bool{
	// applied
	"type": true, "const": true, "enum": true, "$ref": true,
	"required": true, "properties": true, "patternProperties": true, "additionalProperties": true,
	"propertyNames": true, "minProperties": true, "maxProperties": true,
	"items": true, "contains": true, "minItems": true,
	"minLength": true, "pattern": true, "minimum": true, "maximum": true,
	"not": true, "allOf": true, "anyOf": true, "if": true, "then": true, "else": true,
	// ignored by validation
	"$comment": true, "title": true, "$defs": true,
	keyChrome: true, keyMsg: true, keyOnKey: true, keyRule: true, keySource: true,
}

// rootOnly are the keywords allowed at the root only.
var rootOnly = map[string]bool{"$schema": true, "$id": true, "x-version": true}

// jsonTypes are the names of the type keyword, in the order of the bits of
// schema.typeSet.
var jsonTypes = []string{"null", "boolean", "number", "integer", "string", "array", "object"}

// Annotation keywords (see schema/doc.go).
const (
	keyChrome = "x-chrome"
	keyMsg    = "x-message"
	keyOnKey  = "x-on-key"
	keySource = "x-source"
	keyRule   = "x-rule"
)

// node is one compiled subschema.
type node struct {
	ptr      string
	boolean  string // "true", "false", or "" for an object schema
	types    []string
	constant *literal
	enum     []literal
	ref      int
	required []string
	props    []prop
	patProps []patProp
	addl     int  // additionalProperties as a schema; 0 for none
	addlNone bool // additionalProperties: false
	names    int
	minProps int
	maxProps int // -1: none
	items    int
	contains int
	minItems int
	minLen   int
	pattern  int // 1-based index in compiler.patterns; 0 for none
	minimum  string
	maximum  string
	not      int
	allOf    []int
	anyOf    []int
	ifs      int
	then     int
	els      int
	note     *Annotation
}

type prop struct {
	name string
	sch  int
}

type patProp struct {
	pattern, sch int
}

// literal is a const or enum value: a JSON scalar.
type literal struct {
	kind string // "null", "boolean", "number", "string"
	text string // the string, the number's literal, or "true"/"false"
}

type compiler struct {
	root     any
	index    map[string]int // canonical pointer → 1-based node index
	nodes    []*node
	patterns []string
}

// compile compiles the subschema at the canonical pointer ptr once and
// returns its 1-based index.
func (c *compiler) compile(ptr string) (int, error) {
	if i, ok := c.index[ptr]; ok {
		return i, nil
	}
	v, err := c.at(ptr)
	if err != nil {
		return 0, err
	}
	n := &node{ptr: ptr, maxProps: -1}
	c.nodes = append(c.nodes, n)
	i := len(c.nodes)
	c.index[ptr] = i
	switch v := v.(type) {
	case bool:
		n.boolean = strconv.FormatBool(v)
		return i, nil
	case map[string]any:
		if err := c.fill(n, v); err != nil {
			return 0, err
		}
		return i, nil
	default:
		return 0, fmt.Errorf("schemagen: %s: a schema must be an object or a boolean, not %T", where(ptr), v)
	}
}

// fill compiles the keywords of the object schema obj into n.
func (c *compiler) fill(n *node, obj map[string]any) error {
	ptr := n.ptr
	for k := range obj {
		if !keywords[k] && (ptr != "" || !rootOnly[k]) {
			return fmt.Errorf("schemagen: %s: keyword %q is not supported by the generated validator; implement it in internal/schemagen and schema/eval.go", where(ptr), k)
		}
	}
	sub := func(tokens ...string) (int, error) { return c.compile(join(ptr, tokens...)) }
	subs := func(kw string) ([]int, error) {
		list, ok := obj[kw].([]any)
		if !ok || len(list) == 0 {
			return nil, fmt.Errorf("schemagen: %s: %s must be a non-empty array", where(ptr), kw)
		}
		out := make([]int, len(list))
		for j := range list {
			var err error
			if out[j], err = sub(kw, strconv.Itoa(j)); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	count := func(kw string) (int, error) {
		num, ok := obj[kw].(json.Number)
		if !ok {
			return 0, fmt.Errorf("schemagen: %s: %s must be a number", where(ptr), kw)
		}
		v, err := strconv.Atoi(string(num))
		if err != nil || v < 0 {
			return 0, fmt.Errorf("schemagen: %s: %s must be a non-negative integer", where(ptr), kw)
		}
		return v, nil
	}
	var err error
	for _, kw := range sortedKeys(obj) {
		v := obj[kw]
		switch kw {
		case "type":
			err = c.types(n, v)
		case "const":
			var l literal
			if l, err = toLiteral(v); err == nil {
				n.constant = &l
			}
		case "enum":
			list, ok := v.([]any)
			if !ok {
				return fmt.Errorf("schemagen: %s: enum must be an array", where(ptr))
			}
			n.enum = []literal{}
			for _, e := range list {
				l, err := toLiteral(e)
				if err != nil {
					return fmt.Errorf("schemagen: %s: enum: %w", where(ptr), err)
				}
				n.enum = append(n.enum, l)
			}
		case "$ref":
			s, _ := v.(string)
			frag, ok := strings.CutPrefix(s, "#")
			if !ok {
				return fmt.Errorf("schemagen: %s: $ref %q is not a fragment of this schema", where(ptr), s)
			}
			target, perr := refPointer(frag)
			if perr != nil {
				return fmt.Errorf("schemagen: %s: $ref %q: %w", where(ptr), s, perr)
			}
			n.ref, err = c.compile(target)
		case "required":
			list, ok := v.([]any)
			if !ok {
				return fmt.Errorf("schemagen: %s: required must be an array", where(ptr))
			}
			for _, r := range list {
				s, ok := r.(string)
				if !ok {
					return fmt.Errorf("schemagen: %s: required must list strings", where(ptr))
				}
				n.required = append(n.required, s)
			}
		case "properties":
			m, ok := v.(map[string]any)
			if !ok {
				return fmt.Errorf("schemagen: %s: properties must be an object", where(ptr))
			}
			for _, name := range sortedKeys(m) {
				j, err := sub(kw, name)
				if err != nil {
					return err
				}
				n.props = append(n.props, prop{name, j})
			}
		case "patternProperties":
			m, ok := v.(map[string]any)
			if !ok {
				return fmt.Errorf("schemagen: %s: patternProperties must be an object", where(ptr))
			}
			for _, re := range sortedKeys(m) {
				p, err := c.pattern(ptr, re)
				if err != nil {
					return err
				}
				j, err := sub(kw, re)
				if err != nil {
					return err
				}
				n.patProps = append(n.patProps, patProp{p, j})
			}
		case "additionalProperties":
			if b, ok := v.(bool); ok && !b {
				n.addlNone = true
			} else {
				n.addl, err = sub(kw)
			}
		case "propertyNames":
			n.names, err = sub(kw)
		case "minProperties":
			n.minProps, err = count(kw)
		case "maxProperties":
			n.maxProps, err = count(kw)
		case "items":
			n.items, err = sub(kw)
		case "contains":
			n.contains, err = sub(kw)
		case "minItems":
			n.minItems, err = count(kw)
		case "minLength":
			n.minLen, err = count(kw)
		case "pattern":
			s, _ := v.(string)
			n.pattern, err = c.pattern(ptr, s)
		case "minimum", "maximum":
			num, ok := v.(json.Number)
			if !ok {
				return fmt.Errorf("schemagen: %s: %s must be a number", where(ptr), kw)
			}
			if kw == "minimum" {
				n.minimum = string(num)
			} else {
				n.maximum = string(num)
			}
		case "not":
			n.not, err = sub(kw)
		case "allOf":
			n.allOf, err = subs(kw)
		case "anyOf":
			n.anyOf, err = subs(kw)
		case "if":
			n.ifs, err = sub(kw)
		case "then":
			n.then, err = sub(kw)
		case "else":
			n.els, err = sub(kw)
		}
		if err != nil {
			return err
		}
	}
	if n.ifs == 0 {
		// Without if, then and else are ignored, as JSON Schema says.
		n.then, n.els = 0, 0
	}
	a, err := ParseAnnotation(obj)
	if err != nil {
		return fmt.Errorf("schemagen: annotation at %s: %w", where(ptr), err)
	}
	n.note = a
	return nil
}

func (c *compiler) types(n *node, v any) error {
	var names []string
	switch v := v.(type) {
	case string:
		names = []string{v}
	case []any:
		for _, t := range v {
			s, _ := t.(string)
			names = append(names, s)
		}
	}
	if len(names) == 0 {
		return fmt.Errorf("schemagen: %s: type must be a name or a list of names", where(n.ptr))
	}
	for _, t := range names {
		if !slices.Contains(jsonTypes, t) {
			return fmt.Errorf("schemagen: %s: unknown type %q", where(n.ptr), t)
		}
	}
	n.types = names
	return nil
}

// pattern records a regular expression, checked with Go's regexp, which is
// what the validator uses, and returns its 1-based index.
func (c *compiler) pattern(ptr, re string) (int, error) {
	if _, err := regexp.Compile(re); err != nil {
		return 0, fmt.Errorf("schemagen: %s: %w", where(ptr), err)
	}
	if i := slices.Index(c.patterns, re); i >= 0 {
		return i + 1, nil
	}
	c.patterns = append(c.patterns, re)
	return len(c.patterns), nil
}

// at returns the value at a canonical pointer of the schema.
func (c *compiler) at(ptr string) (any, error) {
	v := c.root
	if ptr == "" {
		return v, nil
	}
	for _, t := range strings.Split(ptr[1:], "/") {
		t = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
		switch n := v.(type) {
		case map[string]any:
			next, ok := n[t]
			if !ok {
				return nil, fmt.Errorf("schemagen: no %s in the schema", where(ptr))
			}
			v = next
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(n) {
				return nil, fmt.Errorf("schemagen: no %s in the schema", where(ptr))
			}
			v = n[i]
		default:
			return nil, fmt.Errorf("schemagen: no %s in the schema", where(ptr))
		}
	}
	return v, nil
}

// refPointer turns the fragment of a $ref (a JSON pointer, possibly
// percent-encoded) into a canonical pointer.
func refPointer(frag string) (string, error) {
	if frag == "" {
		return "", nil
	}
	if !strings.HasPrefix(frag, "/") {
		return "", errors.New("only JSON pointer fragments are supported")
	}
	tokens := strings.Split(frag[1:], "/")
	for i, t := range tokens {
		u, err := url.PathUnescape(t)
		if err != nil {
			return "", err
		}
		tokens[i] = u
	}
	return "/" + strings.Join(tokens, "/"), nil
}

// join appends unescaped tokens to a canonical pointer.
func join(ptr string, tokens ...string) string {
	var sb strings.Builder
	sb.WriteString(ptr)
	for _, t := range tokens {
		sb.WriteString("/" + strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1"))
	}
	return sb.String()
}

func where(ptr string) string {
	if ptr == "" {
		return "the root"
	}
	return strconv.Quote(ptr)
}

func toLiteral(v any) (literal, error) {
	switch v := v.(type) {
	case nil:
		return literal{kind: "null", text: "null"}, nil
	case bool:
		return literal{kind: "boolean", text: strconv.FormatBool(v)}, nil
	case json.Number:
		return literal{kind: "number", text: string(v)}, nil
	case string:
		return literal{kind: "string", text: v}, nil
	default:
		return literal{}, fmt.Errorf("a %T value is not supported: use null, a boolean, a number or a string", v)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// checkCycles refuses a loop of subschemas applied to one value ($ref,
// allOf, anyOf, not, if, then, else without descending into the value),
// which would never end.
func (c *compiler) checkCycles() error {
	state := make([]int8, len(c.nodes)+1) // 0 unseen, 1 on the path, 2 done
	var visit func(i int) error
	visit = func(i int) error {
		switch state[i] {
		case 1:
			return fmt.Errorf("schemagen: %s applies itself to the same value", where(c.nodes[i-1].ptr))
		case 2:
			return nil
		}
		state[i] = 1
		n := c.nodes[i-1]
		next := append([]int{n.ref, n.not, n.ifs, n.then, n.els}, n.allOf...)
		for _, j := range append(next, n.anyOf...) {
			if j != 0 {
				if err := visit(j); err != nil {
					return err
				}
			}
		}
		state[i] = 2
		return nil
	}
	for i := range c.nodes {
		if err := visit(i + 1); err != nil {
			return err
		}
	}
	return nil
}

// source writes the table as Go.
func (c *compiler) source() ([]byte, error) {
	if err := c.checkCycles(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by internal/cmd/schemagen from manifest.schema.json; DO NOT EDIT.\n\n")
	b.WriteString("package schema\n\n")
	b.WriteString("// nodes are the subschemas of manifest.schema.json; nodes[1] is the root\n// and index 0 stands for none.\n")
	fmt.Fprintf(&b, "var nodes = [%d]node{\n\t{},\n", len(c.nodes)+1)
	for i, n := range c.nodes {
		fmt.Fprintf(&b, "\t%d: {", i+1)
		c.writeNode(&b, n)
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("// patterns are the regular expressions of pattern and patternProperties,\n// compiled on first use; index 0 stands for none.\n")
	fmt.Fprintf(&b, "var patterns = [%d]lazyRegexp{\n\t{},\n", len(c.patterns)+1)
	for _, p := range c.patterns {
		fmt.Fprintf(&b, "\t{src: %q},\n", p)
	}
	b.WriteString("}\n")
	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("schemagen: format compiled.go: %w", err)
	}
	return out, nil
}

func (c *compiler) writeNode(b *bytes.Buffer, n *node) {
	field := func(name, format string, args ...any) {
		fmt.Fprintf(b, "%s: "+format+", ", append([]any{name}, args...)...)
	}
	ints := func(name string, list []int) {
		if len(list) > 0 {
			s := make([]string, len(list))
			for i, v := range list {
				s[i] = strconv.Itoa(v)
			}
			field(name, "[]int32{%s}", strings.Join(s, ", "))
		}
	}
	one := func(name string, v int) {
		if v != 0 {
			field(name, "%d", v)
		}
	}
	field("ptr", "%q", n.ptr)
	switch n.boolean {
	case "true":
		field("boolean", "schemaTrue")
		return
	case "false":
		field("boolean", "schemaFalse")
		return
	}
	if len(n.types) > 0 {
		bits := make([]string, len(n.types))
		for i, t := range n.types {
			bits[i] = "type" + strings.ToUpper(t[:1]) + t[1:]
		}
		field("types", "%s", strings.Join(bits, " | "))
	}
	if n.constant != nil {
		field("constant", "&%s", n.constant.goString())
	}
	if n.enum != nil {
		var strs, others []string
		for _, l := range n.enum {
			if l.kind == "string" {
				strs = append(strs, l.text)
			} else {
				others = append(others, strings.TrimPrefix(l.goString(), "literal"))
			}
		}
		slices.Sort(strs)
		strs = slices.Compact(strs)
		q := make([]string, len(strs))
		for i, s := range strs {
			q[i] = strconv.Quote(s)
		}
		field("enum", "&enumSet{strings: []string{%s}, others: []literal{%s}}", strings.Join(q, ", "), strings.Join(others, ", "))
	}
	one("ref", n.ref)
	if len(n.required) > 0 {
		q := make([]string, len(n.required))
		for i, s := range n.required {
			q[i] = strconv.Quote(s)
		}
		field("required", "[]string{%s}", strings.Join(q, ", "))
	}
	if len(n.props) > 0 {
		s := make([]string, len(n.props))
		for i, p := range n.props {
			s[i] = fmt.Sprintf("{%q, %d}", p.name, p.sch)
		}
		field("properties", "[]property{%s}", strings.Join(s, ", "))
	}
	if len(n.patProps) > 0 {
		s := make([]string, len(n.patProps))
		for i, p := range n.patProps {
			s[i] = fmt.Sprintf("{%d, %d}", p.pattern, p.sch)
		}
		field("patternProperties", "[]patternProperty{%s}", strings.Join(s, ", "))
	}
	one("additional", n.addl)
	if n.addlNone {
		field("noAdditional", "true")
	}
	one("propertyNames", n.names)
	one("minProperties", n.minProps)
	if n.maxProps >= 0 {
		field("maxProperties", "%d", n.maxProps)
		field("hasMaxProperties", "true")
	}
	one("items", n.items)
	one("contains", n.contains)
	one("minItems", n.minItems)
	one("minLength", n.minLen)
	one("pattern", n.pattern)
	if n.minimum != "" {
		field("minimum", "%q", n.minimum)
	}
	if n.maximum != "" {
		field("maximum", "%q", n.maximum)
	}
	one("not", n.not)
	ints("allOf", n.allOf)
	ints("anyOf", n.anyOf)
	one("ifSchema", n.ifs)
	one("thenSchema", n.then)
	one("elseSchema", n.els)
	if n.note != nil {
		field("note", "&%s", n.note.goString())
	}
}

func (l literal) goString() string {
	return fmt.Sprintf("literal{kind: %s, text: %q}", "kind"+strings.ToUpper(l.kind[:1])+l.kind[1:], l.text)
}
