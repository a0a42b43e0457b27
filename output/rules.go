package output

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/crxlint/crxlint/lint"
)

// The wire types of the rule list (crxlint --list-rules --format json).
type (
	jsonRuleList struct {
		Version int        `json:"version"`
		Rules   []jsonRule `json:"rules"`
	}
	jsonRule struct {
		ID string `json:"id"`
		// Aliases are former IDs that configuration may still use.
		Aliases  []string      `json:"aliases"`
		Title    string        `json:"title"`
		Category lint.Category `json:"category"`
		Severity lint.Severity `json:"severity"`
		Chrome   lint.Chrome   `json:"chrome"`
		// NeedsFiles is set for rules that read the extension's other
		// files, and so do not run on standard input.
		NeedsFiles bool   `json:"needsFiles"`
		URL        string `json:"url,omitempty"`
		Doc        string `json:"doc"`
	}
)

// ListRules writes the rules in a format: "text", a table whose columns
// line up for the longest rule ID, or "json", the rules with their docs.
func ListRules(w io.Writer, format string, rules []*lint.Rule, opts Options) error {
	switch format {
	case "text":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, r := range rules {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Chrome, r.Title)
		}
		return tw.Flush()
	case "json":
		list := jsonRuleList{Version: JSONVersion, Rules: []jsonRule{}}
		for _, r := range rules {
			list.Rules = append(list.Rules, jsonRule{
				ID: r.ID, Aliases: append([]string{}, r.Aliases...), Title: r.Title, Category: r.Category, Severity: r.Severity, Chrome: r.Chrome,
				NeedsFiles: r.NeedsFiles, URL: opts.helpURI(r.ID), Doc: r.Doc,
			})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	return fmt.Errorf("rules can be listed as text or json, not %q", format)
}
