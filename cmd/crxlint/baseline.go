package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/permwarn"
	"github.com/crxlint/crxlint/runner"
)

// escalationRule describes the findings of --baseline.
var escalationRule = &lint.Rule{
	ID:       "permission-escalation",
	Title:    "An update adds a permission warning, and Chrome disables the extension until the user accepts it",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Accepts,
	Doc: `With --baseline OLD, crxlint compares each extension's install prompt with the one of OLD, the
version users have now (a manifest.json, an extension folder, or git:REV for the same path at a git
revision), and reports each warning the new version adds, naming the values that bring it. Chrome
disables an updated extension until the user accepts new warnings, and many users never do.

A change that adds permissions but no new warning is no escalation: a permission whose warning the
prompt already shows, one that another permission's warning covers (tabs under history), a host the
old version already reaches. The warnings are Chrome's, as crxlint permissions prints them.`,
	Run: func(*lint.Pass) error { return nil },
}

// baselineOf reads the manifest the extension at path had in the baseline:
// the --baseline file or folder itself, or with git:REV the same manifest
// at that revision.
func baselineOf(ctx context.Context, baseline, path string) (string, []byte, error) {
	rev, ok := strings.CutPrefix(baseline, "git:")
	if !ok {
		return readManifestAt(ctx, baseline)
	}
	dir, name := filepath.Dir(path), filepath.Base(path)
	if isDir(path) {
		dir, name = path, runner.ManifestName
	}
	if rev == "" || strings.HasPrefix(rev, "-") {
		return baseline, nil, fmt.Errorf("%q names no git revision; write git:REV, such as git:HEAD or git:origin/main", baseline)
	}
	spec := rev + ":./" + name
	// No shell runs, and --end-of-options keeps the revision from being read as an option.
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "show", "--end-of-options", spec) //nolint:gosec // the arguments go to git alone, as arguments

	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return spec, nil, fmt.Errorf("git show %s in %s: %s", spec, dir, strings.TrimSpace(stderr.String()))
	}
	src, err := runner.ReadLimited(&stdout)
	return spec, src, err
}

// addEscalations adds to the result of the extension at path the
// permission warnings it has beyond its baseline's.
func addEscalations(ctx context.Context, r *runner.Result, path, baseline string) error {
	if r.Doc == nil || r.Doc.Root() == nil {
		return nil
	}
	name, src, err := baselineOf(ctx, baseline, path)
	if err != nil {
		return fmt.Errorf("--baseline: %w", err)
	}
	old, err := manifest.Parse(src)
	if err != nil {
		return fmt.Errorf("--baseline: %s does not parse: %w", name, err)
	}
	for _, e := range permwarn.Escalations(old.Root(), r.Doc.Root()) {
		span := causeSpan(r.Doc, e.Causes)
		r.Diagnostics = append(r.Diagnostics, lint.Diagnostic{
			Rule: escalationRule.ID, Severity: escalationRule.Severity, Chrome: escalationRule.Chrome,
			Message: fmt.Sprintf("the update adds the warning %q, which %s did not show%s; users must accept it before Chrome enables the extension again, so drop what brings it or make it optional",
				e.Warning, name, causes(e.Causes)),
			Pointer: span.pointer,
			Range:   r.Doc.Range(span.span),
		})
	}
	r.Diagnostics = lint.Sort(r.Diagnostics)
	return nil
}

func causes(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return fmt.Sprintf(" (brought by %s)", strings.Join(quoteAll(values), ", "))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

type located struct {
	pointer string
	span    manifest.Span
}

// causeSpan finds the first cause among the manifest's permission lists
// and content script matches, or falls back on the opening brace.
func causeSpan(doc *manifest.Document, values []string) located {
	root := doc.Root()
	lists := []*manifest.Node{root.Get("permissions"), root.Get("host_permissions")}
	for _, cs := range root.Get("content_scripts").Elems() {
		lists = append(lists, cs.Get("matches"))
	}
	for _, v := range values {
		for _, list := range lists {
			for _, n := range list.Elems() {
				if s, ok := n.Str(); ok && s == v {
					return located{n.Pointer(), n.Span()}
				}
			}
		}
	}
	s := root.Span()
	return located{"", manifest.Span{Start: s.Start, End: s.Start + 1}}
}
