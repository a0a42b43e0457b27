package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/crxlint/crxlint/chrome"
	"github.com/crxlint/crxlint/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// env builds a getenv from pairs.
func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

type outcome struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, stdin string, getenv func(string) string, args ...string) outcome {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut, getenv)
	return outcome{code, out.String(), errOut.String()}
}

// writeManifest makes an extension folder holding src as its manifest.
func writeManifest(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

const (
	clean     = `{"manifest_version": 3, "name": "x", "version": "1"}`
	warning   = `{"manifest_version": 3, "name": "x", "version": "1", "name": "y"}`
	unparsed  = `{"manifest_version": 3, "name": "x", "version": "1",}`
	cleanPath = "../../testdata/examples/hello"
)

func TestExitCodes(t *testing.T) {
	cleanDir, warnDir, badDir := writeManifest(t, clean), writeManifest(t, warning), writeManifest(t, unparsed)
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"clean folder", []string{cleanDir}, exitClean},
		{"clean manifest file", []string{filepath.Join(cleanDir, "manifest.json")}, exitClean},
		{"a warning does not fail by default", []string{warnDir}, exitClean},
		{"--fail-on warning", []string{"--fail-on", "warning", warnDir}, exitFindings},
		{"--fail-on=info", []string{"--fail-on=info", warnDir}, exitFindings},
		{"a manifest that does not parse is a finding", []string{badDir}, exitFindings},
		{"--fail-on never", []string{"--fail-on", "never", badDir}, exitClean},
		{"flags after paths", []string{badDir, "--fail-on", "never"}, exitClean},
		{"--format does not change the exit code", []string{"--format", "json", badDir}, exitFindings},
		{"many paths: the worst wins", []string{cleanDir, badDir}, exitFindings},
		{"missing path", []string{filepath.Join(cleanDir, "nope.json")}, exitIO},
		{"folder without manifest.json", []string{t.TempDir()}, exitIO},
		{"I/O error wins over findings", []string{badDir, filepath.Join(cleanDir, "nope.json")}, exitIO},
		{"no path", nil, exitUsage},
		{"unknown flag", []string{"--nope", cleanDir}, exitUsage},
		{"bad --format", []string{"--format", "xml", cleanDir}, exitUsage},
		{"bad --fail-on", []string{"--fail-on", "fatal", cleanDir}, exitUsage},
		{"bad --color", []string{"--color", "sometimes", cleanDir}, exitUsage},
		{"stdin twice", []string{"-", "-"}, exitUsage},
		{"unknown rule to explain", []string{"--explain", "nope"}, exitUsage},
		{"--help", []string{"--help"}, exitClean},
		{"--version", []string{"--version"}, exitClean},
		{"--list-rules", []string{"--list-rules"}, exitClean},
		{"-- ends the flags", []string{"--", cleanDir}, exitClean},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, "", env(), tt.args...)
			if got.code != tt.want {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", got.code, tt.want, got.stdout, got.stderr)
			}
		})
	}
}

func TestFix(t *testing.T) {
	dir := writeManifest(t, unparsed)
	got := runCLI(t, "", env(), "--fix", dir)
	if got.code != exitClean || got.stdout != "" || !strings.Contains(got.stderr, "applied 1 fix(es)") {
		t.Errorf("--fix: exit %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if string(fixed) != clean {
		t.Errorf("fixed manifest = %s, want %s", fixed, clean)
	}
	if got := runCLI(t, unparsed, env(), "--fix", "-"); got.code != exitUsage {
		t.Errorf("--fix on stdin: exit %d, want %d", got.code, exitUsage)
	}
	// Without --fix nothing is written.
	dir = writeManifest(t, unparsed)
	runCLI(t, "", env(), dir)
	if src, _ := os.ReadFile(filepath.Join(dir, "manifest.json")); string(src) != unparsed {
		t.Error("a run without --fix changed the file")
	}
}

func TestVersion(t *testing.T) {
	got := runCLI(t, "", env(), "--version")
	for _, want := range []string{"crxlint ", "manifest schema 1.", "checked against Chrome 156", "public suffix list: publicsuffix.org's public_suffix_list.dat, git revision "} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("--version output lacks %q:\n%s", want, got.stdout)
		}
	}
}

func TestUsageErrorsGoToStderr(t *testing.T) {
	got := runCLI(t, "", env(), "--format", "xml", cleanPath)
	if got.stdout != "" || !strings.Contains(got.stderr, `unknown format "xml"`) {
		t.Errorf("stdout %q, stderr %q", got.stdout, got.stderr)
	}
}

