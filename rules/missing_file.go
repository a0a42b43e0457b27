package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/extension"
	"github.com/crxlint/crxlint/internal/chromemsg"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// MissingFile reports a file the manifest names that is not in the
// extension's folder.
var MissingFile = &lint.Rule{
	ID:         idMissingFile,
	Title:      "A file the manifest names does not exist",
	Category:   lint.Correctness,
	Severity:   lint.Error,
	Chrome:     lint.Rejects,
	NeedsFiles: true,
	Doc: `Chrome checks that the files the manifest names exist when it loads the extension. Most
missing files stop the load: icons, the service worker (and manifest version 2's background
scripts and page), content scripts and their CSS, the options page, ` + "`chrome_url_overrides`" + ` pages, the side panel page and declarativeNetRequest rule
files. (A missing ` + "`default_popup`" + ` or ` + "`devtools_page`" + ` is missing-page, a missing sandbox
page missing-sandbox-page.)

Paths are relative to the folder that holds manifest.json; a leading ` + "`/`" + ` is allowed. Names are
case-sensitive: ` + "`Icon.png`" + ` does not match ` + "`icon.png`" + ` on Linux and ChromeOS, even when it
does on Windows or macOS, so crxlint says when only the case differs.

The rule needs the extension's folder and does not run on a manifest read from standard
input without ` + "`--stdin-filename`" + `.`,
	Run: reportShare(missingFiles),
}

const (
	idMissingFile          = "missing-file"
	idMissingPage          = "missing-page"
	idMissingSandboxPage   = "missing-sandbox-page"
	idOutsideContentScript = "content-script-outside-extension"
)

// missingFileRules is the rule that reports a missing file, by what Chrome
// does about it.
var missingFileRules = map[lint.Chrome]string{
	lint.Rejects: idMissingFile,
	lint.Warns:   idMissingPage,
	lint.Accepts: idMissingSandboxPage,
}

// fileRef is a manifest value that names a file.
type fileRef struct {
	node *manifest.Node
	// what names the file for the message: "icon", "service worker", ...
	what string
	// chrome is Chrome's verdict when the file is missing, and message
	// its text (with %s for the path, if any).
	chrome  lint.Chrome
	message string
	// url is set for values Chrome reads as a URL of the extension: their
	// query and fragment do not name the file, and ".." stops at the root.
	url bool
	// outside is what Chrome does with a file path that leaves the folder.
	outside      lint.Chrome
	outsideText  string
	emptyMissing bool // Chrome treats an empty file as a missing one
}

// missingFiles checks the files the manifest names, for missing-file,
// missing-page and missing-sandbox-page.
var missingFiles = lint.NewResult("missing-files", func(pass *lint.Pass) (findings, error) {
	out := findings{}
	for _, ref := range fileRefs(pass.Root()) {
		checkFileRef(pass, out, ref)
	}
	return out, nil
})

