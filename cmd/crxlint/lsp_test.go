package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/internal/testenv"
)

// frame writes JSON-RPC messages with their Content-Length headers.
func frame(msgs ...string) string {
	var b strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	return b.String()
}

const (
	lspInitialize = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`
	lspShutdown   = `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`
	lspExit       = `{"jsonrpc":"2.0","method":"exit"}`
)

func TestLSPExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		want  int
	}{
		{"shutdown then exit", frame(lspInitialize, lspShutdown, lspExit), nil, exitClean},
		{"exit unasked", frame(lspInitialize, lspExit), nil, exitFindings},
		{"stream closed", frame(lspInitialize), nil, exitFindings},
		{"stream closed in a message", frame(lspInitialize) + "Content-Length: 99\r\n\r\n{", nil, exitFindings},
		{"--stdio, as VS Code's client passes", frame(lspInitialize, lspShutdown, lspExit), []string{"--stdio"}, exitClean},
		{"an argument", "", []string{"manifest.json"}, exitUsage},
		{"a bad --rule", "", []string{"--rule", "no-such-rule=error"}, exitUsage},
		{"a missing --config", "", []string{"--config", "no-such-file.jsonc"}, exitUsage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := runCLI(t, tc.stdin, env(), append([]string{"lsp"}, tc.args...)...)
			if got.code != tc.want {
				t.Errorf("exit %d, want %d; stderr: %s", got.code, tc.want, got.stderr)
			}
			if tc.want == exitClean && !strings.Contains(got.stdout, `"positionEncoding":"utf-16"`) {
				t.Errorf("the initialize answer does not name the position encoding:\n%s", got.stdout)
			}
		})
	}
}

// editorLine holds an emoji before a trailing comma, so that a byte, a
// character and a UTF-16 column differ.
const (
	editorLine     = `  "description": "😀 x", "permissions": ["storage",]`
	editorManifest = "{\n  \"name\": \"x\", \"version\": \"1\", \"manifest_version\": 3,\n" + editorLine + "\n}\n"
)

// buildCrxlint builds crxlint into a new folder, which it returns.
func buildCrxlint(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build crxlint with")
	}
	tmp := t.TempDir()
	if out, err := exec.Command(goTool, "build", "-o", filepath.Join(tmp, "crxlint"), ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return tmp
}

// TestLSPBrokenProjectConfig: a broken .crxlint.jsonc where the editor
// starts the server does not stop it; each lint reports it instead.
func TestLSPBrokenProjectConfig(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".crxlint.jsonc"), []byte(`{"rules": `), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if got := runCLI(t, frame(lspInitialize, lspShutdown, lspExit), env(), "lsp"); got.code != exitClean {
		t.Errorf("exit %d, want %d; stderr: %s", got.code, exitClean, got.stderr)
	}
}

// requireNeovim makes the end-to-end test fail, not skip, without nvim;
// .ci/run sets it.
const requireNeovim = "CRXLINT_REQUIRE_NEOVIM"

// TestLSPNeovim runs crxlint lsp under headless Neovim's own LSP client,
// started by the README's snippet: diagnostics in the right place on a
// line with an emoji, hover, the quick fix applied by the editor, and the
// diagnostics gone after it.
func TestLSPNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		testenv.Missing(t, requireNeovim, "nvim is not installed (apt-get install neovim), so crxlint lsp is not tried in a real editor")
	}
	tmp := buildCrxlint(t)
	dir := writeManifest(t, editorManifest)
	manifest := filepath.Join(dir, "manifest.json")
	result := filepath.Join(tmp, "result.txt")
	script, err := filepath.Abs("testdata/lsp/nvim.lua")
	if err != nil {
		t.Fatal(err)
	}
	init := filepath.Join(tmp, "init.lua")
	if err := os.WriteFile(init, []byte(readmeSnippet(t, "### Neovim", "lua")), 0o644); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(nvim, "--headless", "--clean", "-n", "-c", "luafile "+init, "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+tmp+string(os.PathListSeparator)+os.Getenv("PATH"),
		"CRXLINT_MANIFEST="+manifest, "CRXLINT_RESULT="+result)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, out)
	}
	report, err := os.ReadFile(result)
	if err != nil {
		t.Fatalf("nvim wrote no result: %v", err)
	}
	got := string(report)
	col := strings.Index(editorLine, ",]") // Neovim shows byte columns
	for _, want := range []string{
		fmt.Sprintf("diagnostic 2:%d-2:%d crxlint trailing comma", col, col+1),
		"hover **syntax: ",
		"/docs/rules/syntax.md)",
		"action quickfix remove the trailing comma",
		"cleared",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Neovim's session lacks %q:\n%s", want, got)
		}
	}
	fixed, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fixed), `["storage"]`) {
		t.Errorf("the quick fix left the manifest as:\n%s", fixed)
	}
}

// TestLSPEmacs runs crxlint lsp under Eglot, configured by the README's
// snippet, and checks where Flymake places the diagnostic.
func TestLSPEmacs(t *testing.T) {
	emacs, err := exec.LookPath("emacs")
	if err != nil {
		t.Skip("emacs is not installed (apt-get install emacs-nox elpa-eglot), so the README's Eglot snippet is not tried")
	}
	if err := exec.Command(emacs, "--batch", "--eval", "(progn (package-initialize) (require 'eglot))").Run(); err != nil {
		t.Skip("Emacs has no Eglot (apt-get install elpa-eglot, or Emacs 29), so the README's Eglot snippet is not tried")
	}
	tmp := buildCrxlint(t)
	manifest := filepath.Join(writeManifest(t, editorManifest), "manifest.json")
	result := filepath.Join(tmp, "result.txt")
	snippet := filepath.Join(tmp, "snippet.el")
	if err := os.WriteFile(snippet, []byte(readmeSnippet(t, "### Emacs", "elisp")), 0o644); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs("testdata/lsp/eglot.el")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(emacs, "--batch", "--eval", "(package-initialize)", "-l", snippet, "-l", script)
	cmd.Env = append(os.Environ(), "PATH="+tmp+string(os.PathListSeparator)+os.Getenv("PATH"),
		"CRXLINT_MANIFEST="+manifest, "CRXLINT_RESULT="+result)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("emacs: %v\n%s", err, out)
	}
	report, err := os.ReadFile(result)
	if err != nil {
		t.Fatalf("emacs wrote no result: %v", err)
	}
	// Emacs counts characters from 1: the emoji is one.
	before, _, _ := strings.Cut(editorManifest, ",]")
	at := 1 + len([]rune(before))
	if want := fmt.Sprintf("diagnostic %d-%d crxlint [syntax]: trailing comma", at, at+1); !strings.Contains(string(report), want) {
		t.Errorf("Eglot's diagnostics lack %q:\n%s", want, report)
	}
}

// readmeSnippet returns the first code block in language lang under the
// README's heading.
func readmeSnippet(t *testing.T, heading, lang string) string {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n"+heading+"\n")
	if !ok {
		t.Fatalf("the README has no %q", heading)
	}
	_, block, ok := strings.Cut(section, "\n```"+lang+"\n")
	block, _, closed := strings.Cut(block, "\n```\n")
	if !ok || !closed {
		t.Fatalf("the README has no %s block under %q", lang, heading)
	}
	return block + "\n"
}