func TestStdin(t *testing.T) {
	got := runCLI(t, warning, env(), "--fail-on", "warning", "-")
	if got.code != exitFindings || !strings.HasPrefix(got.stdout, "<stdin>:1:") {
		t.Fatalf("exit %d, stdout %q", got.code, got.stdout)
	}
	got = runCLI(t, warning, env(), "--stdin-filename", "ext/manifest.json", "-")
	if !strings.HasPrefix(got.stdout, "ext/manifest.json:1:54: warning: key \"name\" is given again") {
		t.Errorf("--stdin-filename does not name the input: %q", got.stdout)
	}
	got = runCLI(t, clean, env(), "-")
	if got.code != exitClean || got.stdout != "" {
		t.Errorf("clean stdin: exit %d, stdout %q; want 0 and no output", got.code, got.stdout)
	}
}

func TestFIFOIsAnIOErrorNotAHang(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "manifest.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	got := runCLI(t, "", env(), dir)
	if got.code != exitIO || !strings.Contains(got.stdout, "named pipe") {
		t.Errorf("exit %d, stdout %q; want exit 3 naming the pipe", got.code, got.stdout)
	}
}

func TestColor(t *testing.T) {
	dir := writeManifest(t, warning)
	tests := []struct {
		name   string
		getenv func(string) string
		args   []string
		want   bool
	}{
		{"auto, not a terminal", env(), nil, false},
		{"auto, FORCE_COLOR", env("FORCE_COLOR", "1"), nil, true},
		{"auto, FORCE_COLOR=0", env("FORCE_COLOR", "0"), nil, false},
		{"NO_COLOR beats FORCE_COLOR", env("NO_COLOR", "1", "FORCE_COLOR", "1"), nil, false},
		{"always beats NO_COLOR", env("NO_COLOR", "1"), []string{"--color", "always"}, true},
		{"never beats FORCE_COLOR", env("FORCE_COLOR", "1"), []string{"--color=never"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, "", tt.getenv, append(tt.args, dir)...)
			if has := strings.Contains(got.stdout, "\x1b["); has != tt.want {
				t.Errorf("colour = %v, want %v:\n%s", has, tt.want, got.stdout)
			}
		})
	}
}

