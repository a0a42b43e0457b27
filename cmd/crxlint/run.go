package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/term"

	"github.com/crxlint/crxlint/internal/suggest"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/output"
	"github.com/crxlint/crxlint/policy"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
)

// Exit codes.
const (
	exitClean    = 0 // no finding at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on; a manifest that does not parse is one
	exitUsage    = 2 // bad flags or configuration
	exitIO       = 3 // a file could not be read, a limit was hit, or crxlint itself failed
)

// run is the whole program; main only wires it to the process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) > 0 && args[0] == "permissions" {
		return runPermissions(ctx, args[1:], stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "lsp" {
		return runLSP(ctx, args[1:], stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "schema" {
		return runSchema(args[1:], stdout, stderr)
	}
	cfg, err := parseFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		writeUsage(stdout)
		return exitClean
	}
	if err != nil {
		fmt.Fprintf(stderr, "crxlint: %v\nRun 'crxlint --help' for usage.\n", err)
		return exitUsage
	}
	switch {
	case cfg.showVersion:
		fmt.Fprintln(stdout, versionLine())
		return exitClean
	case cfg.listRules:
		return listRules(stdout, stderr, cfg.format)
	case cfg.explain != "":
		return explain(stdout, stderr, cfg.explain)
	}

	failOn, err := parseFailOn(cfg.failOn)
	if err != nil {
		fmt.Fprintf(stderr, "crxlint: %v\n", err)
		return exitUsage
	}
	useColor, err := colorFor(cfg.color, stdout, getenv)
	if err != nil {
		fmt.Fprintf(stderr, "crxlint: %v\n", err)
		return exitUsage
	}
	outputs, err := reports(cfg, useColor)
	if err != nil {
		fmt.Fprintf(stderr, "crxlint: %v\n", err)
		return exitUsage
	}
	if cfg.printConfig != "" {
		cfgs, err := loadConfigs([]string{cfg.printConfig}, "", cfg.configFile, cfg.rules, cfg.platform)
		if err != nil {
			fmt.Fprintf(stderr, "crxlint: %v\n", err)
			return exitUsage
		}
		printConfig(stdout, cfg.printConfig, cfgs)
		return exitClean
	}
	if len(cfg.paths) == 0 {
		fmt.Fprintf(stderr, "crxlint: no PATH given: name a manifest.json, an extension folder, or - for standard input\nRun 'crxlint --help' for usage.\n")
		return exitUsage
	}
	if n := count(cfg.paths, "-"); n > 1 {
		fmt.Fprintf(stderr, "crxlint: - (standard input) can be given only once\n")
		return exitUsage
	}
	if cfg.diff && !cfg.fix {
		fmt.Fprintf(stderr, "crxlint: --diff shows what --fix would change; use --fix --diff\n")
		return exitUsage
	}
	if cfg.fix && slices.Contains(cfg.paths, "-") {
		fmt.Fprintf(stderr, "crxlint: --fix rewrites files and cannot fix standard input; name the file instead\n")
		return exitUsage
	}

	files := runner.ReportOrder(manifestPaths(cfg, stderr))
	cfgs, err := loadConfigs(configPaths(cfg.paths, files), cfg.stdinName, cfg.configFile, cfg.rules, cfg.platform)
	if err != nil {
		fmt.Fprintf(stderr, "crxlint: %v\n", err)
		return exitUsage
	}
	var pol *policy.Policy
	if cfg.policyFile != "" {
		if pol, err = loadPolicy(cfg.policyFile); err != nil {
			fmt.Fprintf(stderr, "crxlint: --policy: %v\n", err)
			return exitUsage
		}
	}
	linter := runner.New(runner.Options{Rules: rules.All(), Config: cfgs.forDir, Limits: cfg.limits})
	if i := slices.IndexFunc(files, isArchive); cfg.fix && i >= 0 {
		fmt.Fprintf(stderr, "crxlint: %s: %v\n", output.EscapeLine(files[i]), runner.ErrFixArchive)
		return exitUsage
	}
	if cfg.diff {
		return diffPaths(ctx, linter, files, stdout, stderr)
	}
	addPolicy := func(r *runner.Result) {
		if pol != nil {
			addPolicyFindings(r, pol, cfg.extensionID)
		}
	}
	var stdinResult *runner.Result
	if slices.Contains(cfg.paths, "-") {
		r := lintStdin(ctx, linter, stdin, cfg.stdinName)
		addPolicy(&r)
		stdinResult = &r
	}
	w, err := openReports(outputs, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "crxlint: writing the report: %v\n", err)
		return exitIO
	}
	rr := &reportRun{w: w, failOn: failOn, stdin: stdinResult, stderr: stderr}
	if cfg.chrome {
		// Chrome loads each extension for seconds: the results wait for one
		// browser to load them all.
		rr.hold = true
	}
	n := 0
	rr.extra = func(r *runner.Result) error {
		path := files[n] // results come in the order of files
		n++
		addPolicy(r)
		if cfg.baseline == "" {
			return nil
		}
		if err := addEscalations(ctx, r, path, cfg.baseline); err != nil {
			return errStop{err}
		}
		return nil
	}
	if cfg.fix {
		err = fixPaths(ctx, linter, files, stderr, rr.add)
	} else {
		err = linter.LintEach(ctx, files, rr.add)
	}
	if err == nil {
		err = rr.flushStdin()
	}
	if err == nil && cfg.chrome {
		if err = addChromeVerdicts(ctx, rr.held, cfg.limits, stderr, getenv); err != nil {
			err = errStop{err}
		}
		for i := 0; err == nil && i < len(rr.held); i++ {
			err = rr.write(rr.held[i])
		}
	}
	if interrupted(ctx, stderr) {
		w.abandon()
		return exitInterrupted
	}
	if stop, ok := errors.AsType[errStop](err); ok {
		w.abandon()
		fmt.Fprintf(stderr, "crxlint: %v\n", stop.err)
		return exitIO
	}
	if err == nil {
		err = w.close()
	}
	if err != nil {
		w.abandon()
		fmt.Fprintf(stderr, "crxlint: writing the report: %v\n", err)
		return exitIO
	}
	return rr.code
}

