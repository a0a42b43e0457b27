package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestBaseline(t *testing.T) {
	old := writeManifest(t, `{"manifest_version": 3, "name": "x", "version": "1", "permissions": ["history"]}`)
	now := writeManifest(t, `{"manifest_version": 3, "name": "x", "version": "2", "permissions": ["history", "tabs", "bookmarks"]}`)
	got := runCLI(t, "", env(), "--baseline", old, now)
	if got.code != exitFindings || strings.Count(got.stdout, "[permission-escalation]") != 1 ||
		!strings.Contains(got.stdout, `the update adds the warning "Read and change your bookmarks"`) || !strings.Contains(got.stdout, `(brought by "bookmarks")`) {
		t.Errorf("--baseline: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	if got := runCLI(t, "", env(), "--baseline", now, now); got.code != exitClean || strings.Contains(got.stdout, "permission-escalation") {
		t.Errorf("--baseline with itself: exit %d\n%s", got.code, got.stdout)
	}
	if got := runCLI(t, "", env(), "--baseline", filepath.Join(old, "missing"), now); got.code != exitIO {
		t.Errorf("--baseline with a missing file: exit %d, want 3\n%s", got.code, got.stderr)
	}
}

func TestBaselineGitRevision(t *testing.T) {
	gitPath, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command(gitPath, append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	man := filepath.Join(dir, "manifest.json")
	write := func(src string) {
		t.Helper()
		if err := os.WriteFile(man, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q")
	write(`{"manifest_version": 3, "name": "x", "version": "1", "host_permissions": ["https://a.example/*"]}`)
	git("add", ".")
	git("commit", "-q", "-m", "one")
	write(`{"manifest_version": 3, "name": "x", "version": "2", "host_permissions": ["https://a.example/*", "https://b.example/*"]}`)
	if got := runCLI(t, "", env(), "--baseline", "git:--output=/tmp/crxlint-pwned", dir); got.code == exitClean || got.code == exitFindings {
		t.Errorf("--baseline git:--output=...: exit %d; a revision that looks like an option must be refused", got.code)
	}
	got := runCLI(t, "", env(), "--baseline", "git:HEAD", dir)
	if got.code != exitFindings || !strings.Contains(got.stdout, `(brought by "https://b.example/*")`) {
		t.Errorf("--baseline git:HEAD: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
}
