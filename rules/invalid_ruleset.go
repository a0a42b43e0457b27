package rules

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// InvalidRuleset reports declarativeNetRequest rulesets and rule files that
// Chrome refuses.
var InvalidRuleset = &lint.Rule{
	ID:       idInvalidRuleset,
	Aliases:  []string{"declarative-net-request"},
	Title:    "A declarativeNetRequest ruleset or rule file Chrome refuses",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "Each `declarative_net_request.rule_resources` entry needs an `id` that is not empty, is unique\n" +
		"and does not start with `_`, and a `path` to a JSON file in the extension. Chrome allows 100\n" +
		"rulesets, 50 of them `enabled` (enable more at run time with `updateEnabledRulesets`).\n\n" +
		"Loading an unpacked extension, Chrome reads every rule file, enabled or not, as strict JSON:\n" +
		"unlike manifest.json, a rule file may hold no comments. It refuses the extension when a file\n" +
		"does not parse, is not a list, or has a rule whose `id` or `priority` is below 1 or whose `id`\n" +
		"repeats (a rule it cannot parse is ignored-dnr-rule). crxlint checks a rule's `id`,\n" +
		"`priority`, `condition`, `action`\n" +
		"and action `type`, not what its condition holds, and reads rule files only when it sees the\n" +
		"extension's folder.",
	Run: reportShare(ruleResources),
}

const (
	idInvalidRuleset = "invalid-ruleset"
	idIgnoredDNRRule = "ignored-dnr-rule"
)

// ruleActionTypes are the action types, in the order Chrome lists them.
var ruleActionTypes = []string{"block", "redirect", "allow", "upgradeScheme", "modifyHeaders", "allowAllRequests"}

// Chrome's limits, from declarative_net_request.idl, and the most parse
// warnings it gives for one file.
const maxRulesets, maxEnabledRulesets, maxRuleWarnings = 100, 50, 5

// ruleResources checks declarative_net_request's rulesets and rule files,
// for invalid-ruleset and ignored-dnr-rule.
var ruleResources = lint.NewResult("rule-resources", func(pass *lint.Pass) (findings, error) {
	out := findings{}
	const invalid = "Invalid value for key 'declarative_net_request.rule_resources': "
	resources := pass.Root().Get("declarative_net_request").Get("rule_resources")
	if n := resources.Len(); n > maxRulesets {
		out.report(pass, idInvalidRuleset, resources, fmt.Sprintf("%d rulesets are more than the %d Chrome allows; merge some", n, maxRulesets),
			fmt.Sprintf("%sThe number of rulesets must be less than or equal to %d.", invalid, maxRulesets))
	}
	ids, files, enabled := map[string]int{}, map[string]int{}, 0
	for i, rs := range resources.Elems() {
		badID := fmt.Sprintf("'declarative_net_request.rule_resources': Invalid 'id' specified for Ruleset at index %d. The ID must be non-empty, unique and must not start with '_'.", i)
		n := rs.Get("id")
		switch id, ok := n.Str(); {
		case !ok: // invalid-value reports it
		case id == "":
			out.report(pass, idInvalidRuleset, n, "the ruleset id is empty; name the ruleset", badID)
		case id[0] == '_':
			out.report(pass, idInvalidRuleset, n, fmt.Sprintf("ruleset id %q starts with \"_\", which Chrome reserves for its own rulesets; rename it", id), badID)
		default:
			if j, taken := ids[id]; taken {
				out.report(pass, idInvalidRuleset, n, fmt.Sprintf("ruleset id %q is already the id of rule_resources[%d]; make the ids unique", id, j), badID)
			}
			ids[id] = i
		}
		if on, _ := rs.Get("enabled").Boolean(); on {
			if enabled++; enabled == maxEnabledRulesets+1 {
				out.report(pass, idInvalidRuleset, rs.Get("enabled"), fmt.Sprintf("this makes %d enabled rulesets, more than the %d Chrome allows; set \"enabled\": false on some and turn them on with updateEnabledRulesets", enabled, maxEnabledRulesets),
					fmt.Sprintf("%sThe number of enabled rulesets must be less than or equal to %d.", invalid, maxEnabledRulesets))
			}
		}
		p := rs.Get("path")
		raw, ok := p.Str()
		if !ok {
			continue // invalid-value reports it
		}
		name, inside := filePath(raw, false)
		j, shared := files[strings.TrimLeft(raw, "/")]
		switch {
		case !inside: // missing-file reports it
		case name == "" || name == ".":
			out.report(pass, idInvalidRuleset, p, fmt.Sprintf("rule file path %q names the extension's folder; name the JSON file", raw), invalid+"The provided path '"+raw+"' is invalid.")
		case slices.Contains(strings.Split(raw, "/"), ".."):
			out.report(pass, idInvalidRuleset, p, fmt.Sprintf("rule file path %q has a \"..\" part, which Chrome refuses; write %q", raw, name), invalid+"The provided path '"+raw+"' is invalid.")
		case shared: // Chrome compares the paths without a leading slash
			out.report(pass, idIgnoredDNRRule, p, fmt.Sprintf("rule file %q is already the file of rule_resources[%d], so Chrome indexes it twice; keep one of the two rulesets", raw, j),
				"The same ruleset file appears multiple times with different IDs in the manifest 'declarative_net_request.rule_resources' key.")
		default:
			files[strings.TrimLeft(raw, "/")] = i
			if pass.Files != nil {
				checkRuleFile(pass, out, p, raw, name)
			}
		}
	}
	return out, nil
})

