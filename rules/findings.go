package rules

import (
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// findings are what one analysis found for a family of rules, by rule ID.
// A check that finds several problems in one pass over the manifest, such
// as the schema's, is one analysis shared by several rules, so that each
// rule ID names one problem with one severity and one Chrome verdict while
// the work is done once.
type findings map[string][]lint.Diagnostic

func (f findings) add(id string, d lint.Diagnostic) { f[id] = append(f[id], d) }

// reportShare returns the Run of a rule that reports its share of what an
// analysis found: the findings filed under the rule's ID.
func reportShare(analysis *lint.Result[findings]) func(*lint.Pass) error {
	return func(pass *lint.Pass) error {
		f, err := analysis.Of(pass)
		if err != nil {
			return err
		}
		for _, d := range f[pass.Rule.ID] {
			pass.Report(d)
		}
		return nil
	}
}

// report files a diagnostic on n under the rule id: crxlint's message and,
// when Chrome has words for the problem, Chrome's own.
func (f findings) report(pass *lint.Pass, id string, n *manifest.Node, message, chrome string) {
	d := pass.At(n, "%s", message)
	d.ChromeMessage = chrome
	f.add(id, d)
}
