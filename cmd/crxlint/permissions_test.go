package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

const withPermissions = `{"manifest_version": 3, "name": "x", "version": "1",
  "permissions": ["tabs", "bookmarks"], "host_permissions": ["https://a.com/*", "https://*.b.org/*"],
  "optional_permissions": ["history"]}`

func TestPermissionsText(t *testing.T) {
	dir := writeManifest(t, withPermissions)
	cleanDir := writeManifest(t, clean)
	got := runCLI(t, "", env(), "permissions", dir, cleanDir)
	want := filepath.ToSlash(filepath.Join(dir, "manifest.json")) + `:
  Read and change your data on all b.org sites and a.com
  Read your browsing history
  Read and change your bookmarks
  may ask for:
    Read and change your browsing history on all your signed-in devices
` + filepath.ToSlash(filepath.Join(cleanDir, "manifest.json")) + `: no warnings
`
	if got.code != exitClean || got.stdout != want || got.stderr != "" {
		t.Errorf("got exit %d, stdout:\n%s\nstderr: %s\nwant stdout:\n%s", got.code, got.stdout, got.stderr, want)
	}
}

func TestPermissionsJSON(t *testing.T) {
	got := runCLI(t, withPermissions, env(), "permissions", "--format", "json", "-")
	if got.code != exitClean {
		t.Fatalf("exit %d, stderr: %s", got.code, got.stderr)
	}
	var report permissionsReport
	if err := json.Unmarshal([]byte(got.stdout), &report); err != nil {
		t.Fatalf("%v in:\n%s", err, got.stdout)
	}
	want := permissionsReport{Version: 1, Files: []permissionsFile{{
		Path:     "<stdin>",
		Warnings: []string{"Read and change your data on all b.org sites and a.com", "Read your browsing history", "Read and change your bookmarks"},
		Optional: []string{"Read and change your browsing history on all your signed-in devices"},
	}}}
	if report.Version != want.Version || len(report.Files) != 1 ||
		!slices.Equal(report.Files[0].Warnings, want.Files[0].Warnings) ||
		!slices.Equal(report.Files[0].Optional, want.Files[0].Optional) || report.Files[0].Path != want.Files[0].Path {
		t.Errorf("got %+v\nwant %+v", report, want)
	}
	// No warnings is an empty list, never null, so that scripts can iterate.
	empty := runCLI(t, clean, env(), "permissions", "--format=json", "-")
	if !strings.Contains(empty.stdout, `"warnings": []`) || !strings.Contains(empty.stdout, `"optional": []`) {
		t.Errorf("no warnings should be [], got:\n%s", empty.stdout)
	}
}

func TestPermissionsExitCodes(t *testing.T) {
	good, bad := writeManifest(t, withPermissions), writeManifest(t, unparsed)
	tests := []struct {
		name       string
		args       []string
		code       int
		wantStderr string
	}{
		{"ok", []string{good}, exitClean, ""},
		{"unparsable manifest", []string{good, bad}, exitFindings, "trailing comma"},
		{"missing file", []string{filepath.Join(good, "nope.json"), bad}, exitIO, "does not exist"},
		{"folder without manifest", []string{t.TempDir()}, exitIO, "manifest.json: file does not exist"},
		{"no path", nil, exitUsage, "no PATH given"},
		{"bad format", []string{"--format", "xml", good}, exitUsage, `"xml" is not text or json`},
		{"stdin twice", []string{"-", "-"}, exitUsage, "only once"},
		{"help", []string{"--help"}, exitClean, "Usage: crxlint permissions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, "", env(), append([]string{"permissions"}, tt.args...)...)
			if got.code != tt.code || !strings.Contains(got.stderr, tt.wantStderr) {
				t.Errorf("got exit %d, stderr %q; want exit %d, stderr containing %q", got.code, got.stderr, tt.code, tt.wantStderr)
			}
		})
	}
}

// TestPermissionsStaysInFolder checks that a manifest.json linking out of
// its extension folder is not followed, and that a FIFO is refused rather
// than read (which would block).
func TestPermissionsStaysInFolder(t *testing.T) {
	outside := writeManifest(t, withPermissions)
	linked := t.TempDir()
	if err := os.Symlink(filepath.Join(outside, "manifest.json"), filepath.Join(linked, "manifest.json")); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
	got := runCLI(t, "", env(), "permissions", linked)
	if got.code != exitIO || !strings.Contains(got.stderr, "outside the extension's folder") {
		t.Errorf("link out of the folder: got exit %d, stderr %q; want exit %d and a refusal", got.code, got.stderr, exitIO)
	}

	fifoDir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(fifoDir, "manifest.json"), 0o600); err != nil {
		t.Skipf("cannot make a FIFO: %v", err)
	}
	got = runCLI(t, "", env(), "permissions", fifoDir)
	if got.code != exitIO || !strings.Contains(got.stderr, "is a named pipe (FIFO), not a regular file") {
		t.Errorf("FIFO: got exit %d, stderr %q; want exit %d, not a regular file", got.code, got.stderr, exitIO)
	}
}
