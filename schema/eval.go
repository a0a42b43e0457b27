package schema

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"
)

// The schema is compiled at build time: go generate writes compiled.go, a
// table of its subschemas (nodes) with their $ref resolved to indexes, and
// this file applies them to a manifest. It implements the draft 2020-12
// keywords the schema uses, with the semantics of JSON Schema, and builds
// the same tree of failures a JSON Schema validator reports (the one of
// github.com/santhosh-tekuri/jsonschema/v6, whose tests compare the two),
// because the walk turns that tree into violations and its shape decides
// which branch of an anyOf is reported.

// node is one compiled subschema. Index fields name other nodes; 0 is none.
type node struct {
	ptr     string // its canonical JSON pointer in manifest.schema.json
	boolean boolSchema
	types   typeSet

	constant *literal
	enum     *enumSet
	ref      int32

	required          []string
	properties        []property // sorted by name
	patternProperties []patternProperty
	additional        int32 // additionalProperties as a schema
	noAdditional      bool  // additionalProperties: false
	propertyNames     int32
	minProperties     int32
	maxProperties     int32
	hasMaxProperties  bool

	items    int32
	contains int32
	minItems int32

	minLength int32
	pattern   int32 // index in patterns

	minimum, maximum string // number literals; "" for none

	not                              int32
	allOf, anyOf                     []int32
	ifSchema, thenSchema, elseSchema int32

	note *annotation
}

// boolSchema tells a boolean schema from an object one.
type boolSchema uint8

const (
	schemaObject boolSchema = iota
	schemaTrue
	schemaFalse
)

type property struct {
	name   string
	schema int32
}

type patternProperty struct {
	pattern, schema int32
}

// typeSet is a set of JSON Schema types.
type typeSet uint8

const (
	typeNull typeSet = 1 << iota
	typeBoolean
	typeNumber
	typeInteger
	typeString
	typeArray
	typeObject
)

// literalKind is the type of a const or enum value.
type literalKind uint8

const (
	kindNull literalKind = iota
	kindBoolean
	kindNumber
	kindString
)

// literal is a const or enum value: a JSON scalar, as written in the schema.
type literal struct {
	kind literalKind
	text string // the string, the number's literal, or "true" or "false"
}

// enumSet is an enum: its strings sorted, and its other values.
type enumSet struct {
	strings []string
	others  []literal
}

// lazyRegexp is a pattern compiled on its first use (the generator has
// checked that it compiles).
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

func (p *lazyRegexp) match(s string) bool {
	p.once.Do(func() { p.re = regexp.MustCompile(p.src) })
	return p.re.MatchString(s)
}

// failKind is the keyword a failure is about.
type failKind uint8

const (
	failGroup failKind = iota // several failures of one subschema
	failFalse
	failType
	failConst
	failEnum
	failRef
	failMinProperties
	failMaxProperties
	failRequired
	failAdditionalProperties
	failPropertyNames
	failMinItems
	failContains
	failMinLength
	failPattern
	failMinimum
	failMaximum
	failNot
	failAllOf
	failAnyOf
)

// keywords name the kinds as the schema's annotations do.
var keywords = [...]string{
	failGroup:                "",
	failFalse:                "false",
	failType:                 "type",
	failConst:                "const",
	failEnum:                 "enum",
	failRef:                  "$ref",
	failMinProperties:        "minProperties",
	failMaxProperties:        "maxProperties",
	failRequired:             "required",
	failAdditionalProperties: "additionalProperties",
	failPropertyNames:        "propertyNames",
	failMinItems:             "minItems",
	failContains:             "contains",
	failMinLength:            "minLength",
	failPattern:              "pattern",
	failMinimum:              "minimum",
	failMaximum:              "maximum",
	failNot:                  "not",
	failAllOf:                "allOf",
	failAnyOf:                "anyOf",
}

func (k failKind) keyword() string { return keywords[k] }

// failure is one node of the tree of what failed, as a JSON Schema
// validator reports it.
type failure struct {
	kind   failKind
	at     int32    // the subschema whose keyword failed
	loc    []string // the failing value's location, tokens from the root
	causes []*failure
	// props are the missing properties of a required failure, or the
	// unknown ones of an additionalProperties failure.
	props []string
	// name is the property name a propertyNames failure is about; its
	// causes are located relative to the name.
	name string
}

