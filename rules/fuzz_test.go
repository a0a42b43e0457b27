package rules_test

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
)

// FuzzAllRules runs every rule over arbitrary manifests, with and without
// files: no rule may break or panic, and every diagnostic must lie inside
// the source.
func FuzzAllRules(f *testing.F) {
	seeds := []string{
		`{"manifest_version": 3, "name": "x", "version": "1"}`,
		`{"manifest_version": 2, "icons": {"16": 1, "x": "a.png"}, "background": []}`,
		`{"content_scripts": [{"js": [1, "a.js"], "css": {}}, 3], "action": {"default_icon": {"16": ["x"]}}}`,
		`{"version": "1.01", "minimum_chrome_version": "999", "sandbox": {"pages": "x"}}`,
		`{"name": "__MSG_x__", "default_locale": "en", "x": {"x": {"x": []}}}`,
		`{"declarative_net_request": {"rule_resources": [{"path": "../x"}]}, "chrome_url_overrides": {"newtab": "/"}}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	files := fstest.MapFS{
		"a.png":                     {Data: []byte("png")},
		"_x":                        {Data: []byte("")},
		"k.pem":                     {Data: []byte("")},
		"_locales/en/messages.json": {Data: []byte(`{"x": {"message": "y"}}`)},
		"_locales/fr/messages.json": {Data: []byte(`{,}`)},
	}
	all := rules.All()
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, fsys := range []fs.FS{nil, files} {
			_, diags, err := lint.Check(all, src, fsys)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diags {
				if d.Range.Start.Offset < 0 || d.Range.End.Offset > len(src) || d.Range.Start.Offset > d.Range.End.Offset {
					t.Fatalf("%s: range %+v outside the %d-byte source", d.Rule, d.Range, len(src))
				}
			}
		}
	})
}
