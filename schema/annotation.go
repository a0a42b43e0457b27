package schema

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/crxlint/crxlint/internal/chromemsg"
	"github.com/crxlint/crxlint/manifest"
)

// Annotation keywords read back from the schema (see the package doc).
const (
	keyChrome = "x-chrome"
	keyMsg    = "x-message"
	keyOnKey  = "x-on-key"
	keySource = "x-source"
	keyRule   = "x-rule"
)

// annotation is what one subschema says about Chrome's reaction to its
// failures.
type annotation struct {
	verdict byKeyword
	message byKeyword
	onKey   *bool
	source  string
	rule    byKeyword
}

// byKeyword is an annotation value that is either one string for every
// keyword of its subschema or a string per keyword.
type byKeyword struct {
	all  string
	each map[string]string
}

func (b byKeyword) lookup(keyword string) (string, bool) {
	if b.all != "" {
		return b.all, true
	}
	s, ok := b.each[keyword]
	return s, ok
}

// claims reports whether the annotation speaks for a failure of keyword, and
// with what verdict and message.
func (a *annotation) claims(keyword string) (Verdict, string, bool) {
	if a == nil || keyword == "" {
		return "", "", false
	}
	msg, ok := a.message.lookup(keyword)
	if !ok {
		return "", "", false
	}
	v, ok := a.verdict.lookup(keyword)
	if !ok {
		v = string(Rejects) // collectAnnotations rejects a message without a verdict
	}
	return Verdict(v), msg, true
}

// ruleOf returns the ID of the rule that reports a failure of keyword
// claimed with verdict: the annotation's x-rule, else the rule of the
// verdict's most common problem.
func (a *annotation) ruleOf(keyword string, verdict Verdict) string {
	if a != nil {
		if id, ok := a.rule.lookup(keyword); ok {
			return id
		}
	}
	return defaultRules[verdict]
}

// sourceOf returns the x-source of the annotation ("" for none).
func (a *annotation) sourceOf() string {
	if a == nil {
		return ""
	}
	return a.source
}

// defaultRules name the problem a failure is when its annotation names
// none: Chrome refuses a value, Chrome ignores a key or permission not
// available to the extension, or crxlint notes a platform difference.
var defaultRules = map[Verdict]string{
	Rejects: "invalid-value",
	Warns:   "unavailable-feature",
	Accepts: "platform-specific",
}

