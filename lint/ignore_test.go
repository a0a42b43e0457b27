package lint_test

import (
	"slices"
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

func TestIgnores(t *testing.T) {
	tests := []struct {
		name, src string
		rules     []string
		reason    string
		pointer   string
	}{
		{"line before", "{\n  // crxlint-ignore a-rule: why\n  \"k\": [1, 2]\n}", []string{"a-rule"}, "why", "/k"},
		{"end of line", "{\n  \"j\": 1,\n  \"k\": {\"x\": 1} // crxlint-ignore a-rule: why not\n}", []string{"a-rule"}, "why not", "/k"},
		{"end of line, last sibling", "{\"a\": 1, \"b\": 2, // crxlint-ignore r: x\n\"c\": 3}", []string{"r"}, "x", "/b"},
		{"several rules", "{\n  /* crxlint-ignore r1, r2 : both */\n  \"k\": 1\n}", []string{"r1", "r2"}, "both", "/k"},
		{"no reason", "{\n  // crxlint-ignore r1\n  \"k\": 1\n}", []string{"r1"}, "", "/k"},
		{"array element", "{\"k\": [\n  // crxlint-ignore r: x\n  \"b\"\n]}", []string{"r"}, "x", "/k/0"},
		{"before the root", "// crxlint-ignore r: all of it\n{\"k\": 1}", []string{"r"}, "all of it", ""},
		{"end of line, a value that goes on", "{\"k\": [ // crxlint-ignore r: x\n  1\n]}", []string{"r"}, "x", "/k"},
		{"not a directive", "{\n  // crxlint-ignored r: x\n  \"k\": 1\n}", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := manifest.Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got := lint.Ignores(doc)
			if tt.rules == nil {
				if len(got) != 0 {
					t.Errorf("found %d ignores, want none", len(got))
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("found %d ignores, want 1", len(got))
			}
			ig := got[0]
			if !slices.Equal(ig.Rules, tt.rules) || ig.Reason != tt.reason || ig.Pointer != tt.pointer {
				t.Errorf("got rules %q, reason %q, pointer %q; want %q, %q, %q", ig.Rules, ig.Reason, ig.Pointer, tt.rules, tt.reason, tt.pointer)
			}
		})
	}
}

func TestCheckSilencesIgnoredFindings(t *testing.T) {
	everyNumber := &lint.Rule{
		ID: "every-number", Aliases: []string{"old-id"}, Title: "t", Category: lint.Style, Severity: lint.Warning, Chrome: lint.Accepts, Doc: "d",
		Run: func(p *lint.Pass) error {
			for m := range p.Root().Members() {
				if _, ok := m.Value.Int(); ok {
					p.Reportf(m.Value, "number")
				}
			}
			return nil
		},
	}
	unused := &lint.Rule{ID: lint.UnusedIgnore, Title: "t", Category: lint.Style, Severity: lint.Warning, Chrome: lint.Accepts, Doc: "d", Run: func(*lint.Pass) error { return nil }}
	src := `{
  "a": 1, // crxlint-ignore every-number: a is fine
  "b": 2, // crxlint-ignore old-id: former IDs work
  "c": 3, // crxlint-ignore every-number
  "d": 4, // crxlint-ignore other-rule: not run, not judged
  // crxlint-ignore every-number: stale
  "e": {}
}`
	_, diags, err := lint.Check([]*lint.Rule{everyNumber, unused}, []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Rule+" "+d.Pointer)
	}
	want := []string{"every-number /c", "every-number /d", "unused-ignore /e"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q (a and b silenced, c's ignore has no reason, e's silences nothing)", got, want)
	}
}
