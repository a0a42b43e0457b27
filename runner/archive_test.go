package runner_test

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
)

// packedManifest has findings of every source: the schema, a rule on the
// manifest alone, files it names (a missing icon, a locale) and the code
// (bg.js calls an API it has no permission for).
const packedManifest = `{
  "manifest_version": 3, "name": "__MSG_name__", "version": "1", "default_locale": "en",
  "background": {"service_worker": "js/bg.js"},
  "icons": {"16": "icons/16.png", "48": "icons/missing.png"},
  "permissions": ["tab"],
  "content_security_policy": 7
}`

var packedFiles = map[string]string{
	"manifest.json":             packedManifest,
	"js/bg.js":                  "chrome.alarms.create('a', {periodInMinutes: 1});",
	"icons/16.png":              "\x89PNG",
	"_locales/en/messages.json": `{"name": {"message": "Packed"}}`,
}

// pack writes the files into a zip archive, each under prefix, with
// extra entries after them, and returns the archive's bytes.
func pack(t *testing.T, prefix string, files map[string]string, extra ...*zip.FileHeader) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, data := range files {
		f, err := w.Create(path.Join(prefix, name))
		if err == nil {
			_, err = io.WriteString(f, data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, h := range extra {
		f, err := w.CreateHeader(h)
		if err == nil {
			_, err = io.WriteString(f, h.Comment)
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
	header := []byte{0x12, 0x03, 0x0a, 0x01, 0x00} // some protobuf
	out := binary.LittleEndian.AppendUint32([]byte("Cr24"), 3)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(header)))
	return append(append(out, header...), zipData...)
}

// unpacked writes the files into a folder and returns it.
func unpacked(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Dir(p), filepath.Base(p), data)
	}
	return dir
}

// finding is a diagnostic without its file: what must match between a
// folder and its archive.
type finding struct {
	Rule, Message, Pointer string
	Range                  manifest.Range
}

func findings(r runner.Result) []finding {
	var out []finding
	for _, d := range r.Diagnostics {
		out = append(out, finding{d.Rule, d.Message, d.Pointer, d.Range})
	}
	return out
}

func TestAnArchiveHasTheFindingsOfItsFolder(t *testing.T) {
	dir := t.TempDir()
	folder := unpacked(t, filepath.Join(dir, "ext"), packedFiles)
	zipped := write(t, dir, "ext.zip", string(pack(t, "", packedFiles)))
	signed := write(t, dir, "ext.crx", string(crx3(pack(t, "", packedFiles))))

	res := runner.New(runner.Options{Rules: rules.All()}).LintPaths(t.Context(), []string{folder, zipped, signed})
	want := findings(res[0])
	if len(want) < 4 {
		t.Fatalf("the folder has %d findings, want one of each source: %+v", len(want), res[0].Diagnostics)
	}
	for i, r := range res[1:] {
		name := []string{zipped, signed}[i]
		if r.Err != nil {
			t.Errorf("%s: %v", name, r.Err)
		}
		if wantPath := filepath.ToSlash(name) + "!/manifest.json"; r.Path != wantPath || r.Archive != filepath.ToSlash(name) {
			t.Errorf("path %q, archive %q; want %q", r.Path, r.Archive, wantPath)
		}
		if got := findings(r); !slices.Equal(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", name, got, want)
		}
		if r.UncheckedSignature != strings.HasSuffix(name, ".crx") {
			t.Errorf("%s: UncheckedSignature = %v", name, r.UncheckedSignature)
		}
	}
}

func TestAnArchiveWithItsManifestOneFolderDown(t *testing.T) {
	p := write(t, t.TempDir(), "ext.zip", string(pack(t, "my-ext", packedFiles)))
	r := runner.New(runner.Options{Rules: rules.All()}).LintPaths(t.Context(), []string{p})[0]
	if r.Err == nil || !strings.Contains(r.Err.Error(), "no manifest.json at its root, but one in my-ext/") || r.Path != filepath.ToSlash(p) {
		t.Errorf("%s: %v; want the archive named and the manifest's folder", r.Path, r.Err)
	}
	p = write(t, t.TempDir(), "ext.zip", string(pack(t, "", map[string]string{"readme.txt": "hi"})))
	r = runner.New(runner.Options{Rules: rules.All()}).LintPaths(t.Context(), []string{p})[0]
	if r.Err == nil || !strings.Contains(r.Err.Error(), "holds no manifest.json") {
		t.Errorf("%s: %v; want no manifest found", r.Path, r.Err)
	}
}

