package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/internal/lines"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/runner"
)

// TestCodeLocation checks that a finding about a script's call points at
// the call too, in every format: the text shows the code line, JSON and
// SARIF give the script's path, and GitHub annotates the line.
func TestCodeLocation(t *testing.T) {
	src := `{"manifest_version": 3, "name": "x", "version": "1", "background": {"service_worker": "bg.js"}}`
	doc, err := manifest.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	code := "// native\nchrome.runtime.connectNative('host');\n"
	ix := lines.New([]byte(code))
	start := strings.Index(code, "chrome.runtime.connectNative")
	end := start + len("chrome.runtime.connectNative")
	at := strings.Index(src, `"bg.js"`)
	d := lint.Diagnostic{
		Rule: "missing-api-permission", Severity: lint.Error, Chrome: lint.Accepts,
		Message: "bg.js:2:1 calls chrome.runtime.connectNative, which needs the nativeMessaging permission",
		Pointer: "/background/service_worker",
		Range:   doc.Range(manifest.Span{Start: at, End: at + len(`"bg.js"`)}),
		Related: []lint.Related{{
			Path: "bg.js", Message: "the call", Line: "chrome.runtime.connectNative('host');", LineStart: ix.Start(2),
			Range: manifest.Range{Start: ix.Position(start), End: ix.Position(end)},
		}},
	}
	results := []runner.Result{{Path: "ext/manifest.json", Doc: doc, Diagnostics: []lint.Diagnostic{d}}}
	for format, want := range map[string][]string{
		"text":   {"ext/bg.js:2:1: the call", "  2 | chrome.runtime.connectNative('host');", "    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^"},
		"json":   {`"path": "ext/bg.js"`},
		"sarif":  {`"uri": "ext/bg.js"`},
		"github": {"::error file=ext/bg.js,line=2,col=1,endLine=2,endColumn=29,"},
	} {
		f, err := New(format, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := f.Format(&out, results); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s output lacks %q:\n%s", format, w, out.String())
			}
		}
	}
}
