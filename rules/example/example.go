// Package example reads the examples of crxlint's rules, which are both
// their tests (package ruletest runs them) and the examples in their docs
// (package docgen renders them).
//
// Each example is a txtar archive in the rule's testdata folder. Its name
// says what it is: bad-*.txtar must produce at least one diagnostic and
// every one of them must be wanted; good-*.txtar must produce none. The
// archive's comment is the example's caption in the docs; the section
// manifest.json is the manifest, which marks the diagnostics it expects with
// // want "regexp" comments on their lines; manifest.json.fixed, if present,
// is what applying every diagnostic's first fix must produce; any other
// section is a file of the extension.
//
// A comment that starts with a line "platform: NAME" (linux, mac, win or
// chromeos) is an example of what Chrome does on that platform, linted as
// with --platform NAME; the others are linted as on Linux, the platform of
// the Chromium the conformance tests load them in.
package example

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// Example is one txtar example of a rule.
type Example struct {
	Name     string // the file name without .txtar
	Caption  string
	Bad      bool
	Manifest []byte
	Fixed    []byte // nil when the example has no .fixed section
	Files    fstest.MapFS
	// Platform is the platform the example is linted for: its
	// "platform:" line, else DefaultPlatform.
	Platform lint.Platform
}

// DefaultPlatform is the platform of an example with no "platform:" line.
const DefaultPlatform = lint.Linux

// platformLine starts the line that names an example's platform.
const platformLine = "platform:"

// ManifestName is the section that holds the manifest.
const ManifestName = "manifest.json"

// Load reads the examples of a rule from dir, sorted bad first, then by name.
func Load(dir string) ([]Example, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		return nil, err
	}
	var out []Example
	for _, p := range paths {
		ex, err := parse(p)
		if err != nil {
			return nil, err
		}
		out = append(out, ex)
	}
	slices.SortStableFunc(out, func(a, b Example) int {
		if a.Bad != b.Bad {
			if a.Bad {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out, nil
}

func parse(p string) (Example, error) {
	ar, err := txtar.ParseFile(p)
	if err != nil {
		return Example{}, err
	}
	name := strings.TrimSuffix(filepath.Base(p), ".txtar")
	ex := Example{
		Name:     name,
		Caption:  strings.TrimSpace(string(ar.Comment)),
		Files:    fstest.MapFS{},
		Platform: DefaultPlatform,
	}
	if first, rest, _ := strings.Cut(ex.Caption, "\n"); strings.HasPrefix(first, platformLine) {
		if ex.Platform, err = lint.ParsePlatform(strings.TrimSpace(strings.TrimPrefix(first, platformLine))); err != nil {
			return Example{}, fmt.Errorf("%s: %w", p, err)
		}
		ex.Caption = strings.TrimSpace(rest)
	}
	switch {
	case strings.HasPrefix(name, "bad-"):
		ex.Bad = true
	case strings.HasPrefix(name, "good-"):
	default:
		return Example{}, fmt.Errorf("%s: an example's name starts with bad- or good-", p)
	}
	for _, f := range ar.Files {
		switch f.Name {
		case ManifestName:
			ex.Manifest = f.Data
		case ManifestName + ".fixed":
			ex.Fixed = f.Data
			continue
		}
		ex.Files[path.Clean(f.Name)] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	if ex.Manifest == nil {
		return Example{}, fmt.Errorf("%s: no %s section", p, ManifestName)
	}
	return ex, nil
}

// Want is one expectation: a diagnostic on Line whose message matches Re.
type Want struct {
	Line int
	Re   *regexp.Regexp
}

var wantComment = regexp.MustCompile(`//\s*want\s+(.+)$`)

// Wants returns the expectations of a manifest's // want comments. When the
// manifest does not parse, its lines are read as text.
func Wants(doc *manifest.Document) ([]Want, error) {
	var out []Want
	add := func(line int, text string) error {
		m := wantComment.FindStringSubmatch(text)
		if m == nil {
			return nil
		}
		rest := strings.TrimSpace(m[1])
		for rest != "" {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return fmt.Errorf("line %d: want takes quoted regexps: %q", line, rest)
			}
			s, _ := strconv.Unquote(q)
			re, err := regexp.Compile(s)
			if err != nil {
				return fmt.Errorf("line %d: %w", line, err)
			}
			out = append(out, Want{Line: line, Re: re})
			rest = strings.TrimSpace(rest[len(q):])
		}
		return nil
	}
	if doc.Err() == nil {
		for _, c := range doc.Comments() {
			if err := add(doc.Position(c.Span.Start).Line, c.Text); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	for n := 1; n <= doc.LineCount(); n++ {
		if err := add(n, doc.Line(n)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// StripWants removes the // want comments from a manifest, for the docs.
func StripWants(src []byte) []byte {
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		if loc := wantComment.FindStringIndex(l); loc != nil {
			lines[i] = strings.TrimRight(l[:loc[0]], " \t")
		}
	}
	return []byte(strings.Join(lines, "\n"))
}
