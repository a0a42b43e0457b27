package conformance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules/example"
)

// Case is one extension folder to show Chrome and crxlint.
type Case struct {
	Name  string // "rules/<rule>/<example>", "corpus/<name>" or "chromium/<file>"
	Files fstest.MapFS
	// Platform is the platform a rule example is for ("" for the other
	// cases): Chrome on another platform cannot judge it.
	Platform lint.Platform
}

// RuleExamples returns every example of every rule under testdata (the
// rules package's testdata folder).
func RuleExamples(testdata string) ([]Case, error) {
	dirs, err := os.ReadDir(testdata)
	if err != nil {
		return nil, err
	}
	var out []Case
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		examples, err := example.Load(filepath.Join(testdata, d.Name()))
		if err != nil {
			return nil, err
		}
		for _, ex := range examples {
			out = append(out, Case{Name: "rules/" + d.Name() + "/" + ex.Name, Files: ex.Files, Platform: ex.Platform})
		}
	}
	return out, nil
}

// Corpus returns the txtar extensions of a folder: each archive's files are
// one extension folder.
func Corpus(dir string) ([]Case, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		return nil, err
	}
	var out []Case
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			return nil, err
		}
		files := fstest.MapFS{}
		for _, f := range ar.Files {
			files[path.Clean(f.Name)] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
		}
		if _, ok := files["manifest.json"]; !ok {
			return nil, fmt.Errorf("%s: no manifest.json section", p)
		}
		out = append(out, Case{Name: "corpus/" + strings.TrimSuffix(filepath.Base(p), ".txtar"), Files: files})
	}
	return out, nil
}

// ChromiumCorpus returns Chromium's own manifest test files listed in the
// corpus's two index files, each as a folder that holds only the manifest.
func ChromiumCorpus(dir string) ([]Case, error) {
	var out []Case
	for _, index := range []string{"CHROMIUM_TESTS.jsonl", "CHROMIUM_TESTS_INLINE.jsonl"} {
		f, err := os.Open(filepath.Join(dir, index))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var c struct{ File string }
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				_ = f.Close()
				return nil, fmt.Errorf("%s: %w", index, err)
			}
			src, err := os.ReadFile(filepath.Join(dir, c.File))
			if err != nil {
				_ = f.Close()
				return nil, err
			}
			out = append(out, Case{Name: "chromium/" + c.File, Files: fstest.MapFS{"manifest.json": {Data: src, Mode: 0o644}}})
		}
		if err := f.Close(); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b Case) int { return strings.Compare(a.Name, b.Name) })
	return slices.CompactFunc(out, func(a, b Case) bool { return a.Name == b.Name }), nil
}

// WriteDir writes a case's files into dir.
func WriteDir(dir string, files fs.FS) error {
	return fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// KnownDifferences reads the deliberate differences between crxlint and
// Chrome: one "case-name: reason" per line, or "warning case-name: reason"
// for a case where crxlint quotes a warning Chrome does not print; blank
// lines and # comments are skipped.
func KnownDifferences(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, ok := strings.Cut(line, ": ")
		if !ok || strings.TrimSpace(reason) == "" {
			return nil, fmt.Errorf("%s:%d: want \"case-name: reason\"", path, i+1)
		}
		out[name] = reason
	}
	return out, nil
}