// evaluator applies the nodes to one document.
type evaluator struct {
	path []string // the location of the value being validated
	// quick is set while only validity matters (under not and if): the
	// first failure ends a subschema and no tree is built.
	quick bool
	// scoring counts the anyOf being evaluated whose failure no annotation
	// claims: the walk scores their branches by the whole tree of failures
	// under them, so nothing under them may be pruned.
	scoring int
}

// prune reports whether the causes of a failure of kind k at i can be left
// out: an annotation claims it, so the walk reports it without looking
// inside, and no anyOf being scored needs them. Its subschemas are then
// applied in quick mode.
func (e *evaluator) prune(i int32, k failKind) bool {
	return !e.quick && e.scoring == 0 && claimed(i, k)
}

// claimed reports whether an annotation of the subschema i claims the
// failures of kind k.
func claimed(i int32, k failKind) bool {
	_, _, ok := nodes[i].note.claims(k.keyword())
	return ok
}

// check applies the subschema j to v: in full unless prune is set, when it
// returns invalid for any failure.
func (e *evaluator) check(j int32, v any, prune bool) *failure {
	if !prune {
		return e.validate(j, v)
	}
	if e.valid(j, v) {
		return nil
	}
	return invalid
}

// invalid is the failure of quick mode.
var invalid = &failure{}

func (e *evaluator) fail(k failKind, at int32) *failure {
	if e.quick {
		return invalid
	}
	return &failure{kind: k, at: at, loc: slices.Clone(e.path)}
}

// valid reports whether v passes the subschema i.
func (e *evaluator) valid(i int32, v any) bool {
	saved := e.quick
	e.quick = true
	f := e.validate(i, v)
	e.quick = saved
	return f == nil
}

// validate applies the subschema i to v, located at e.path, and returns
// nil, its one failure, or a group of its failures.
func (e *evaluator) validate(i int32, v any) *failure {
	n := &nodes[i]
	switch n.boolean {
	case schemaTrue:
		return nil
	case schemaFalse:
		return e.fail(failFalse, i)
	}
	t := typeOf(v)
	if n.types != 0 && n.types&t == 0 && (n.types&typeInteger == 0 || t != typeNumber || !isInteger(v)) {
		return e.fail(failType, i)
	}
	if n.constant != nil && !n.constant.equals(v) {
		return e.fail(failConst, i)
	}
	if n.enum != nil && !n.enum.contains(v) {
		return e.fail(failEnum, i)
	}
	c := collector{quick: e.quick}
	if n.ref != 0 {
		if f := e.check(n.ref, v, e.prune(i, failRef)); f != nil && c.add(e.wrap(failRef, i, f)) {
			return invalid
		}
	}
	var stop bool
	switch v := v.(type) {
	case map[string]any:
		stop = e.object(i, n, v, &c)
	case []any:
		stop = e.array(i, n, v, &c)
	case string:
		if n.minLength > 0 && utf8.RuneCountInString(v) < int(n.minLength) {
			stop = c.add(e.fail(failMinLength, i))
		}
		if !stop && n.pattern != 0 && !patterns[n.pattern].match(v) {
			stop = c.add(e.fail(failPattern, i))
		}
	case json.Number, float64:
		if n.minimum != "" && compareNumber(v, n.minimum) < 0 {
			stop = c.add(e.fail(failMinimum, i))
		}
		if !stop && n.maximum != "" && compareNumber(v, n.maximum) > 0 {
			stop = c.add(e.fail(failMaximum, i))
		}
	}
	if stop {
		return invalid
	}
	if e.conditions(i, n, v, &c) {
		return invalid
	}
	switch len(c.errs) {
	case 0:
		return nil
	case 1:
		return c.errs[0]
	}
	g := e.fail(failGroup, i)
	g.causes = c.errs
	return g
}

// collector gathers the failures of one subschema.
type collector struct {
	errs  []*failure
	quick bool
}

// add records f, if not nil, and reports whether quick mode may stop.
func (c *collector) add(f *failure) bool {
	if f != nil {
		c.errs = append(c.errs, f)
	}
	return c.quick && len(c.errs) > 0
}

// wrap returns a failure of kind k at i whose causes are f's: f's own
// causes when f is a group, none when f was pruned.
func (e *evaluator) wrap(k failKind, i int32, f *failure) *failure {
	if e.quick {
		return invalid
	}
	w := e.fail(k, i)
	switch {
	case f == invalid:
	case f.kind == failGroup:
		w.causes = f.causes
	default:
		w.causes = []*failure{f}
	}
	return w
}

