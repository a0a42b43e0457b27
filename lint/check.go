package lint

import (
	"fmt"
	"io/fs"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/manifest"
)

// Check parses a manifest and runs rules over it, as CheckWith with the
// default options (the host's platform).
func Check(rules []*Rule, src []byte, files fs.FS) (*manifest.Document, []Diagnostic, error) {
	return CheckWith(rules, src, files, Options{})
}

// CheckWith parses a manifest and runs rules over it. files is the extension's
// folder, or nil when the manifest stands alone; rules that need files are
// skipped then. When the manifest does not parse, only rules that handle
// syntax errors run (see Rule.OnSyntaxError). The diagnostics come back
// sorted and de-duplicated; an error means a rule broke.
//
// Then the manifest's ignore comments (see Ignores) silence what they name,
// and, when the rule UnusedIgnore is among rules, each ignore that names a
// rule that ran but silences nothing is reported under it.
func CheckWith(rules []*Rule, src []byte, files fs.FS, opts Options) (*manifest.Document, []Diagnostic, error) {
	doc := manifest.ParseAll(src)
	diags, err := CheckDocument(rules, doc, files, opts)
	return doc, diags, err
}

// CheckDocument is CheckWith on a manifest parsed already, by
// manifest.ParseAll, as a benchmark of the rules alone needs it.
func CheckDocument(rules []*Rule, doc *manifest.Document, files fs.FS, opts Options) ([]Diagnostic, error) {
	platform := opts.platform()
	var diags []Diagnostic
	report := func(d Diagnostic) { diags = append(diags, d) }
	memo := map[any]any{} // rules run one after another within a manifest
	var ran []*Rule
	for _, r := range rules {
		if r.NeedsFiles && files == nil {
			continue
		}
		if doc.Root() == nil && !r.OnSyntaxError {
			continue
		}
		pass := NewPass(r, doc, files, report, memo)
		pass.platform = platform
		if err := run(r, pass); err != nil {
			return Sort(diags), err
		}
		ran = append(ran, r)
	}
	if doc.Root() == nil {
		return Sort(diags), nil
	}
	diags = withoutDropped(diags)
	diags, unused := silence(doc, diags, ran)
	if i := slices.IndexFunc(ran, func(r *Rule) bool { return r.ID == UnusedIgnore }); i >= 0 {
		pass := NewPass(ran[i], doc, files, report, memo)
		pass.platform = platform
		for _, ig := range unused {
			pass.Report(pass.AtPointer(ig.Pointer, true, "the crxlint-ignore comment for %s silences nothing here; remove it, as the problem it was for is gone", strings.Join(ig.Rules, ", ")))
		}
	}
	return Sort(diags), nil
}

// ignoredInCode reports whether an ignore comment in the code the
// diagnostic is about silences a rule of these IDs.
func ignoredInCode(d Diagnostic, ids []string) bool {
	return slices.ContainsFunc(d.Related, func(r Related) bool {
		return slices.ContainsFunc(r.Ignored, func(name string) bool { return slices.Contains(ids, name) })
	})
}

// UnusedIgnore is the ID of the rule under which Check reports ignore
// comments that silence nothing.
const UnusedIgnore = "unused-ignore"

// silence drops the diagnostics the manifest's ignore comments silence, and
// returns the ignores that silence nothing although a rule they name ran.
func silence(doc *manifest.Document, diags []Diagnostic, ran []*Rule) (kept []Diagnostic, unused []Ignore) {
	names := ruleNames(ran)
	diags = slices.DeleteFunc(diags, func(d Diagnostic) bool { return ignoredInCode(d, names(d.Rule)) })
	ignores := Ignores(doc)
	if len(ignores) == 0 {
		return diags, nil
	}
	used := make([]bool, len(ignores))
	for _, d := range diags {
		i := slices.IndexFunc(ignores, func(ig Ignore) bool { return ig.covers(names(d.Rule), d.Pointer) })
		if i < 0 {
			kept = append(kept, d)
			continue
		}
		used[i] = true
	}
	for i, ig := range ignores {
		if !used[i] && ig.Reason != "" && ig.Target != (manifest.Span{}) && slices.ContainsFunc(ran, ig.names) {
			unused = append(unused, ig)
		}
	}
	return kept, unused
}

// ruleNames returns a function that gives a rule's ID and aliases by ID,
// for the rules of ran; it gathers them for the rules asked about only,
// since most manifests have few findings.
func ruleNames(ran []*Rule) func(id string) []string {
	names := map[string][]string{}
	return func(id string) []string {
		n, ok := names[id]
		if !ok {
			if i := slices.IndexFunc(ran, func(r *Rule) bool { return r.ID == id }); i >= 0 {
				n = append([]string{id}, ran[i].Aliases...)
			}
			names[id] = n
		}
		return n
	}
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

// withoutDropped removes the diagnostics at or under a value Chrome drops
// whole (Diagnostic.ChromeDrops), but those that say it drops one.
func withoutDropped(diags []Diagnostic) []Diagnostic {
	var dropped []string
	for _, d := range diags {
		if d.ChromeDrops {
			dropped = append(dropped, d.Pointer)
		}
	}
	if len(dropped) == 0 {
		return diags
	}
	return slices.DeleteFunc(diags, func(d Diagnostic) bool {
		return !d.ChromeDrops && slices.ContainsFunc(dropped, func(p string) bool {
			return d.Pointer == p || strings.HasPrefix(d.Pointer, p+"/")
		})
	})
}
