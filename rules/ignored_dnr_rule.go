package rules

import "github.com/crxlint/crxlint/lint"

// IgnoredDNRRule reports declarativeNetRequest rules and rulesets that
// Chrome ignores with a warning.
var IgnoredDNRRule = &lint.Rule{
	ID:       idIgnoredDNRRule,
	Aliases:  []string{"declarative-net-request"},
	Title:    "A declarativeNetRequest rule or ruleset Chrome ignores with a warning",
	Category: lint.Correctness,
	Severity: lint.Warning,
	Chrome:   lint.Warns,
	Doc: "Chrome drops with a warning a rule it cannot parse, such as one without a `condition` or with\n" +
		"an unknown action `type` (it names the first five, then counts the rest), and warns when two\n" +
		"rulesets list the same file, which it then indexes twice. The extension loads, but the rule\n" +
		"never applies. crxlint reads rule files only when it sees the extension's folder.",
	Run: reportShare(ruleResources),
}