func TestJSONOutputShape(t *testing.T) {
	dir := writeManifest(t, unparsed)
	got := runCLI(t, "", env(), "--format", "json", dir, filepath.Join(dir, "missing.json"))
	var report struct {
		Version int `json:"version"`
		Files   []struct {
			Path        string `json:"path"`
			Error       string `json:"error"`
			Diagnostics []struct {
				Rule, Severity, Chrome, Message, Pointer string
				Range                                    struct{ Start, End struct{ Line, Column int } }
				Fixes                                    []json.RawMessage
			} `json:"diagnostics"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(got.stdout), &report); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, got.stdout)
	}
	if report.Version != 1 || len(report.Files) != 2 {
		t.Fatalf("report = %+v", report)
	}
	parsed := report.Files[0]
	if len(parsed.Diagnostics) != 1 || parsed.Diagnostics[0].Rule != "syntax" || parsed.Diagnostics[0].Chrome != "rejects" ||
		parsed.Diagnostics[0].Range.Start.Line != 1 || parsed.Diagnostics[0].Fixes == nil {
		t.Errorf("a manifest that does not parse must still get its entry with the syntax diagnostic: %+v", parsed)
	}
	if report.Files[1].Error == "" {
		t.Errorf("an unreadable file must carry its error: %+v", report.Files[1])
	}
}

// TestGolden pins the whole output of each format over the example
// extensions in testdata. Run with -update to rewrite the golden files.
func TestGolden(t *testing.T) {
	tests := []struct{ name, golden string }{
		{"text", "text.golden"},
		{"text-color", "text-color.golden"},
		{"json", "json.golden"},
		{"github", "github.golden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"--format", strings.TrimSuffix(tt.name, "-color"), "--color", "never"}
			if strings.HasSuffix(tt.name, "-color") {
				args[3] = "always"
			}
			args = append(args, "../../testdata/examples/broken", "../../testdata/examples/trailing-comma", cleanPath)
			got := runCLI(t, "", env(), args...)
			path := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(path, []byte(got.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got.stdout != string(want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, got.stdout)
			}
		})
	}
}

func TestChromeFlag(t *testing.T) {
	bin, err := chrome.Find(os.Getenv)
	if err != nil {
		testenv.Missing(t, testenv.RequireChrome, "chromium not found: install it with apt-get install -y --no-install-recommends chromium")
	}
	// crxlint misses nothing here, so Chrome's own error shows what --chrome adds.
	bad := writeManifest(t, `{"manifest_version": 3, "name": "x", "version": "1", "icons": {"16": "nope.png"}}`)
	got := runCLI(t, "", env(chrome.EnvPath, bin), "--chrome", "--format", "json", bad)
	if got.code != exitFindings || !strings.Contains(got.stdout, `"rule": "chrome"`) ||
		!strings.Contains(got.stdout, `"chromeMessage": "Could not load icon 'nope.png' specified in 'icons'."`) {
		t.Errorf("--chrome on a broken extension: exit %d\n%s\n%s", got.code, got.stdout, got.stderr)
	}
	got = runCLI(t, "", env(chrome.EnvPath, bin), "--chrome", cleanPath)
	if got.code != exitClean || got.stdout != "" {
		t.Errorf("--chrome on a clean extension: exit %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
}

// TestExplainFormerID checks that a former rule ID explains the rules it
// was split into.
func TestExplainFormerID(t *testing.T) {
	got := runCLI(t, "", env(), "--explain", "schema")
	if got.code != exitClean {
		t.Fatalf("--explain schema: exit %d\n%s", got.code, got.stderr)
	}
	for _, want := range []string{"former ID", "invalid-value:", "unknown-permission:"} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("--explain schema does not say %q:\n%s", want, got.stdout)
		}
	}
}

// TestChromeFlagEnv checks that --chrome finds the browser through run's
// getenv, not the process's environment.
func TestChromeFlagEnv(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-chrome")
	got := runCLI(t, "", env(chrome.EnvPath, missing), "--chrome", cleanPath)
	if got.code != exitIO || !strings.Contains(got.stderr, missing) {
		t.Errorf("--chrome with $%s=%s: exit %d, stderr %q; want exit %d naming it", chrome.EnvPath, missing, got.code, got.stderr, exitIO)
	}
}

func TestRecursive(t *testing.T) {
	root := t.TempDir()
	for dir, src := range map[string]string{
		"good":             `{"manifest_version": 3, "name": "x", "version": "1"}`,
		"packages/bad":     `{"manifest_version": 3, "name": "x", "version": "1.0-beta"}`,
		"node_modules/pkg": `{"manifest_version": 3, "name": "x", "version": "no"}`,
	} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, dir, "manifest.json"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := runCLI(t, "", env(), "--recursive", "--format", "json", root)
	if got.code != exitFindings || strings.Count(got.stdout, `"path":`) != 2 || !strings.Contains(got.stdout, "packages/bad/manifest.json") ||
		strings.Contains(got.stdout, "node_modules") {
		t.Errorf("--recursive: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
}

// TestRecursiveConfiguration checks that each extension --recursive finds
// is linted under its own configuration: the .crxlint.jsonc nearest its
// folder, not only the one of the folder searched.
func TestRecursiveConfiguration(t *testing.T) {
	root := t.TempDir()
	bad := `{"manifest_version": 3, "name": "x", "version": "1", "permissions": ["storgae"]}`
	for name, src := range map[string]string{
		".crxlint.jsonc":                `{"rules": {"unknown-permission": "error"}}`,
		"a/manifest.json":               bad,
		"team/.crxlint.jsonc":           `{"rules": {"unknown-permission": "off"}}`,
		"team/b/manifest.json":          bad,
		"team/c/manifest.json":          bad,
		"team/c/.crxlint.jsonc":         `{"rules": {"unknown-permission": "info"}}`,
		"team/c/sub/d/manifest.json":    bad,
		"team/c/sub/.crxlint.jsonc.txt": "not a configuration",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := runCLI(t, "", env(), "--recursive", "--format", "json", root)
	var report struct {
		Files []struct {
			Path        string
			Diagnostics []struct{ Rule, Severity string }
		}
	}
	if err := json.Unmarshal([]byte(got.stdout), &report); err != nil {
		t.Fatalf("%v\n%s%s", err, got.stdout, got.stderr)
	}
	want := map[string]string{"a": "error", "team/b": "", "team/c": "info", "team/c/sub/d": "info"}
	for _, f := range report.Files {
		rel, _ := filepath.Rel(root, filepath.Dir(filepath.FromSlash(f.Path)))
		rel = filepath.ToSlash(rel)
		severity := ""
		for _, d := range f.Diagnostics {
			if d.Rule == "unknown-permission" {
				severity = d.Severity
			}
		}
		if severity != want[rel] {
			t.Errorf("%s: unknown-permission is %q, want %q under its configuration", rel, severity, want[rel])
		}
		delete(want, rel)
	}
	if len(want) != 0 || got.code != exitFindings {
		t.Errorf("exit %d, extensions not reported: %v", got.code, want)
	}
}
