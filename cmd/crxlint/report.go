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
	path   string // "" is standard output
	format string
	opts   output.Options
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
		if _, err := output.New(w.format, opts); err != nil {
			return nil, err
		}
		out = append(out, report{path: w.path, format: w.format, opts: opts})
	}
	return out, nil
}

// writer is the reports of a run, written result by result as the
// results come.
type writer struct {
	streams []output.Stream
	files   []*os.File // the files of --output and --sarif, created at the start
}

// openReports starts every report: in a file, created now, or on standard
// output.
func openReports(reports []report, stdout io.Writer) (*writer, error) {
	w := &writer{}
	for _, r := range reports {
		to := stdout
		if r.path != "" {
			f, err := os.Create(r.path)
			if err != nil {
				w.abandon()
				return nil, err
			}
			w.files = append(w.files, f)
			to = f
		}
		s, err := output.NewStream(r.format, to, r.opts)
		if err != nil {
			w.abandon()
			return nil, err
		}
		w.streams = append(w.streams, s)
	}
	return w, nil
}

// write adds one result to every report.
func (w *writer) write(r runner.Result) error {
	for _, s := range w.streams {
		if err := s.Write(r); err != nil {
			return err
		}
	}
	return nil
}

// close ends every report.
func (w *writer) close() error {
	var errs []error
	for _, s := range w.streams {
		errs = append(errs, s.Close())
	}
	for _, f := range w.files {
		errs = append(errs, f.Close())
	}
	return errors.Join(errs...)
}

// abandon removes the report files of a run that did not finish, so that
// no half-written report is taken for a whole one.
func (w *writer) abandon() {
	for _, f := range w.files {
		_ = f.Close()
		_ = os.Remove(f.Name())
	}
}
