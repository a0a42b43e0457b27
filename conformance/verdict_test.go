package conformance

import (
	"io/fs"
	"testing/fstest"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
)

// Verdict is crxlint's verdict on an extension: the strongest Chrome field
// of its diagnostics, or lint.Accepts when there are none.
func Verdict(diags []lint.Diagnostic) lint.Chrome {
	v := lint.Accepts
	for _, d := range diags {
		v = max(v, d.Chrome)
	}
	return v
}

// ChromeVerdict turns what Chrome said into a verdict.
func ChromeVerdict(loaded bool, warnings []string) lint.Chrome {
	switch {
	case !loaded:
		return lint.Rejects
	case len(warnings) > 0:
		return lint.Warns
	}
	return lint.Accepts
}

// Lint runs every rule over an extension's files, the manifest at
// manifest.json, judging by Chrome on platform.
func Lint(files fs.FS, platform lint.Platform) ([]lint.Diagnostic, error) {
	src, err := fs.ReadFile(files, "manifest.json")
	if err != nil {
		return nil, err
	}
	_, diags, err := lint.CheckWith(rules.All(), src, files, lint.Options{Platform: platform})
	return diags, err
}

// Alone is an extension folder that holds nothing but its manifest, as
// Chromium's own manifest tests were loaded.
func Alone(manifest []byte) fs.FS {
	return fstest.MapFS{"manifest.json": {Data: manifest, Mode: 0o644}}
}
