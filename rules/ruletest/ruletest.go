// Package ruletest runs a rule over its examples (see package example), as
// analysistest does for go/analysis: each example is a txtar archive whose
// manifest.json marks the diagnostics it expects with // want "regexp"
// comments on their lines. It is for tests only: it links the testing
// package.
package ruletest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/rules/example"
)

// Run checks rule against every example in dir.
func Run(t *testing.T, rule *lint.Rule, dir string, opts ...Option) {
	t.Helper()
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	examples, err := example.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(examples, func(e example.Example) bool { return e.Bad }) ||
		!slices.ContainsFunc(examples, func(e example.Example) bool { return !e.Bad }) {
		t.Fatalf("%s: a rule needs at least one bad-*.txtar and one good-*.txtar example", dir)
	}
	for _, ex := range examples {
		t.Run(ex.Name, func(t *testing.T) { check(t, rule, ex, o) })
	}
}

// An Option changes how Run checks a rule's examples.
type Option func(*options)

type options struct {
	resolve func(id string) []*lint.Rule
}

// WithIgnoredRules has Run also run the rules that an example's
// crxlint-ignore comments name, found with resolve, so that an example can
// show an ignore at work. Their own findings are not checked.
func WithIgnoredRules(resolve func(id string) []*lint.Rule) Option {
	return func(o *options) { o.resolve = resolve }
}

// rulesFor returns the rules to run over an example: the rule under test,
// and with WithIgnoredRules the rules its ignore comments name.
func (o options) rulesFor(rule *lint.Rule, src []byte) []*lint.Rule {
	out := []*lint.Rule{rule}
	if o.resolve == nil {
		return out
	}
	doc, _ := manifest.Parse(src)
	for _, ig := range lint.Ignores(doc) {
		for _, id := range ig.Rules {
			for _, r := range o.resolve(id) {
				if !slices.Contains(out, r) {
					out = append(out, r)
				}
			}
		}
	}
	return out
}

func check(t *testing.T, rule *lint.Rule, ex example.Example, o options) {
	doc, diags, err := lint.CheckWith(o.rulesFor(rule, ex.Manifest), ex.Manifest, ex.Files, lint.Options{Platform: ex.Platform})
	if err != nil {
		t.Fatal(err)
	}
	diags = slices.DeleteFunc(diags, func(d lint.Diagnostic) bool { return d.Rule != rule.ID })
	if doc.Root() == nil && !rule.OnSyntaxError {
		t.Fatalf("the example does not parse: %v", doc.Err())
	}
	wants, err := example.Wants(doc)
	if err != nil {
		t.Fatal(err)
	}
	if ex.Bad && len(wants) == 0 {
		t.Fatal("a bad example needs at least one // want comment")
	}
	if !ex.Bad && len(diags) > 0 {
		for _, d := range diags {
			t.Errorf("%d:%d: unexpected diagnostic in a good example: %s", d.Range.Start.Line, d.Range.Start.Column, d.Message)
		}
		return
	}
	for _, d := range diags {
		checkDiagnostic(t, rule, doc, d)
		i := slices.IndexFunc(wants, func(w example.Want) bool { return w.Line == d.Range.Start.Line && w.Re.MatchString(d.Text()) })
		if i < 0 {
			t.Errorf("%d:%d: unexpected diagnostic: %s", d.Range.Start.Line, d.Range.Start.Column, d.Message)
			continue
		}
		wants = slices.Delete(wants, i, i+1)
	}
	for _, w := range wants {
		t.Errorf("%d: no diagnostic matched %q", w.Line, w.Re)
	}
	if ex.Fixed != nil {
		got, err := ApplyFixes(ex.Manifest, diags)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(ex.Fixed) {
			t.Errorf("after the fixes the manifest is\n%s\nwant\n%s", got, ex.Fixed)
		}
	} else if slices.ContainsFunc(diags, func(d lint.Diagnostic) bool { return len(d.Fixes) > 0 }) {
		t.Errorf("diagnostics offer fixes but the example has no %s.fixed section", example.ManifestName)
	}
}

// checkDiagnostic checks what every diagnostic must satisfy.
func checkDiagnostic(t *testing.T, rule *lint.Rule, doc *manifest.Document, d lint.Diagnostic) {
	t.Helper()
	if d.Rule != rule.ID || d.Severity != rule.Severity || d.Chrome != rule.Chrome {
		t.Errorf("diagnostic %q: rule %q, severity %v, chrome %v; a rule reports with its own ID, severity and verdict (%s, %v, %v)",
			d.Message, d.Rule, d.Severity, d.Chrome, rule.ID, rule.Severity, rule.Chrome)
	}
	// House style: no final period; Chrome's words go to ChromeMessage.
	if d.Message == "" || strings.HasSuffix(d.Message, ".") && !strings.HasSuffix(d.Message, `."`) && !strings.HasSuffix(d.Message, `.")`) {
		t.Errorf("message %q: house style is a non-empty message without a final period", d.Message)
	}
	if strings.Contains(d.Message, "(Chrome: ") {
		t.Errorf("message %q quotes Chrome: put Chrome's words in ChromeMessage", d.Message)
	}
	if d.Range.Start.Offset > d.Range.End.Offset {
		t.Errorf("diagnostic %q: range %+v is reversed", d.Message, d.Range)
	}
	if doc.Root() == nil {
		return
	}
	if _, _, err := doc.Lookup(d.Pointer); err != nil {
		t.Errorf("diagnostic %q: pointer %q does not resolve: %v", d.Message, d.Pointer, err)
		return
	}
	if !addresses(doc, d.Pointer, d.Range) {
		t.Errorf("diagnostic %q: range %d-%d lies outside what %q addresses", d.Message, d.Range.Start.Offset, d.Range.End.Offset, d.Pointer)
	}
}

// addresses reports whether the range lies in the member or value the
// pointer addresses, or in a member of the same key that a later duplicate
// shadows (a pointer cannot tell them apart).
func addresses(doc *manifest.Document, ptr string, r manifest.Range) bool {
	within := func(s manifest.Span) bool { return s.Start <= r.Start.Offset && r.End.Offset <= s.End }
	node, member, _ := doc.Lookup(ptr)
	outer := node.Span()
	if member != nil {
		outer.Start = member.KeySpan.Start
	}
	if within(outer) {
		return true
	}
	tokens, err := manifest.SplitPointer(ptr)
	if err != nil || len(tokens) == 0 {
		return false
	}
	parent, _, err := doc.Lookup(manifest.PointerJoin("", tokens[:len(tokens)-1]...))
	if err != nil {
		return false
	}
	for m := range parent.AllMembers() {
		if m.Key == tokens[len(tokens)-1] && within(manifest.Span{Start: m.KeySpan.Start, End: m.Value.Span().End}) {
			return true
		}
	}
	return false
}

// ApplyFixes applies the first fix of every diagnostic to src. Edits must
// not overlap.
func ApplyFixes(src []byte, diags []lint.Diagnostic) ([]byte, error) {
	var edits []lint.Edit
	for _, d := range diags {
		if len(d.Fixes) > 0 {
			edits = append(edits, d.Fixes[0].Edits...)
		}
	}
	return lint.ApplyEdits(src, edits)
}

// Dir returns the testdata folder of a rule, relative to the rules package.
func Dir(id string) string { return filepath.Join("testdata", id) }

// Orphans returns the folders under testdata that belong to no rule in ids.
func Orphans(testdata string, ids []string) ([]string, error) {
	entries, err := os.ReadDir(testdata)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && !slices.Contains(ids, e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out, nil
}
