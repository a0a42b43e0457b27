package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/lsp"
	"github.com/crxlint/crxlint/rules"
)

const lspUsage = `Usage: crxlint lsp [--config FILE] [--rule RULE-ID=LEVEL]...

Runs crxlint as a language server on standard input and output, for
editors: it lints each manifest.json as you type, offers fixes as quick
fixes and describes a finding's rule on hover. The configuration is the
` + configName + ` nearest each extension, read again at every lint, as
for crxlint PATH.

Flags:
`

// runLSP is the lsp subcommand. It exits 0 when the editor shut the server
// down before it exited, and 1 when it did not, as the protocol asks.
func runLSP(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("crxlint lsp", flag.ContinueOnError)
	flags.SetOutput(stderr)
	configFile := flags.String("config", "", "read the configuration from this `file` instead of the "+configName+" nearest each extension")
	var ruleLevels ruleFlags
	flags.Var(&ruleLevels, "rule", "set a rule's level, as `RULE-ID=LEVEL` (off, info, warning or error), over the configuration; repeatable")
	platform := flags.String("platform", "", platformUsage)
	flags.Bool("stdio", true, "talk over standard input and output, the only way crxlint lsp talks (editors' LSP clients may pass it)")
	flags.Usage = func() {
		fmt.Fprint(stderr, lspUsage)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "crxlint lsp: unexpected argument %q: the editor names the files\n", flags.Arg(0))
		return exitUsage
	}
	// A bad --config or --rule is a mistake in the editor's settings: say
	// so now rather than at every lint. A broken .crxlint.jsonc is the
	// project's, and each lint reports it in the manifest instead.
	if err := checkLSPFlags(*configFile, ruleLevels, *platform); err != nil {
		fmt.Fprintf(stderr, "crxlint lsp: %v\n", err)
		return exitUsage
	}
	err := lsp.Serve(ctx, stdin, stdout, lsp.Options{
		Rules: rules.All(),
		Config: func(dir string) (*config.Config, error) {
			cfgs, err := loadConfigs([]string{dir}, "", *configFile, ruleLevels, *platform)
			if err != nil {
				return nil, err
			}
			return cfgs.forDir(dir), nil
		},
		HelpURI:  helpURI,
		Debounce: lsp.DefaultDebounce,
		Version:  moduleVersion(),
	})
	switch {
	case err == nil:
		return exitClean
	case ctx.Err() != nil:
		return exitInterrupted
	case errors.Is(err, lsp.ErrNoShutdown):
		return exitFindings // 1, as the protocol asks of a server that exits unasked
	}
	fmt.Fprintf(stderr, "crxlint lsp: %v\n", err)
	return exitIO
}

// checkLSPFlags reads the --config file and the --rule and --platform
// flags once.
func checkLSPFlags(configFile string, ruleLevels []string, platform string) error {
	known := knownRules()
	var cfg *config.Config
	if configFile != "" {
		var err error
		if cfg, err = config.Load(configFile, known); err != nil {
			return err
		}
	}
	cfg, err := cfg.WithFlags(ruleLevels, known)
	if err == nil {
		_, err = cfg.WithPlatform(platform)
	}
	return err
}
