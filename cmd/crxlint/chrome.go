package main

import (
	"context"
	"fmt"
	"io"
	"path"
	"path/filepath"

	"github.com/crxlint/crxlint/chrome"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/runner"
)

// chromeRuleID names the findings that come from a real Chrome (--chrome).
const chromeRuleID = "chrome"

const chromeDoc = `With --chrome, crxlint loads each extension folder in a local Chrome or Chromium (the
one $CRXLINT_CHROME names, else the first it finds) and reports what that browser says:
its load error as an error, each install warning as a warning. This is Chrome's own
verdict, so a CI job can smoke-test an extension in a real browser before shipping it.
crxlint's other findings say what Chrome will do without starting it.

This runs the extension's code in a real browser: its service worker starts. Use --chrome
only on code you would run yourself. Chromium keeps its sandbox, except as root (Chromium
refuses it to root) or where the system allows no user namespaces; crxlint then says so.
Chrome is given a copy of the folder holding only the files crxlint reads, under the same
limits: no link leaving the folder, no FIFO or device, no file past --max-file-size.`

// chromeRule describes the findings of --chrome for the reports that list
// rules; it never runs as a rule.
var chromeRule = &lint.Rule{
	ID:       chromeRuleID,
	Title:    "What a real Chrome says (--chrome)",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc:      chromeDoc,
}

// addChromeVerdicts loads every linted extension folder in one browser and
// adds the browser's error and warnings to the results. An archive, or a
// manifest that is not an extension folder's, is not loaded, and stderr
// says so; with nothing to load, no browser starts.
func addChromeVerdicts(ctx context.Context, results []runner.Result, limits runner.Limits, stderr io.Writer, getenv func(string) string) error {
	var load []*runner.Result
	for i := range results {
		r := &results[i]
		switch {
		case r.Archive != "":
			fmt.Fprintf(stderr, "crxlint: --chrome: %s is an archive; not loaded in Chrome (unpack it and name the folder to load it)\n", r.Archive)
		case r.Err != nil || r.Doc == nil:
		case r.Path == "<stdin>" || path.Base(r.Path) != runner.ManifestName:
			fmt.Fprintf(stderr, "crxlint: --chrome: %s is not the manifest.json of an extension folder; not loaded in Chrome\n", r.Path)
		default:
			load = append(load, r)
		}
	}
	if len(load) == 0 {
		return nil
	}
	bin, err := chrome.Find(getenv)
	if err != nil {
		return fmt.Errorf("--chrome: %w; install Chrome or Chromium, or set %s to its path", err, chrome.EnvPath)
	}
	b, err := chrome.Launch(ctx, chrome.Options{Path: bin, Limits: limits})
	if err != nil {
		return fmt.Errorf("--chrome: %w", err)
	}
	defer func() { _ = b.Close() }()
	if why := b.Unsandboxed(); why != "" {
		fmt.Fprintf(stderr, "crxlint: --chrome: Chromium runs without its sandbox, so the extension's code runs with your rights: %s\n", why)
	}
	for _, r := range load {
		v, err := b.Load(ctx, filepath.Dir(filepath.FromSlash(r.Path)))
		if err != nil {
			// The lint findings stand; the report says the verdict is missing.
			r.Err = fmt.Errorf("--chrome: %w", err)
			continue
		}
		for _, s := range v.Skipped {
			fmt.Fprintf(stderr, "crxlint: --chrome: %s: not given to Chrome: %s\n", r.Path, s)
		}
		r.Diagnostics = lint.Sort(append(r.Diagnostics, chromeDiagnostics(r.Doc, b.Version(), v)...))
	}
	return nil
}

// chromeDiagnostics turns Chrome's verdict into findings on the manifest's
// opening brace: they concern the extension as a whole.
func chromeDiagnostics(doc *manifest.Document, version string, v chrome.Verdict) []lint.Diagnostic {
	at := manifest.Range{Start: doc.Position(0), End: doc.Position(0)}
	if root := doc.Root(); root != nil {
		s := root.Span()
		at = doc.Range(manifest.Span{Start: s.Start, End: s.Start + 1})
	}
	var out []lint.Diagnostic
	if !v.Loaded {
		out = append(out, lint.Diagnostic{
			Rule: chromeRuleID, Severity: lint.Error, Chrome: lint.Rejects, Range: at,
			Message:       fmt.Sprintf("Chromium %s refused to load the extension", version),
			ChromeMessage: v.Error,
		})
	}
	for _, w := range v.Warnings {
		out = append(out, lint.Diagnostic{
			Rule: chromeRuleID, Severity: lint.Warning, Chrome: lint.Warns, Range: at,
			Message:       fmt.Sprintf("Chromium %s loaded the extension with a warning", version),
			ChromeMessage: w,
		})
	}
	return out
}
