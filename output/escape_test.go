package output

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/runner"
)

// hostile holds what a stranger's manifest can carry into a CI log: a raw
// line break inside a key (Chrome's JSON reader allows one), a GitHub
// workflow command after it, an ESC sequence, a C1 CSI, a bidirectional
// override and a byte that is not UTF-8.
const hostile = "{\"zz\n::error title=Injected::pwned\x1b[2J\x1b]0;title\x07\u009b31m\u202eevil\xff\": 1}"

func formatHostile(t *testing.T, color bool) string {
	t.Helper()
	doc, _ := manifest.Parse([]byte(hostile))
	key := hostile[1 : strings.Index(hostile, "\": 1")+1]
	d := lint.Diagnostic{
		Rule: "r", Severity: lint.Error, Chrome: lint.Rejects,
		Message:       "unknown key " + key, // as a rule would, with %s
		ChromeMessage: "Unrecognized manifest key '" + key + "'.",
		Range:         doc.Range(manifest.Span{Start: 1, End: 1 + len(key)}),
	}
	results := []runner.Result{{
		Path: "ext\n::warning::x/manifest.json", Doc: doc, Diagnostics: []lint.Diagnostic{d},
		Err: errors.New("ext/bg.js\n::error::injected cannot be read"),
	}}
	var out bytes.Buffer
	if err := newText(Options{Color: color}).Format(&out, results); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestTextEscapesInput(t *testing.T) {
	for _, color := range []bool{false, true} {
		out := formatHostile(t, color)
		for line := range strings.Lines(out) {
			if plain := stripColor(line); strings.HasPrefix(plain, "::") {
				t.Errorf("color=%v: a line of output starts a workflow command: %q", color, line)
			}
		}
		for _, bad := range []string{"\x1b[2J", "\x1b]0;", "\x07", "\u009b", "\u202e", "\xff"} {
			if strings.Contains(out, bad) {
				t.Errorf("color=%v: output carries %q from the input:\n%s", color, bad, out)
			}
		}
		if !strings.Contains(out, `\x1b[2J`) || !strings.Contains(out, `\u202e`) || !strings.Contains(out, `zz\n::error`) {
			t.Errorf("color=%v: escapes are not shown:\n%s", color, out)
		}
	}
}

// stripColor removes the SGR sequences crxlint itself writes.
func stripColor(s string) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], 'm')
		if j < 0 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}

// TestLongLinesAreCut: 100 findings on a 1 MB line print a few hundred
// bytes each, not the line each time.
func TestLongLinesAreCut(t *testing.T) {
	var src strings.Builder
	src.WriteString(`{"a": [`)
	for i := range 100_000 {
		if i > 0 {
			src.WriteString(", ")
		}
		src.WriteString(`"xxxxxxx"`)
	}
	src.WriteString("]}")
	doc, err := manifest.Parse([]byte(src.String()))
	if err != nil {
		t.Fatal(err)
	}
	var diags []lint.Diagnostic
	for i := range 100 {
		at := 7 + i*11*1000
		diags = append(diags, lint.Diagnostic{
			Rule: "r", Severity: lint.Warning, Chrome: lint.Accepts, Message: "m",
			Range: doc.Range(manifest.Span{Start: at, End: at + 9}),
		})
	}
	var out bytes.Buffer
	if err := newText(Options{}).Format(&out, []runner.Result{{Path: "m.json", Doc: doc, Diagnostics: diags}}); err != nil {
		t.Fatal(err)
	}
	if out.Len() > 100*600 {
		t.Errorf("%d bytes of output for 100 findings on one long line", out.Len())
	}
	lines := strings.Split(out.String(), "\n")
	excerptLine, caretLine := lines[1], lines[2]
	if !strings.Contains(excerptLine, "…") {
		t.Errorf("no cut shown: %q", excerptLine)
	}
	prefix := len("  1 | ")
	caret := strings.Index(caretLine, "^")
	if got := []rune(excerptLine)[caret:]; !strings.HasPrefix(string(got), `"xxxxxxx"`) {
		t.Errorf("caret at %d is not under the range: %q\n%q", caret-prefix, excerptLine, caretLine)
	}
}
