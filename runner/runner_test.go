package runner_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/internal/testenv"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
)

func write(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLintPathsKeepsOrderAndNamesFiles(t *testing.T) {
	dir := t.TempDir()
	ext := filepath.Join(dir, "ext")
	if err := os.Mkdir(ext, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, ext, "manifest.json", `{"manifest_version": 3, "name": "x", "version": "1", "name": "y"}`)
	other := write(t, dir, "other.json", `{"manifest_version": 3, "name": "x", "version": "1"}`)

	l := runner.New(runner.Options{Rules: rules.All()})
	paths := []string{other, ext, filepath.Join(dir, "missing.json")}
	res := l.LintPaths(context.Background(), paths)
	if len(res) != 3 {
		t.Fatalf("got %d results for 3 paths", len(res))
	}
	if res[0].Path != filepath.ToSlash(other) || len(res[0].Diagnostics) != 0 || res[0].Err != nil {
		t.Errorf("result 0 = %+v", res[0])
	}
	if res[1].Path != filepath.ToSlash(filepath.Join(ext, "manifest.json")) || len(res[1].Diagnostics) != 1 {
		t.Errorf("a folder must be linted through its manifest.json: %+v", res[1])
	}
	if res[2].Err == nil || !strings.Contains(res[2].Err.Error(), "no such file") {
		t.Errorf("a missing file must be an error: %+v", res[2])
	}
}

func TestConfiguration(t *testing.T) {
	dir := t.TempDir()
	cfg, err := config.Parse(filepath.Join(dir, config.FileName), []byte(`{
  "rules": {"duplicate-key": "error", "unknown-permission": "off"},
  "ignore": [{"rule": "store-listing", "path": "ext/*.json", "pointer": "/name", "reason": "the store name is set elsewhere"}]
}`), config.Rules{Resolve: func(id string) []string { return []string{id} }})
	if err != nil {
		t.Fatal(err)
	}
	l := runner.New(runner.Options{Rules: rules.All(), Config: func(string) *config.Config { return cfg }})
	long := strings.Repeat("n", 80)
	src := `{"manifest_version": 3, "version": "1", "name": "x", "name": "` + long + `", "permissions": ["tab"]}`
	got := map[string]lint.Severity{}
	for _, d := range l.LintSource(filepath.Join(dir, "ext", "manifest.json"), []byte(src), nil).Diagnostics {
		got[d.Rule] = d.Severity
	}
	if len(got) != 1 || got["duplicate-key"] != lint.Error {
		t.Errorf("findings %v; want only duplicate-key, raised to error (unknown-permission off, store-listing ignored)", got)
	}
	got = map[string]lint.Severity{}
	for _, d := range l.LintSource(filepath.Join(dir, "other", "manifest.json"), []byte(src), nil).Diagnostics {
		got[d.Rule] = d.Severity
	}
	if _, ok := got["store-listing"]; !ok {
		t.Errorf("findings %v; the ignore's path covers ext/ only, so other/ keeps store-listing", got)
	}
}

func TestRefusesWhatIsNotAManifestFile(t *testing.T) {
	dir := t.TempDir()
	big := write(t, dir, "big.json", "")
	if err := os.Truncate(big, runner.MaxManifestSize+1); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder")
	if err := os.MkdirAll(filepath.Join(folder, "manifest.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	res := runner.New(runner.Options{Rules: rules.All()}).LintPaths(context.Background(), []string{big, folder, t.TempDir()})
	for i, want := range []string{"larger than 16 MiB", "is a folder", "no manifest.json"} {
		if res[i].Err == nil || !strings.Contains(res[i].Err.Error(), want) {
			t.Errorf("result %d: err = %v, want it to say %q", i, res[i].Err, want)
		}
	}
}

func TestReadLimited(t *testing.T) {
	if _, err := runner.ReadLimited(strings.NewReader(strings.Repeat(" ", runner.MaxManifestSize+1))); err == nil {
		t.Error("ReadLimited read more than MaxManifestSize")
	}
	src, err := runner.ReadLimited(strings.NewReader("{}"))
	if err != nil || string(src) != "{}" {
		t.Errorf("ReadLimited = %q, %v", src, err)
	}
}

// TestRealCorpus lints every manifest of real published extensions in the
// shared corpus: no rule may break or panic on any of them, templates and
// fragments included.
func TestRealCorpus(t *testing.T) {
	corpus := filepath.Join(testenv.Shared(t), "corpus", "real")
	f, err := os.Open(filepath.Join(corpus, "INDEX.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var paths []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var entry struct{ File string }
		if err := json.Unmarshal(sc.Bytes(), &entry); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Join(corpus, entry.File))
	}
	if len(paths) < 50 {
		t.Fatalf("only %d manifests in the corpus index", len(paths))
	}
	res := runner.New(runner.Options{Rules: rules.All()}).LintPaths(context.Background(), paths)
	for _, r := range res {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Path, r.Err)
		}
	}
}

func TestFixRemovesEveryTrailingCommaAtomically(t *testing.T) {
	dir := t.TempDir()
	src := "{\n  \"manifest_version\": 3,\n  \"name\": \"x\",\n  \"permissions\": [\"storage\",], // keep me\n  \"version\": \"1\",\n}\n"
	p := write(t, dir, "manifest.json", src)
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	res, n, err := runner.New(runner.Options{Rules: rules.All()}).Fix(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || len(res.Diagnostics) != 0 {
		t.Errorf("fixed %d, remaining %+v; want both commas fixed and nothing left", n, res.Diagnostics)
	}
	got, _ := os.ReadFile(p)
	want := "{\n  \"manifest_version\": 3,\n  \"name\": \"x\",\n  \"permissions\": [\"storage\"], // keep me\n  \"version\": \"1\"\n}\n"
	if string(got) != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	info, _ := os.Stat(p)
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the original 0640 kept", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestFixLeavesACleanFileUntouched(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "manifest.json", `{"manifest_version": 3, "name": "x", "version": "1"}`)
	before, _ := os.Stat(p)
	_, n, err := runner.New(runner.Options{Rules: rules.All()}).Fix(t.Context(), p)
	after, _ := os.Stat(p)
	if err != nil || n != 0 || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("Fix on a clean file: n=%d err=%v, modified=%v", n, err, !after.ModTime().Equal(before.ModTime()))
	}
}

func TestFixWritesNothingOnceInterrupted(t *testing.T) {
	src := `{"manifest_version": 3, "name": "x", "version": "1",}`
	p := write(t, t.TempDir(), "manifest.json", src)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, n, err := runner.New(runner.Options{Rules: rules.All()}).Fix(ctx, p)
	if got, _ := os.ReadFile(p); n != 0 || err == nil || string(got) != src {
		t.Errorf("fixed %d, err %v, file %q; want nothing written and the interruption returned", n, err, got)
	}
}
