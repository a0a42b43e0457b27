package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/runner"
)

// TestCaretUnderRange checks that the caret lines up with the range in a
// terminal, where East Asian wide characters and emoji take two columns and
// tabs are expanded.
func TestCaretUnderRange(t *testing.T) {
	tests := []struct {
		name, src, target   string
		wantLead, wantWidth int
	}{
		{"ASCII", `{"name": "x", "v": 1}`, `"v"`, 14, 3},
		{"emoji before", `{"name": "😀", "v": 1}`, `"v"`, 15, 3},
		{"CJK inside", `{"name": "日本"}`, `"日本"`, 9, 6},
		{"tab before", "{\t\"v\": 1}", `"v"`, 1 + tabWidth, 3},
		{"range past the line end", "{\"v\": [\n1]}", "[\n1]", 6, 1},
		{"CR line ends", "{\"name\": \"x\",\r  \"v\": 1}", `"v"`, 2, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := manifest.Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			start := strings.Index(tt.src, tt.target)
			rng := doc.Range(manifest.Span{Start: start, End: start + len(tt.target)})
			_, lead, width := excerpt(doc, rng)
			if lead != tt.wantLead || width != tt.wantWidth {
				t.Errorf("caret at %d width %d, want %d width %d", lead, width, tt.wantLead, tt.wantWidth)
			}
		})
	}
}

func TestTextSummary(t *testing.T) {
	doc, _ := manifest.Parse([]byte(`{"a": 1}`))
	d := func(sev lint.Severity, chrome lint.Chrome) lint.Diagnostic {
		return lint.Diagnostic{Rule: "r", Severity: sev, Chrome: chrome, Message: "m", Range: doc.Range(manifest.Span{Start: 1, End: 4})}
	}
	results := []runner.Result{
		{Path: "b.json", Doc: doc, Diagnostics: []lint.Diagnostic{d(lint.Error, lint.Rejects), d(lint.Info, lint.Accepts)}},
		{Path: "a.json", Doc: doc, Diagnostics: []lint.Diagnostic{d(lint.Warning, lint.Warns)}},
		{Path: "c.json", Doc: doc},
	}
	var out bytes.Buffer
	if err := newText(Options{}).Format(&out, results); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.HasSuffix(text, "\n3 problems in 2 files (1 error, 1 warning, 1 info); Chrome would refuse to load 1 of 3 extensions: b.json\n") {
		t.Errorf("summary wrong:\n%s", text)
	}
	if strings.Index(text, "a.json:1:2:") > strings.Index(text, "b.json:1:2:") {
		t.Errorf("files must be sorted by path:\n%s", text)
	}
	var clean bytes.Buffer
	if err := newText(Options{}).Format(&clean, results[2:]); err != nil || clean.Len() != 0 {
		t.Errorf("a clean run must print nothing, printed %q", clean.String())
	}
}

// TestCaretColouredBySeverity checks that the caret takes the colour of its
// finding's severity, so an error's range stands out from a warning's.
func TestCaretColouredBySeverity(t *testing.T) {
	doc, _ := manifest.Parse([]byte(`{"a": 1}`))
	want := map[lint.Severity]string{lint.Error: "\x1b[31;1m^^^", lint.Warning: "\x1b[33;1m^^^", lint.Info: "\x1b[36;1m^^^"}
	for sev, caret := range want {
		d := lint.Diagnostic{Rule: "r", Severity: sev, Chrome: lint.Accepts, Message: "m", Range: doc.Range(manifest.Span{Start: 1, End: 4})}
		var out bytes.Buffer
		if err := newText(Options{Color: true}).Format(&out, []runner.Result{{Path: "m.json", Doc: doc, Diagnostics: []lint.Diagnostic{d}}}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), caret) {
			t.Errorf("%s: caret not coloured %q:\n%q", sev, caret, out.String())
		}
	}
}

func TestList(t *testing.T) {
	tests := []struct {
		names []string
		want  string
	}{
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a and b"},
		{[]string{"a", "b", "c"}, "a, b and c"},
		{[]string{"a", "b", "c", "d", "e"}, "a, b, c and 2 more"},
	}
	for _, tt := range tests {
		if got := list(tt.names, len(tt.names)); got != tt.want {
			t.Errorf("list(%q) = %q, want %q", tt.names, got, tt.want)
		}
	}
}
