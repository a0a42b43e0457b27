package lsp

import (
	"context"
	"net/url"
	"path/filepath"

	"github.com/crxlint/crxlint/runner"
)

// document is a file the client has open, with its unsaved text.
type document struct {
	uri     string
	version int32
	text    []byte
}

// pathOf returns the file a file: URI names, or false for another scheme.
func pathOf(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return "", false
	}
	return filepath.Clean(filepath.FromSlash(u.Path)), true
}

// uriOf returns the file: URI of an absolute path.
func uriOf(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// manifestOf returns the manifest whose diagnostics depend on the file at
// path: the file itself when it is a manifest.json, else the manifest of
// the nearest folder above it that has one; false for a file in no
// extension.
func manifestOf(path string) (string, bool) {
	if filepath.Base(path) == runner.ManifestName {
		return path, true
	}
	manifests, _ := runner.Manifests([]string{path})
	if len(manifests) == 0 || filepath.Base(manifests[0]) != runner.ManifestName {
		return "", false
	}
	return manifests[0], true
}

func (s *server) didOpen(p *didOpenParams) {
	path, ok := pathOf(p.TextDocument.URI)
	if !ok {
		return
	}
	s.mu.Lock()
	s.docs[path] = &document{uri: p.TextDocument.URI, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
	s.mu.Unlock()
	if m, ok := manifestOf(path); ok {
		s.schedule(m, 0)
	}
}

func (s *server) didChange(p *didChangeParams) {
	path, ok := pathOf(p.TextDocument.URI)
	if !ok || len(p.ContentChanges) == 0 {
		return
	}
	change := p.ContentChanges[len(p.ContentChanges)-1]
	if change.Range != nil {
		return // crxlint asked for whole documents; this one cannot be applied
	}
	s.mu.Lock()
	doc, open := s.docs[path]
	if open {
		doc.version, doc.text = p.TextDocument.Version, []byte(change.Text)
	}
	s.mu.Unlock()
	if !open {
		return
	}
	if m, ok := manifestOf(path); ok { // a script or messages.json changes what the rules find in its manifest
		s.schedule(m, s.opts.Debounce)
	}
}

// didSave lints the extension of the saved file, which may be one the
// client does not report changes of.
func (s *server) didSave(p *didSaveParams) {
	path, ok := pathOf(p.TextDocument.URI)
	if !ok {
		return
	}
	if m, ok := manifestOf(path); ok {
		s.schedule(m, s.opts.Debounce)
	}
}

// didClose forgets the document and, for a manifest, clears its
// diagnostics.
func (s *server) didClose(p *didCloseParams) {
	path, ok := pathOf(p.TextDocument.URI)
	if !ok {
		return
	}
	s.mu.Lock()
	delete(s.docs, path)
	st := s.lints[path]
	if st != nil {
		delete(s.lints, path)
		s.stopLint(st)
	}
	s.mu.Unlock()
	if st == nil {
		return
	}
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	for _, uri := range append([]string{st.uri}, st.others...) {
		_ = s.out.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []diagnostic{}})
	}
}

// lintState is what the server knows of one manifest's lints.
type lintState struct {
	uri    string
	gen    int                // bumped by each schedule; a lint of an older one is stale
	stopFn func() bool        // stops the pending debounce timer
	cancel context.CancelFunc // cancels the running lint
	last   *linted            // the last diagnostics published
	others []string           // the other files they were published for
}

// stopLint stops the manifest's pending and running lints; s.mu is held.
func (s *server) stopLint(st *lintState) {
	st.gen++
	if st.stopFn != nil && st.stopFn() {
		s.wg.Done() // the pending lint will not run
	}
	st.stopFn = nil
	if st.cancel != nil {
		st.cancel()
	}
}

// stopLints stops every lint and waits for the running ones.
func (s *server) stopLints() {
	s.mu.Lock()
	for _, st := range s.lints {
		s.stopLint(st)
	}
	s.mu.Unlock()
	s.wg.Wait()
}
