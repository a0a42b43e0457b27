package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/term"

	"github.com/crxlint/crxlint/internal/suggest"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/output"
	"github.com/crxlint/crxlint/policy"
	"github.com/crxlint/crxlint/publicsuffix"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
	"github.com/crxlint/crxlint/schema"
)

// Exit codes.
const (
	exitClean    = 0 // no finding at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on; a manifest that does not parse is one
	exitUsage    = 2 // bad flags or configuration
	exitIO       = 3 // a file could not be read, a limit was hit, or crxlint itself failed
)

// version is set at release time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build info is used.
var version = ""

const usage = `Usage: crxlint [flags] PATH...

Checks Chrome extension manifests. PATH is a manifest.json, an extension
folder (its manifest.json is read), or - for standard input.

Flags:
`

type options struct {
	format, color, failOn, stdinName string
	explain                          string
	showVersion, listRules, fix      bool
	chrome                           bool
	configFile, printConfig          string
	policyFile, extensionID          string
	rules                            ruleFlags
	limits                           runner.Limits
	paths                            []string
}

// run is the whole program; main only wires it to the process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) > 0 && args[0] == "permissions" {
		return runPermissions(ctx, args[1:], stdin, stdout, stderr)
	}
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
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
		return listRules(stdout)
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
	formatter, err := output.New(cfg.format, output.Options{Color: useColor})
	if err != nil {
		fmt.Fprintf(stderr, "crxlint: %v\n", err)
		return exitUsage
	}
	if cfg.printConfig != "" {
		cfgs, err := loadConfigs([]string{cfg.printConfig}, "", cfg.configFile, cfg.rules)
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
	if cfg.fix && slices.Contains(cfg.paths, "-") {
		fmt.Fprintf(stderr, "crxlint: --fix rewrites files and cannot fix standard input; name the file instead\n")
		return exitUsage
	}

	cfgs, err := loadConfigs(cfg.paths, cfg.stdinName, cfg.configFile, cfg.rules)
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
	var files []string
	for _, p := range cfg.paths {
		if p != "-" {
			files = append(files, p)
		}
	}
	files = runner.Unique(files)
	var results []runner.Result
	if cfg.fix {
		results = fixPaths(ctx, linter, files, stderr)
	} else {
		results = linter.LintPaths(ctx, files)
	}
	if slices.Contains(cfg.paths, "-") {
		results = append(results, lintStdin(ctx, linter, stdin, cfg.stdinName))
	}
	if interrupted(ctx, stderr) {
		return exitInterrupted
	}
	if pol != nil {
		addPolicyFindings(results, pol, cfg.extensionID)
	}
	if cfg.chrome {
		if err := addChromeVerdicts(ctx, results, cfg.limits, stderr); err != nil {
			fmt.Fprintf(stderr, "crxlint: %v\n", err)
			return exitIO
		}
	}

	if err := formatter.Format(stdout, results); err != nil {
		fmt.Fprintf(stderr, "crxlint: writing the report: %v\n", err)
		return exitIO
	}
	return exitCode(results, failOn)
}

// fixPaths fixes each file in turn and says on stderr what it changed, so
// that stdout stays a clean report.
func fixPaths(ctx context.Context, linter *runner.Linter, paths []string, stderr io.Writer) []runner.Result {
	results := make([]runner.Result, len(paths))
	for i, p := range paths {
		r, n, err := linter.Fix(ctx, p)
		if err != nil {
			r.Err = fmt.Errorf("fixing: %w", err)
		}
		if n > 0 {
			fmt.Fprintf(stderr, "crxlint: %s: applied %d fix(es)\n", r.Path, n)
		}
		results[i] = r
	}
	return results
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

// exitCode: an unreadable input or a broken rule is exit 3 and wins over
// findings, since the report is incomplete.
func exitCode(results []runner.Result, failOn lint.Severity) int {
	code := exitClean
	for _, r := range results {
		if r.Err != nil {
			return exitIO
		}
		for _, d := range r.Diagnostics {
			if d.Severity >= failOn {
				code = exitFindings
			}
		}
	}
	return code
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

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	cfg := &options{}
	fs := flag.NewFlagSet("crxlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.format, "format", "text", "output `format`: "+strings.Join(output.Names(), ", "))
	fs.StringVar(&cfg.color, "color", "auto", "colour: auto, always or never (auto honours NO_COLOR and FORCE_COLOR)")
	fs.StringVar(&cfg.failOn, "fail-on", "error", "exit 1 on findings at or above this `severity`: error, warning, info or never")
	fs.StringVar(&cfg.stdinName, "stdin-filename", "", "the `path` a manifest read from standard input stands for")
	fs.StringVar(&cfg.explain, "explain", "", "print the documentation of a `rule` and exit")
	fs.BoolVar(&cfg.chrome, "chrome", false, "also load each extension folder in a local Chrome or Chromium ($CRXLINT_CHROME) and report what it says;\nthis runs the extension's code in a real browser, so use it on code you would run")
	fs.BoolVar(&cfg.fix, "fix", false, "rewrite manifests with the fixes crxlint knows, then report what is left")
	fs.StringVar(&cfg.configFile, "config", "", "read the configuration from this `file` instead of the "+configName+" nearest each extension")
	fs.Var(&cfg.rules, "rule", "set a rule's level, as `RULE-ID=LEVEL` (off, info, warning or error), over the configuration; repeatable")
	fs.StringVar(&cfg.printConfig, "print-config", "", "print the configuration in force for a `path`, and where each setting comes from, and exit")
	fs.StringVar(&cfg.policyFile, "policy", "", "also report what the organisation's ExtensionSettings policy in this `file` does to each extension")
	fs.StringVar(&cfg.extensionID, "extension-id", "", "the extension's `ID` for --policy, when the manifest has no key")
	fs.BoolVar(&cfg.listRules, "list-rules", false, "list the rules and exit")
	fs.BoolVar(&cfg.showVersion, "version", false, "print the version and exit")
	limitFlags(fs, &cfg.limits)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 I/O or internal error.\n")
	}
	// Flags may come before or after the paths; "--" ends the flags.
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			cfg.paths = append(cfg.paths, rest...)
			break
		}
		cfg.paths = append(cfg.paths, rest[0])
		args = rest[1:]
	}
	return cfg, nil
}

// moduleVersion returns the version crxlint was built as.
func moduleVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

func versionLine() string {
	return fmt.Sprintf("crxlint %s\nmanifest schema %s, checked against Chrome %d\npublic suffix list: %s",
		moduleVersion(), schema.Version(), rules.ChromeVersion, publicsuffix.ListRevision())
}

func listRules(w io.Writer) int {
	for _, r := range rules.All() {
		fmt.Fprintf(w, "%-28s %-8s %-8s %s\n", r.ID, r.Severity, r.Chrome, r.Title)
	}
	return exitClean
}

func explain(stdout, stderr io.Writer, id string) int {
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
	if best := suggest.Closest(id, ids); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}
