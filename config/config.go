// Package config reads crxlint's configuration: a .crxlint.jsonc file
// (JSON with comments, read by crxlint's own reader) that turns rules off
// or changes their severity, ignores findings by rule, path and JSON
// pointer with a reason, and names the platform whose Chrome crxlint judges
// by; and the --rule and --platform flags that override it.
//
//	{
//	  "platform": "win",
//	  "rules": {"unused-permission": "off", "broad-host-access": "warning"},
//	  "ignore": [
//	    {"rule": "manifest-version", "path": "firefox/**", "reason": "the Firefox build stays on MV2"}
//	  ]
//	}
package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/lint"
)

// FileName is the name of the configuration file crxlint looks for.
const FileName = ".crxlint.jsonc"

// Level is what the configuration makes of a rule: off, or a severity.
type Level uint8

// The levels; LevelDefault leaves the rule's own severity.
const (
	LevelDefault Level = iota
	LevelOff
	LevelInfo
	LevelWarning
	LevelError
)

var levelNames = []string{LevelOff: "off", LevelInfo: "info", LevelWarning: "warning", LevelError: "error"}

func (l Level) String() string {
	if l == LevelDefault {
		return "default"
	}
	return levelNames[l]
}

func parseLevel(s string) (Level, bool) {
	i := slices.Index(levelNames, s)
	return Level(i), i > 0
}

// Setting is the level of one rule and where it was set: "file:line:col"
// or "--rule".
type Setting struct {
	Level  Level
	Source string
}

// Ignore silences the findings of some rules in the manifests a path glob
// matches, at a JSON pointer and everything inside it.
type Ignore struct {
	// Rules are the rule IDs the entry names, former IDs resolved.
	Rules []string
	// Path is a slash-separated glob of the manifest's path relative to
	// the configuration file's folder ("" matches every manifest): "*"
	// matches within a folder name, "**" across folders.
	Path string
	// Pointer is an RFC 6901 pointer ("" is the whole manifest).
	Pointer string
	Reason  string
	Source  string // "file:line:col"
}

// Config is the configuration in force for a manifest.
type Config struct {
	// File is the configuration file read, "" when there is none; Dir is
	// the folder ignore paths are relative to.
	File, Dir string
	Rules     map[string]Setting // by rule ID
	Ignores   []Ignore
	// Platform is the platform whose Chrome crxlint judges by, "" for the
	// host's; PlatformSource is where it was set: "file:line:col" or
	// "--platform".
	Platform       lint.Platform
	PlatformSource string
}

// PlatformOf returns the platform the configuration sets, "" (the host's)
// for none or a nil configuration.
func (c *Config) PlatformOf() lint.Platform {
	if c == nil {
		return ""
	}
	return c.Platform
}

// WithPlatform returns the configuration with the --platform flag's value
// over it; "" leaves the configuration's own.
func (c *Config) WithPlatform(flag string) (*Config, error) {
	if flag == "" {
		return c, nil
	}
	p, err := lint.ParsePlatform(flag)
	if err != nil {
		return nil, &Error{Msg: "--platform: " + err.Error()}
	}
	out := &Config{Rules: map[string]Setting{}}
	if c != nil {
		*out = *c
	}
	out.Platform, out.PlatformSource = p, "--platform"
	return out, nil
}

// Rules tells the configuration which rule IDs exist.
type Rules struct {
	// Resolve returns the IDs of the rules an ID or former ID names, or
	// none for an unknown one.
	Resolve func(id string) []string
	// IDs are every rule ID, for suggestions.
	IDs []string
}

// Error is a configuration error, with its place.
type Error struct {
	File         string // "" for a flag
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	if e.File == "" {
		return e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// Level returns the level of a rule.
func (c *Config) Level(id string) Level {
	if c == nil {
		return LevelDefault
	}
	return c.Rules[id].Level
}

// Severity returns the severity a level sets, and false for the default
// level and off.
func (l Level) Severity() (lint.Severity, bool) {
	switch l {
	case LevelInfo:
		return lint.Info, true
	case LevelWarning:
		return lint.Warning, true
	case LevelError:
		return lint.Error, true
	}
	return 0, false
}

// Severity applies the configuration to a rule's default severity; on is
// false when the rule is off.
func (c *Config) Severity(r *lint.Rule) (s lint.Severity, on bool) {
	level := c.Level(r.ID)
	if s, ok := level.Severity(); ok {
		return s, true
	}
	return r.Severity, level != LevelOff
}

// Ignored reports whether an ignore silences a finding of rule id at ptr in
// the manifest at rel, its slash-separated path relative to Dir.
func (c *Config) Ignored(id, rel, ptr string) bool {
	if c == nil {
		return false
	}
	for _, ig := range c.Ignores {
		if slices.Contains(ig.Rules, id) && (ig.Path == "" || matchGlob(ig.Path, rel)) &&
			(ig.Pointer == "" || ptr == ig.Pointer || strings.HasPrefix(ptr, ig.Pointer+"/")) {
			return true
		}
	}
	return false
}

// WithFlags returns the configuration with --rule RULE-ID=LEVEL settings
// applied over it.
func (c *Config) WithFlags(flags []string, known Rules) (*Config, error) {
	out := &Config{Rules: map[string]Setting{}}
	if c != nil {
		*out = *c
		out.Rules = make(map[string]Setting, len(c.Rules))
		for id, s := range c.Rules {
			out.Rules[id] = s
		}
	}
	for _, f := range flags {
		name, value, ok := strings.Cut(f, "=")
		if !ok {
			return nil, &Error{Msg: fmt.Sprintf("--rule %q: write RULE-ID=LEVEL, such as unused-permission=off", f)}
		}
		level, ok := parseLevel(value)
		if !ok {
			return nil, &Error{Msg: fmt.Sprintf("--rule %s: unknown level %q%s; use off, info, warning or error", f, value, closest(value, levelNames[1:]))}
		}
		ids := known.Resolve(name)
		if len(ids) == 0 {
			return nil, &Error{Msg: fmt.Sprintf("--rule %s: no rule %q%s; crxlint --list-rules lists them", f, name, closest(name, known.IDs))}
		}
		for _, id := range ids {
			out.Rules[id] = Setting{Level: level, Source: "--rule"}
		}
	}
	return out, nil
}
