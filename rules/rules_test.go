package rules_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/rules/example"
	"github.com/crxlint/crxlint/rules/ruletest"
	"github.com/crxlint/crxlint/schema"
)

func TestRules(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			ruletest.Run(t, r, ruletest.Dir(r.ID), ruletest.WithIgnoredRules(rules.Resolve))
		})
	}
}

func TestRegistry(t *testing.T) {
	all := rules.All()
	if err := lint.Validate(all); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range all {
		ids = append(ids, r.ID)
		if rules.ByID(r.ID) != r {
			t.Errorf("ByID(%q) does not return the rule", r.ID)
		}
	}
	for _, id := range ids { // one rule a file, named after its ID
		if _, err := os.Stat(strings.ReplaceAll(id, "-", "_") + ".go"); err != nil {
			t.Errorf("rule %s: %v", id, err)
		}
	}
	orphans, err := ruletest.Orphans("testdata", ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orphans {
		t.Errorf("testdata/%s belongs to no rule", o)
	}
}

// TestSchemaRules checks that every rule the schema files its violations
// under exists, so that no violation is silently dropped.
func TestSchemaRules(t *testing.T) {
	ids, err := schema.Rules()
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < 3 {
		t.Fatalf("schema.Rules() = %v; want at least the three verdicts' defaults", ids)
	}
	for _, id := range ids {
		if rules.ByID(id) == nil {
			t.Errorf("the schema files violations under %q, which is no rule", id)
		}
	}
}

// TestAliases checks that every former ID names the rules that were split
// from it, and only those.
func TestAliases(t *testing.T) {
	for _, r := range rules.All() {
		for _, alias := range r.Aliases {
			if !slices.Contains(rules.Resolve(alias), r) {
				t.Errorf("Resolve(%q) does not include %s, which answers to it", alias, r.ID)
			}
		}
	}
	if got := rules.Resolve("schema"); len(got) < 2 || !slices.ContainsFunc(got, func(r *lint.Rule) bool { return r.ID == "invalid-value" }) {
		t.Errorf(`Resolve("schema") = %d rules, want the schema's rules with invalid-value`, len(got))
	}
	if got := rules.Resolve("manifest-version"); len(got) != 1 || got[0].ID != "manifest-version" {
		t.Errorf(`Resolve("manifest-version") must be that rule alone`)
	}
	if got := rules.Resolve("no-such-rule"); got != nil {
		t.Errorf(`Resolve("no-such-rule") = %v, want nil`, got)
	}
}

// lintExamples runs all the rules over every example of every rule, and
// calls f with each example's findings.
func lintExamples(t *testing.T, f func(name string, ex example.Example, diags []lint.Diagnostic)) {
	t.Helper()
	all := rules.All()
	for _, r := range all {
		examples, err := example.Load(ruletest.Dir(r.ID))
		if err != nil {
			t.Fatal(err)
		}
		for _, ex := range examples {
			_, diags, err := lint.CheckWith(all, ex.Manifest, ex.Files, lint.Options{Platform: ex.Platform})
			if err != nil {
				t.Fatalf("%s/%s: %v", r.ID, ex.Name, err)
			}
			f(r.ID+"/"+ex.Name, ex, diags)
		}
	}
}

// TestOneFindingPerChromeMessage runs every rule over every example and
// checks that no two rules report Chrome's same message for the same value:
// each problem has one home.
func TestOneFindingPerChromeMessage(t *testing.T) {
	lintExamples(t, func(name string, _ example.Example, diags []lint.Diagnostic) {
		seen := map[[2]string]string{}
		for _, d := range diags {
			if d.ChromeMessage == "" {
				continue
			}
			key := [2]string{d.Pointer, d.ChromeMessage}
			if other, ok := seen[key]; ok && other != d.Rule {
				t.Errorf("%s: %s and %s both report %q at %q", name, other, d.Rule, d.ChromeMessage, d.Pointer)
			}
			seen[key] = d.Rule
		}
	})
}

// TestGoodExamplesAreClean runs every rule over every good example: a good
// example shows a whole extension in which crxlint finds no error and no
// warning (info notes, such as broad-host-access on a pattern the example
// needs, are shown in its docs).
func TestGoodExamplesAreClean(t *testing.T) {
	lintExamples(t, func(name string, ex example.Example, diags []lint.Diagnostic) {
		for _, d := range diags {
			if !ex.Bad && d.Severity != lint.Info {
				t.Errorf("%s:%d:%d: %s [%s]", name, d.Range.Start.Line, d.Range.Start.Column, d.Message, d.Rule)
			}
		}
	})
}
