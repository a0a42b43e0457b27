package runner

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/crxlint/crxlint/internal/confine"
	"github.com/crxlint/crxlint/lint"
)

// ErrFixArchive is Fix's answer for an archive: crxlint rewrites manifest
// files, and never an archive.
var ErrFixArchive = errors.New("--fix rewrites manifest files and never an archive; unpack it, fix the folder and pack it again")

// maxFixRounds bounds the lint-and-fix loop. Fixing one syntax error can
// reveal the next, since parsing stops at the first.
const maxFixRounds = 20

// Fix lints the manifest of path and applies the fix of every diagnostic
// that has exactly one, round after round until no fix is left (a fix can
// reveal the next problem, since parsing stops at the first error), then
// rewrites the file once, atomically. It returns the result for the fixed
// manifest and how many fixes it applied. Once ctx is done it writes
// nothing.
func (l *Linter) Fix(ctx context.Context, path string) (Result, int, error) {
	f, err := l.Preview(ctx, path)
	if err != nil || f.Applied == 0 {
		return f.Result, 0, err
	}
	if err := replaceFile(f.File, f.Before, f.After); err != nil {
		return f.Result, 0, err
	}
	return f.Result, f.Applied, nil
}

// Fixed is what Fix would do to one manifest.
type Fixed struct {
	// Result is the lint of the manifest with the fixes applied.
	Result
	// File is the manifest's file, as the operating system names it.
	File string
	// Before and After are its content as read and with the fixes
	// applied; equal when Applied is 0.
	Before, After []byte
	// Applied counts the fixes.
	Applied int
}

// Preview does what Fix does but writes nothing: it returns the manifest
// before and after the fixes, for --fix --diff and for editors.
func (l *Linter) Preview(ctx context.Context, path string) (Fixed, error) {
	if isArchiveFile(path) {
		return Fixed{Result: l.lintPath(ctx, path)}, ErrFixArchive
	}
	file, dir, err := locate(path)
	if err != nil {
		return Fixed{Result: Result{Path: filepath.ToSlash(path), Err: err}}, nil
	}
	f := Fixed{Result: Result{Path: filepath.ToSlash(file)}, File: file}
	fsys, err := confine.Open(ctx, dir, l.limits)
	if err != nil {
		f.Err = unwrapPathError(err)
		return f, ctx.Err()
	}
	defer fsys.Close()
	if f.Before, f.Err = readManifest(fsys, filepath.Base(file), l.limits.File); f.Err != nil {
		return f, ctx.Err()
	}
	f.After = f.Before
	for range maxFixRounds {
		f.Result = l.lintIn(f.Path, f.After, fsys)
		if err := ctx.Err(); err != nil {
			return f, err // an interrupted lint is no basis for an edit
		}
		if f.Err != nil || f.Doc == nil {
			return f, nil
		}
		edits := firstFixes(f.Diagnostics)
		if len(edits) == 0 {
			return f, nil
		}
		src, err := lint.ApplyEdits(f.After, flatten(edits))
		if err != nil {
			return f, fmt.Errorf("%s: %w", f.Path, err)
		}
		f.After = src
		f.Applied += len(edits)
	}
	f.Result = l.lintIn(f.Path, f.After, fsys)
	return f, ctx.Err()
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
