package lint

import (
	"cmp"
	"fmt"
	"io/fs"

	"github.com/crxlint/crxlint/manifest"
)

// Pass is one run of one rule over one manifest.
type Pass struct {
	Rule     *Rule
	Manifest *manifest.Document
	// Files is the extension's folder, rooted where manifest.json is; nil
	// when the manifest was read alone (from standard input). Rules that
	// set NeedsFiles only run when it is set.
	Files fs.FS
	// Report receives each diagnostic. Rules use the methods below.
	report   func(Diagnostic)
	memo     map[any]any
	platform Platform
}

// NewPass prepares a run of rule over doc, sending diagnostics to report.
// Passes that share memo share the Results they compute (see Result).
func NewPass(rule *Rule, doc *manifest.Document, files fs.FS, report func(Diagnostic), memo map[any]any) *Pass {
	if memo == nil {
		memo = map[any]any{}
	}
	return &Pass{Rule: rule, Manifest: doc, Files: files, report: report, memo: memo}
}

// Platform is the platform whose Chrome the run judges by (see
// Options.Platform): never "".
func (p *Pass) Platform() Platform { return cmp.Or(p.platform, HostPlatform()) }

// Root returns the manifest's top-level object.
func (p *Pass) Root() *manifest.Node { return p.Manifest.Root() }

// Report sends a diagnostic, filling in the rule's ID, severity and verdict
// where it leaves them empty.
func (p *Pass) Report(d Diagnostic) {
	if d.Rule == "" {
		d.Rule = p.Rule.ID
	}
	if d.Severity == 0 {
		d.Severity = p.Rule.Severity
	}
	if d.Chrome == 0 {
		d.Chrome = p.Rule.Chrome
	}
	p.report(d)
}

// Reportf reports a diagnostic on a value.
func (p *Pass) Reportf(n *manifest.Node, format string, args ...any) {
	p.Report(p.At(n, format, args...))
}

// ReportKeyf reports a diagnostic on a member's key.
func (p *Pass) ReportKeyf(m manifest.Member, format string, args ...any) {
	p.Report(p.AtKey(m, format, args...))
}

// At builds a diagnostic on a value, for rules that add fixes or related
// information before they Report it.
func (p *Pass) At(n *manifest.Node, format string, args ...any) Diagnostic {
	return Diagnostic{
		Message: fmt.Sprintf(format, args...),
		Pointer: n.Pointer(),
		Range:   p.Manifest.Range(n.Span()),
	}
}

// AtKey builds a diagnostic on a member's key.
func (p *Pass) AtKey(m manifest.Member, format string, args ...any) Diagnostic {
	return Diagnostic{
		Message: fmt.Sprintf(format, args...),
		Pointer: m.Value.Pointer(),
		Range:   p.Manifest.Range(m.KeySpan),
	}
}

// AtPointer builds a diagnostic on the value a pointer addresses, or on its
// key when onKey is set and the value is an object member. It falls back to
// the nearest existing ancestor, so a report is never lost.
func (p *Pass) AtPointer(ptr string, onKey bool, format string, args ...any) Diagnostic {
	d := Diagnostic{Message: fmt.Sprintf(format, args...), Pointer: ptr}
	d.Range = p.Manifest.Range(p.Manifest.SpanOf(ptr, onKey))
	return d
}

// ReportChrome reports a diagnostic on a value that Chrome itself reports
// with the message chrome, verbatim; format and args are crxlint's advice.
func (p *Pass) ReportChrome(n *manifest.Node, chrome, format string, args ...any) {
	d := p.At(n, format, args...)
	d.ChromeMessage = chrome
	p.Report(d)
}
