//go:build unix

package runner_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
)

const swManifest = `{"manifest_version": 3, "name": "x", "version": "1", "background": {"service_worker": "bg.js"}}`

// extension makes base/ext with a manifest naming bg.js, beside
// base/secret/s.js, and returns the folder.
func extension(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	ext := filepath.Join(base, "ext")
	for _, d := range []string{ext, filepath.Join(base, "secret")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, ext, "manifest.json", swManifest)
	write(t, filepath.Join(base, "secret"), "s.js", "chrome.tabs.query({}); // SECRET")
	return ext
}

func TestALinkLeavingTheFolderIsAWarningNotARead(t *testing.T) {
	ext := extension(t)
	if err := os.Symlink("../secret/s.js", filepath.Join(ext, "bg.js")); err != nil {
		t.Skip(err)
	}
	r := runner.New(runner.Options{Rules: rules.All()}).LintPaths(t.Context(), []string{ext})[0]
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var ids []string
	for _, d := range r.Diagnostics {
		ids = append(ids, d.Rule)
		if strings.Contains(d.Message, "SECRET") || strings.Contains(d.Message, "tabs") {
			t.Errorf("a finding carries the link target's content: %s", d.Message)
		}
	}
	if !slices.Contains(ids, runner.LinkOutsideID) {
		t.Errorf("rules = %v, want %s for bg.js", ids, runner.LinkOutsideID)
	}
	if slices.Contains(ids, "missing-file") || slices.Contains(ids, "missing-api-permission") {
		t.Errorf("rules = %v: the script outside was read, or the link called missing", ids)
	}
}

func TestAFIFOIsAWarningNotAHang(t *testing.T) {
	ext := extension(t)
	if err := syscall.Mkfifo(filepath.Join(ext, "bg.js"), 0o644); err != nil {
		t.Skip(err)
	}
	r := runner.New(runner.Options{Rules: rules.All()}).LintPaths(t.Context(), []string{ext})[0]
	if r.Err != nil || len(r.Diagnostics) != 1 || r.Diagnostics[0].Rule != runner.SpecialFileID ||
		!strings.Contains(r.Diagnostics[0].Message, `"bg.js" is a named pipe (FIFO)`) {
		t.Fatalf("got %+v, %v; want one special-file finding naming bg.js", r.Diagnostics, r.Err)
	}
	if d := r.Diagnostics[0]; d.Pointer != "/background/service_worker" {
		t.Errorf("the finding is at %q, want at the manifest's service worker", d.Pointer)
	}
}

func TestALimitHitIsAnErrorNamingTheFile(t *testing.T) {
	ext := extension(t)
	write(t, ext, "bg.js", strings.Repeat("x", 200))
	l := runner.New(runner.Options{Rules: rules.All(), Limits: runner.Limits{File: 150}})
	r := l.LintPaths(t.Context(), []string{ext})[0]
	want := filepath.ToSlash(filepath.Join(ext, "bg.js")) + " is 200 bytes, more than the limit of 150 bytes for one file"
	if r.Err == nil || !strings.Contains(r.Err.Error(), want) {
		t.Errorf("err = %v, want it to say %q", r.Err, want)
	}
	if r.Doc == nil {
		t.Error("the manifest's findings are lost with the error")
	}
}

func TestTheManifestIsConfinedToItsFolder(t *testing.T) {
	ext := extension(t)
	named := filepath.Join(ext, "manifest.json")
	if err := os.Remove(named); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Dir(ext), "outside.json", swManifest)
	if err := os.Symlink("../outside.json", named); err != nil {
		t.Skip(err)
	}
	for _, p := range []string{ext, named} {
		r := runner.New(runner.Options{Rules: rules.All()}).LintPaths(t.Context(), []string{p})[0]
		if r.Err == nil || !strings.Contains(r.Err.Error(), "outside the extension's folder") || r.Doc != nil {
			t.Errorf("%s: err = %v, doc read = %v; want the link refused", p, r.Err, r.Doc != nil)
		}
	}
}

func TestLintBufferReadsTheFolderConfined(t *testing.T) {
	ext := extension(t)
	if err := os.Symlink("../secret/s.js", filepath.Join(ext, "bg.js")); err != nil {
		t.Skip(err)
	}
	l := runner.New(runner.Options{Rules: rules.All()})
	r := l.LintBuffer(t.Context(), "ext/manifest.json", []byte(swManifest), ext)
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].Rule != runner.LinkOutsideID {
		t.Errorf("diagnostics = %+v, want one %s", r.Diagnostics, runner.LinkOutsideID)
	}
	if r := l.LintBuffer(t.Context(), "m.json", []byte(swManifest), ""); len(r.Diagnostics) != 0 || r.Err != nil {
		t.Errorf("without a folder: %+v", r)
	}
}

func TestUnique(t *testing.T) {
	ext := extension(t)
	got := runner.Unique([]string{ext, ext + "/", filepath.Join(ext, "manifest.json"), "other.json", "./other.json"})
	if want := []string{ext, "other.json"}; !slices.Equal(got, want) {
		t.Errorf("Unique = %q, want %q", got, want)
	}
}
