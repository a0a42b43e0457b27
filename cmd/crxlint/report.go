package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/output"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
)

// docsURL is where each rule's page is, as <rule-id>.md.
const docsURL = "https://github.com/crxlint/crxlint/blob/main/docs/rules/"

// helpURI returns the address of a rule's documentation.
func helpURI(id string) string {
	if id == chromeRuleID {
		return "https://github.com/crxlint/crxlint#chrome-is-the-judge"
	}
	return docsURL + id + ".md"
}

// reportedRules are the rules whose findings a report may hold.
func reportedRules() []*lint.Rule {
	return append(rules.All(), chromeRule)
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
	opts := output.Options{Rules: reportedRules(), HelpURI: helpURI}
	colored := opts
	colored.Color = stdoutColor
	var out []report
	add := func(path, format string, opts output.Options) error {
		f, err := output.New(format, opts)
		if err == nil {
			out = append(out, report{path: path, formatter: f})
		}
		return err
	}
	var err error
	if cfg.output == "" {
		err = add("", cfg.format, colored)
	} else {
		err = errors.Join(add(cfg.output, cfg.format, opts), add("", "text", colored))
	}
	if cfg.sarif != "" {
		err = errors.Join(err, add(cfg.sarif, "sarif", opts))
	}
	if cfg.output != "" && cfg.output == cfg.sarif {
		err = errors.Join(err, fmt.Errorf("--output and --sarif name the same file %s", cfg.output))
	}
	return out, err
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

// manifestPaths returns the manifests the paths on the command line stand
// for (standard input aside): each extension once, however many of its
// files are named. A file in no extension folder is read as a manifest,
// unless --only-extensions skips it.
func manifestPaths(cfg *options) []string {
	var named []string
	for _, p := range cfg.paths {
		if p != "-" {
			named = append(named, p)
		}
	}
	manifests, strays := runner.Manifests(named)
	if cfg.onlyExtensions {
		return manifests
	}
	return append(manifests, strays...)
}
