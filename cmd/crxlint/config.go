package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
)

// ruleFlags collects repeated --rule RULE-ID=LEVEL flags.
type ruleFlags []string

func (f *ruleFlags) String() string     { return strings.Join(*f, ",") }
func (f *ruleFlags) Set(s string) error { *f = append(*f, s); return nil }

// knownRules tells the configuration which rules crxlint has, and the
// findings of its reader, which are configured as rules are.
func knownRules() config.Rules {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	for _, f := range runner.ReaderFindings {
		ids = append(ids, f.ID)
	}
	return config.Rules{
		Resolve: func(id string) []string {
			if _, ok := readerFinding(id); ok {
				return []string{id}
			}
			var out []string
			for _, r := range rules.Resolve(id) {
				out = append(out, r.ID)
			}
			return out
		},
		IDs: ids,
	}
}

// configs loads, before any linting, the configuration of every folder the
// paths lint: the --config file, or the .crxlint.jsonc nearest each
// extension folder; then the --rule and --platform flags over it. An error
// is a usage error.
type configs struct {
	byDir map[string]*config.Config // by absolute folder
	wd    string                    // the working folder, which relative folders are in
}

func loadConfigs(paths []string, stdinName, explicit string, flags []string, platform string) (*configs, error) {
	known := knownRules()
	// By file, read once; "" is the flags alone, which every extension
	// without a configuration file shares.
	files := map[string]*config.Config{}
	load := func(name string) (*config.Config, error) {
		if cfg, ok := files[name]; ok {
			return cfg, nil
		}
		var cfg *config.Config
		var err error
		if name != "" {
			cfg, err = config.Load(name, known)
		}
		if err == nil {
			cfg, err = cfg.WithFlags(flags, known)
		}
		if err == nil {
			cfg, err = cfg.WithPlatform(platform)
		}
		files[name] = cfg
		return cfg, err
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	c := &configs{byDir: map[string]*config.Config{}, wd: wd}
	var finder config.Finder // the extensions of one tree share their parents
	for _, p := range paths {
		abs := c.abs(extensionDir(p, stdinName))
		if _, ok := c.byDir[abs]; ok {
			continue
		}
		name := explicit
		if name == "" {
			if name, err = finder.Find(abs); err != nil {
				return nil, err
			}
			name = relativeTo(wd, name)
		}
		if c.byDir[abs], err = load(name); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// relativeTo shortens an absolute path under the working folder wd, for
// messages.
func relativeTo(wd, p string) string {
	if p == "" {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}

// extensionDir is the folder whose configuration applies to a path.
func extensionDir(p, stdinName string) string {
	switch {
	case p == "-" && stdinName != "":
		return filepath.Dir(stdinName)
	case p == "-":
		return "."
	case isDir(p):
		return p
	}
	return filepath.Dir(p)
}

// forDir returns the configuration of a folder loadConfigs saw.
func (c *configs) forDir(dir string) *config.Config {
	return c.byDir[c.abs(dir)]
}

// abs makes a path absolute as filepath.Abs does, with the working folder
// asked once rather than for each of thousands of extensions.
func (c *configs) abs(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(c.wd, p)
}

// printConfig writes the configuration in force for a path, and where each
// setting comes from.
func printConfig(w io.Writer, p string, c *configs) {
	cfg := c.forDir(extensionDir(p, ""))
	if cfg == nil || cfg.File == "" {
		fmt.Fprintf(w, "configuration for %s: no %s found (crxlint looks in the extension's folder and its parents, up to the repository's root)\n", p, config.FileName)
	} else {
		fmt.Fprintf(w, "configuration for %s: %s\n", p, cfg.File)
	}
	if cfg == nil {
		return
	}
	ids := make([]string, 0, len(cfg.Rules))
	for id := range cfg.Rules {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		s := cfg.Rules[id]
		fmt.Fprintf(w, "  rule %s: %s (%s)\n", id, s.Level, s.Source)
	}
	if cfg.Platform != "" {
		fmt.Fprintf(w, "  platform %s (%s)\n", cfg.Platform, cfg.PlatformSource)
	} else {
		fmt.Fprintf(w, "  platform %s (the host's)\n", lint.HostPlatform())
	}
	for _, ig := range cfg.Ignores {
		fmt.Fprintf(w, "  ignore %s", strings.Join(ig.Rules, ", "))
		if ig.Path != "" {
			fmt.Fprintf(w, " in %s", ig.Path)
		}
		if ig.Pointer != "" {
			fmt.Fprintf(w, " at %s", ig.Pointer)
		}
		fmt.Fprintf(w, ": %s (%s)\n", ig.Reason, ig.Source)
	}
	if len(ids) == 0 && len(cfg.Ignores) == 0 {
		fmt.Fprintln(w, "  every rule at its default severity, nothing ignored")
	}
}

// configName is the configuration file's name, for the flags' help.
const configName = config.FileName

// platformUsage is the --platform flag's help.
const platformUsage = "judge keys and permissions that work on some platforms only as Chrome on this `platform` does:\nlinux, mac, win or chromeos (default: the platform crxlint runs on, or the configuration's \"platform\")"
