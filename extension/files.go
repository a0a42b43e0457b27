package extension

import (
	"io/fs"
	"path"
	"slices"
	"strings"
)

// MaxWalk is how many files and folders ListFiles visits at most, for a
// manifest at the root of a large repository. Past it the list is
// incomplete, and checks that need every file say nothing.
const MaxWalk = 50000

// Files is the list of an extension's files, walked once for every check
// that needs it. It leaves out what Chrome's packer leaves out of a
// package, files and folders whose names start with ".", and node_modules
// folders, whose code a build bundles into the extension's own files.
type Files struct {
	paths    []string // slash-separated, sorted
	complete bool
	lower    map[string]string // lower-cased path to the path, for case variants
}

// ListFiles walks fsys once. Unreadable folders are left out, and make the
// list incomplete.
func ListFiles(fsys fs.FS) *Files {
	f := &Files{complete: true, lower: map[string]string{}}
	if fsys == nil {
		return f
	}
	visited := 0
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			f.complete = false
			return nil //nolint:nilerr // an unreadable folder is left out
		}
		if visited++; visited > MaxWalk {
			f.complete = false
			return fs.SkipAll
		}
		if p == "." {
			return nil
		}
		if skipped(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			f.lower[strings.ToLower(p)] = p
			return nil
		}
		f.paths = append(f.paths, p)
		f.lower[strings.ToLower(p)] = p
		return nil
	})
	slices.Sort(f.paths)
	return f
}

// LeftOut reports whether the list leaves out the file or folder at the
// slash-separated path p: whether any of its parts is left out.
func LeftOut(p string) bool {
	return slices.ContainsFunc(strings.Split(p, "/"), skipped)
}

// skipped reports whether the walk leaves out a file or folder of this
// name.
func skipped(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules"
}

// All returns every file, sorted. The caller must not change the slice.
func (f *Files) All() []string { return f.paths }

// Complete reports whether the list holds every file the walk may list.
func (f *Files) Complete() bool { return f.complete }

// WithExt returns the files whose extension, in any letter case, is one
// of exts (each with its dot, as ".js").
func (f *Files) WithExt(exts ...string) []string {
	var out []string
	for _, p := range f.paths {
		if slices.Contains(exts, strings.ToLower(path.Ext(p))) {
			out = append(out, p)
		}
	}
	return out
}

// CaseVariant returns the listed file or folder whose path differs from
// name only in letter case, or "" when there is none or name itself is
// listed.
func (f *Files) CaseVariant(name string) string {
	if other, ok := f.lower[strings.ToLower(name)]; ok && other != name {
		return other
	}
	return ""
}
