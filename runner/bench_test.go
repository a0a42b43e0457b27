package runner_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
)

// BenchmarkLint measures linting one extension folder with every rule: the
// work of a pre-commit run once the process has started.
func BenchmarkLint(b *testing.B) {
	for _, name := range []string{"hello", "broken"} {
		dir := filepath.Join("..", "testdata", "examples", name)
		src, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
		if err != nil {
			b.Fatal(err)
		}
		l := runner.New(runner.Options{Rules: rules.All()})
		files := os.DirFS(dir)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if r := l.LintSource("manifest.json", src, files); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
		})
	}
}
