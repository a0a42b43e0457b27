package rules_test

import (
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/rules/ruletest"
	"github.com/crxlint/crxlint/schema"
)

func TestRules(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			ruletest.Run(t, r, ruletest.Dir(r.ID))
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
