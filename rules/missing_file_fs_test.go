package rules_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
)

// TestMissingFileOnFilesTxtarCannotHold checks the missing-file rule on
// what a txtar example cannot hold: a FIFO is no "empty file", and a
// dangling link does not "differ only in case" from itself.
func TestMissingFileOnFilesTxtarCannotHold(t *testing.T) {
	const src = `{"manifest_version": 3, "name": "x", "version": "1",
		"icons": {"16": "fifo.png", "32": "dangling.png"}}`
	files := fstest.MapFS{
		"fifo.png":     {Mode: fs.ModeNamedPipe},
		"dangling.png": {Mode: fs.ModeSymlink, Data: []byte("nowhere.png")},
	}
	_, diags, err := lint.Check([]*lint.Rule{rules.MissingFile}, []byte(src), files)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, `"dangling.png" does not exist`) {
		t.Fatalf("diagnostics = %+v, want one: dangling.png does not exist", diags)
	}
	for _, d := range diags {
		if strings.Contains(d.Message, "empty file") || strings.Contains(d.Message, "differs only in case") {
			t.Errorf("wrong diagnosis: %s", d.Message)
		}
	}
}
