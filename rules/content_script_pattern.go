package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/matchpattern"
)

// ContentScriptPattern reports content_scripts entries Chrome refuses or
// skips: match patterns it cannot parse, paths that match_origin_as_fallback
// does not allow, and script or style files of the wrong type.
var ContentScriptPattern = &lint.Rule{
	ID:       "content-script-pattern",
	Title:    "A content script's match pattern or file Chrome cannot use",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "Every entry of `matches` and `exclude_matches` in `content_scripts` must be a match pattern\n" +
		"such as `https://example.com/*` or `<all_urls>`, with the scheme `http`, `https`, `file`,\n" +
		"`ftp` or `*` (http and https). One pattern Chrome cannot parse stops the whole extension\n" +
		"from loading. The usual mistakes are a missing path (`https://example.com` needs `/*`), a\n" +
		"port with the `*` scheme (`*://localhost:3000/*`; write `http://localhost:3000/*`), `*` in\n" +
		"the middle of a host, and schemes content scripts cannot run on, such as `chrome://` and\n" +
		"`chrome-extension://`.\n\n" +
		"With `match_origin_as_fallback: true`, a script is matched by the origin of the frame,\n" +
		"so every pattern in `matches` must have the path `/*`; anything else stops the load.\n\n" +
		"Chrome takes a file's type from its name: `js` files must end in `.js` or `.mjs` and `css`\n" +
		"files in `.css` (or `.scss`), in any letter case. For any other file, such as a TypeScript\n" +
		"source (`.ts`, `.tsx`, `.jsx`) or `.cjs`, Chrome warns \"Invalid script mime type\" and\n" +
		"skips the whole entry, so none of its scripts run. List the files your build produces.\n\n" +
		"An empty `matches` list, and an entry with neither `js` nor `css` files, are reported by\n" +
		"the schema rule.",
	Run: runContentScriptPattern,
}

// contentScriptSchemes names the schemes of matchpattern.ContentScriptSchemes
// that an extension can use.
const contentScriptSchemes = `http, https, file or ftp, or "*" for http and https`

const msgMatchOriginPath = "The path component for scripts with 'match_origin_as_fallback' must be '*'."

func runContentScriptPattern(pass *lint.Pass) error {
	for i, cs := range pass.Root().Get("content_scripts").Elems() {
		fallback, _ := cs.Get("match_origin_as_fallback").Boolean()
		for _, key := range []string{"matches", "exclude_matches"} {
			for j, n := range cs.Get(key).Elems() {
				if s, ok := n.Str(); ok {
					checkContentScriptPattern(pass, n, s, fmt.Sprintf("content_scripts[%d].%s[%d]", i, key, j), fallback && key == "matches")
				}
			}
		}
		checkContentScriptFiles(pass, cs.Get("js"), isScriptFile,
			"content script %s is not a .js or .mjs file, so Chrome skips this content_scripts entry; list the JavaScript file your build produces",
			"content scripts can only be loaded from supported JavaScript files such as .js files.")
		checkContentScriptFiles(pass, cs.Get("css"), isStyleFile,
			"content script stylesheet %s is not a .css file, so Chrome skips this content_scripts entry; list the CSS file your build produces",
			"content script style sheets can only be loaded from supported style sheet files such as .css files.")
	}
	return nil
}

func checkContentScriptPattern(pass *lint.Pass, n *manifest.Node, s, where string, originOnly bool) {
	p, r := parsePattern(s, matchpattern.ContentScriptSchemes)
	switch {
	case r != matchpattern.Success:
		fault, remedy := patternFault(s, r, matchpattern.ContentScriptSchemes, contentScriptSchemes)
		pass.Reportf(n, "match pattern %s %s; %s (Chrome: %q)", quote(s), fault, remedy,
			fmt.Sprintf("Invalid value for '%s': %s", where, r))
	case originOnly && p.Path() != "/*":
		pass.Reportf(n, "match pattern %s has the path %q, but with match_origin_as_fallback Chrome matches origins only; write %s (Chrome: %q)",
			quote(s), p.Path(), quote(originPattern(p)), msgMatchOriginPath)
	}
}

// checkContentScriptFiles reports the files of a js or css list whose name
// does not give the type Chrome needs: format says so for one file, and
// chromeTail is the end of Chrome's message. Chrome skips the entry at its
// first such file; crxlint names them all.
func checkContentScriptFiles(pass *lint.Pass, list *manifest.Node, valid func(name string) bool, format, chromeTail string) {
	for _, n := range list.Elems() {
		name, ok := n.Str()
		if !ok || valid(name) {
			continue
		}
		d := pass.At(n, format, quote(name))
		d.Message += fmt.Sprintf(" (Chrome: %q)", fmt.Sprintf("Invalid script mime type: 'Could not load file '%s' for content script, %s'", chromeFileName(name), chromeTail))
		d.Severity, d.Chrome = lint.Warning, lint.Warns
		pass.Report(d)
	}
}

// isScriptFile reports whether Chrome takes a file of this name for
// JavaScript (measured with Chromium 156: .js and .mjs in any case; not .cjs,
// .jsx, .ts, .es, .jsm, nor a name without an extension).
func isScriptFile(name string) bool {
	ext := fileExt(name)
	return ext == ".js" || ext == ".mjs"
}

// isStyleFile reports whether Chrome takes a file of this name for a style
// sheet (measured with Chromium 156: .css and, oddly, .scss; not .sass,
// .less nor .txt).
func isStyleFile(name string) bool {
	ext := fileExt(name)
	return ext == ".css" || ext == ".scss"
}

// fileExt returns the lower-cased extension of a file's name as Chrome
// reads it: a name that starts with a dot, even ".x.js", has none.
func fileExt(name string) string {
	if isDotFile(name) {
		return ""
	}
	return strings.ToLower(path.Ext(name[strings.LastIndexByte(name, '/')+1:]))
}

// chromeFileName is the name Chrome puts in its message: the path without
// its leading slash, and nothing at all when the name starts with a dot.
func chromeFileName(name string) string {
	if isDotFile(name) {
		return ""
	}
	return strings.TrimPrefix(name, "/")
}

func isDotFile(name string) bool {
	return strings.HasPrefix(name[strings.LastIndexByte(name, '/')+1:], ".")
}
