package lint

import (
	"errors"
	"fmt"
	"regexp"
)

// Category groups rules in the docs.
type Category string

// The categories.
const (
	Correctness Category = "correctness" // Chrome rejects or ignores what the author wrote
	Security    Category = "security"    // more exposure than the extension needs
	StorePolicy Category = "store-policy"
	Style       Category = "style"
)

// Rule is one check. Rules are immutable values, shared by every run and
// every goroutine; all the state of one run lives in the Pass.
type Rule struct {
	// ID is stable kebab-case naming the problem, such as "duplicate-key".
	// One ID is one problem, with one default severity and one Chrome
	// verdict.
	ID string
	// Aliases are former IDs that configuration and ignores may still
	// use for this rule: the ID of a rule it was split from, or its old
	// name. Several rules share an alias when one was split into them.
	Aliases []string
	// Title is one line without a final period.
	Title    string
	Category Category
	// Severity is the default severity of the rule's diagnostics.
	Severity Severity
	// Chrome is what Chrome does with the problems the rule reports,
	// unless a diagnostic says otherwise.
	Chrome Chrome
	// Doc is Markdown: why it matters, what to do, when it is safe to
	// ignore. The docs add the rule's examples from its testdata.
	Doc string
	// NeedsFiles is set by rules that read the extension's other files;
	// they do not run on a manifest read from standard input.
	NeedsFiles bool
	// OnSyntaxError is set by the rule that reports syntax errors: it
	// alone runs when the manifest does not parse.
	OnSyntaxError bool
	// Run checks one manifest. An error means the rule itself broke, never
	// that the manifest is bad.
	Run func(*Pass) error
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Validate checks that rules are complete and that their IDs are unique.
func Validate(rules []*Rule) error {
	var errs []error
	seen := make(map[string]bool)
	for _, r := range rules {
		if !idPattern.MatchString(r.ID) {
			errs = append(errs, fmt.Errorf("rule %q: ID is not kebab-case", r.ID))
		}
		if seen[r.ID] {
			errs = append(errs, fmt.Errorf("rule %q: ID is used twice", r.ID))
		}
		seen[r.ID] = true
		for _, a := range r.Aliases {
			if !idPattern.MatchString(a) {
				errs = append(errs, fmt.Errorf("rule %q: alias %q is not kebab-case", r.ID, a))
			}
		}
		if r.Title == "" || r.Doc == "" || r.Run == nil || r.Category == "" {
			errs = append(errs, fmt.Errorf("rule %q: Title, Category, Doc and Run are required", r.ID))
		}
		if _, ok := severityNames[r.Severity]; !ok {
			errs = append(errs, fmt.Errorf("rule %q: invalid default severity", r.ID))
		}
		if _, ok := chromeNames[r.Chrome]; !ok {
			errs = append(errs, fmt.Errorf("rule %q: invalid Chrome verdict", r.ID))
		}
	}
	for _, r := range rules {
		for _, a := range r.Aliases {
			if seen[a] {
				errs = append(errs, fmt.Errorf("rule %q: alias %q is another rule's ID", r.ID, a))
			}
		}
	}
	return errors.Join(errs...)
}