// object applies the object keywords of n; it returns true when quick mode
// may stop.
func (e *evaluator) object(i int32, n *node, obj map[string]any, c *collector) bool {
	if n.minProperties > 0 && len(obj) < int(n.minProperties) {
		if c.add(e.fail(failMinProperties, i)) {
			return true
		}
	}
	if n.hasMaxProperties && len(obj) > int(n.maxProperties) {
		if c.add(e.fail(failMaxProperties, i)) {
			return true
		}
	}
	if len(n.required) > 0 {
		var missing []string
		for _, p := range n.required {
			if _, ok := obj[p]; !ok {
				missing = append(missing, p)
			}
		}
		if missing != nil {
			f := e.fail(failRequired, i)
			if !e.quick {
				f.props = missing
			}
			if c.add(f) {
				return true
			}
		}
	}
	if len(n.properties) == 0 && len(n.patternProperties) == 0 && n.additional == 0 && !n.noAdditional && n.propertyNames == 0 {
		return false
	}
	keys := sortedKeys(obj)
	var unknown []string
	for _, k := range keys {
		evaluated := false
		if j, ok := n.property(k); ok {
			evaluated = true
			if c.add(e.at(k, j, obj[k], false)) {
				return true
			}
		}
		for _, pp := range n.patternProperties {
			if patterns[pp.pattern].match(k) {
				evaluated = true
				if c.add(e.at(k, pp.schema, obj[k], false)) {
					return true
				}
			}
		}
		if !evaluated {
			switch {
			case n.noAdditional:
				unknown = append(unknown, k)
			case n.additional != 0:
				if c.add(e.at(k, n.additional, obj[k], false)) {
					return true
				}
			}
		}
	}
	if unknown != nil {
		f := e.fail(failAdditionalProperties, i)
		if !e.quick {
			f.props = unknown
		}
		if c.add(f) {
			return true
		}
	}
	if n.propertyNames != 0 {
		prune := e.prune(n.propertyNames, failPropertyNames)
		for _, k := range keys {
			// A name is validated as a document of its own: its failures
			// are located relative to it.
			saved := e.path
			e.path = nil
			f := e.check(n.propertyNames, k, prune)
			e.path = saved
			if f == nil {
				continue
			}
			if e.quick {
				return true
			}
			w := e.wrap(failPropertyNames, n.propertyNames, f)
			w.name = k
			c.add(w)
		}
	}
	return false
}

// array applies the array keywords of n; it returns true when quick mode
// may stop.
func (e *evaluator) array(i int32, n *node, arr []any, c *collector) bool {
	if n.minItems > 0 && len(arr) < int(n.minItems) {
		if c.add(e.fail(failMinItems, i)) {
			return true
		}
	}
	if n.items != 0 {
		for j, item := range arr {
			if c.add(e.at(strconv.Itoa(j), n.items, item, false)) {
				return true
			}
		}
	}
	if n.contains != 0 {
		var causes []*failure
		matched := false
		prune := e.prune(i, failContains)
		for j, item := range arr {
			f := e.at(strconv.Itoa(j), n.contains, item, prune)
			if f == nil {
				matched = true
				if e.quick || prune {
					break
				}
			} else if !e.quick && !prune {
				causes = append(causes, f)
			}
		}
		if !matched {
			f := e.fail(failContains, i)
			if !e.quick {
				f.causes = causes
			}
			return c.add(f)
		}
	}
	return false
}

// conditions applies not, allOf, anyOf and if/then/else; it returns true
// when quick mode may stop.
func (e *evaluator) conditions(i int32, n *node, v any, c *collector) bool {
	if n.not != 0 && e.valid(n.not, v) {
		if c.add(e.fail(failNot, i)) {
			return true
		}
	}
	if len(n.allOf) > 0 {
		var causes []*failure
		prune := e.prune(i, failAllOf)
		for _, j := range n.allOf {
			if f := e.check(j, v, prune); f != nil {
				if e.quick {
					return true
				}
				causes = append(causes, f)
				if prune {
					break
				}
			}
		}
		if causes != nil {
			f := e.fail(failAllOf, i)
			if !prune {
				f.causes = causes
			}
			c.add(f)
		}
	}
	if len(n.anyOf) > 0 {
		var causes []*failure
		matched := false
		prune := e.prune(i, failAnyOf)
		scoring := !e.quick && !claimed(i, failAnyOf)
		if scoring {
			e.scoring++
		}
		for _, j := range n.anyOf {
			f := e.check(j, v, prune)
			if f == nil {
				matched = true
				break
			}
			if !e.quick && !prune {
				causes = append(causes, f)
			}
		}
		if scoring {
			e.scoring--
		}
		if !matched {
			f := e.fail(failAnyOf, i)
			if !e.quick {
				f.causes = causes
			}
			if c.add(f) {
				return true
			}
		}
	}
	if n.ifSchema != 0 {
		next := n.elseSchema
		if e.valid(n.ifSchema, v) {
			next = n.thenSchema
		}
		if next != 0 {
			if c.add(e.validate(next, v)) {
				return true
			}
		}
	}
	return false
}

