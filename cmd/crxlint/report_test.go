package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/crxlint/crxlint/rules"
)

func TestListRulesJSON(t *testing.T) {
	got := runCLI(t, "", env(), "--list-rules", "--format", "json")
	var list struct {
		Rules []struct{ ID, URL string }
	}
	if err := json.Unmarshal([]byte(got.stdout), &list); err != nil || got.code != exitClean {
		t.Fatalf("exit %d, %v:\n%s", got.code, err, got.stdout)
	}
	var ids []string
	for _, r := range list.Rules {
		ids = append(ids, r.ID)
		if r.URL != repoURL+"/blob/main/docs/rules/"+r.ID+".md" {
			t.Errorf("rule %s: url %q", r.ID, r.URL)
		}
	}
	if want := ruleIDs(); !slices.Equal(ids, want) {
		t.Errorf("listed %q, want %q", ids, want)
	}
	if got := runCLI(t, "", env(), "--list-rules", "--format", "sarif"); got.code != exitUsage {
		t.Errorf("--list-rules --format sarif: exit %d, want %d", got.code, exitUsage)
	}
}

// TestReportFiles writes JSON and SARIF to files in one run, with the text
// report on standard output, and checks the SARIF against its schema with
// every real rule's documentation in it.
func TestReportFiles(t *testing.T) {
	dir := t.TempDir()
	jsonFile, sarifFile := filepath.Join(dir, "report.json"), filepath.Join(dir, "report.sarif")
	got := runCLI(t, "", env(), "--format", "json", "--output", jsonFile, "--sarif", sarifFile, "../../testdata/examples/broken")
	if got.code != exitFindings || !strings.Contains(got.stdout, "broken/manifest.json:") || !strings.Contains(got.stdout, "5 problems in 1 file") {
		t.Errorf("stdout must hold the text report: exit %d\n%s\n%s", got.code, got.stdout, got.stderr)
	}
	report, err := os.ReadFile(jsonFile)
	if err != nil || !json.Valid(report) || !strings.Contains(string(report), `"version": 1`) {
		t.Errorf("--output: %v\n%s", err, report)
	}
	sarif, err := os.ReadFile(sarifFile)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	schema, err := c.Compile("../../output/testdata/sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(sarif)))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("--sarif output does not match the schema: %v", err)
	}
	for _, id := range append(ruleIDs(), chromeRuleID, "policy-blocks", "policy-restricts", "policy-violation") {
		if !strings.Contains(string(sarif), `"id": "`+id+`"`) {
			t.Errorf("SARIF does not describe rule %s", id)
		}
	}

	if got := runCLI(t, "", env(), "--output", jsonFile, "--sarif", jsonFile, cleanPath); got.code != exitUsage {
		t.Errorf("--output and --sarif on one file: exit %d, want %d", got.code, exitUsage)
	}
	if got := runCLI(t, "", env(), "--sarif", filepath.Join(dir, "no", "such", "dir.sarif"), cleanPath); got.code != exitIO {
		t.Errorf("an unwritable --sarif file: exit %d, want %d", got.code, exitIO)
	}
}

// TestFilesOfAnExtension checks what pre-commit relies on: naming an
// extension's code and icons lints its manifest, once, and with
// --only-extensions a file in no extension is skipped.
func TestFilesOfAnExtension(t *testing.T) {
	ext := writeManifest(t, warning)
	for _, f := range []string{"background.js", "icon.png"} {
		if err := os.WriteFile(filepath.Join(ext, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stray := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(stray, []byte("# notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := runCLI(t, "", env(), "--fail-on", "warning", "--only-extensions",
		filepath.Join(ext, "background.js"), filepath.Join(ext, "icon.png"), ext, stray)
	if got.code != exitFindings || strings.Count(got.stdout, "is given again") != 1 || strings.Contains(got.stdout, "notes.md") {
		t.Errorf("want the extension linted once and notes.md skipped: exit %d\n%s\n%s", got.code, got.stdout, got.stderr)
	}
	if got := runCLI(t, "", env(), stray); got.code != exitFindings || !strings.Contains(got.stdout, "notes.md:1:1: error:") {
		t.Errorf("without --only-extensions a stray file is read as a manifest: exit %d\n%s", got.code, got.stdout)
	}
}

func ruleIDs() []string {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	return ids
}
