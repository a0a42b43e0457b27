package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// ContentScriptFileType reports content script files whose names do not
// give the type Chrome needs.
var ContentScriptFileType = &lint.Rule{
	ID:       "content-script-file-type",
	Title:    "A content script file of a type Chrome does not run, so Chrome skips the entry",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: "Chrome takes a file's type from its name: `js` files must end in `.js` or `.mjs` and `css`\n" +
		"files in `.css` (or `.scss`), in any letter case. For any other file, such as a TypeScript\n" +
		"source (`.ts`, `.tsx`, `.jsx`) or `.cjs`, Chrome warns \"Invalid script mime type\" and\n" +
		"skips the whole entry, so none of its scripts run. List the files your build produces.",
	Run: runContentScriptFileType,
}

func runContentScriptFileType(pass *lint.Pass) error {
	for _, cs := range pass.Root().Get("content_scripts").Elems() {
		checkContentScriptFiles(pass, cs.Get("js"), isScriptFile,
			"content script %s is not a .js or .mjs file, so Chrome skips this content_scripts entry; list the JavaScript file your build produces",
			"content scripts can only be loaded from supported JavaScript files such as .js files.")
		checkContentScriptFiles(pass, cs.Get("css"), isStyleFile,
			"content script stylesheet %s is not a .css file, so Chrome skips this content_scripts entry; list the CSS file your build produces",
			"content script style sheets can only be loaded from supported style sheet files such as .css files.")
	}
	return nil
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
		pass.ReportChrome(n, fmt.Sprintf("Invalid script mime type: 'Could not load file '%s' for content script, %s'", chromeFileName(name), chromeTail), format, quote(name))
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
