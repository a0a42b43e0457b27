package schema

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// walker turns a tree of failures into violations.
type walker struct {
	doc any
	out []Violation
}

// nameFrame is set while walking the causes of a propertyNames failure: their
// instance is a property name of the object at holder, not a document value.
type nameFrame struct {
	holder []string
	name   string
}

// walk reports f, or descends into its causes when no annotation claims it.
func (w *walker) walk(f *failure, nf *nameFrame) {
	if f.kind == failGroup {
		w.walkAll(f.causes, nf)
		return
	}
	kw := f.kind.keyword()
	note := nodes[f.at].note
	if verdict, msg, ok := note.claims(kw); ok {
		w.emit(f, nf, note, kw, verdict, msg)
		return
	}
	switch f.kind {
	case failAnyOf:
		if c := closest(f); c != nil {
			w.walk(c, nf)
			return
		}
	case failPropertyNames:
		w.walkAll(f.causes, &nameFrame{holder: f.loc, name: f.name})
		return
	}
	if len(f.causes) > 0 {
		w.walkAll(f.causes, nf)
		return
	}
	// An assertion without annotation is a gap in the schema (the tests audit
	// for it); report it rather than lose it.
	w.emit(f, nf, nil, kw, Rejects, fmt.Sprintf("crxlint schema: unannotated %q failure at %q (schema %q)", kw, pointer(f.loc), nodes[f.at].ptr))
}

func (w *walker) walkAll(fs []*failure, nf *nameFrame) {
	for _, c := range fs {
		w.walk(c, nf)
	}
}

// emit records the violations of one claimed failure.
func (w *walker) emit(f *failure, nf *nameFrame, note *annotation, kw string, verdict Verdict, msg string) {
	loc := f.loc
	// add reports a violation at the location at, rendering the message for
	// the location ctx.
	add := func(at, ctx []string, onKey bool, value any, prop string) {
		w.out = append(w.out, Violation{
			Pointer: pointer(at),
			OnKey:   onKey,
			Chrome:  verdict,
			Message: w.render(msg, ctx, value, prop),
			Source:  note.sourceOf(),
			Rule:    note.ruleOf(kw, verdict),
			Keyword: kw,
		})
	}
	onKey := note != nil && note.onKey == onKeyTrue
	// badKey reports a badly named key of the object at holder: on the key
	// itself, or on the object when x-on-key is false.
	badKey := func(holder []string, name string) {
		key := appendToken(holder, name)
		if note != nil && note.onKey == onKeyFalse {
			add(holder, key, false, name, name)
			return
		}
		add(key, key, true, name, name)
	}

	if nf != nil {
		// Inside a propertyNames check: the failing "value" is a key name.
		badKey(nf.holder, nf.name)
		return
	}
	switch f.kind {
	case failRequired:
		// One violation per missing key, on the object that should hold it.
		for _, p := range f.props {
			add(loc, loc, false, lookup(w.doc, loc), p)
		}
	case failAdditionalProperties:
		// One violation per unknown key, on the key.
		for _, p := range f.props {
			key := appendToken(loc, p)
			add(key, key, true, lookup(w.doc, key), p)
		}
	case failPropertyNames:
		badKey(loc, f.name)
	default:
		add(loc, loc, onKey, lookup(w.doc, loc), "")
	}
}

// result returns the violations sorted by pointer, then message, without
// duplicates.
func (w *walker) result() []Violation {
	slices.SortFunc(w.out, func(a, b Violation) int {
		return cmp.Or(
			cmp.Compare(a.Pointer, b.Pointer),
			cmp.Compare(a.Message, b.Message),
			compareBool(a.OnKey, b.OnKey),
			cmp.Compare(a.Chrome, b.Chrome),
			cmp.Compare(a.Keyword, b.Keyword),
		)
	})
	return slices.Compact(w.out)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	default:
		return -1
	}
}

// closest picks the branch of a failed anyOf that came nearest to
// matching: one that got past the type check, then the one whose failures lie
// deepest in the instance, then the one with fewest failures, then the first.
func closest(f *failure) *failure {
	type score struct {
		typed         bool
		depth, leaves int
	}
	better := func(a, b score) bool {
		if a.typed != b.typed {
			return a.typed
		}
		if a.depth != b.depth {
			return a.depth > b.depth
		}
		return a.leaves < b.leaves
	}
	base := len(f.loc)
	var (
		best      *failure
		bestScore score
	)
	for _, c := range f.causes {
		var s score
		var visit func(*failure)
		visit = func(v *failure) {
			if len(v.causes) > 0 {
				for _, cc := range v.causes {
					visit(cc)
				}
				return
			}
			s.leaves++
			s.depth = max(s.depth, len(v.loc))
			if v.kind != failType || len(v.loc) > base {
				s.typed = true
			}
		}
		visit(c)
		if best == nil || better(s, bestScore) {
			best, bestScore = c, s
		}
	}
	return best
}

