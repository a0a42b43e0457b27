package runner_test

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crxlint/crxlint/output"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
)

// BenchmarkHostile lints manifests built to make a careless linter
// quadratic (issue #11): each must stay near linear. scripts/bench.sh runs
// it; the figures of the notes come from it.
func BenchmarkHostile(b *testing.B) {
	manifest := func(extra map[string]any) []byte {
		m := map[string]any{"manifest_version": 3, "name": "x", "version": "1"}
		for k, v := range extra {
			m[k] = v
		}
		src, err := json.Marshal(m)
		if err != nil {
			b.Fatal(err)
		}
		return src
	}
	list := func(n int, format string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf(format, i)
		}
		return out
	}
	manyFiles := fstest.MapFS{}
	for d := range 450 {
		for f := range 100 {
			manyFiles[fmt.Sprintf("d%d/f%d.png", d, f)] = &fstest.MapFile{}
		}
	}
	sharedScript := fstest.MapFS{"a.js": {Data: []byte(strings.Join(list(300, `import "./lib/m%d.js";`), "\n"))}}
	for i := range 300 {
		sharedScript[fmt.Sprintf("lib/m%d.js", i)] = &fstest.MapFile{Data: []byte("export const x = 1;\n")}
	}
	contentScripts := make([]map[string]any, 3000)
	for i := range contentScripts {
		contentScripts[i] = map[string]any{"matches": []string{fmt.Sprintf("https://s%d.example/*", i)}, "js": []string{"a.js"}}
	}
	cases := []struct {
		name  string
		src   []byte
		files fstest.MapFS
	}{
		{"40000 unknown permissions", manifest(map[string]any{"permissions": list(40000, "perm%d")}), nil},
		{"200000 unknown permissions", manifest(map[string]any{"permissions": list(200000, "perm%d")}), nil},
		{"20000 permissions a typo away from a real one", manifest(map[string]any{"permissions": list(20000, "declarativeNetRequestWithHostAccess%d")}), nil},
		{"4 MB permission string", manifest(map[string]any{"permissions": []string{strings.Repeat("tabs", 1<<20)}}), nil},
		{"8000 optional by 8000 required hosts", manifest(map[string]any{
			"host_permissions":          list(8000, "https://r%d.example/*"),
			"optional_host_permissions": list(8000, "https://h%d.example/*"),
		}), nil},
		{"1000 resource globs by 45000 files", manifest(map[string]any{"web_accessible_resources": []map[string]any{{
			"resources": list(1000, "d%d/x*.png"), "matches": []string{"https://a.example/*"},
		}}}), manyFiles},
		{"3000 content scripts sharing 300 imports", manifest(map[string]any{"content_scripts": contentScripts}), sharedScript},
	}
	l := runner.New(runner.Options{Rules: rules.All()})
	text, err := output.New("text", output.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				var r runner.Result
				if c.files == nil {
					r = l.LintSource("manifest.json", c.src, nil)
				} else {
					r = l.LintSource("manifest.json", c.src, c.files)
				}
				if r.Err != nil {
					b.Fatal(r.Err)
				}
				if err := text.Format(io.Discard, []runner.Result{r}); err != nil { // the report, whose lines are one long line here
					b.Fatal(err)
				}
			}
		})
	}
}
