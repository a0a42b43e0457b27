package output

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/runner"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixtureRules are two rules of this test's own, so that the goldens do
// not change when crxlint's rules do.
var fixtureRules = []*lint.Rule{
	{ID: "dup", Title: "Key given twice", Category: lint.Correctness, Severity: lint.Warning, Chrome: lint.Accepts, Doc: "Chrome keeps the **last**\nvalue.\n\nKeep one."},
	{ID: "perm", Aliases: []string{"schema"}, Title: "Unknown permission", Category: lint.Correctness, Severity: lint.Error, Chrome: lint.Warns, Doc: "Chrome ignores it.\n\nRemove it."},
}

const fixtureManifest = `{
  "name": "😀 hi",
  "name": "x",
  "permissions": ["tab",
    "50%"]
}
`

// fixture builds results that exercise every field a format writes:
// UTF-16 columns after an emoji, related locations, Chrome's own words,
// characters that need escaping, a range over two lines, a rule that is
// not in Options.Rules and a file that could not be read.
func fixture(t *testing.T, src string) []runner.Result {
	t.Helper()
	doc, err := manifest.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	span := func(target string, nth int) manifest.Range {
		i := -1
		for range nth + 1 {
			i += 1 + strings.Index(src[i+1:], target)
		}
		return doc.Range(manifest.Span{Start: i, End: i + len(target)})
	}
	diags := []lint.Diagnostic{
		{
			Rule: "dup", Severity: lint.Warning, Chrome: lint.Accepts, Pointer: "/name", Range: span(`"name"`, 1),
			Message: `key "name" is given again; Chrome keeps this value`,
			Related: []lint.Related{{Pointer: "/name", Range: span(`"😀 hi"`, 0), Message: "the value Chrome ignores"}},
		},
		{
			Rule: "perm", Severity: lint.Error, Chrome: lint.Warns, Pointer: "/permissions/0", Range: span(`"tab"`, 0),
			Message: `unknown permission "tab"`, ChromeMessage: "Permission 'tab' is unknown.",
		},
		{
			Rule: "perm", Severity: lint.Error, Chrome: lint.Warns, Pointer: "/permissions", Range: span("[\"tab\",\n    \"50%\"]", 0),
			Message: "100% wrong,\r\nacross lines: two",
		},
		{
			Rule: "perm", Severity: lint.Error, Chrome: lint.Warns, Pointer: "/permissions", Range: span(`"50%"`, 0),
			Message: "the same rule and pointer again",
		},
		{
			Rule: "other", Severity: lint.Info, Chrome: lint.Rejects, Pointer: "", Range: span("{", 0),
			Message: "a rule the formatter was not told about",
		},
	}
	return []runner.Result{
		{Path: "ext/manifest.json", Doc: doc, Diagnostics: lint.Sort(diags)},
		{Path: "gone/manifest.json", Err: errors.New("no such file or directory")},
	}
}

func helpURI(id string) string { return "https://example.com/rules/" + id }

func format(t *testing.T, name string, results []runner.Result) []byte {
	t.Helper()
	f, err := New(name, Options{Rules: fixtureRules, HelpURI: helpURI})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := f.Format(&out, results); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestGolden pins each format's whole output for the fixture. Run with
// -update to rewrite the golden files.
func TestGolden(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			got := format(t, name, fixture(t, fixtureManifest))
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, got)
			}
		})
	}
}