// render fills a message template's placeholders (see the package doc). An
// unknown or unresolvable placeholder is left as written.
func (w *walker) render(tmpl string, loc []string, value any, prop string) string {
	var sb strings.Builder
	for {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(tmpl[open:], '}')
		if end < 0 {
			break
		}
		end += open
		sb.WriteString(tmpl[:open])
		if s, ok := w.placeholder(tmpl[open+1:end], loc, value, prop); ok {
			sb.WriteString(s)
		} else {
			sb.WriteString(tmpl[open : end+1])
		}
		tmpl = tmpl[end+1:]
	}
	sb.WriteString(tmpl)
	return sb.String()
}

func (w *walker) placeholder(name string, loc []string, value any, prop string) (string, bool) {
	switch name {
	case "key":
		if len(loc) == 0 {
			return "", false
		}
		return loc[len(loc)-1], true
	case "path":
		return chromePath(w.doc, loc), true
	case "value":
		return text(value), true
	case "got":
		return chromeType(value), true
	case "prop":
		return prop, true
	}
	if n, ok := strings.CutPrefix(name, "#"); ok {
		i, err := strconv.Atoi(n)
		if err != nil || i < 0 || i >= len(loc) {
			return "", false
		}
		return ordinal(w.doc, loc[:i], loc[i])
	}
	i, err := strconv.Atoi(name)
	if err != nil || i < 0 || i >= len(loc) {
		return "", false
	}
	return loc[i], true
}

// ordinal returns the 1-based position of key among the sorted keys of the
// object at loc: Chrome iterates dictionaries in sorted order and numbers some
// entries that way ('commands[1]').
func ordinal(doc any, loc []string, key string) (string, bool) {
	obj, ok := lookup(doc, loc).(map[string]any)
	if !ok {
		return "", false
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	i, found := slices.BinarySearch(keys, key)
	if !found {
		return "", false
	}
	return strconv.Itoa(i + 1), true
}

// chromePath writes a location the way Chrome names keys in its messages:
// dictionary keys joined by dots, list indexes in brackets.
func chromePath(doc any, loc []string) string {
	var sb strings.Builder
	node := doc
	for i, t := range loc {
		if list, ok := node.([]any); ok {
			sb.WriteString("[" + t + "]")
			if n, err := strconv.Atoi(t); err == nil && n >= 0 && n < len(list) {
				node = list[n]
			} else {
				node = nil
			}
			continue
		}
		if i > 0 {
			sb.WriteByte('.')
		}
		sb.WriteString(t)
		if obj, ok := node.(map[string]any); ok {
			node = obj[t]
		} else {
			node = nil
		}
	}
	return sb.String()
}

// lookup returns the value at loc, or nil if there is none.
func lookup(doc any, loc []string) any {
	node := doc
	for _, t := range loc {
		switch n := node.(type) {
		case map[string]any:
			node = n[t]
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(n) {
				return nil
			}
			node = n[i]
		default:
			return nil
		}
	}
	return node
}

// chromeType names a JSON value's type the way base::Value does in Chrome's
// messages. Chrome's JSON reader makes a number an integer when it has no
// fraction or exponent and fits in 32 bits, and a double otherwise.
func chromeType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case []any:
		return "list"
	case map[string]any:
		return "dictionary"
	case json.Number:
		if strings.ContainsAny(string(v), ".eE") {
			return "double"
		}
		if _, err := strconv.ParseInt(string(v), 10, 32); err != nil {
			return "double"
		}
		return "integer"
	case float64:
		if v == math.Trunc(v) && v >= math.MinInt32 && v <= math.MaxInt32 {
			return "integer"
		}
		return "double"
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return "integer"
	default:
		return fmt.Sprintf("%T", v)
	}
}

// text renders a value for a message: a string as is, anything else as JSON.
func text(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// appendToken returns loc with t appended, never sharing loc's backing array.
func appendToken(loc []string, t string) []string {
	return append(loc[:len(loc):len(loc)], t)
}