// collectAnnotations walks the raw schema and indexes every annotated
// subschema by its canonical JSON pointer.
func collectAnnotations(root map[string]any) (map[string]*annotation, error) {
	notes := make(map[string]*annotation)
	var visit func(node any, tokens []string) error
	visit = func(node any, tokens []string) error {
		switch n := node.(type) {
		case map[string]any:
			if a, err := parseAnnotation(n); err != nil {
				return fmt.Errorf("schema: annotation at %q: %w", pointer(tokens), err)
			} else if a != nil {
				notes[pointer(tokens)] = a
			}
			for k, v := range n {
				if err := visit(v, append(tokens[:len(tokens):len(tokens)], k)); err != nil {
					return err
				}
			}
		case []any:
			for i, v := range n {
				if err := visit(v, append(tokens[:len(tokens):len(tokens)], strconv.Itoa(i))); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := visit(root, nil); err != nil {
		return nil, err
	}
	return notes, nil
}

// parseAnnotation reads the x- annotations of one subschema, or returns nil if
// it has none.
func parseAnnotation(obj map[string]any) (*annotation, error) {
	var a annotation
	found := false
	if v, ok := obj[keyChrome]; ok {
		found = true
		b, err := parseByKeyword(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", keyChrome, err)
		}
		for _, s := range append([]string{b.all}, values(b.each)...) {
			switch Verdict(s) {
			case "", Rejects, Warns, Accepts:
			default:
				return nil, fmt.Errorf("%s: unknown verdict %q", keyChrome, s)
			}
		}
		a.verdict = b
	}
	if v, ok := obj[keyMsg]; ok {
		found = true
		b, err := parseByKeyword(v)
		if err == nil {
			b, err = b.resolve()
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", keyMsg, err)
		}
		a.message = b
	}
	if v, ok := obj[keyOnKey]; ok {
		found = true
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Errorf("%s: want a boolean, got %T", keyOnKey, v)
		}
		a.onKey = &b
	}
	if v, ok := obj[keyRule]; ok {
		found = true
		b, err := parseByKeyword(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", keyRule, err)
		}
		a.rule = b
	}
	if v, ok := obj[keySource]; ok {
		found = true
		s, _ := v.(string)
		switch s {
		case "spec", "guess", "crxlint":
		default:
			return nil, fmt.Errorf("%s: unknown source %v", keySource, v)
		}
		a.source = s
	}
	if !found {
		return nil, nil
	}
	if a.message.all == "" && len(a.message.each) == 0 && (a.verdict.all != "" || len(a.verdict.each) > 0) {
		return nil, fmt.Errorf("%s without %s", keyChrome, keyMsg)
	}
	for kw := range a.message.each {
		if _, ok := a.verdict.lookup(kw); !ok {
			return nil, fmt.Errorf("no %s for keyword %q", keyChrome, kw)
		}
	}
	if a.message.all != "" && a.verdict.all == "" {
		return nil, fmt.Errorf("%s is a string but %s is not", keyMsg, keyChrome)
	}
	return &a, nil
}

// resolve replaces each "@name" with Chrome's message of that name in the
// catalogue that the rules share (package chromemsg).
func (b byKeyword) resolve() (byKeyword, error) {
	lookup := func(s string) (string, error) {
		name, ok := strings.CutPrefix(s, "@")
		if !ok {
			return s, nil
		}
		if msg, ok := chromemsg.Lookup(name); ok {
			return msg, nil
		}
		return "", fmt.Errorf("no message %q in the catalogue", s)
	}
	var err error
	if b.all, err = lookup(b.all); err != nil {
		return b, err
	}
	each := make(map[string]string, len(b.each))
	for kw, s := range b.each {
		if each[kw], err = lookup(s); err != nil {
			return b, err
		}
	}
	b.each = each
	return b, nil
}

func parseByKeyword(v any) (byKeyword, error) {
	switch v := v.(type) {
	case string:
		if v == "" {
			return byKeyword{}, errors.New("empty string")
		}
		return byKeyword{all: v}, nil
	case map[string]any:
		each := make(map[string]string, len(v))
		for kw, s := range v {
			str, ok := s.(string)
			if !ok || str == "" {
				return byKeyword{}, fmt.Errorf("keyword %q: want a non-empty string", kw)
			}
			each[kw] = str
		}
		return byKeyword{each: each}, nil
	default:
		return byKeyword{}, fmt.Errorf("want a string or an object, got %T", v)
	}
}

func values(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// schemaPointer returns the canonical JSON pointer of the fragment of a
// compiled schema's location (the library percent-encodes its tokens).
func schemaPointer(location string) string {
	_, frag, ok := strings.Cut(location, "#")
	if !ok || frag == "" {
		return ""
	}
	tokens := strings.Split(strings.TrimPrefix(frag, "/"), "/")
	for i, t := range tokens {
		if u, err := url.PathUnescape(t); err == nil {
			t = u
		}
		tokens[i] = unescapeToken(t)
	}
	return pointer(tokens)
}

// pointer builds an RFC 6901 JSON pointer from unescaped tokens.
func pointer(tokens []string) string { return manifest.PointerJoin("", tokens...) }

// unescapeToken undoes the RFC 6901 escaping of one reference token.
func unescapeToken(t string) string {
	tokens, err := manifest.SplitPointer("/" + t)
	if err != nil || len(tokens) != 1 {
		return t
	}
	return tokens[0]
}

// Rules returns the IDs of the rules that report the schema's violations,
// sorted: every x-rule of the schema and the verdicts' defaults. The rules
// package checks that each names a rule.
func Rules() ([]string, error) {
	c, err := load()
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, id := range defaultRules {
		ids = append(ids, id)
	}
	for _, a := range c.notes {
		ids = append(ids, a.rule.all)
		ids = append(ids, values(a.rule.each)...)
	}
	ids = slices.DeleteFunc(ids, func(id string) bool { return id == "" })
	slices.Sort(ids)
	return slices.Compact(ids), nil
}
