package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/crxlint/crxlint/extension"
	"github.com/crxlint/crxlint/jsscan"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/matchpattern"
)

// MissingWebAccessibleFile reports web_accessible_resources globs and
// runtime.getURL paths that name no file of the extension.
var MissingWebAccessibleFile = &lint.Rule{
	ID:         "missing-web-accessible-file",
	Title:      "A web-accessible resource or a getURL path names no file of the extension",
	Category:   lint.Correctness,
	Severity:   lint.Warning,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "Chrome does not check `web_accessible_resources` against the extension's files: a resource\n" +
		"that names no file loads silently and exposes nothing, and the page or content script that\n" +
		"counted on it fails at run time. Resources are globs, where `*` matches any characters, `/`\n" +
		"included, so crxlint expands each against the extension's files; a folder is not a file\n" +
		"(write `img/*`). The `_favicon/*` resource of the favicon API is Chrome's own and never\n" +
		"reported.\n\n" +
		"A `runtime.getURL` or `extension.getURL` call with a literal path that names no file is\n" +
		"reported too, wherever it stands: the URL it makes fails with `net::ERR_FILE_NOT_FOUND`.\n" +
		"The query and fragment of the path are not part of the file name. Names are case-sensitive,\n" +
		"even where the file system is not, so crxlint says when only the case differs. A file that a\n" +
		"build step creates later is reported too: lint the built extension.",
	Run: runMissingWebAccessibleFile,
}

func runMissingWebAccessibleFile(pass *lint.Pass) error {
	entries := webAccessibleEntries(pass.Root())
	if slices.ContainsFunc(entries, func(e warEntry) bool { return len(e.resources) > 0 }) {
		list := files(pass)
		files, complete := list.All(), list.Complete()
		for _, e := range entries {
			for _, r := range e.resources {
				checkResourceFile(pass, files, complete, r)
			}
		}
	}
	for _, s := range extensionCode(pass).Scripts {
		seen := map[string]bool{}
		for _, g := range s.Scan.GetURLs {
			if g.Arg == nil || g.Arg.Kind != jsscan.ArgString || hasScheme(g.Arg.Value) {
				continue
			}
			name, inside := filePath(g.Arg.Value, true)
			if name == "" || !inside || seen[name] || isFaviconPath(name) {
				continue
			}
			seen[name] = true
			if _, err := fs.Stat(pass.Files, name); errors.Is(err, fs.ErrNotExist) { // not a link the reader refused: it reports those
				pass.Report(withCode(pass, atScript(pass, s, "%s(%s) at %s names no file in the extension, so loading the URL fails with net::ERR_FILE_NOT_FOUND; %s",
					strings.Join(g.Chain, "."), quote(g.Arg.Value), jsPos(s, g.Range), fileRemedy(pass, name)), s, g.Range, "the call"))
			}
		}
	}
	return nil
}

func checkResourceFile(pass *lint.Pass, files []string, complete bool, r warResource) {
	name := strings.TrimLeft(r.text, "/")
	if name == "" || isFaviconPath(name) {
		return
	}
	if !strings.Contains(name, "*") { // a plain path: the file itself, even where the list leaves it out
		if info, err := fs.Stat(pass.Files, name); err == nil && !info.IsDir() || err != nil && !errors.Is(err, fs.ErrNotExist) {
			return // the file, or a link the reader did not follow, which it reports itself
		}
	} else if !complete || extension.LeftOut(name[:strings.IndexByte(name, '*')]) ||
		matchesAny(files, name, r.glob) {
		return // a glob into what the file list leaves out cannot be checked
	}
	dir := strings.TrimSuffix(name, "/")
	if info, err := fs.Stat(pass.Files, dir); err == nil && info.IsDir() {
		pass.Reportf(r.node, "resource %s is a folder, and resources name files; write %s for the files in it", quote(r.text), quote(dir+"/*"))
		return
	}
	remedy := "fix the path or remove it"
	if !strings.Contains(name, "*") {
		remedy = fileRemedy(pass, path.Clean(name))
	}
	pass.Reportf(r.node, "resource %s matches no file in the extension, so it exposes nothing; %s", quote(r.text), remedy)
}

// isFaviconPath reports whether name lies in _favicon, the favicon API's
// folder, which Chrome serves itself.
func isFaviconPath(name string) bool {
	return name == "_favicon" || strings.HasPrefix(name, "_favicon/")
}

// fileRemedy says what to do about a missing file: use the name that
// differs only in case, if there is one.
func fileRemedy(pass *lint.Pass, name string) string {
	if other := files(pass).CaseVariant(name); other != "" {
		return fmt.Sprintf("write %q, which differs only in case (names are case-sensitive on Linux and ChromeOS)", other)
	}
	return "add the file or fix the path"
}

// matchesAny reports whether the glob of the resource name matches one of
// the sorted files. Only the files that start with the glob's text before
// its first "*" can match, so it searches that range alone.
func matchesAny(files []string, name string, glob matchpattern.Pattern) bool {
	prefix := name[:strings.IndexByte(name, '*')]
	for i := sort.SearchStrings(files, prefix); i < len(files) && strings.HasPrefix(files[i], prefix); i++ {
		if glob.MatchesPath("/" + files[i]) {
			return true
		}
	}
	return false
}
