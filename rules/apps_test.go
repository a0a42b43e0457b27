package rules_test

import (
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
)

// TestPlatformAppWithoutManifestVersion checks that a platform app (one
// with app.background) that gives no manifest_version is taken as version
// 2, as Chromium 156 loads it, while an extension without it is refused.
// (An example cannot show it: the editor schema requires the key.)
func TestPlatformAppWithoutManifestVersion(t *testing.T) {
	for _, c := range []struct {
		src     string
		refused bool
	}{
		{`{"name": "x", "version": "1", "app": {"background": {"scripts": ["b.js"]}}}`, false},
		{`{"name": "x", "version": "1", "app": {"launch": {"local_path": "main.html"}}}`, true},
		{`{"name": "x", "version": "1"}`, true},
	} {
		_, diags, err := lint.Check(rules.All(), []byte(c.src), nil)
		if err != nil {
			t.Fatal(err)
		}
		refused := false
		for _, d := range diags {
			refused = refused || d.Chrome == lint.Rejects
		}
		if refused != c.refused {
			t.Errorf("%s: refused = %v, want %v: %v", c.src, refused, c.refused, diags)
		}
	}
}
