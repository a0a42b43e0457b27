package runner

import (
	"io/fs"
	"path/filepath"
	"strings"
)

// MaxFindVisits bounds the files and folders FindExtensions visits.
const MaxFindVisits = 1_000_000

// FindExtensions returns the manifest.json of every extension under root,
// in the walk's lexical order: each folder that holds a regular
// manifest.json. Like the file
// list of one extension, it leaves out node_modules and folders whose names
// start with ".", and it never follows a link. complete is false when it
// stopped at MaxFindVisits or could not read a folder.
func FindExtensions(root string) (manifests []string, complete bool) {
	complete = true
	visits := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			complete = false
			return nil //nolint:nilerr // an unreadable folder is left out, and the result says so
		}
		if visits++; visits > MaxFindVisits {
			complete = false
			return fs.SkipAll
		}
		name := d.Name()
		if d.IsDir() && p != root && (name == "node_modules" || strings.HasPrefix(name, ".")) {
			return fs.SkipDir
		}
		if name == ManifestName && d.Type().IsRegular() {
			manifests = append(manifests, p)
		}
		return nil
	})
	return manifests, complete
}
