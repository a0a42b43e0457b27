package rules

import (
	"io/fs"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// redirectTargets is the extension's files that declarativeNetRequest
// rules redirect requests to, in every ruleset, enabled or not (an
// extension can enable one at run time). A page whose request is
// redirected to one loads it, so it must be web accessible to that page.
type redirectTargets struct {
	paths []string // files named by extensionPath, or by a url on the extension's origin
	// computed reports a regexSubstitution onto the extension's origin,
	// which may name any of its files.
	computed bool
}

// extensionOrigin starts the URLs of the extension's own files.
const extensionOrigin = "chrome-extension://"

// dnrRedirects reads the redirect rules of the extension's rulesets.
// Rule files Chrome refuses are invalid-ruleset's; their rules are read
// as far as they go.
func dnrRedirects(pass *lint.Pass) redirectTargets {
	var out redirectTargets
	if pass.Files == nil {
		return out
	}
	for _, rs := range pass.Root().Get("declarative_net_request").Get("rule_resources").Elems() {
		raw, _ := rs.Get("path").Str()
		name, inside := filePath(raw, false)
		if !inside || name == "" {
			continue
		}
		src, err := fs.ReadFile(pass.Files, name)
		if err != nil {
			continue
		}
		for _, rule := range readStrictJSON(src).value.Elems() {
			out.add(rule.Get("action"))
		}
	}
	return out
}

// add records the target of a rule's action, if it redirects into the
// extension.
func (t *redirectTargets) add(action *manifest.Node) {
	if typ, _ := action.Get("type").Str(); typ != "redirect" {
		return
	}
	redirect := action.Get("redirect")
	if p, ok := redirect.Get("extensionPath").Str(); ok {
		if name, inside := filePath(p, true); inside && name != "" { // a path with an optional query
			t.paths = append(t.paths, name)
		}
	}
	if u, ok := redirect.Get("url").Str(); ok && strings.HasPrefix(strings.ToLower(u), extensionOrigin) {
		if _, p, ok := strings.Cut(u[len(extensionOrigin):], "/"); ok {
			if name, inside := filePath("/"+p, true); inside && name != "" {
				t.paths = append(t.paths, name)
			}
		}
	}
	if s, ok := redirect.Get("regexSubstitution").Str(); ok && strings.Contains(strings.ToLower(s), extensionOrigin) {
		t.computed = true
	}
}

// reach reports whether a redirect may lead a page to a file the entry
// lists.
func (t redirectTargets) reach(e warEntry) bool {
	if t.computed {
		return true
	}
	for _, p := range t.paths {
		if e.lists(p) {
			return true
		}
	}
	return false
}
