package rules

import (
	"strings"

	"github.com/crxlint/crxlint/internal/suggest"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// MalformedIgnore reports crxlint-ignore comments that cannot silence
// anything: without a reason, naming no rule or an unknown one, or with no
// value after them.
var MalformedIgnore = &lint.Rule{
	ID:       "malformed-ignore",
	Title:    "A crxlint-ignore comment without a reason, or naming no rule crxlint has",
	Category: lint.Style,
	Severity: lint.Warning,
	Chrome:   lint.Accepts,
	Doc: "An ignore comment is `// crxlint-ignore RULE-ID: reason`, naming one rule or several\n" +
		"separated by commas, then a colon and why the finding does not apply. Without a reason it\n" +
		"silences nothing, so that every silenced finding says why; a rule ID crxlint does not have (a\n" +
		"typo, or a rule of another tool) silences nothing either. Former rule IDs are accepted.",
	Run: runMalformedIgnore,
}

// knownRule reports whether crxlint has a rule of this ID or former ID, and
// ruleIDs lists the IDs. They are set in init, as All lists MalformedIgnore
// itself.
var (
	knownRule func(id string) bool
	ruleIDs   func() []string
)

func init() {
	knownRule = func(id string) bool { return len(Resolve(id)) > 0 }
	ruleIDs = func() []string {
		var ids []string
		for _, r := range All() {
			ids = append(ids, r.ID)
		}
		return ids
	}
}

func runMalformedIgnore(pass *lint.Pass) error {
	for _, ig := range lint.Ignores(pass.Manifest) {
		// a comment is no JSON value: the pointer is the whole document's
		d := lint.Diagnostic{Range: pass.Manifest.Range(ig.Comment)}
		switch unknown := unknownRules(ig.Rules); {
		case len(ig.Rules) == 0:
			d.Message = "the crxlint-ignore comment names no rule; write \"// crxlint-ignore RULE-ID: reason\""
		case len(unknown) > 0:
			d.Message = "crxlint has no rule " + quote(unknown[0]) + didYouMean(unknown[0]) + ", so the comment silences nothing; name a rule from crxlint --list-rules"
		case ig.Reason == "":
			d.Message = "the crxlint-ignore comment gives no reason, so it silences nothing; add one after a colon: \"// crxlint-ignore " + strings.Join(ig.Rules, ", ") + ": why\""
		case ig.Pointer == "" && ig.Target == (manifest.Span{}):
			d.Message = "no value follows the crxlint-ignore comment, so it silences nothing; put it on the line before the value, or at the end of the value's line"
		default:
			continue
		}
		pass.Report(d)
	}
	return nil
}

func unknownRules(ids []string) []string {
	var out []string
	for _, id := range ids {
		if !knownRule(id) {
			out = append(out, id)
		}
	}
	return out
}

// didYouMean names the rule ID closest to a mistyped one.
func didYouMean(id string) string {
	return suggest.DidYouMean(id, ruleIDs())
}
