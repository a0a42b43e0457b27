package rules

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// MissingFile reports a file the manifest names that is not in the
// extension's folder.
var MissingFile = &lint.Rule{
	ID:         "missing-file",
	Title:      "A file the manifest names does not exist",
	Category:   lint.Correctness,
	Severity:   lint.Error,
	Chrome:     lint.Rejects,
	NeedsFiles: true,
	Doc: `Chrome checks that the files the manifest names exist when it loads the extension. Most
missing files stop the load: icons, the service worker, content scripts and their CSS, the
options page, ` + "`chrome_url_overrides`" + ` pages, the side panel page and declarativeNetRequest rule
files. A missing ` + "`default_popup`" + ` or ` + "`devtools_page`" + ` loads with a warning, and the popup or
the DevTools panel then fails when opened. A missing sandbox page loads silently and fails
when used.

Paths are relative to the folder that holds manifest.json; a leading ` + "`/`" + ` is allowed. Names are
case-sensitive: ` + "`Icon.png`" + ` does not match ` + "`icon.png`" + ` on Linux and ChromeOS, even when it
does on Windows or macOS, so crxlint says when only the case differs.

The rule needs the extension's folder and does not run on a manifest read from standard
input without ` + "`--stdin-filename`" + `.`,
	Run: runMissingFile,
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
	// url is set for values Chrome reads as a URL of the extension, whose
	// query and fragment do not name the file.
	url bool
}

func runMissingFile(pass *lint.Pass) error {
	for _, ref := range fileRefs(pass.Root()) {
		checkFileRef(pass, ref)
	}
	return nil
}

// fileRefs lists the values of the manifest that name files of the
// extension, with what Chrome does when each is missing (measured with
// Chromium 156).
func fileRefs(root *manifest.Node) []fileRef {
	var refs []fileRef
	add := func(n *manifest.Node, what string, chrome lint.Chrome, message string, url bool) {
		if _, ok := n.Str(); ok {
			refs = append(refs, fileRef{node: n, what: what, chrome: chrome, message: message, url: url})
		}
	}
	for m := range root.Get("icons").Members() {
		add(m.Value, "icon", lint.Rejects, "Could not load icon '%s' specified in 'icons'.", false)
	}
	for _, key := range []string{"action", "browser_action", "page_action"} {
		action := root.Get(key)
		icon := action.Get("default_icon")
		msg := "Could not load icon '%s' specified in '" + key + "'."
		add(icon, "icon", lint.Rejects, msg, false)
		for m := range icon.Members() {
			add(m.Value, "icon", lint.Rejects, msg, false)
		}
		add(action.Get("default_popup"), "popup", lint.Warns,
			"The default_popup file in the manifest doesn't exist. Confirm it exists and then reload the extension.", true)
	}
	add(root.Get("background").Get("service_worker"), "service worker", lint.Rejects, "Could not load background script ''.", true)
	for _, cs := range root.Get("content_scripts").Elems() {
		for _, js := range cs.Get("js").Elems() {
			add(js, "content script", lint.Rejects, "Could not load javascript '%s' for script.", false)
		}
		for _, css := range cs.Get("css").Elems() {
			add(css, "content script stylesheet", lint.Rejects, "Could not load css '%s' for script.", false)
		}
	}
	add(root.Get("options_page"), "options page", lint.Rejects, "Could not load options page '%s'.", true)
	add(root.Get("options_ui").Get("page"), "options page", lint.Rejects, "Could not load options page '%s'.", true)
	add(root.Get("devtools_page"), "DevTools page", lint.Warns, "File not found: %s.", true)
	for m := range root.Get("chrome_url_overrides").Members() {
		add(m.Value, m.Key+" override page", lint.Rejects, "File not found: %s.", true)
	}
	add(root.Get("side_panel").Get("default_path"), "side panel page", lint.Rejects, "Side panel file path must exist.", true)
	for _, rr := range root.Get("declarative_net_request").Get("rule_resources").Elems() {
		add(rr.Get("path"), "declarativeNetRequest rule file", lint.Rejects,
			"Invalid value for key 'declarative_net_request.rule_resources': The provided path '%s' is invalid.", false)
	}
	for _, page := range root.Get("sandbox").Get("pages").Elems() {
		add(page, "sandbox page", lint.Accepts, "", true)
	}
	return refs
}

func checkFileRef(pass *lint.Pass, ref fileRef) {
	raw, _ := ref.node.Str()
	name, ok := filePath(raw, ref.url)
	if !ok || exists(pass.Files, name) {
		return // an empty or escaping path is another rule's business
	}
	hint := ""
	if other := caseVariant(pass.Files, name); other != "" {
		hint = fmt.Sprintf("; %q differs only in case, and names are case-sensitive on Linux and ChromeOS", other)
	}
	d := pass.At(ref.node, "%s %s does not exist in the extension%s", ref.what, quote(raw), hint)
	d.Chrome = ref.chrome
	switch ref.chrome {
	case lint.Rejects:
		d.Message += fmt.Sprintf(" (Chrome: %q)", chromeText(ref.message, raw))
	case lint.Warns:
		d.Severity = lint.Warning
		d.Message += fmt.Sprintf(" (Chrome: %q)", chromeText(ref.message, raw))
	case lint.Accepts:
		d.Severity = lint.Warning
		d.Message += "; Chrome loads the extension anyway and the page fails when it is used"
	}
	pass.Report(d)
}

func chromeText(format, path string) string {
	if strings.Contains(format, "%s") {
		return fmt.Sprintf(format, path)
	}
	return format
}

// filePath turns a manifest path into a name in the extension's folder: a
// leading slash is dropped and so, for values Chrome reads as URLs, are the
// query and fragment. It reports false for a path that is empty or leaves
// the folder.
func filePath(p string, url bool) (string, bool) {
	if url {
		if i := strings.IndexAny(p, "?#"); i >= 0 {
			p = p[:i]
		}
	}
	p = strings.TrimLeft(p, "/")
	if p == "" || strings.Contains(p, `\`) {
		return "", false
	}
	p = path.Clean(p)
	if p == "." || p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	return p, fs.ValidPath(p)
}

func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}

// caseVariant returns a path that names an existing file and differs from
// name only in letter case, or "".
func caseVariant(fsys fs.FS, name string) string {
	dir := "."
	found := ""
	for _, part := range strings.Split(name, "/") {
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return ""
		}
		next := ""
		for _, e := range entries {
			if strings.EqualFold(e.Name(), part) {
				next = e.Name()
				break
			}
		}
		if next == "" {
			return ""
		}
		dir = path.Join(dir, next)
		found = dir
	}
	return found
}
