package runner

import (
	"path/filepath"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/lint"
)

// configFor returns the configuration in force for the manifest r names:
// that of its folder, or of the folder holding its archive.
func (l *Linter) configFor(r Result) *config.Config {
	if l.config == nil {
		return nil
	}
	at := r.Path
	if r.Archive != "" {
		at = r.Archive
	}
	return l.config(filepath.Dir(filepath.FromSlash(at)))
}

// activeRules returns the rules the configuration leaves on.
func activeRules(cfg *config.Config, rules []*lint.Rule) []*lint.Rule {
	if cfg == nil {
		return rules
	}
	out := make([]*lint.Rule, 0, len(rules))
	for _, r := range rules {
		if _, on := cfg.Severity(r); on {
			out = append(out, r)
		}
	}
	return out
}

// applyConfig gives each diagnostic its configured severity and drops the
// ones the configuration's ignores silence. name is the manifest's path.
func applyConfig(cfg *config.Config, name string, diags []lint.Diagnostic) []lint.Diagnostic {
	if cfg == nil {
		return diags
	}
	rel := ""
	if cfg.Dir != "" {
		abs, err := filepath.Abs(filepath.FromSlash(name))
		if err == nil {
			rel, err = filepath.Rel(cfg.Dir, abs)
		}
		if err != nil {
			rel = ""
		}
		rel = filepath.ToSlash(rel)
	}
	out := diags[:0]
	for _, d := range diags {
		if rel != "" && cfg.Ignored(d.Rule, rel, d.Pointer) {
			continue
		}
		if s, ok := cfg.Level(d.Rule).Severity(); ok {
			d.Severity = s
		}
		out = append(out, d)
	}
	return out
}
