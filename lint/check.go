package lint

import (
	"fmt"
	"io/fs"
	"runtime/debug"

	"github.com/crxlint/crxlint/manifest"
)

// Check parses a manifest and runs rules over it. files is the extension's
// folder, or nil when the manifest stands alone; rules that need files are
// skipped then. When the manifest does not parse, only rules that handle
// syntax errors run (see Rule.OnSyntaxError). The diagnostics come back
// sorted and de-duplicated; an error means a rule broke.
func Check(rules []*Rule, src []byte, files fs.FS) (*manifest.Document, []Diagnostic, error) {
	doc, _ := manifest.Parse(src)
	var diags []Diagnostic
	report := func(d Diagnostic) { diags = append(diags, d) }
	memo := map[any]any{} // rules run one after another within a manifest
	for _, r := range rules {
		if r.NeedsFiles && files == nil {
			continue
		}
		if doc.Root() == nil && !r.OnSyntaxError {
			continue
		}
		if err := run(r, NewPass(r, doc, files, report, memo)); err != nil {
			return doc, Sort(diags), err
		}
	}
	return doc, Sort(diags), nil
}

// run calls a rule, turning a panic into an error that names the rule.
func run(r *Rule, p *Pass) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("rule %s panicked: %v\n%s", r.ID, v, debug.Stack())
		}
	}()
	if err := r.Run(p); err != nil {
		return fmt.Errorf("rule %s: %w", r.ID, err)
	}
	return nil
}
