package rules

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/crxlint/crxlint/extension"
	"github.com/crxlint/crxlint/internal/lines"
	"github.com/crxlint/crxlint/jsscan"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
)

// extensionFiles is the list of the extension's files, walked once per
// manifest for all the rules that need it (see extension.Files for what it
// leaves out, and its limit).
var extensionFiles = lint.NewResult("files", func(pass *lint.Pass) (*extension.Files, error) {
	return extension.ListFiles(pass.Files), nil
})

// files returns the extension's file list.
func files(pass *lint.Pass) *extension.Files {
	list, _ := extensionFiles.Of(pass)
	return list
}

// extensionSources is the extension's JavaScript and where each script
// runs, scanned once per manifest for all the rules that read them.
var extensionSources = lint.NewResult("sources", func(pass *lint.Pass) (*extension.Sources, error) {
	return extension.Load(pass.Root(), pass.Files, files(pass)), nil
})

// extensionCode returns the extension's scanned scripts.
func extensionCode(pass *lint.Pass) *extension.Sources {
	src, _ := extensionSources.Of(pass)
	return src
}

// jsPos cites a place in a script as path:line:column, as crxlint's
// messages name JavaScript; the column counts UTF-16 code units, as
// editors do.
func jsPos(s *extension.Script, r jsscan.Range) string {
	if r.IsZero() {
		return s.Path
	}
	return fmt.Sprintf("%s:%d:%d", s.Path, r.Start.Line, r.Start.Column)
}

// atScript builds a diagnostic about the code of s. crxlint's output
// addresses the manifest, so the diagnostic goes on the value that loads
// s: the service worker, or the content script's entry in a js list (the
// whole list for a module one of them imports). A script the manifest does
// not name, such as a page's, gets the root's "{".
func atScript(pass *lint.Pass, s *extension.Script, format string, args ...any) lint.Diagnostic {
	root := pass.Root()
	if n := root.Get("background").Get("service_worker"); namesScript(n, s) {
		return pass.At(n, format, args...)
	}
	for _, cs := range s.ContentScripts {
		for _, js := range cs.Get("js").Elems() {
			if namesScript(js, s) {
				return pass.At(js, format, args...)
			}
		}
	}
	if len(s.ContentScripts) > 0 && s.ContentScripts[0].Get("js") != nil {
		return pass.At(s.ContentScripts[0].Get("js"), format, args...)
	}
	d := pass.At(root, format, args...)
	d.Range = openingBrace(pass.Manifest, root)
	return d
}

// namesScript reports whether the manifest value n is the path of s.
func namesScript(n *manifest.Node, s *extension.Script) bool {
	p, ok := n.Str()
	if !ok {
		return false
	}
	name, inside := filePath(p, false)
	return inside && name == s.Path
}

// csPage is one pattern of a content script's matches.
type csPage struct {
	node    *manifest.Node
	pattern matchpattern.Pattern
	// pieces cut the pattern into one pattern a scheme whose pages Chrome
	// loads (http, https, file), since entries often cover them apart.
	pieces []matchpattern.Pattern
}

// contentScriptPages reads the matches of a content_scripts entry, skipping
// patterns Chrome refuses (content-script-pattern reports them).
func contentScriptPages(cs *manifest.Node) []csPage {
	const pageSchemes = matchpattern.SchemeHTTP | matchpattern.SchemeHTTPS | matchpattern.SchemeFile
	var out []csPage
	for _, n := range cs.Get("matches").Elems() {
		s, _ := n.Str()
		p, r := parsePattern(s, matchpattern.ContentScriptSchemes)
		if r != matchpattern.Success {
			continue
		}
		texts := []string{p.String()}
		switch {
		case p.MatchAllURLs():
			texts = []string{"http://*/*", "https://*/*", "file:///*"}
		case p.Scheme() == "*":
			rest := strings.TrimPrefix(p.String(), "*")
			texts = []string{"http" + rest, "https" + rest}
		}
		page := csPage{node: n, pattern: p}
		for _, t := range texts {
			if q, err := matchpattern.Parse(t, pageSchemes); err == nil {
				page.pieces = append(page.pieces, q)
			}
		}
		out = append(out, page)
	}
	return out
}

// withCode adds to a diagnostic about the code of s the place in s it is
// about, so that the formats point at the code line too. The diagnostic
// keeps its place in the manifest, where the fix goes.
func withCode(pass *lint.Pass, d lint.Diagnostic, s *extension.Script, r jsscan.Range, what string) lint.Diagnostic {
	if r.IsZero() || pass.Files == nil {
		return d
	}
	rel := lint.Related{Path: s.Path, Message: what, Range: manifest.Range{Start: r.Start, End: r.End}}
	if src, err := fs.ReadFile(pass.Files, s.Path); err == nil {
		ix := lines.New(src)
		if start, end, ok := ix.Bounds(r.Start.Line); ok {
			rel.Line, rel.LineStart = string(src[start:end]), start
			rel.Ignored = ignoredAt(src, ix, r.Start.Line)
		}
	}
	d.Related = append(d.Related, rel)
	return d
}

// ignoredAt returns the rules that crxlint-ignore comments with a reason
// silence on line n of a script: a // comment that ends the line, or a
// comment alone on the line before it.
func ignoredAt(src []byte, ix *lines.Index, n int) []string {
	var out []string
	if start, end, ok := ix.Bounds(n); ok {
		if i := strings.LastIndex(string(src[start:end]), "// crxlint-ignore"); i >= 0 {
			out = append(out, withReason(string(src[start+i:end]))...)
		}
	}
	if start, end, ok := ix.Bounds(n - 1); ok {
		out = append(out, withReason(string(src[start:end]))...)
	}
	return out
}

// withReason returns the rules a directive names, if it gives a reason.
func withReason(comment string) []string {
	if rules, reason, ok := lint.ParseIgnore(comment); ok && reason != "" {
		return rules
	}
	return nil
}
