package runner

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/crxlint/crxlint/lint"
)

// ErrFixArchive is Fix's answer for an archive: crxlint rewrites manifest
// files, and never an archive.
var ErrFixArchive = errors.New("--fix rewrites manifest files and never an archive; unpack it, fix the folder and pack it again")

// maxFixRounds bounds the lint-and-fix loop. Fixing one syntax error can
// reveal the next, since parsing stops at the first.
const maxFixRounds = 20

// Fix lints the manifest of path and applies the first fix of every
// diagnostic that has one, rewriting the file atomically, until no fix is
// left. It returns the final result and how many fixes it applied. Once
// ctx is done it writes nothing more.
func (l *Linter) Fix(ctx context.Context, path string) (Result, int, error) {
	if isArchiveFile(path) {
		return l.lintPath(ctx, path), 0, ErrFixArchive
	}
	fixed := 0
	for range maxFixRounds {
		r := l.lintPath(ctx, path)
		if err := ctx.Err(); err != nil {
			return r, fixed, err // an interrupted lint is no basis for an edit
		}
		if r.Err != nil || r.Doc == nil {
			return r, fixed, nil
		}
		edits := firstFixes(r.Diagnostics)
		if len(edits) == 0 {
			return r, fixed, nil
		}
		src, err := lint.ApplyEdits(r.Doc.Source(), flatten(edits))
		if err != nil {
			return r, fixed, fmt.Errorf("%s: %w", r.Path, err)
		}
		if err := replaceFile(filepath.FromSlash(r.Path), r.Doc.Source(), src); err != nil {
			return r, fixed, err
		}
		fixed += len(edits)
	}
	return l.lintPath(ctx, path), fixed, nil
}

// firstFixes returns the edits of each diagnostic's fix, leaving out fixes
// that overlap one already taken, which the next round picks up. A
// diagnostic that offers two or more fixes is left alone: which one is
// right is the author's call.
func firstFixes(diags []lint.Diagnostic) [][]lint.Edit {
	var taken [][]lint.Edit
	var used []lint.Edit
	for _, d := range diags {
		if len(d.Fixes) != 1 {
			continue
		}
		edits := d.Fixes[0].Edits
		if slices.ContainsFunc(edits, func(e lint.Edit) bool { return overlapsAny(e, used) }) {
			continue
		}
		taken = append(taken, edits)
		used = append(used, edits...)
	}
	return taken
}

func overlapsAny(e lint.Edit, others []lint.Edit) bool {
	for _, o := range others {
		if e.Start < o.End && o.Start < e.End || e.Start == o.Start {
			return true
		}
	}
	return false
}

func flatten(groups [][]lint.Edit) []lint.Edit {
	var out []lint.Edit
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}
