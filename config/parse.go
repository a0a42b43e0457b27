package config

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/crxlint/crxlint/internal/suggest"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// Parse reads a configuration file's source. file names it in errors and
// settings' sources.
func Parse(file string, src []byte, known Rules) (*Config, error) {
	doc, err := manifest.Parse(src)
	if err != nil {
		se := doc.Err()
		pos := doc.Position(se.Span.Start)
		msg := strings.Replace(se.Message, "the manifest is", "the configuration is", 1)
		if se.Reason == "trailing comma" {
			msg = "a trailing comma, which crxlint's JSON reader does not allow in its configuration either (it reads it as Chrome reads manifest.json); remove it"
		}
		return nil, &Error{File: file, Line: pos.Line, Column: pos.Column, Msg: msg}
	}
	p := parser{file: file, doc: doc, known: known}
	cfg := &Config{File: file, Dir: filepath.Dir(file), Rules: map[string]Setting{}}
	root := doc.Root()
	if root.Kind() != manifest.Object {
		return nil, p.errorf(root, "the configuration is %s; it must be an object such as {\"rules\": {}}", root.Kind())
	}
	for m := range root.AllMembers() {
		switch m.Key {
		case "rules":
			if err := p.rules(cfg, m.Value); err != nil {
				return nil, err
			}
		case "ignore":
			if err := p.ignores(cfg, m.Value); err != nil {
				return nil, err
			}
		case "platform":
			if err := p.platform(cfg, m); err != nil {
				return nil, err
			}
		case "$schema":
		default:
			return nil, p.keyErrorf(m, "unknown key %q%s; the keys are \"rules\", \"ignore\" and \"platform\"", m.Key, closest(m.Key, []string{"rules", "ignore", "platform"}))
		}
	}
	return cfg, nil
}

type parser struct {
	file  string
	doc   *manifest.Document
	known Rules
}

func (p parser) rules(cfg *Config, n *manifest.Node) error {
	if n.Kind() != manifest.Object {
		return p.errorf(n, "\"rules\" must be an object of rule IDs and levels, such as {\"unused-permission\": \"off\"}")
	}
	for m := range n.AllMembers() {
		ids, err := p.ruleIDs(m.Key, func(format string, args ...any) error { return p.keyErrorf(m, format, args...) })
		if err != nil {
			return err
		}
		s, _ := m.Value.Str()
		level, ok := parseLevel(s)
		if !ok {
			return p.errorf(m.Value, "the level of %s must be \"off\", \"info\", \"warning\" or \"error\"%s", m.Key, closest(s, levelNames[1:]))
		}
		for _, id := range ids {
			cfg.Rules[id] = Setting{Level: level, Source: p.at(m.KeySpan.Start)}
		}
	}
	return nil
}

func (p parser) platform(cfg *Config, m manifest.Member) error {
	s, ok := m.Value.Str()
	if !ok {
		return p.errorf(m.Value, "\"platform\" must be a string: \"linux\", \"mac\", \"win\" or \"chromeos\"")
	}
	platform, err := lint.ParsePlatform(s)
	if err != nil {
		return p.errorf(m.Value, "%v", err)
	}
	cfg.Platform, cfg.PlatformSource = platform, p.at(m.KeySpan.Start)
	return nil
}

func (p parser) ignores(cfg *Config, n *manifest.Node) error {
	if n.Kind() != manifest.Array {
		return p.errorf(n, "\"ignore\" must be a list of {\"rule\", \"path\", \"pointer\", \"reason\"} entries")
	}
	for _, e := range n.Elems() {
		if e.Kind() != manifest.Object {
			return p.errorf(e, "an ignore entry must be an object such as {\"rule\": \"unused-permission\", \"reason\": \"why\"}")
		}
		ig := Ignore{Source: p.at(e.Span().Start)}
		for m := range e.AllMembers() {
			s, ok := m.Value.Str()
			if !ok {
				return p.errorf(m.Value, "%q must be a string", m.Key)
			}
			switch m.Key {
			case "rule":
				ids, err := p.ruleIDs(s, func(format string, args ...any) error { return p.errorf(m.Value, format, args...) })
				if err != nil {
					return err
				}
				ig.Rules = ids
			case "path":
				if err := checkGlob(s); err != nil {
					return p.errorf(m.Value, "path %q: %v", s, err)
				}
				ig.Path = s
			case "pointer":
				if _, err := manifest.SplitPointer(s); err != nil {
					return p.errorf(m.Value, "pointer %q is not a JSON pointer such as \"/permissions/0\": %v", s, err)
				}
				ig.Pointer = s
			case "reason":
				ig.Reason = s
			default:
				return p.keyErrorf(m, "unknown key %q%s; an ignore entry has \"rule\", \"path\", \"pointer\" and \"reason\"", m.Key, closest(m.Key, []string{"rule", "path", "pointer", "reason"}))
			}
		}
		switch {
		case ig.Rules == nil:
			return p.errorf(e, "the ignore entry names no \"rule\"")
		case ig.Reason == "":
			return p.errorf(e, "the ignore entry gives no \"reason\"; say why the finding does not apply, so that the next reader knows")
		}
		cfg.Ignores = append(cfg.Ignores, ig)
	}
	return nil
}

// ruleIDs resolves a rule ID or former ID, or returns an error that names
// the closest ID.
func (p parser) ruleIDs(name string, errorf func(string, ...any) error) ([]string, error) {
	if ids := p.known.Resolve(name); len(ids) > 0 {
		return ids, nil
	}
	return nil, errorf("no rule %q%s; crxlint --list-rules lists them", name, closest(name, p.known.IDs))
}

func (p parser) at(offset int) string {
	pos := p.doc.Position(offset)
	return fmt.Sprintf("%s:%d:%d", p.file, pos.Line, pos.Column)
}

func (p parser) errorf(n *manifest.Node, format string, args ...any) error {
	pos := p.doc.Position(n.Span().Start)
	return &Error{File: p.file, Line: pos.Line, Column: pos.Column, Msg: fmt.Sprintf(format, args...)}
}

func (p parser) keyErrorf(m manifest.Member, format string, args ...any) error {
	pos := p.doc.Position(m.KeySpan.Start)
	return &Error{File: p.file, Line: pos.Line, Column: pos.Column, Msg: fmt.Sprintf(format, args...)}
}

// closest returns " (did you mean "x"?)" for the closest name, or "".
func closest(s string, names []string) string { return suggest.DidYouMean(s, names) }
