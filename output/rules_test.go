package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestListRulesText(t *testing.T) {
	var out bytes.Buffer
	if err := ListRules(&out, "text", fixtureRules, Options{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(fixtureRules) {
		t.Fatalf("%d lines for %d rules:\n%s", len(lines), len(fixtureRules), out.String())
	}
	// Every column starts at the same place on every line.
	for _, col := range []string{"warning", "accepts", "Key given twice"} {
		want := strings.Index(lines[0], col)
		other := map[string]string{"warning": "error", "accepts": "warns", "Key given twice": "Unknown permission"}[col]
		if got := strings.Index(lines[1], other); got != want || want < 0 {
			t.Errorf("column %q starts at %d and %q at %d:\n%s", col, want, other, got, out.String())
		}
	}
	if !strings.HasPrefix(lines[1], "perm  ") {
		t.Errorf("two spaces must follow the longest ID:\n%s", out.String())
	}
}

func TestListRulesJSON(t *testing.T) {
	var out bytes.Buffer
	if err := ListRules(&out, "json", fixtureRules, Options{HelpURI: helpURI}); err != nil {
		t.Fatal(err)
	}
	var list struct {
		Version int
		Rules   []map[string]any
	}
	if err := json.Unmarshal(out.Bytes(), &list); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if list.Version != JSONVersion || len(list.Rules) != 2 {
		t.Fatalf("list = %+v", list)
	}
	want := map[string]any{
		"id": "perm", "title": "Unknown permission", "category": "correctness", "severity": "error",
		"chrome": "warns", "needsFiles": false, "url": "https://example.com/rules/perm", "doc": "Chrome ignores it.\n\nRemove it.",
	}
	for k, v := range want {
		if list.Rules[1][k] != v {
			t.Errorf("rule %s = %v, want %v", k, list.Rules[1][k], v)
		}
	}
	if aliases, _ := list.Rules[1]["aliases"].([]any); len(aliases) != 1 || aliases[0] != "schema" {
		t.Errorf("aliases = %v, want [schema]", list.Rules[1]["aliases"])
	}
	if err := ListRules(&out, "sarif", fixtureRules, Options{}); err == nil {
		t.Error("listing rules as sarif must fail")
	}
}
