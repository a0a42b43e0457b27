package lint_test

import (
	"testing"

	"github.com/crxlint/crxlint/lint"
)

// TestChromeDrops checks that a diagnostic saying Chrome drops a value
// whole removes the other rules' diagnostics at or under it, and no other.
func TestChromeDrops(t *testing.T) {
	drops := &lint.Rule{
		ID: "drops", Title: "t", Category: lint.Correctness, Severity: lint.Warning, Chrome: lint.Warns, Doc: "d",
		Run: func(p *lint.Pass) error {
			for _, key := range []string{"content_scripts", "background"} {
				d := p.At(p.Root().Get(key), "Chrome ignores %s", key)
				d.ChromeDrops = true
				p.Report(d)
			}
			return nil
		},
	}
	// everyString reports four strings, two of them inside the dropped keys.
	everyString := &lint.Rule{
		ID: "every-string", Title: "t", Category: lint.Correctness, Severity: lint.Error, Chrome: lint.Rejects, Doc: "d",
		Run: func(p *lint.Pass) error {
			for _, ptr := range []string{"/name", "/content_scripts/0/js/0", "/background/scripts/0", "/background_page"} {
				n, _, err := p.Manifest.Lookup(ptr)
				if err != nil {
					return err
				}
				p.Report(p.At(n, "string at %s", ptr))
			}
			return nil
		},
	}
	src := `{"name": "n", "content_scripts": [{"js": ["a.js"]}], "background": {"scripts": ["b.js"]}, "background_page": "p.html"}`
	_, diags, err := lint.Check([]*lint.Rule{drops, everyString}, []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Rule+" "+d.Pointer)
	}
	want := []string{"every-string /name", "drops /content_scripts", "drops /background", "every-string /background_page"}
	if len(got) != len(want) {
		t.Fatalf("diagnostics = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("diagnostics = %q, want %q", got, want)
			break
		}
	}
}
