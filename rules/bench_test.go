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

// runRules runs rules over one example parsed already, as the runner
// does (lint.CheckDocument): for the example's platform, with its ignore
// comments applied. BenchmarkParse in package manifest measures the parse.
func runRules(b *testing.B, rs []*lint.Rule, e benchExample) {
	if _, err := lint.CheckDocument(rs, e.doc, e.ex.Files, lint.Options{Platform: e.ex.Platform}); err != nil {
		b.Fatalf("%s: %v", e.name, err)
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
