package rules_test

import (
	"testing"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/rules/ruletest"
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
