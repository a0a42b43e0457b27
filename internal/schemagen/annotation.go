package schemagen

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/crxlint/crxlint/internal/chromemsg"
)

// Annotation is what one subschema's x- annotations say about Chrome's
// reaction to its failures (see schema/doc.go), checked and with every
// "@name" message resolved.
type Annotation struct {
	Verdict, Message, Rule ByKeyword
	// OnKey is "true", "false" or "" for no x-on-key.
	OnKey  string
	Source string
}

// ByKeyword is an annotation value: one string for every keyword of its
// subschema (All), or a string per keyword (Each, sorted by keyword).
type ByKeyword struct {
	All  string
	Each [][2]string
}

// Lookup returns the string for keyword.
func (b ByKeyword) Lookup(keyword string) (string, bool) {
	if b.All != "" {
		return b.All, true
	}
	for _, e := range b.Each {
		if e[0] == keyword {
			return e[1], true
		}
	}
	return "", false
}

var verdicts = []string{"rejects", "warns", "accepts"}

// ParseAnnotation reads the x- annotations of one subschema, or returns nil
// if it has none.
func ParseAnnotation(obj map[string]any) (*Annotation, error) {
	var a Annotation
	found := false
	if v, ok := obj[keyChrome]; ok {
		found = true
		b, err := parseByKeyword(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", keyChrome, err)
		}
		for _, s := range b.strings() {
			if !slices.Contains(verdicts, s) {
				return nil, fmt.Errorf("%s: unknown verdict %q", keyChrome, s)
			}
		}
		a.Verdict = b
	}
	if v, ok := obj[keyMsg]; ok {
		found = true
		b, err := parseByKeyword(v)
		if err == nil {
			err = b.resolve()
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", keyMsg, err)
		}
		a.Message = b
	}
	if v, ok := obj[keyOnKey]; ok {
		found = true
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Errorf("%s: want a boolean, got %T", keyOnKey, v)
		}
		a.OnKey = strconv.FormatBool(b)
	}
	if v, ok := obj[keyRule]; ok {
		found = true
		b, err := parseByKeyword(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", keyRule, err)
		}
		a.Rule = b
	}
	if v, ok := obj[keySource]; ok {
		found = true
		s, _ := v.(string)
		switch s {
		case "spec", "guess", "crxlint":
		default:
			return nil, fmt.Errorf("%s: unknown source %v", keySource, v)
		}
		a.Source = s
	}
	if !found {
		return nil, nil
	}
	hasMsg := a.Message.All != "" || len(a.Message.Each) > 0
	if !hasMsg && (a.Verdict.All != "" || len(a.Verdict.Each) > 0) {
		return nil, fmt.Errorf("%s without %s", keyChrome, keyMsg)
	}
	for _, e := range a.Message.Each {
		if _, ok := a.Verdict.Lookup(e[0]); !ok {
			return nil, fmt.Errorf("no %s for keyword %q", keyChrome, e[0])
		}
	}
	if a.Message.All != "" && a.Verdict.All == "" {
		return nil, fmt.Errorf("%s is a string but %s is not", keyMsg, keyChrome)
	}
	return &a, nil
}

func parseByKeyword(v any) (ByKeyword, error) {
	switch v := v.(type) {
	case string:
		if v == "" {
			return ByKeyword{}, errors.New("empty string")
		}
		return ByKeyword{All: v}, nil
	case map[string]any:
		var b ByKeyword
		for _, kw := range sortedKeys(v) {
			str, ok := v[kw].(string)
			if !ok || str == "" {
				return ByKeyword{}, fmt.Errorf("keyword %q: want a non-empty string", kw)
			}
			b.Each = append(b.Each, [2]string{kw, str})
		}
		return b, nil
	default:
		return ByKeyword{}, fmt.Errorf("want a string or an object, got %T", v)
	}
}

// strings returns every string of b.
func (b ByKeyword) strings() []string {
	var out []string
	if b.All != "" {
		out = append(out, b.All)
	}
	for _, e := range b.Each {
		out = append(out, e[1])
	}
	return out
}

// resolve replaces each "@name" with Chrome's message of that name in the
// catalogue that the rules share (package chromemsg).
func (b *ByKeyword) resolve() error {
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
	if b.All, err = lookup(b.All); err != nil {
		return err
	}
	for i := range b.Each {
		if b.Each[i][1], err = lookup(b.Each[i][1]); err != nil {
			return err
		}
	}
	return nil
}

func (a *Annotation) goString() string {
	var parts []string
	for _, f := range []struct {
		name string
		b    ByKeyword
	}{{"verdict", a.Verdict}, {"message", a.Message}, {"rule", a.Rule}} {
		if s := f.b.goString(); s != "" {
			parts = append(parts, f.name+": "+s)
		}
	}
	switch a.OnKey {
	case "true":
		parts = append(parts, "onKey: onKeyTrue")
	case "false":
		parts = append(parts, "onKey: onKeyFalse")
	}
	if a.Source != "" {
		parts = append(parts, "source: "+strconv.Quote(a.Source))
	}
	return "annotation{" + strings.Join(parts, ", ") + "}"
}

func (b ByKeyword) goString() string {
	switch {
	case b.All != "":
		return fmt.Sprintf("byKeyword{all: %q}", b.All)
	case len(b.Each) > 0:
		each := make([]string, len(b.Each))
		for i, e := range b.Each {
			each[i] = fmt.Sprintf("{%q, %q}", e[0], e[1])
		}
		return "byKeyword{each: []keywordText{" + strings.Join(each, ", ") + "}}"
	}
	return ""
}
