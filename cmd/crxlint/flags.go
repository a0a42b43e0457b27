package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/crxlint/crxlint/internal/suggest"
	"github.com/crxlint/crxlint/output"
	"github.com/crxlint/crxlint/runner"
)

const usage = `Usage: crxlint [flags] PATH...

Checks Chrome extension manifests. PATH is a manifest.json, an extension
folder (its manifest.json is read), a packed extension (.zip or .crx, read
in memory), any other file of an extension (its extension is checked, once
however many of its files are named), or - for standard input.

Other commands, each with its --help: crxlint permissions PATH... prints
the warnings of Chrome's install prompt; crxlint lsp is a language server
for editors; crxlint schema prints manifest.json's JSON Schema for editors.
(Name a folder called permissions, lsp or schema as ./NAME.)

Flags:
`

const exitCodesHelp = `
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 I/O or internal error.
`

// options are what the command line asks for.
type options struct {
	format, color, failOn, stdinName  string
	explain                           string
	output, sarif                     string
	showVersion, listRules, fix, diff bool
	chrome, onlyExtensions            bool
	recursive                         bool
	configFile, printConfig           string
	platform                          string
	policyFile, extensionID           string
	baseline                          string
	rules                             ruleFlags
	limits                            runner.Limits
	paths                             []string
}

// newFlagSet defines crxlint's flags on cfg. It prints nothing: run
// decides where help and errors go.
func newFlagSet(cfg *options) *flag.FlagSet {
	fs := flag.NewFlagSet("crxlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.StringVar(&cfg.format, "format", "text", "output `format`: "+strings.Join(output.Names(), ", "))
	fs.StringVar(&cfg.output, "output", "", "write the --format report to `file`, and the text report to standard output")
	fs.StringVar(&cfg.sarif, "sarif", "", "also write a SARIF report to `file`, for code scanning")
	fs.StringVar(&cfg.color, "color", "auto", "colour: auto, always or never (auto honours NO_COLOR and FORCE_COLOR)")
	fs.StringVar(&cfg.failOn, "fail-on", "error", "exit 1 on findings at or above this `severity`: error, warning, info or never")
	fs.StringVar(&cfg.stdinName, "stdin-filename", "", "the `path` a manifest read from standard input stands for")
	fs.StringVar(&cfg.explain, "explain", "", "print the documentation of a `rule` and exit")
	fs.BoolVar(&cfg.chrome, "chrome", false, "also load each extension folder in a local Chrome or Chromium ($CRXLINT_CHROME) and report what it says;\nthis runs the extension's code in a real browser, so use it on code you would run")
	fs.BoolVar(&cfg.fix, "fix", false, "rewrite manifests with the fixes crxlint knows, then report what is left")
	fs.BoolVar(&cfg.diff, "diff", false, "with --fix, print the changes as a unified diff instead of writing them, and exit 1 if there are any")
	fs.StringVar(&cfg.configFile, "config", "", "read the configuration from this `file` instead of the "+configName+" nearest each extension")
	fs.Var(&cfg.rules, "rule", "set a rule's level, as `RULE-ID=LEVEL` (off, info, warning or error), over the configuration; repeatable")
	fs.StringVar(&cfg.platform, "platform", "", platformUsage)
	fs.StringVar(&cfg.printConfig, "print-config", "", "print the configuration in force for a `path`, and where each setting comes from, and exit")
	fs.StringVar(&cfg.baseline, "baseline", "", "report the permission warnings each extension adds to those of this `version`: a manifest.json, a folder, or git:REV")
	fs.StringVar(&cfg.policyFile, "policy", "", "also report what the organisation's ExtensionSettings policy in this `file` does to each extension")
	fs.StringVar(&cfg.extensionID, "extension-id", "", "the extension's `ID` for --policy, when the manifest has no key")
	fs.BoolVar(&cfg.recursive, "recursive", false, "lint every extension under each PATH (a folder holding a manifest.json; node_modules and dot-folders are skipped)")
	fs.BoolVar(&cfg.onlyExtensions, "only-extensions", false, "skip named files that are in no extension folder, instead of reading them as manifests (for pre-commit)")
	fs.BoolVar(&cfg.listRules, "list-rules", false, "list the rules (as JSON with --format json) and exit")
	fs.BoolVar(&cfg.showVersion, "version", false, "print the version and exit")
	limitFlags(fs, &cfg.limits)
	return fs
}

// writeUsage writes --help: the flags as package flag lists them, but
// with the two dashes crxlint's messages and README use.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, usage)
	newFlagSet(&options{}).VisitAll(func(f *flag.Flag) {
		arg, text := flag.UnquoteUsage(f)
		if arg != "" {
			arg = " " + arg
		}
		if f.DefValue != "" && f.DefValue != "false" {
			text += fmt.Sprintf(" (default %q)", f.DefValue)
		}
		fmt.Fprintf(w, "  --%s%s\n    \t%s\n", f.Name, arg, strings.ReplaceAll(text, "\n", "\n    \t"))
	})
	fmt.Fprint(w, exitCodesHelp)
}

// parseFlags reads the command line. Flags may come before or after the
// paths; "--" ends the flags. It returns flag.ErrHelp for -h and --help.
func parseFlags(args []string) (*options, error) {
	cfg := &options{}
	fs := newFlagSet(cfg)
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return nil, explainFlagError(fs, err)
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

// undefinedFlag is how package flag words an unknown flag.
const undefinedFlag = "flag provided but not defined: -"

// explainFlagError names the flag closest to an unknown one.
func explainFlagError(fs *flag.FlagSet, err error) error {
	name, ok := strings.CutPrefix(err.Error(), undefinedFlag)
	if errors.Is(err, flag.ErrHelp) || !ok {
		return err
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if best := suggest.Closest(name, names); best != "" {
		return fmt.Errorf("unknown flag --%s; did you mean --%s?", name, best)
	}
	return fmt.Errorf("unknown flag --%s", name)
}