// fileRefs lists the values of the manifest that name files of the
// extension, with what Chrome does when each is missing (measured with
// Chromium 156).
func fileRefs(root *manifest.Node) []fileRef {
	var refs []fileRef
	add := func(n *manifest.Node, ref fileRef) {
		if s, ok := n.Str(); ok && !hasScheme(s) { // a URL is url-instead-of-path's
			ref.node = n
			refs = append(refs, ref)
		}
	}
	for m := range root.Get("icons").Members() {
		add(m.Value, fileRef{
			what: "icon", chrome: lint.Rejects, message: "Could not load icon '%s' specified in 'icons'.",
			outside: lint.Rejects, outsideText: fmt.Sprintf("Invalid value for 'icons[\"%s\"]'.", m.Key), emptyMissing: true,
		})
	}
	for _, key := range []string{"action", "browser_action", "page_action"} {
		action := root.Get(key)
		icon := action.Get("default_icon")
		iconRef := fileRef{
			what: "icon", chrome: lint.Rejects, message: "Could not load icon '%s' specified in '" + key + "'.",
			outside: lint.Rejects, outsideText: chromemsg.InvalidDefaultIcon, emptyMissing: true,
		}
		add(icon, iconRef)
		for m := range icon.Members() {
			add(m.Value, iconRef)
		}
		add(action.Get("default_popup"), fileRef{
			what: "popup", chrome: lint.Warns,
			message: "The default_popup file in the manifest doesn't exist. Confirm it exists and then reload the extension.", url: true,
		})
	}
	add(root.Get("background").Get("service_worker"), fileRef{
		what: "service worker", chrome: lint.Rejects,
		message: "Could not load background script ''.", outside: lint.Rejects, outsideText: "Could not load background script ''.",
	})
	if v, _ := root.Get("manifest_version").Int(); v == 2 { // manifest version 3 ignores these keys with a warning
		for _, js := range root.Get("background").Get("scripts").Elems() {
			add(js, fileRef{what: "background script", chrome: lint.Rejects, message: "Could not load background script '%s'."})
		}
		if typeOf(root) != typeHostedApp { // a hosted app's is a page of its web site (hostedBackground)
			add(root.Get("background").Get("page"), fileRef{
				what: "background page", chrome: lint.Rejects,
				message: "Could not load background page ''.", url: true,
			})
		}
	}
	const csOutside = "Invalid script mime type: 'Could not load file '' for content script, content scripts can only be loaded from supported JavaScript files such as .js files.'"
	for _, cs := range root.Get("content_scripts").Elems() {
		if hasWrongFileType(cs) {
			continue // Chrome skips the whole entry with a warning, files unchecked
		}
		for _, js := range cs.Get("js").Elems() {
			add(js, fileRef{
				what: "content script", chrome: lint.Rejects, message: "Could not load javascript '%s' for script.",
				outside: lint.Warns, outsideText: csOutside,
			})
		}
		for _, css := range cs.Get("css").Elems() {
			add(css, fileRef{
				what: "content script stylesheet", chrome: lint.Rejects, message: "Could not load css '%s' for script.",
				outside: lint.Warns, outsideText: "Invalid script mime type: 'Could not load file '' for content script, content script style sheets can only be loaded from supported style sheet files such as .css files.'",
			})
		}
	}
	options := fileRef{what: "options page", chrome: lint.Rejects, message: "Could not load options page '%s'.", url: true}
	add(root.Get("options_page"), options)
	add(root.Get("options_ui").Get("page"), options)
	add(root.Get("devtools_page"), fileRef{what: "DevTools page", chrome: lint.Warns, message: "File not found: %s.", url: true})
	for m := range root.Get("chrome_url_overrides").Members() {
		if !slices.Contains(overridablePages, m.Key) {
			continue // Chrome ignores the entry, file and all
		}
		add(m.Value, fileRef{what: m.Key + " override page", chrome: lint.Rejects, message: "File not found: %s.", url: true})
	}
	add(root.Get("side_panel").Get("default_path"), fileRef{what: "side panel page", chrome: lint.Rejects, message: "Side panel file path must exist.", url: true})
	for _, rr := range root.Get("declarative_net_request").Get("rule_resources").Elems() {
		const dnr = "Invalid value for key 'declarative_net_request.rule_resources': The provided path '%s' is invalid."
		add(rr.Get("path"), fileRef{what: "declarativeNetRequest rule file", chrome: lint.Rejects, message: dnr, outside: lint.Rejects, outsideText: dnr})
	}
	if typeOf(root) == typeTheme { // Chrome looks for a theme's images, those given as one path
		for m := range root.Get("theme").Get("images").Members() {
			add(m.Value, fileRef{what: "theme image", chrome: lint.Rejects, message: "Could not load '%s' for theme."})
		}
	}
	for _, page := range root.Get("sandbox").Get("pages").Elems() {
		add(page, fileRef{what: "sandbox page", chrome: lint.Accepts, url: true})
	}
	return refs
}

