package rules_test

import (
	"slices"
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/rules/example"
	"github.com/crxlint/crxlint/rules/ruletest"
)

// benchExample is an example parsed once, outside the timed loop.
type benchExample struct {
	name string
	doc  *manifest.Document
	ex   example.Example
}

// loadBenchExamples parses the examples of a rule as lint.CheckWith parses
// a manifest, with manifest.ParseAll.
func loadBenchExamples(b *testing.B, id string) []benchExample {
	b.Helper()
	examples, err := example.Load(ruletest.Dir(id))
	if err != nil {
		b.Fatal(err)
	}
	out := make([]benchExample, len(examples))
	for i, ex := range examples {
		out[i] = benchExample{name: id + "/" + ex.Name, doc: manifest.ParseAll(ex.Manifest), ex: ex}
	}
	return out
}

// runRules runs rules over one example, one lint.Pass a rule, as
// lint.CheckWith does: a rule that needs files only runs with some, only the
// syntax rule runs on a manifest that does not parse, and the passes share
// their Results.
//
// The passes judge by the host's platform (lint.NewPass sets no other), so
// the few examples written for another platform run the same code with
// another verdict. The manifest is parsed already and ignores are not
// applied: BenchmarkParse in package manifest and BenchmarkLint in package
// runner measure those, and with them the work of the rules "syntax" and
// "unused-ignore", which lint.CheckWith does around the rules.
func runRules(b *testing.B, rs []*lint.Rule, e benchExample) {
	var diags []lint.Diagnostic
	report := func(d lint.Diagnostic) { diags = append(diags, d) }
	memo := map[any]any{}
	for _, r := range rs {
		if r.NeedsFiles && e.ex.Files == nil || e.doc.Root() == nil && !r.OnSyntaxError {
			continue
		}
		if err := r.Run(lint.NewPass(r, e.doc, e.ex.Files, report, memo)); err != nil {
			b.Fatalf("%s: %v", e.name, err)
		}
	}
}

// benchRules runs a sub-benchmark in which one operation runs rs over
// every example. It also reports the time per example, since rules have
// more or fewer of them.
func benchRules(b *testing.B, name string, rs []*lint.Rule, examples []benchExample) {
	b.Run(name, func(b *testing.B) {
		for _, e := range examples { // once untimed, so that a broken rule fails before timing
			runRules(b, rs, e)
		}
		b.ReportAllocs()
		for b.Loop() {
			for _, e := range examples {
				runRules(b, rs, e)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(examples)), "ns/example")
	})
}

// BenchmarkRule runs each rule alone over its own examples.
func BenchmarkRule(b *testing.B) {
	for _, r := range rules.All() {
		benchRules(b, r.ID, []*lint.Rule{r}, loadBenchExamples(b, r.ID))
	}
}

// BenchmarkCategory runs the rules of one category together over the
// examples of every rule, so that a family's cost shows with the Results
// its rules share; "all" runs every rule.
func BenchmarkCategory(b *testing.B) {
	all := rules.All()
	var examples []benchExample
	byCategory := map[lint.Category][]*lint.Rule{}
	var categories []lint.Category
	for _, r := range all {
		examples = append(examples, loadBenchExamples(b, r.ID)...)
		if byCategory[r.Category] == nil {
			categories = append(categories, r.Category)
		}
		byCategory[r.Category] = append(byCategory[r.Category], r)
	}
	slices.Sort(categories)
	for _, c := range categories {
		benchRules(b, string(c), byCategory[c], examples)
	}
	benchRules(b, "all", all, examples)
}
