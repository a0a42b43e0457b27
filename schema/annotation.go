package schema

import (
	"slices"

	"github.com/crxlint/crxlint/manifest"
)

// annotation is what one subschema says about Chrome's reaction to its
// failures: its x- annotations, checked and with "@name" messages resolved
// by the generator (internal/schemagen).
type annotation struct {
	verdict byKeyword
	message byKeyword
	onKey   onKey
	source  string
	rule    byKeyword
}

// onKey is an x-on-key annotation.
type onKey uint8

const (
	onKeyUnset onKey = iota
	onKeyTrue
	onKeyFalse
)

// byKeyword is an annotation value that is either one string for every
// keyword of its subschema or a string per keyword.
type byKeyword struct {
	all  string
	each []keywordText
}

// keywordText is the string of one keyword.
type keywordText struct {
	keyword, text string
}

func (b byKeyword) lookup(keyword string) (string, bool) {
	if b.all != "" {
		return b.all, true
	}
	for _, e := range b.each {
		if e.keyword == keyword {
			return e.text, true
		}
	}
	return "", false
}

// strings returns every string of b.
func (b byKeyword) strings() []string {
	var out []string
	if b.all != "" {
		out = append(out, b.all)
	}
	for _, e := range b.each {
		out = append(out, e.text)
	}
	return out
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
		v = string(Rejects) // the generator rejects a message without a verdict
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
	return defaultRule(verdict)
}

// sourceOf returns the x-source of the annotation ("" for none).
func (a *annotation) sourceOf() string {
	if a == nil {
		return ""
	}
	return a.source
}

// defaultRule names the problem a failure is when its annotation names
// none: Chrome refuses a value, Chrome ignores a key or permission not
// available to the extension, or crxlint notes a platform difference.
func defaultRule(v Verdict) string {
	switch v {
	case Rejects:
		return "invalid-value"
	case Warns:
		return "unavailable-feature"
	case Accepts:
		return "platform-specific"
	}
	return ""
}

// pointer builds an RFC 6901 JSON pointer from unescaped tokens.
func pointer(tokens []string) string { return manifest.PointerJoin("", tokens...) }

// Rules returns the IDs of the rules that report the schema's violations,
// sorted: every x-rule of the schema and the verdicts' defaults. The rules
// package checks that each names a rule. The error is always nil: the
// schema is checked when it is generated.
func Rules() ([]string, error) {
	ids := []string{defaultRule(Rejects), defaultRule(Warns), defaultRule(Accepts)}
	for i := range nodes {
		if a := nodes[i].note; a != nil {
			ids = append(ids, a.rule.strings()...)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}
