package rules_test

import (
	"testing"
	"testing/fstest"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
)

// FuzzAPIRules runs the rules that read the extension's code over arbitrary
// manifests and JavaScript, the same code serving as the service worker, a
// content script, a sandboxed page's script and a file nothing loads.
func FuzzAPIRules(f *testing.F) {
	manifest := `{"manifest_version": 3, "name": "x", "version": "1",
		"background": {"service_worker": "sw.js"},
		"content_scripts": [{"matches": ["https://*/*"], "js": ["cs.js"], "world": "MAIN"}, {"js": ["cs.js"]}],
		"sandbox": {"pages": ["s.html"]}, "permissions": ["storage", "tabs", "windows", 7], "optional_permissions": ["bookmarks"]}`
	f.Add([]byte(manifest), []byte(`const rt = chrome.runtime; rt.connectNative("h"); chrome.bookmarks.getTree(); chrome.action.x();`))
	f.Add([]byte(`{"permissions": "storage"}`), []byte(`chrome.storage.local.get(; chrome.downloads.open(1)`))
	f.Add([]byte(`{"permissions": [{"socket": 1}], "content_scripts": {}}`), []byte(`const { storage: { local } } = browser; local.get()`))
	ids := []string{"missing-api-permission", "unavailable-api", "unused-permission"}
	var checked []*lint.Rule
	for _, id := range ids {
		r := rules.ByID(id)
		if r == nil {
			f.Fatalf("no rule %q: FuzzAPIRules names rules that are gone", id)
		}
		checked = append(checked, r)
	}
	f.Fuzz(func(t *testing.T, src, js []byte) {
		files := fstest.MapFS{
			"sw.js":       {Data: js},
			"cs.js":       {Data: js},
			"s.html":      {Data: []byte(`<script src="s.js"></script>`)},
			"s.js":        {Data: js},
			"lib/free.js": {Data: js},
		}
		_, diags, err := lint.Check(checked, src, files)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			if d.Range.Start.Offset < 0 || d.Range.End.Offset > len(src) || d.Range.Start.Offset > d.Range.End.Offset {
				t.Fatalf("%s: range %+v outside the %d-byte source", d.Rule, d.Range, len(src))
			}
		}
	})
}
