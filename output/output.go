// Package output writes lint results in each of crxlint's formats, in the
// order of their paths, so that output is deterministic: Format sorts a
// batch, and a Stream takes the results one at a time, already in that
// order, and writes the same bytes, keeping none of them.
package output

import (
	"fmt"
	"io"
	"path"
	"slices"
	"sort"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/runner"
)

// Formatter writes results.
type Formatter interface {
	Format(w io.Writer, results []runner.Result) error
}

// Options are what every formatter may use.
type Options struct {
	// Color enables ANSI colour in formats that have it.
	Color bool
	// Rules describes the rules whose findings may appear, for the
	// formats that name or document them; findings of a rule missing
	// here are still written.
	Rules []*lint.Rule
	// HelpURI returns the address of a rule's documentation, or "".
	HelpURI func(ruleID string) string
}

var formats = map[string]func(Options) Formatter{
	"text":   func(o Options) Formatter { return newText(o) },
	"json":   func(Options) Formatter { return jsonFormatter{} },
	"github": func(o Options) Formatter { return github{opts: o} },
	"sarif":  func(o Options) Formatter { return sarif{opts: o} },
}

// Names lists the formats, sorted.
func Names() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// New returns the formatter called name.
func New(name string, opts Options) (Formatter, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q: want one of %v", name, Names())
	}
	return f(opts), nil
}

// sorted returns the results ordered by path, stable for equal paths.
func sorted(results []runner.Result) []runner.Result {
	out := slices.Clone(results)
	slices.SortStableFunc(out, func(a, b runner.Result) int {
		switch {
		case a.Path < b.Path:
			return -1
		case a.Path > b.Path:
			return 1
		}
		return 0
	})
	return out
}

// rule returns the rule called id from o.Rules, or nil.
func (o Options) rule(id string) *lint.Rule {
	for _, r := range o.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// helpURI returns the address of a rule's documentation, or "".
func (o Options) helpURI(id string) string {
	if o.HelpURI == nil {
		return ""
	}
	return o.HelpURI(id)
}

// relatedPath is the path of a related place's file, for output: the
// file's path in the extension joined to the folder of the manifest named
// manifestPath.
func relatedPath(manifestPath, file string) string {
	return path.Join(path.Dir(manifestPath), file)
}
