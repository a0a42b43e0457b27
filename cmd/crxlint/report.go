package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/output"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
)

// repoURL is crxlint's home; docs/rules/<rule-id>.md documents each rule.
const repoURL = "https://github.com/crxlint/crxlint"

// helpURI returns the address of a finding's documentation.
func helpURI(id string) string {
	if id == chromeRuleID {
		return repoURL + "#chrome-is-the-judge"
	}
	if _, ok := explainPolicy(id); ok {
		return repoURL + "/blob/main/docs/policy.md"
	}
	return repoURL + "/blob/main/docs/rules/" + id + ".md"
}

// reportedRules describe every finding a report may hold: crxlint's rules,
// a real Chrome's verdict (--chrome) and what a policy does (--policy).
func reportedRules() []*lint.Rule {
	all := append(rules.All(), chromeRule, escalationRule)
	for _, r := range policyReports {
		all = append(all, &lint.Rule{
			ID: r.id, Title: "What the organisation's policy does to the extension (--policy)",
			Category: lint.Correctness, Severity: r.severity, Chrome: r.chrome, Doc: r.doc,
		})
	}
	slices.SortFunc(all, func(a, b *lint.Rule) int { return strings.Compare(a.ID, b.ID) })
	return all
}

// report is one format written to one place.
type report struct {
	path      string // "" is standard output
	formatter output.Formatter
}

// reports returns what a run writes: the --format report on standard
// output, or in --output with the text report on standard output instead,
// and a SARIF report in --sarif. Only standard output is ever coloured.
func reports(cfg *options, stdoutColor bool) ([]report, error) {
	if cfg.output != "" && cfg.output == cfg.sarif {
		return nil, fmt.Errorf("--output and --sarif name the same file %s", cfg.output)
	}
	type where struct{ path, format string }
	wanted := []where{{"", cfg.format}}
	if cfg.output != "" {
		wanted = []where{{cfg.output, cfg.format}, {"", "text"}}
	}
	if cfg.sarif != "" {
		wanted = append(wanted, where{cfg.sarif, "sarif"})
	}
	out := make([]report, 0, len(wanted))
	for _, w := range wanted {
		opts := output.Options{Color: w.path == "" && stdoutColor, Rules: reportedRules(), HelpURI: helpURI}
		f, err := output.New(w.format, opts)
		if err != nil {
			return nil, err
		}
		out = append(out, report{path: w.path, formatter: f})
	}
	return out, nil
}

// write writes the report.
func (r report) write(stdout io.Writer, results []runner.Result) error {
	if r.path == "" {
		return r.formatter.Format(stdout, results)
	}
	f, err := os.Create(r.path)
	if err != nil {
		return err
	}
	return errors.Join(r.formatter.Format(f, results), f.Close())
}