// checkRuleFile reports a rule file Chrome refuses, and the rules in it
// that Chrome refuses or ignores. Chrome names the file by its base name.
func checkRuleFile(pass *lint.Pass, out findings, n *manifest.Node, raw, name string) {
	base := path.Base(name)
	src, err := fs.ReadFile(pass.Files, name)
	if err != nil {
		if info, statErr := fs.Stat(pass.Files, name); statErr == nil && info.IsDir() {
			out.report(pass, idInvalidRuleset, n, fmt.Sprintf("rule file %q is a folder; name a JSON file", raw), base+": File read error.")
		}
		return // missing-file reports a missing file
	}
	f := readStrictJSON(src)
	switch {
	case f.chrome != "":
		out.report(pass, idInvalidRuleset, n, fmt.Sprintf("rule file %q is not JSON that Chrome can read: %s; %s", raw, f.chrome, cmp.Or(f.hint, "fix the file")), base+": "+f.chrome)
		return
	case f.value.Kind() != manifest.Array:
		out.report(pass, idInvalidRuleset, n, fmt.Sprintf("rule file %q holds a %s, not a list of rules; put the rules in [ ]", raw, f.value.Kind()), base+": Rules file must contain a list.")
		return
	}
	seen, unparsed := map[int]bool{}, 0
	for i, rule := range f.value.Elems() {
		at := fmt.Sprintf("in rule file %q, line %d, ", raw, f.doc.Position(rule.Span().Start).Line)
		id, idOK := rule.Get("id").Int()
		if why, parseErr := ruleParseError(rule); why != "" {
			if unparsed++; unparsed <= maxRuleWarnings {
				where := fmt.Sprintf("index %d", i+1)
				if idOK {
					where = fmt.Sprintf("id %d", id)
				}
				out.report(pass, idIgnoredDNRRule, n, at+"the rule "+why+", so Chrome ignores it; fix the rule",
					fmt.Sprintf("%s: Rule with %s couldn't be parsed. Parse error: %s.", base, where, parseErr))
			}
			continue
		}
		below1 := func(key string, value int) {
			out.report(pass, idInvalidRuleset, n, fmt.Sprintf("%sthe rule's %s is %d, and it must be at least 1", at, key, value),
				fmt.Sprintf("%s: Rule with id %d has an invalid value for %s key. This should be greater than or equal to 1.", base, id, key))
		}
		switch priority, hasPriority := rule.Get("priority").Int(); {
		case seen[id]:
			out.report(pass, idInvalidRuleset, n, fmt.Sprintf("%sanother rule has the id %d; give every rule its own id", at, id), fmt.Sprintf("%s: Rule with id %d does not have a unique ID.", base, id))
		case id < 1:
			below1("id", id)
		case hasPriority && priority < 1:
			below1("priority", priority)
		}
		seen[id] = true
	}
	if unparsed > maxRuleWarnings {
		out.report(pass, idIgnoredDNRRule, n, fmt.Sprintf("in rule file %q, Chrome cannot parse %d more rules and ignores them; fix them", raw, unparsed-maxRuleWarnings),
			fmt.Sprintf("%s: Too many rule parse failures; Reporting the first %d.", base, maxRuleWarnings))
	}
}

// ruleParseError returns why Chrome's generated parser refuses a rule, in
// crxlint's words and its own. It checks the rule's fields in Chrome's
// order, but not the contents of its condition.
func ruleParseError(rule *manifest.Node) (why, chrome string) {
	if rule.Kind() != manifest.Object {
		return "has type " + chromeType(rule) + ", not dictionary", "expected dictionary, got " + chromeType(rule)
	}
	for _, field := range []struct{ key, want string }{{"id", "integer"}, {"priority", "integer"}, {"condition", "dictionary"}, {"action", "dictionary"}} {
		switch v := rule.Get(field.key); {
		case v == nil && field.key == "priority":
		case v == nil:
			return fmt.Sprintf("has no %q", field.key), fmt.Sprintf("'%s' is required", field.key)
		case chromeType(v) != field.want:
			expected := field.want
			if expected == "integer" {
				expected = field.key // sic
			}
			return fmt.Sprintf("has %q of type %s, not %s", field.key, chromeType(v), field.want), fmt.Sprintf("'%s': expected %s, got %s", field.key, expected, chromeType(v))
		}
	}
	t := rule.Get("action").Get("type")
	switch s, ok := t.Str(); {
	case t == nil:
		return "has no action \"type\"", "'type' is required"
	case !ok:
		return fmt.Sprintf("has an action \"type\" of type %s, not string", chromeType(t)), "'RuleActionType': expected string, got " + chromeType(t)
	case !slices.Contains(ruleActionTypes, s):
		return fmt.Sprintf("has the action type %q, which is not one of %s", s, strings.Join(ruleActionTypes, ", ")),
			fmt.Sprintf("'RuleActionType': expected %s, got %q", `"`+strings.Join(ruleActionTypes, `" or "`)+`"`, s)
	}
	return "", ""
}

// chromeType names a value's type as Chrome's messages do; an integer is
// a number Chrome stores as one.
func chromeType(n *manifest.Node) string {
	switch _, isInt := n.Int(); {
	case isInt:
		return "integer"
	case n.Kind() == manifest.Number:
		return "double"
	}
	return n.Kind().String()
}