// at applies the subschema j to the member or item tok of the current value
// (see check for prune).
func (e *evaluator) at(tok string, j int32, v any, prune bool) *failure {
	e.path = append(e.path, tok)
	f := e.check(j, v, prune)
	e.path = e.path[:len(e.path)-1]
	return f
}

// property returns the subschema of the property name.
func (n *node) property(name string) (int32, bool) {
	j, ok := sort.Find(len(n.properties), func(k int) int {
		switch p := n.properties[k].name; {
		case name < p:
			return -1
		case name > p:
			return 1
		}
		return 0
	})
	if !ok {
		return 0, false
	}
	return n.properties[j].schema, true
}

func sortedKeys(obj map[string]any) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// typeOf returns the JSON type of a decoded value (typeNumber for every
// number), or 0 for a value JSON cannot hold.
func typeOf(v any) typeSet {
	switch v := v.(type) {
	case nil:
		return typeNull
	case bool:
		return typeBoolean
	case json.Number:
		return typeNumber
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0
		}
		return typeNumber
	case string:
		return typeString
	case []any:
		return typeArray
	case map[string]any:
		return typeObject
	}
	return 0
}

// checkValues returns an error for the first value of doc that JSON
// cannot hold.
func checkValues(v any) error {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			if err := checkValues(x); err != nil {
				return err
			}
		}
	case map[string]any:
		for _, x := range v {
			if err := checkValues(x); err != nil {
				return err
			}
		}
	default:
		if typeOf(v) == 0 {
			return fmt.Errorf("schema: validate: %T %v is not a JSON value", v, v)
		}
	}
	return nil
}

// rat returns a number's exact value.
func rat(v any) (*big.Rat, bool) {
	switch v := v.(type) {
	case json.Number:
		return new(big.Rat).SetString(string(v))
	case float64:
		r := new(big.Rat)
		if r.SetFloat64(v) == nil {
			return nil, false
		}
		return r, true
	}
	return nil, false
}

// isInteger reports whether a number has no fraction.
func isInteger(v any) bool {
	if s, ok := v.(json.Number); ok && plainInteger(string(s)) {
		return true
	}
	r, ok := rat(v)
	return ok && r.IsInt()
}

// plainInteger reports whether s is digits with an optional minus sign.
func plainInteger(s string) bool {
	s = trimMinus(s)
	if s == "" {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func trimMinus(s string) string {
	if len(s) > 0 && s[0] == '-' {
		return s[1:]
	}
	return s
}

// compareNumber compares the number v with the literal lit, or returns 0
// when either cannot be read.
func compareNumber(v any, lit string) int {
	a, ok := rat(v)
	if !ok {
		return 0
	}
	b, ok := new(big.Rat).SetString(lit)
	if !ok {
		return 0
	}
	return a.Cmp(b)
}

// equals reports whether v is the literal l.
func (l *literal) equals(v any) bool {
	switch l.kind {
	case kindNull:
		return v == nil
	case kindBoolean:
		b, ok := v.(bool)
		return ok && strconv.FormatBool(b) == l.text
	case kindString:
		s, ok := v.(string)
		return ok && s == l.text
	}
	if typeOf(v) != typeNumber {
		return false
	}
	a, ok1 := rat(v)
	b, ok2 := new(big.Rat).SetString(l.text)
	return ok1 && ok2 && a.Cmp(b) == 0
}

// contains reports whether v is one of the enum's values.
func (s *enumSet) contains(v any) bool {
	if str, ok := v.(string); ok {
		_, found := slices.BinarySearch(s.strings, str)
		return found
	}
	for i := range s.others {
		if s.others[i].equals(v) {
			return true
		}
	}
	return false
}
