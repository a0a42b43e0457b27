package rules

import (
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
		"extension without a word. Keep the key outside the folder, and out of version control.\n\n" +
		"Like every check of the extension's files, this one leaves out hidden files and folders, which\n" +
		"Chrome's packer leaves out of a package too, and node_modules folders.",
	Run: runPrivateKey,
}

func runPrivateKey(pass *lint.Pass) error {
	root := pass.Root()
	for _, p := range files(pass).WithExt(".pem") {
		d := pass.At(root, "private key %q is inside the extension, so it ships with every copy; anyone who has it can publish updates as you: move it out of the folder", p)
		d.Range = openingBrace(pass.Manifest, root)
		pass.Report(d)
	}
	return nil
}
