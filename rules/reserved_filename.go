package rules

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/crxlint/crxlint/lint"
)

// ReservedFilename reports a file or folder at the extension's root whose
// name starts with "_", which Chrome keeps for itself.
var ReservedFilename = &lint.Rule{
	ID:         "reserved-filename",
	Title:      "A file or folder at the root starts with an underscore",
	Category:   lint.Correctness,
	Severity:   lint.Error,
	Chrome:     lint.Rejects,
	NeedsFiles: true,
	Doc: "Chrome reserves names starting with `_` at the root of an extension for itself\n" +
		"(`_locales` for translations, `_metadata` for data it writes) and refuses to load an\n" +
		"extension that has any other: \"Cannot load extension with file or directory name _foo.js.\n" +
		"Filenames starting with \"_\" are reserved for use by the system.\" Build tools such as\n" +
		"Next.js and some bundlers emit `_next/` or `_app.js`: rename them, or move them into a\n" +
		"sub-folder, where such names are allowed.",
	Run: runReservedFilename,
}

// chromeReserved are the root names Chrome itself uses.
var chromeReserved = []string{"_locales", "_metadata"}

func runReservedFilename(pass *lint.Pass) error {
	entries, err := fs.ReadDir(pass.Files, ".")
	if err != nil {
		return nil //nolint:nilerr // an unreadable folder is the runner's business, not a finding
	}
	root := pass.Root()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "_") || isChromeReserved(name) {
			continue
		}
		kind := "file"
		if e.IsDir() {
			kind = "folder"
		}
		d := pass.At(root, "%s %q at the extension's root starts with \"_\", which Chrome reserves; rename it or move it into a sub-folder", kind, name).WithChrome(fmt.Sprintf("Cannot load extension with file or directory name %s. Filenames starting with \"_\" are reserved for use by the system.", name))
		d.Range = openingBrace(pass.Manifest, root)
		pass.Report(d)
	}
	return nil
}

func isChromeReserved(name string) bool {
	for _, r := range chromeReserved {
		if name == r {
			return true
		}
	}
	return false
}
