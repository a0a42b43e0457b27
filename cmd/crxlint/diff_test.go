package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// commented is a manifest full of comments, with CRLF line endings, a
// misspelled permission, a duplicate key and trailing commas: the common
// problems --fix repairs in one run.
const commented = "// My extension.\r\n" +
	"{\r\n" +
	"  /* Chrome reads these three first. */\r\n" +
	"  \"manifest_version\": 3,\r\n" +
	"  \"name\": \"Commented\", // shown in the store\r\n" +
	"  \"version\": \"1.0\",\r\n" +
	"\r\n" +
	"  // What the extension may do.\r\n" +
	"  \"permissions\": [\r\n" +
	"    \"storgae\", // for the settings\r\n" +
	"  ],\r\n" +
	"  \"name\": \"Commented again\",\r\n" +
	"}\r\n"

func TestFixDiff(t *testing.T) {
	goldenPath, err := filepath.Abs(filepath.Join("testdata", "fix-diff.golden"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(writeManifest(t, commented))

	got := runCLI(t, "", env(), "--fix", "--diff", "manifest.json")
	if got.code != exitFindings || !strings.Contains(got.stderr, "manifest.json: --fix would apply") {
		t.Fatalf("--fix --diff: exit %d, stderr %q; want exit %d and the count of fixes", got.code, got.stderr, exitFindings)
	}
	golden(t, goldenPath, got.stdout)
	if src, _ := os.ReadFile("manifest.json"); string(src) != commented {
		t.Fatalf("--fix --diff changed the file:\n%s", src)
	}

	// The diff says exactly what --fix writes, comments and CRLF kept.
	patched, err := applyUnified(commented, got.stdout)
	if err != nil {
		t.Fatalf("the diff does not apply to the manifest: %v", err)
	}
	if fixed := runCLI(t, "", env(), "--fix", "manifest.json"); fixed.code != exitClean {
		t.Fatalf("--fix: exit %d, stdout %q, stderr %q", fixed.code, fixed.stdout, fixed.stderr)
	}
	written, _ := os.ReadFile("manifest.json")
	if string(written) != patched {
		t.Errorf("--fix wrote\n%q\nbut the diff described\n%q", written, patched)
	}
	for _, kept := range []string{"// My extension.\r\n", "/* Chrome reads these three first. */", "// shown in the store", "// for the settings"} {
		if !strings.Contains(string(written), kept) {
			t.Errorf("--fix lost %q", kept)
		}
	}

	// Nothing left to fix: no diff, exit 0.
	if again := runCLI(t, "", env(), "--fix", "--diff", "manifest.json"); again.code != exitClean || again.stdout != "" {
		t.Errorf("--fix --diff on a fixed manifest: exit %d, stdout %q", again.code, again.stdout)
	}
}

func TestDiffNeedsFix(t *testing.T) {
	got := runCLI(t, "", env(), "--diff", writeManifest(t, unparsed))
	if got.code != exitUsage || !strings.Contains(got.stderr, "--fix --diff") {
		t.Errorf("--diff alone: exit %d, stderr %q", got.code, got.stderr)
	}
}

// TestFixDiffEscapesInput: the manifest's bytes reach the diff, so its
// control characters are escaped as in every other output.
func TestFixDiffEscapesInput(t *testing.T) {
	dir := writeManifest(t, "{\"manifest_version\": 3, \"name\": \"x\", \"version\": \"1\", /* \x1b[31m\r::error::x */ \"permissions\": [\"storgae\"]}\n")
	got := runCLI(t, "", env(), "--fix", "--diff", dir)
	if got.code != exitFindings {
		t.Fatalf("exit %d, stderr %q", got.code, got.stderr)
	}
	if strings.ContainsAny(got.stdout, "\x1b\r") || !strings.Contains(got.stdout, `\x1b[31m\r::error::x`) {
		t.Errorf("control characters reached the diff unescaped:\n%q", got.stdout)
	}
}

// golden compares got with the file at path; go test -update rewrites it.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, got)
	}
}

// applyUnified applies a unified diff of one file to src, checking every
// context and removed line, as patch does without fuzz.
func applyUnified(src, diff string) (string, error) {
	old := strings.SplitAfter(src, "\n")
	var out []string
	next := 0 // the next line of old to copy, 0-based
	lines := strings.SplitAfter(diff, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if !strings.HasPrefix(line, "@@ -") {
			continue
		}
		start, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(line, "@@ -"), ",", 2)[0])
		if err != nil {
			return "", fmt.Errorf("hunk header %q", line)
		}
		out = append(out, old[next:start-1]...)
		next = start - 1
		for i+1 < len(lines) && lines[i+1] != "" && !strings.HasPrefix(lines[i+1], "@@") {
			i++
			body := lines[i][1:]
			switch lines[i][0] {
			case ' ', '-':
				if next >= len(old) || old[next] != body {
					return "", fmt.Errorf("line %d is %q, the diff expects %q", next+1, old[min(next, len(old)-1)], body)
				}
				if lines[i][0] == ' ' {
					out = append(out, body)
				}
				next++
			case '+':
				out = append(out, body)
			default:
				return "", fmt.Errorf("unexpected diff line %q", lines[i])
			}
		}
	}
	return strings.Join(append(out, old[next:]...), ""), nil
}
