package lint_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

func TestSeverityText(t *testing.T) {
	for _, s := range []lint.Severity{lint.Info, lint.Warning, lint.Error} {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back lint.Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%v round-trips to %v, %v", s, back, err)
		}
	}
	if lint.Info >= lint.Warning || lint.Warning >= lint.Error {
		t.Error("severities must order info < warning < error")
	}
	if _, err := lint.ParseSeverity("fatal"); err == nil {
		t.Error(`ParseSeverity("fatal") succeeded`)
	}
	if _, err := lint.Severity(0).MarshalText(); err == nil {
		t.Error("the zero severity must not marshal")
	}
}

func diag(off int, rule, msg string) lint.Diagnostic {
	return lint.Diagnostic{Rule: rule, Message: msg, Range: manifest.Range{
		Start: manifest.Position{Offset: off}, End: manifest.Position{Offset: off + 1},
	}}
}

func TestSortOrdersAndDeduplicates(t *testing.T) {
	got := lint.Sort([]lint.Diagnostic{
		diag(9, "b", "x"), diag(1, "b", "y"), diag(1, "a", "z"), diag(1, "b", "y"), diag(1, "b", "x"),
	})
	var keys []string
	for _, d := range got {
		keys = append(keys, d.Rule+d.Message)
	}
	if strings.Join(keys, " ") != "az bx by bx" {
		t.Errorf("sorted = %v, want [az bx by bx] (by offset, rule, message; repeats dropped)", keys)
	}
}

func TestApplyEdits(t *testing.T) {
	src := []byte(`{"a": 1,}`)
	got, err := lint.ApplyEdits(src, []lint.Edit{{Start: 7, End: 8, New: ""}, {Start: 6, End: 7, New: "2"}})
	if err != nil || string(got) != `{"a": 2}` {
		t.Errorf("ApplyEdits = %q, %v", got, err)
	}
	if _, err := lint.ApplyEdits(src, []lint.Edit{{Start: 1, End: 5}, {Start: 3, End: 6}}); err == nil {
		t.Error("overlapping edits were applied")
	}
	if _, err := lint.ApplyEdits(src, []lint.Edit{{Start: 5, End: 99}}); err == nil {
		t.Error("an edit past the end was applied")
	}
}

func rule(id string, run func(*lint.Pass) error) *lint.Rule {
	return &lint.Rule{ID: id, Title: "t", Category: lint.Correctness, Severity: lint.Warning, Chrome: lint.Accepts, Doc: "d", Run: run}
}

func TestCheckRecoversFromAPanickingRule(t *testing.T) {
	r := rule("boom", func(*lint.Pass) error { panic("kaboom") })
	_, _, err := lint.Check([]*lint.Rule{r}, []byte(`{}`), nil)
	if err == nil || !strings.Contains(err.Error(), "rule boom panicked: kaboom") {
		t.Errorf("err = %v, want the panic reported as the rule's error", err)
	}
}

func TestCheckReportsARuleError(t *testing.T) {
	r := rule("broken", func(*lint.Pass) error { return errors.New("no luck") })
	_, _, err := lint.Check([]*lint.Rule{r}, []byte(`{}`), nil)
	if err == nil || err.Error() != "rule broken: no luck" {
		t.Errorf("err = %v", err)
	}
}

func TestCheckSkipsRules(t *testing.T) {
	ran := map[string]bool{}
	mark := func(id string) func(*lint.Pass) error {
		return func(*lint.Pass) error { ran[id] = true; return nil }
	}
	files := rule("files", mark("files"))
	files.NeedsFiles = true
	plain := rule("plain", mark("plain"))
	syntax := rule("syntax", mark("syntax"))
	syntax.OnSyntaxError = true

	if _, _, err := lint.Check([]*lint.Rule{files, plain, syntax}, []byte(`{}`), nil); err != nil {
		t.Fatal(err)
	}
	if ran["files"] || !ran["plain"] || !ran["syntax"] {
		t.Errorf("without files: ran %v; want plain and syntax only", ran)
	}
	clear(ran)
	if _, _, err := lint.Check([]*lint.Rule{files, plain, syntax}, []byte(`{,}`), nil); err != nil {
		t.Fatal(err)
	}
	if ran["files"] || ran["plain"] || !ran["syntax"] {
		t.Errorf("on a syntax error: ran %v; want only the syntax rule", ran)
	}
}

func TestReportFillsDefaults(t *testing.T) {
	r := rule("fill", func(p *lint.Pass) error {
		p.Reportf(p.Root().Get("name"), "bad name")
		p.Report(lint.Diagnostic{Message: "override", Severity: lint.Error, Chrome: lint.Rejects})
		return nil
	})
	_, diags, err := lint.Check([]*lint.Rule{r}, []byte(`{"name": "x"}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 2 {
		t.Fatalf("got %d diagnostics", len(diags))
	}
	byMsg := map[string]lint.Diagnostic{}
	for _, d := range diags {
		byMsg[d.Message] = d
	}
	if d := byMsg["bad name"]; d.Rule != "fill" || d.Severity != lint.Warning || d.Chrome != lint.Accepts || d.Pointer != "/name" || d.Range.Start.Column != 10 {
		t.Errorf("defaults not filled: %+v", d)
	}
	if d := byMsg["override"]; d.Severity != lint.Error || d.Chrome != lint.Rejects {
		t.Errorf("explicit severity and verdict overwritten: %+v", d)
	}
}

func TestValidate(t *testing.T) {
	good := rule("good-rule", func(*lint.Pass) error { return nil })
	if err := lint.Validate([]*lint.Rule{good}); err != nil {
		t.Fatal(err)
	}
	bad := []*lint.Rule{
		rule("Not_Kebab", good.Run),
		{ID: "no-doc", Title: "t", Category: lint.Style, Severity: lint.Info, Chrome: lint.Accepts, Run: good.Run},
		{ID: "no-severity", Title: "t", Category: lint.Style, Chrome: lint.Accepts, Doc: "d", Run: good.Run},
	}
	for _, r := range bad {
		if err := lint.Validate([]*lint.Rule{r}); err == nil {
			t.Errorf("Validate accepted %q", r.ID)
		}
	}
	if err := lint.Validate([]*lint.Rule{good, good}); err == nil {
		t.Error("Validate accepted a duplicate ID")
	}
}

func TestResultIsComputedOncePerManifest(t *testing.T) {
	calls := 0
	keys := lint.NewResult("keys", func(p *lint.Pass) (int, error) {
		calls++
		return p.Root().Len(), nil
	})
	var seen []int
	rule := func(id string) *lint.Rule {
		return &lint.Rule{
			ID: id, Title: id, Category: lint.Style, Severity: lint.Info, Chrome: lint.Accepts, Doc: id,
			Run: func(p *lint.Pass) error {
				n, err := keys.Of(p)
				seen = append(seen, n)
				return err
			},
		}
	}
	rules := []*lint.Rule{rule("first"), rule("second")}
	for _, src := range []string{`{"a": 1}`, `{"a": 1, "b": 2}`} {
		if _, _, err := lint.Check(rules, []byte(src), nil); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 2 || !slices.Equal(seen, []int{1, 1, 2, 2}) {
		t.Errorf("computed %d times for 2 manifests, rules saw %v; want 2 and [1 1 2 2]", calls, seen)
	}
}
