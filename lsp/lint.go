package lsp

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/runner"
)

// linted is one lint's outcome: the text it read and what it found there.
type linted struct {
	uri     string
	dir     string // the extension's folder
	version *int32 // the open document's version; nil when read from disk
	text    *text
	diags   []lint.Diagnostic
	errs    []string // why the lint is incomplete, shown at the manifest's start
}

// schedule lints the manifest at path after delay, replacing a lint that
// is pending or running: a burst of changes lints once, on the last text.
func (s *server) schedule(path string, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateRunning {
		return
	}
	st := s.lints[path]
	if st == nil {
		st = &lintState{uri: uriOf(path)}
		s.lints[path] = st
	}
	s.stopLint(st)
	gen := st.gen
	s.wg.Add(1)
	st.stopFn = s.afterFunc(delay, func() {
		defer s.wg.Done()
		s.lint(path, gen)
	})
}

// lint lints the manifest at path, unless a newer lint was scheduled, and
// publishes its diagnostics.
func (s *server) lint(path string, gen int) {
	s.mu.Lock()
	st := s.lints[path]
	if st == nil || st.gen != gen {
		s.mu.Unlock()
		return
	}
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	st.cancel = cancel
	out := &linted{uri: st.uri, dir: filepath.Dir(path)}
	var src []byte
	if doc := s.docs[path]; doc != nil {
		out.uri, src = doc.uri, doc.text
		v := doc.version
		out.version = &v
	}
	buffers := s.buffersIn(filepath.Dir(path), path)
	encoding := s.encoding
	s.mu.Unlock()

	dir := filepath.Dir(path)
	cfg, err := s.opts.Config(dir)
	if err != nil {
		out.errs = append(out.errs, fmt.Sprintf("crxlint could not read its configuration, so every rule runs at its default severity: %v", err))
		cfg = nil
	}
	linter := runner.New(runner.Options{
		Rules:  s.opts.Rules,
		Config: func(string) *config.Config { return cfg },
		Limits: s.opts.Limits,
	})
	res := linter.LintEdited(ctx, path, src, dir, buffers)
	if src == nil && res.Doc != nil {
		src = res.Doc.Source()
	}
	if ctx.Err() != nil {
		return // a newer lint replaced this one
	}
	if res.Err != nil {
		out.errs = append(out.errs, fmt.Sprintf("crxlint's report is incomplete: %v", res.Err))
	}
	out.text = newText(src, encoding)
	out.diags = res.Diagnostics

	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	pubs := s.publications(out)
	s.mu.Lock()
	current := s.lints[path] == st && st.gen == gen
	if current {
		st.last = out
		pubs, st.others = withCleared(pubs, st.others)
	}
	s.mu.Unlock()
	if current {
		for _, p := range pubs {
			_ = s.out.notify("textDocument/publishDiagnostics", p)
		}
	}
}

// buffersIn returns the unsaved text of the open files in the extension
// folder dir other than its manifest, by slash-separated path relative to
// dir; s.mu is held. The texts are shared, never changed: a change
// replaces a document's text.
func (s *server) buffersIn(dir, manifest string) map[string][]byte {
	var out map[string][]byte
	for p, doc := range s.docs {
		rel, err := filepath.Rel(dir, p)
		if p == manifest || err != nil || !filepath.IsLocal(rel) {
			continue
		}
		if out == nil {
			out = map[string][]byte{}
		}
		out[filepath.ToSlash(rel)] = doc.text
	}
	return out
}

// publications converts a lint's outcome to the LSP's diagnostics: the
// manifest's first, then one for each other file of the extension that a
// finding points into, such as the script whose call it is about.
func (s *server) publications(l *linted) []publishDiagnosticsParams {
	manifest := publishDiagnosticsParams{URI: l.uri, Version: l.version, Diagnostics: []diagnostic{}}
	for _, e := range l.errs {
		manifest.Diagnostics = append(manifest.Diagnostics, diagnostic{
			Range: l.text.rangeOf(0, 0), Severity: severityError, Source: "crxlint", Message: e,
		})
	}
	others := map[string][]diagnostic{}
	for _, d := range l.diags {
		ld := s.diagnostic(l, d)
		manifest.Diagnostics = append(manifest.Diagnostics, ld)
		for i, r := range d.Related {
			if r.Path == "" {
				continue
			}
			at := ld.RelatedInformation[i].Location
			here := ld
			here.Range = at.Range
			here.Message = fmt.Sprintf("%s: %s", r.Message, ld.Message)
			here.RelatedInformation = []diagnosticRelatedInformation{{
				Location: location{URI: l.uri, Range: ld.Range}, Message: "the finding in manifest.json",
			}}
			others[at.URI] = append(others[at.URI], here)
		}
	}
	pubs := []publishDiagnosticsParams{manifest}
	for _, uri := range slices.Sorted(maps.Keys(others)) {
		pubs = append(pubs, publishDiagnosticsParams{URI: uri, Diagnostics: others[uri]})
	}
	return pubs
}

// withCleared adds to pubs an empty publication for each file of before
// that pubs no longer names, so that its diagnostics go, and returns the
// files other than the manifest that pubs names.
func withCleared(pubs []publishDiagnosticsParams, before []string) (_ []publishDiagnosticsParams, others []string) {
	for _, p := range pubs[1:] {
		others = append(others, p.URI)
	}
	for _, uri := range before {
		if !slices.Contains(others, uri) {
			pubs = append(pubs, publishDiagnosticsParams{URI: uri, Diagnostics: []diagnostic{}})
		}
	}
	return pubs, others
}

