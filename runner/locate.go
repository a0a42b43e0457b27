package runner

import (
	"os"
	"path/filepath"
)

// Manifests maps the paths a user names to the manifests to lint, so that
// a hook that names every changed file lints each extension once.
//
// A folder stands for its manifest.json, a file named manifest.json for
// itself, and a .zip or .crx for the extension packed in it: an archive is
// never read as a manifest, nor taken for a file of the folder it lies in.
// Any other file (a background.js, an icon, a messages.json) stands for the
// manifest.json of the nearest folder above it that has one: the search
// stops at the repository root (a folder holding .git) or the filesystem
// root. The manifests come back in the order first named, each
// once, in the form the user named it. A file in no extension folder is
// returned in strays instead; the caller decides whether it is a manifest
// under another name or not crxlint's business.
//
// Paths that cannot be read are passed through unchanged, so that linting
// them reports why.
func Manifests(paths []string) (manifests, strays []string) {
	seen := make(map[string]bool)
	wd, wdErr := os.Getwd() // once, not for each of thousands of paths
	add := func(p string) {
		key := filepath.Clean(p)
		if !filepath.IsAbs(p) && wdErr == nil {
			key = filepath.Join(wd, p)
		}
		if !seen[key] {
			seen[key] = true
			manifests = append(manifests, p)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case err != nil:
			add(p)
		case info.IsDir():
			add(filepath.Join(p, ManifestName))
		case filepath.Base(p) == ManifestName, IsArchive(p):
			add(p)
		default:
			if m, ok := enclosingManifest(p); ok {
				add(m)
			} else {
				strays = append(strays, p)
			}
		}
	}
	return manifests, strays
}

// enclosingManifest finds the manifest.json of the nearest folder above
// file, named relative to the working directory when file is relative.
func enclosingManifest(file string) (string, bool) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", false
	}
	for dir := filepath.Dir(abs); ; {
		m := filepath.Join(dir, ManifestName)
		if info, err := os.Stat(m); err == nil && info.Mode().IsRegular() {
			return relativeLike(file, m), true
		}
		parent := filepath.Dir(dir)
		if isRepoRoot(dir) || parent == dir {
			return "", false
		}
		dir = parent
	}
}

// isRepoRoot reports whether dir is the top of a git work tree (.git is a
// folder in a clone and a file in a worktree or submodule).
func isRepoRoot(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

// relativeLike returns abs relative to the working directory when like is
// a relative path, so that reports name files as the user did.
func relativeLike(like, abs string) string {
	if filepath.IsAbs(like) {
		return abs
	}
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil {
		return abs
	}
	return rel
}