func TestAnArchivesRefusalsNameItsEntries(t *testing.T) {
	link := &zip.FileHeader{Name: "js/cs.js", Comment: "../../../etc/passwd"}
	link.SetMode(fs.ModeSymlink | 0o777)
	files := map[string]string{
		"manifest.json": `{"manifest_version": 3, "name": "x", "version": "1", "background": {"service_worker": "bg.js"},
			"content_scripts": [{"matches": ["https://a.example/*"], "js": ["js/cs.js"]}]}`,
		"bg.js": "//" + strings.Repeat("x", 298),
	}
	p := write(t, t.TempDir(), "ext.zip", string(pack(t, "", files, link)))
	l := runner.New(runner.Options{Rules: rules.All(), Limits: runner.Limits{File: 200}})
	r := l.LintPaths(t.Context(), []string{p})[0]
	var special *lint.Diagnostic
	for i, d := range r.Diagnostics {
		if d.Rule == runner.SpecialFileID {
			special = &r.Diagnostics[i]
		}
	}
	if special == nil || !strings.Contains(special.Message, `"js/cs.js" is a symbolic link, not a regular file`) ||
		special.Pointer != "/content_scripts/0/js/0" {
		t.Errorf("want a special-file finding on the content script, a link entry; got %+v", r.Diagnostics)
	}
	want := filepath.ToSlash(p) + "!/bg.js is 300 bytes, more than the limit of 200 bytes for one file"
	if r.Err == nil || !strings.Contains(r.Err.Error(), want) {
		t.Errorf("err = %v, want it to say %q", r.Err, want)
	}
}

func TestAnArchiveTakesTheConfigurationOfItsFolder(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "ext.zip", string(pack(t, "", packedFiles)))
	cfg, err := config.Parse(filepath.Join(dir, config.FileName), []byte(`{"rules": {"unknown-permission": "off"}}`),
		config.Rules{Resolve: func(id string) []string { return []string{id} }})
	if err != nil {
		t.Fatal(err)
	}
	var asked []string
	l := runner.New(runner.Options{Rules: rules.All(), Config: func(d string) *config.Config {
		asked = append(asked, d)
		return cfg
	}})
	r := l.LintPaths(t.Context(), []string{p})[0]
	for _, d := range r.Diagnostics {
		if d.Rule == "unknown-permission" {
			t.Errorf("the configuration beside the archive turns unknown-permission off: %s", d.Message)
		}
	}
	for _, d := range asked {
		if d != dir {
			t.Errorf("configuration asked for %q, want the archive's folder %q", d, dir)
		}
	}
}

func TestFixRefusesAnArchive(t *testing.T) {
	files := map[string]string{"manifest.json": `{"manifest_version": 3, "name": "x", "version": "1",}`}
	data := pack(t, "", files)
	p := write(t, t.TempDir(), "ext.zip", string(data))
	_, n, err := runner.New(runner.Options{Rules: rules.All()}).Fix(t.Context(), p)
	if !errors.Is(err, runner.ErrFixArchive) || n != 0 {
		t.Errorf("Fix = %d fixes, %v; want %v", n, err, runner.ErrFixArchive)
	}
	if after, _ := os.ReadFile(p); !bytes.Equal(after, data) {
		t.Error("the archive changed")
	}
}

func TestReadArchivedManifest(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "ext.zip", string(pack(t, "", packedFiles)))
	name, src, err := runner.ReadArchivedManifest(t.Context(), p, runner.Limits{})
	if err != nil || name != filepath.ToSlash(p)+"!/manifest.json" || string(src) != packedManifest {
		t.Errorf("got %q, %d bytes, %v", name, len(src), err)
	}
	p = write(t, dir, "nested.zip", string(pack(t, "ext", packedFiles)))
	name, _, err = runner.ReadArchivedManifest(t.Context(), p, runner.Limits{})
	if name != filepath.ToSlash(p) || err == nil || !strings.Contains(err.Error(), "one in ext/") {
		t.Errorf("got %q, %v; want the archive named, and where its manifest is", name, err)
	}
}