var severities = map[lint.Severity]int{lint.Error: severityError, lint.Warning: severityWarning, lint.Info: severityInformation}

func (s *server) diagnostic(l *linted, d lint.Diagnostic) diagnostic {
	out := diagnostic{
		Range:    l.text.rangeOf(d.Range.Start.Offset, d.Range.End.Offset),
		Severity: severities[d.Severity],
		Code:     d.Rule,
		Source:   "crxlint",
		Message:  d.Text(),
	}
	if out.Severity == 0 {
		out.Severity = severityError
	}
	if href := s.opts.HelpURI(d.Rule); href != "" {
		out.CodeDescription = &codeDescription{Href: href}
	}
	for _, r := range d.Related {
		out.RelatedInformation = append(out.RelatedInformation, diagnosticRelatedInformation{
			Location: l.place(r),
			Message:  r.Message,
		})
	}
	return out
}

// place locates a related place: in the manifest through its text, in
// another file of the extension through the line the rule quotes.
func (l *linted) place(r lint.Related) location {
	if r.Path == "" {
		return location{URI: l.uri, Range: l.text.rangeOf(r.Range.Start.Offset, r.Range.End.Offset)}
	}
	uri := uriOf(filepath.Join(l.dir, filepath.FromSlash(r.Path)))
	return location{URI: uri, Range: rangeLSP{Start: l.quoted(r, r.Range.Start), End: l.quoted(r, r.Range.End)}}
}

// quoted converts a position in another file of the extension. crxlint's
// columns count UTF-16 already; for another encoding, a position on the
// quoted line is counted in its text, and one on a later line (the end of
// a range over several lines) keeps its UTF-16 column.
func (l *linted) quoted(r lint.Related, p manifest.Position) position {
	if p.Line < 1 {
		return position{} // the file's start: the rule knows no place in it
	}
	char := p.Column - 1
	if n := p.Offset - r.LineStart; l.text.encoding != encodingUTF16 && p.Line == r.Range.Start.Line && r.Line != "" && n >= 0 && n <= len(r.Line) {
		switch l.text.encoding {
		case encodingUTF8:
			char = n
		case encodingUTF32:
			char = utf8.RuneCountInString(r.Line[:n])
		}
	}
	return position{Line: p.Line - 1, Character: char}
}

// current returns the last lint of the open document at uri when it was
// of the document's present text, else nil: positions in a request about a
// newer text would not match the lint's.
func (s *server) current(uri string) *linted {
	path, ok := pathOf(uri)
	if !ok {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, st := s.docs[path], s.lints[path]
	if doc == nil || st == nil || st.last == nil || st.last.version == nil || *st.last.version != doc.version {
		return nil
	}
	return st.last
}

// codeAction offers each fix of the diagnostics that touch the range as a
// quick fix.
func (s *server) codeAction(p *codeActionParams) ([]codeAction, error) {
	actions := []codeAction{}
	l := s.current(p.TextDocument.URI)
	if l == nil {
		return actions, nil
	}
	start, end := l.text.offset(p.Range.Start), l.text.offset(p.Range.End)
	for _, d := range l.diags {
		if d.Range.End.Offset < start || d.Range.Start.Offset > end || len(d.Fixes) == 0 {
			continue
		}
		for _, f := range d.Fixes {
			edits := make([]textEdit, 0, len(f.Edits))
			for _, e := range f.Edits {
				edits = append(edits, textEdit{Range: l.text.rangeOf(e.Start, e.End), NewText: e.New})
			}
			actions = append(actions, codeAction{
				Title:       f.Message,
				Kind:        codeActionQuickFix,
				Diagnostics: []diagnostic{s.diagnostic(l, d)},
				IsPreferred: len(d.Fixes) == 1,
				Edit:        workspaceEdit{Changes: map[string][]textEdit{l.uri: edits}},
			})
		}
	}
	return actions, nil
}

// hover describes the findings at the position: each rule's title, the
// message and a link to the rule's documentation.
func (s *server) hover(p *hoverParams) (*hover, error) {
	l := s.current(p.TextDocument.URI)
	if l == nil {
		return nil, nil //nolint:nilnil // the LSP's answer for nothing to show is null
	}
	at := l.text.offset(p.Position)
	var value string
	var span *rangeLSP
	for _, d := range l.diags {
		if at < d.Range.Start.Offset || at > d.Range.End.Offset {
			continue
		}
		if value != "" {
			value += "\n\n---\n\n"
		}
		value += s.describe(d)
		if span == nil {
			r := l.text.rangeOf(d.Range.Start.Offset, d.Range.End.Offset)
			span = &r
		}
	}
	if value == "" {
		return nil, nil //nolint:nilnil // the LSP's answer for nothing to show is null
	}
	return &hover{Contents: markupContent{Kind: "markdown", Value: value}, Range: span}, nil
}

// describe is a finding's hover text in Markdown.
func (s *server) describe(d lint.Diagnostic) string {
	title := d.Rule
	for _, r := range s.opts.Rules {
		if r.ID == d.Rule {
			title = fmt.Sprintf("%s: %s", r.ID, r.Title)
			break
		}
	}
	text := fmt.Sprintf("**%s** (%s, Chrome %s)\n\n%s", title, d.Severity, d.Chrome, d.Text())
	if href := s.opts.HelpURI(d.Rule); href != "" {
		text += fmt.Sprintf("\n\n[Documentation of %s](%s)", d.Rule, href)
	}
	return text
}
