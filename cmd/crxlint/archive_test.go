package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipOf packs files (name to content) into an archive at p.
func zipOf(t *testing.T, p string, files map[string]string) string {
	t.Helper()
	if err := os.WriteFile(p, zipData(t, files), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// zipData packs files (name to content) into an archive.
func zipData(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, data := range files {
		f, err := w.Create(name)
		if err == nil {
			_, err = io.WriteString(f, data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// crx3 wraps a zip in a CRX3 header that no one signed.
func crx3(zipData []byte) []byte {
	header := []byte{0x12, 0x03, 0x0a, 0x01, 0x00}
	out := binary.LittleEndian.AppendUint32([]byte("Cr24"), 3)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(header)))
	return append(append(out, header...), zipData...)
}

// TestFoldersAndArchivesInOneCall: a folder and the archive of it have the
// same findings, the archive's under ext.zip!/manifest.json.
func TestFoldersAndArchivesInOneCall(t *testing.T) {
	dir := writeManifest(t, warning)
	t.Chdir(dir)
	zipOf(t, "ext.zip", map[string]string{"manifest.json": warning})
	zipOf(t, "other.zip", map[string]string{"manifest.json": clean})

	got := runCLI(t, "", env(), "--fail-on", "warning", ".", "ext.zip", "other.zip")
	if got.code != exitFindings {
		t.Errorf("exit %d, want %d\n%s%s", got.code, exitFindings, got.stdout, got.stderr)
	}
	var folder, packed string
	for line := range strings.Lines(got.stdout) {
		if rest, ok := strings.CutPrefix(line, "manifest.json:"); ok {
			folder = rest
		}
		if rest, ok := strings.CutPrefix(line, "ext.zip!/manifest.json:"); ok {
			packed = rest
		}
	}
	if folder == "" || folder != packed {
		t.Errorf("the folder's finding %q and the archive's %q differ:\n%s", folder, packed, got.stdout)
	}
	if !strings.Contains(got.stdout, "2 problems in 2 files") {
		t.Errorf("the summary does not count the 2 files with problems:\n%s", got.stdout)
	}

	got = runCLI(t, "", env(), "--format", "json", "ext.zip", "other.zip")
	var report struct {
		Files []struct{ Path string } `json:"files"`
	}
	if err := json.Unmarshal([]byte(got.stdout), &report); err != nil {
		t.Fatalf("%v:\n%s", err, got.stdout)
	}
	if len(report.Files) != 2 || report.Files[0].Path != "ext.zip!/manifest.json" || report.Files[1].Path != "other.zip!/manifest.json" {
		t.Errorf("paths %+v, want ext.zip!/manifest.json and other.zip!/manifest.json", report.Files)
	}
	if got.stderr != "" {
		t.Errorf("a zip is not signed, so nothing is said of signatures: %q", got.stderr)
	}
}

// TestTheSignatureNoteComesOnce: two .crx files, one note on stderr, and
// stdout stays a clean report.
func TestTheSignatureNoteComesOnce(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, name := range []string{"a.crx", "b.crx"} {
		if err := os.WriteFile(name, crx3(zipData(t, map[string]string{"manifest.json": clean})), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := runCLI(t, "", env(), "--format", "json", "a.crx", "b.crx")
	if got.code != exitClean || !json.Valid([]byte(got.stdout)) {
		t.Errorf("exit %d, stdout not JSON:\n%s%s", got.code, got.stdout, got.stderr)
	}
	if n := strings.Count(got.stderr, "signatures of .crx files are not checked"); n != 1 {
		t.Errorf("the note comes %d times, want once:\n%s", n, got.stderr)
	}
}

// TestChromeSkipsAnArchive: --chrome names the archive it does not load,
// and needs no browser to say so.
func TestChromeSkipsAnArchive(t *testing.T) {
	p := zipOf(t, filepath.Join(t.TempDir(), "ext.zip"), map[string]string{"manifest.json": clean})
	got := runCLI(t, "", env(), "--chrome", p)
	want := "--chrome: " + filepath.ToSlash(p) + " is an archive; not loaded in Chrome"
	if got.code != exitClean || !strings.Contains(got.stderr, want) {
		t.Errorf("exit %d, stderr %q; want %d and %q", got.code, got.stderr, exitClean, want)
	}
}

// TestOnlyExtensionsLintsAnArchive: an archive is an extension, never a
// stray file, and never read as a manifest.
func TestOnlyExtensionsLintsAnArchive(t *testing.T) {
	p := zipOf(t, filepath.Join(t.TempDir(), "ext.zip"), map[string]string{"manifest.json": unparsed})
	got := runCLI(t, "", env(), "--only-extensions", p)
	if got.code != exitFindings || !strings.Contains(got.stdout, "ext.zip!/manifest.json:1:52: error: trailing comma") {
		t.Errorf("exit %d:\n%s%s", got.code, got.stdout, got.stderr)
	}
}

// TestPermissionsOfAnArchive: crxlint permissions reads the manifest.json at
// an archive's root, and says why when it cannot.
func TestPermissionsOfAnArchive(t *testing.T) {
	t.Chdir(t.TempDir())
	zipOf(t, "ext.zip", map[string]string{"manifest.json": withPermissions})
	zipOf(t, "nested.zip", map[string]string{"ext/manifest.json": withPermissions})
	got := runCLI(t, "", env(), "permissions", "ext.zip", "nested.zip")
	if got.code != exitIO || !strings.HasPrefix(got.stdout, "ext.zip!/manifest.json:\n  Read and change your data on all b.org sites and a.com\n") {
		t.Errorf("exit %d, stdout:\n%s", got.code, got.stdout)
	}
	if !strings.Contains(got.stderr, "crxlint permissions: nested.zip: has no manifest.json at its root, but one in ext/") {
		t.Errorf("stderr %q does not name the missing manifest", got.stderr)
	}
}

// TestCodeInAnArchiveIsNamedInIt: a finding the code causes points at the
// script inside the archive.
func TestCodeInAnArchiveIsNamedInIt(t *testing.T) {
	t.Chdir(t.TempDir())
	zipOf(t, "ext.zip", map[string]string{
		"manifest.json": `{"manifest_version": 3, "name": "x", "version": "1", "background": {"service_worker": "js/bg.js"}}`,
		"js/bg.js":      "chrome.alarms.create('a', {periodInMinutes: 1});",
	})
	got := runCLI(t, "", env(), "--color", "never", "ext.zip")
	if got.code != exitFindings || !strings.Contains(got.stdout, "  ext.zip!/js/bg.js:1:1: the first use") {
		t.Errorf("exit %d, want the script named inside the archive:\n%s%s", got.code, got.stdout, got.stderr)
	}
}
