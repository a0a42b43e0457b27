package rules

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/crxlint/crxlint/lint"
)

// PrivateKey reports a private key file inside the extension's folder.
var PrivateKey = &lint.Rule{
	ID:         "private-key",
	Title:      "A private key file is inside the extension",
	Category:   lint.Security,
	Severity:   lint.Warning,
	Chrome:     lint.Accepts,
	NeedsFiles: true,
	Doc: "Chrome packs and signs an extension with a private key (a `.pem` file). Anyone who has\n" +
		"that key can publish updates that Chrome accepts as yours. A key inside the extension's\n" +
		"folder ships with every copy of the extension you pack or zip. Chrome loads such an\n" +
		"extension without a word. Keep the key outside the folder, and out of version control.",
	Run: runPrivateKey,
}

// maxWalk bounds the files a rule visits, for a manifest at the root of a
// large repository.
const maxWalk = 20000

var errWalkLimit = errors.New("walk limit reached")

func runPrivateKey(pass *lint.Pass) error {
	root := pass.Root()
	seen := 0
	err := fs.WalkDir(pass.Files, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil //nolint:nilerr // an unreadable sub-folder is skipped, not a finding
		}
		if seen++; seen > maxWalk {
			return errWalkLimit
		}
		if e.IsDir() {
			if name := e.Name(); p != "." && (name == ".git" || name == "node_modules") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.EqualFold(path.Ext(p), ".pem") {
			d := pass.At(root, "private key %q is inside the extension, so it ships with every copy; anyone who has it can publish updates as you: move it out of the folder", p)
			d.Range = openingBrace(pass.Manifest, root)
			pass.Report(d)
		}
		return nil
	})
	if err != nil && !errors.Is(err, errWalkLimit) {
		return err
	}
	return nil
}