func checkFileRef(pass *lint.Pass, out findings, ref fileRef) {
	raw, _ := ref.node.Str()
	name, inside := filePath(raw, ref.url)
	switch {
	case name == "":
		return // an empty path is the schema's or url-instead-of-path's business
	case !inside:
		if ref.outside != 0 {
			id := idMissingFile
			if ref.outside == lint.Warns { // content scripts: Chrome skips the entry
				id = idOutsideContentScript
			}
			out.report(pass, id, ref.node, fmt.Sprintf("%s %s points outside the extension's folder; name a file inside it", ref.what, quote(raw)), chromeText(ref.outsideText, raw))
		}
		return
	}
	info, err := fs.Stat(pass.Files, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return // a link the reader did not follow, a FIFO: it reports those itself
	}
	emptyFile := err == nil && ref.emptyMissing && info.Size() == 0 && info.Mode().IsRegular()
	if err == nil && !emptyFile {
		return
	}
	fact := fmt.Sprintf("%s %s does not exist in the extension", ref.what, quote(raw))
	if err == nil {
		fact = fmt.Sprintf("%s %s is an empty file, which Chrome treats as missing", ref.what, quote(raw))
	} else if other := files(pass).CaseVariant(name); other != "" {
		fact += fmt.Sprintf("; %q differs only in case, and names are case-sensitive on Linux and ChromeOS", other)
	}
	if ref.chrome == lint.Accepts {
		fact += "; Chrome loads the extension anyway and the page fails when it is used"
	}
	quoted := raw
	if ref.url { // Chrome quotes a page's path with its %-escapes decoded
		if u, err := url.PathUnescape(raw); err == nil {
			quoted = u
		}
	}
	out.report(pass, missingFileRules[ref.chrome], ref.node, fact, chromeText(ref.message, quoted))
}

func chromeText(format, path string) string {
	if strings.Contains(format, "%s") {
		return fmt.Sprintf(format, path)
	}
	return format
}

// filePath turns a manifest path into a name in the extension's folder: a
// leading slash is dropped; a value Chrome reads as a URL names the file
// that extension.File says. It returns "" for an empty path, and inside
// false for a file path that leaves the folder or that Chrome cannot read
// as one (a backslash).
func filePath(p string, url bool) (name string, inside bool) {
	if url {
		if name, ok := extension.File("", p); ok {
			return name, true
		}
		return p, true // Chrome reads no file; only a file named p itself hides that
	}
	p = strings.TrimLeft(p, "/")
	if p == "" || p == "." {
		return "", true
	}
	if strings.Contains(p, `\`) {
		return p, false
	}
	p = path.Clean(p)
	if p == ".." || strings.HasPrefix(p, "../") || !fs.ValidPath(p) {
		return p, false
	}
	return p, true
}

// hasScheme reports whether s starts like an absolute URL ("https:",
// "data:") or a scheme-relative one ("//host").
func hasScheme(s string) bool {
	if strings.HasPrefix(s, "//") {
		return true
	}
	i := strings.IndexByte(s, ':')
	if i < 1 {
		return false
	}
	for j, c := range []byte(s[:i]) {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		other := '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'
		if !letter && (j == 0 || !other) {
			return false
		}
	}
	return true
}

// hasWrongFileType reports whether a content_scripts entry names a script
// or stylesheet whose type Chrome refuses; Chrome then warns and skips the
// entry without looking for its files.
func hasWrongFileType(cs *manifest.Node) bool {
	for _, js := range cs.Get("js").Elems() {
		if s, ok := js.Str(); ok && !isScriptFile(s) {
			return true
		}
	}
	for _, css := range cs.Get("css").Elems() {
		if s, ok := css.Str(); ok && !isStyleFile(s) {
			return true
		}
	}
	return false
}
