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
		{"--stdio, as VS Code's client passes", frame(lspInitialize, lspShutdown, lspExit), []string{"--stdio"}, exitClean},
		{"an argument", "", []string{"manifest.json"}, exitUsage},
		{"a bad --rule", "", []string{"--rule", "no-such-rule=error"}, exitUsage},
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

// requireNeovim makes the end-to-end test fail, not skip, without nvim;
// .ci/run sets it.
const requireNeovim = "CRXLINT_REQUIRE_NEOVIM"

// TestLSPNeovim runs crxlint lsp under headless Neovim's own LSP client:
// diagnostics in the right place on a line with an emoji, hover, the quick
// fix applied by the editor, and the diagnostics gone after it.
func TestLSPNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		testenv.Missing(t, requireNeovim, "nvim is not installed (apt-get install neovim), so crxlint lsp is not tried in a real editor")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build crxlint with")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "crxlint")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	line := `  "description": "😀 x", "permissions": ["storage",]`
	dir := writeManifest(t, "{\n  \"name\": \"x\", \"version\": \"1\", \"manifest_version\": 3,\n"+line+"\n}\n")
	manifest := filepath.Join(dir, "manifest.json")
	result := filepath.Join(tmp, "result.txt")
	script, err := filepath.Abs("testdata/lsp/nvim.lua")
	if err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(nvim, "--headless", "--clean", "-n", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CRXLINT_BIN="+bin, "CRXLINT_MANIFEST="+manifest, "CRXLINT_RESULT="+result)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, out)
	}
	report, err := os.ReadFile(result)
	if err != nil {
		t.Fatalf("nvim wrote no result: %v", err)
	}
	got := string(report)
	col := strings.Index(line, ",]") // Neovim shows byte columns
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
