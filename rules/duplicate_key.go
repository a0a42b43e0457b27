package rules

import (
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// DuplicateKey reports a key given twice in one object.
var DuplicateKey = &lint.Rule{
	ID:       "duplicate-key",
	Title:    "A key is given twice in the same object",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: `When an object names the same key twice, Chrome keeps the last value and drops the
earlier ones without a word. That is rarely what the author meant: usually a merge or a
copy and paste left two versions of a setting, and the one that wins is the one further
down the file. Keep one of them.`,
	Run: runDuplicateKey,
}

func runDuplicateKey(pass *lint.Pass) error {
	var walk func(n *manifest.Node)
	walk = func(n *manifest.Node) {
		switch n.Kind() {
		case manifest.Object:
			first := make(map[string]manifest.Member)
			for m := range n.AllMembers() {
				if prev, ok := first[m.Key]; ok {
					d := pass.AtKey(m, "key %q is given again; Chrome keeps this value and ignores the one on line %d; remove one of them",
						m.Key, pass.Manifest.Position(prev.KeySpan.Start).Line)
					d.Related = []lint.Related{{
						Pointer: prev.Value.Pointer(),
						Range:   pass.Manifest.Range(prev.KeySpan),
						Message: "the value Chrome ignores",
					}}
					d.Fixes = []lint.Fix{{
						Message: "remove the value Chrome ignores",
						Edits:   []lint.Edit{removeEdit(pass.Manifest.Source(), manifest.Span{Start: prev.KeySpan.Start, End: prev.Value.Span().End})},
					}}
					pass.Report(d)
				} else {
					first[m.Key] = m
				}
				walk(m.Value)
			}
		case manifest.Array:
			for _, e := range n.Elems() {
				walk(e)
			}
		}
	}
	walk(pass.Root())
	return nil
}
