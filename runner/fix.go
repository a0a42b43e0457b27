package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/crxlint/crxlint/lint"
)

// maxFixRounds bounds the lint-and-fix loop. Fixing one syntax error can
// reveal the next, since parsing stops at the first.
const maxFixRounds = 20

// Fix lints the manifest of path and applies the first fix of every
// diagnostic that has one, rewriting the file atomically, until no fix is
// left. It returns the final result and how many fixes it applied.
func (l *Linter) Fix(path string) (Result, int, error) {
	fixed := 0
	for range maxFixRounds {
		r := l.lintPath(path)
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
		if err := writeAtomic(filepath.FromSlash(r.Path), src); err != nil {
			return r, fixed, err
		}
		fixed += len(edits)
	}
	return l.lintPath(path), fixed, nil
}

// firstFixes returns the edits of each diagnostic's first fix, leaving out
// fixes that overlap one already taken; the next round picks them up.
func firstFixes(diags []lint.Diagnostic) [][]lint.Edit {
	var taken [][]lint.Edit
	var used []lint.Edit
	for _, d := range diags {
		if len(d.Fixes) == 0 {
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

// writeAtomic replaces name with data through a temporary file in the same
// folder, keeping the file's permissions, so that a crash never leaves a
// half-written manifest.
func writeAtomic(name string, data []byte) (err error) {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".crxlint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