// reportRun takes each result as it comes, in the report's order, adds
// what the flags add, writes it to every report, and keeps the exit code.
type reportRun struct {
	w      *writer
	failOn lint.Severity
	stdin  *runner.Result // standard input's result, written in its place
	stderr io.Writer
	extra  func(*runner.Result) error
	// hold keeps the results, in held, instead of writing them (--chrome)
	hold  bool
	held  []runner.Result
	noted bool // the note on unchecked .crx signatures
	code  int
}

// errStop is an error that stops the run: a --baseline or --chrome
// failure, reported as is, with no report written.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }

// add takes the next result of the files.
func (rr *reportRun) add(r runner.Result) error {
	if err := rr.extra(&r); err != nil {
		return err
	}
	if rr.stdin != nil && rr.stdin.Path < r.Path {
		if err := rr.flushStdin(); err != nil {
			return err
		}
	}
	return rr.put(r)
}

// flushStdin writes standard input's result, if it is still waiting.
func (rr *reportRun) flushStdin() error {
	if rr.stdin == nil {
		return nil
	}
	r := *rr.stdin
	rr.stdin = nil
	return rr.put(r)
}

func (rr *reportRun) put(r runner.Result) error {
	if rr.hold {
		rr.held = append(rr.held, r)
		return nil
	}
	return rr.write(r)
}

// write writes one result to the reports and counts it for the exit code:
// an unreadable input or a broken rule is exit 3 and wins over findings,
// since the report is incomplete.
func (rr *reportRun) write(r runner.Result) error {
	if r.UncheckedSignature && !rr.noted {
		rr.noted = true
		fmt.Fprintln(rr.stderr, "crxlint: note: the signatures of .crx files are not checked; crxlint lints what they hold")
	}
	switch {
	case r.Err != nil:
		rr.code = exitIO
	case rr.code == exitClean && slices.ContainsFunc(r.Diagnostics, func(d lint.Diagnostic) bool { return d.Severity >= rr.failOn }):
		rr.code = exitFindings
	}
	return rr.w.write(r)
}

// configPaths are the paths whose configuration a run needs: each file it
// lints, and standard input.
func configPaths(named, files []string) []string {
	if slices.Contains(named, "-") {
		return append(slices.Clip(files), "-")
	}
	return files
}

// fixPaths fixes each file in turn, passes each result to emit, and says
// on stderr what it changed, so that stdout stays a clean report.
func fixPaths(ctx context.Context, linter *runner.Linter, paths []string, stderr io.Writer, emit func(runner.Result) error) error {
	for _, p := range paths {
		r, n, err := linter.Fix(ctx, p)
		if err != nil {
			r.Err = fmt.Errorf("fixing: %w", err)
		}
		if n > 0 {
			fmt.Fprintf(stderr, "crxlint: %s: applied %d fix(es)\n", output.EscapeLine(r.Path), n)
		}
		if err := emit(r); err != nil {
			return err
		}
	}
	return nil
}

// diffPaths prints, for each file, the unified diff of what --fix would
// change, writing nothing. It exits 1 when there is a change, so that CI
// can ask whether a manifest is left unfixed, and 3 when a file could not
// be read or fixed.
func diffPaths(ctx context.Context, linter *runner.Linter, paths []string, stdout, stderr io.Writer) int {
	code := exitClean
	for _, p := range paths {
		f, err := linter.Preview(ctx, p)
		if interrupted(ctx, stderr) {
			return exitInterrupted
		}
		if err == nil {
			err = f.Err
		}
		if err != nil {
			fmt.Fprintf(stderr, "crxlint: %s: %s\n", output.EscapeLine(f.Path), output.EscapeLine(err.Error()))
			code = exitIO
			continue
		}
		if f.Applied == 0 {
			continue
		}
		if err := output.Diff(stdout, f.Path, f.Before, f.After); err != nil {
			fmt.Fprintf(stderr, "crxlint: writing the diff: %v\n", err)
			return exitIO
		}
		fmt.Fprintf(stderr, "crxlint: %s: --fix would apply %d fix(es)\n", output.EscapeLine(f.Path), f.Applied)
		if code == exitClean {
			code = exitFindings
		}
	}
	return code
}

func count(ss []string, s string) int {
	n := 0
	for _, x := range ss {
		if x == s {
			n++
		}
	}
	return n
}

// lintStdin lints standard input. With --stdin-filename naming a manifest
// in an extension folder, that folder's files are checked too, so an editor
// can lint an unsaved buffer against the files on disk.
func lintStdin(ctx context.Context, linter *runner.Linter, stdin io.Reader, name string) runner.Result {
	display := "<stdin>"
	if name != "" {
		display = filepath.ToSlash(name)
	}
	src, err := runner.ReadLimited(stdin)
	if err != nil {
		return runner.Result{Path: display, Err: err}
	}
	if name != "" {
		return linter.LintBuffer(ctx, display, src, filepath.Dir(name))
	}
	return linter.LintSource(display, src, nil)
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// isArchive reports whether p names a .zip or .crx that is not a folder.
func isArchive(p string) bool { return runner.IsArchive(p) && !isDir(p) }

// failNever is a --fail-on level above every severity.
const failNever = lint.Severity(255)

func parseFailOn(s string) (lint.Severity, error) {
	if s == "never" {
		return failNever, nil
	}
	sev, err := lint.ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("--fail-on: %q is not error, warning, info or never", s)
	}
	return sev, nil
}

// colorFor decides colour for the writer actually written: --color wins;
// with auto, NO_COLOR turns it off, FORCE_COLOR on, and otherwise it is on
// for a terminal that is not dumb.
func colorFor(mode string, w io.Writer, getenv func(string) string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
	default:
		return false, fmt.Errorf("--color: %q is not auto, always or never", mode)
	}
	if getenv("NO_COLOR") != "" {
		return false, nil
	}
	if v := getenv("FORCE_COLOR"); v != "" && v != "0" && v != "false" {
		return true, nil
	}
	if getenv("TERM") == "dumb" {
		return false, nil
	}
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd())), nil
}

func listRules(stdout, stderr io.Writer, format string) int {
	if err := output.ListRules(stdout, format, rules.All(), output.Options{HelpURI: helpURI}); err != nil {
		fmt.Fprintf(stderr, "crxlint: --list-rules: %v\n", err)
		return exitUsage
	}
	return exitClean
}

func explain(stdout, stderr io.Writer, id string) int {
	if id == escalationRule.ID {
		fmt.Fprintf(stdout, "%s: %s (--baseline)\n\n%s\n", id, escalationRule.Title, escalationRule.Doc)
		return exitClean
	}
	if doc, ok := explainPolicy(id); ok {
		fmt.Fprint(stdout, doc)
		return exitClean
	}
	if f, ok := readerFinding(id); ok {
		fmt.Fprintf(stdout, "%s: %s\n\nseverity: warning, Chrome: accepts, reported by crxlint's reader\n\n%s\n", f.ID, f.Title, f.Doc)
		return exitClean
	}
	if id == chromeRuleID {
		fmt.Fprintf(stdout, "%s: what a real Chrome says (--chrome)\n\n%s\n", chromeRuleID, chromeDoc)
		return exitClean
	}
	found := rules.Resolve(id)
	if len(found) == 0 {
		fmt.Fprintf(stderr, "crxlint: no rule %q%s; 'crxlint --list-rules' lists them\n", id, didYouMean(id))
		return exitUsage
	}
	if found[0].ID != id {
		fmt.Fprintf(stdout, "%s is the former ID of these %d rules:\n\n", id, len(found))
	}
	for i, r := range found {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "%s: %s\n\nseverity: %s, Chrome: %s, category: %s\n\n%s\n", r.ID, r.Title, r.Severity, r.Chrome, r.Category, r.Doc)
	}
	return exitClean
}

// didYouMean names the closest rule ID to a mistyped one.
func didYouMean(id string) string {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	return suggest.DidYouMean(id, ids)
}
