package runner

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/crxlint/crxlint/internal/archive"
)

// ArchiveSeparator joins an archive's path and a path inside it, as in
// "ext.zip!/manifest.json" (the form of Java's jar: URLs).
const ArchiveSeparator = "!/"

// IsArchive reports whether the path names a packed extension, by its
// extension: a .zip or a .crx. Whether it really is one is found when it is
// read.
func IsArchive(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".zip", ".crx":
		return true
	}
	return false
}

// isArchiveFile reports whether p names a packed extension that is not a
// folder: a folder called ext.zip is a folder.
func isArchiveFile(p string) bool {
	if !IsArchive(p) {
		return false
	}
	info, err := os.Stat(p)
	return err != nil || !info.IsDir()
}

// lintArchive lints the extension packed in the .zip or .crx p, in memory.
// Its files are read through an archive.FS, under the same limits as a
// folder's and archive.FS's own; an archive that breaks one, or cannot be
// read, is an error naming the archive.
func (l *Linter) lintArchive(ctx context.Context, p string) Result {
	name := filepath.ToSlash(p)
	a, err := archive.Open(ctx, p, l.limits)
	if err != nil {
		return Result{Path: name, Archive: name, Err: unwrapPathError(err)}
	}
	defer a.Close()
	r := Result{
		Path:               name + ArchiveSeparator + ManifestName,
		Archive:            name,
		UncheckedSignature: a.Format() != archive.Zip,
	}
	src, err := archivedManifest(a, l.limits.File)
	if errors.Is(err, errNoManifest) {
		r.Path = name
	}
	if err != nil {
		r.Err = err
		return r
	}
	return l.lintInAs(r, src, a)
}

// ReadArchivedManifest reads the manifest.json at the root of the .zip or
// .crx p, as linting it would, and returns its path as shown
// ("ext.zip!/manifest.json", or "ext.zip" when the archive has none).
func ReadArchivedManifest(ctx context.Context, p string, limits Limits) (string, []byte, error) {
	name := filepath.ToSlash(p)
	a, err := archive.Open(ctx, p, limits.OrDefault())
	if err != nil {
		return name, nil, unwrapPathError(err)
	}
	defer a.Close()
	src, err := archivedManifest(a, limits.OrDefault().File)
	if errors.Is(err, errNoManifest) {
		return name, nil, err
	}
	return name + ArchiveSeparator + ManifestName, src, err
}

// errNoManifest is wrapped by the error of an archive without a
// manifest.json at its root.
var errNoManifest = errors.New("no " + ManifestName + " at the archive's root")

// archivedManifest reads the manifest.json at the root of a.
func archivedManifest(a *archive.FS, limit int64) ([]byte, error) {
	if _, err := a.Stat(ManifestName); errors.Is(err, fs.ErrNotExist) {
		return nil, missingManifest(a)
	}
	return readManifest(a, ManifestName, limit)
}

// missingManifest explains an archive without a manifest.json at its root,
// naming the shallowest one it holds if any: zipping the extension's folder
// rather than its contents puts it one folder down.
func missingManifest(fsys fs.FS) error {
	found := ""
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil //nolint:nilerr // an unreadable folder holds no manifest we can name
		case found != "" && d.IsDir() && strings.Count(p, "/") >= strings.Count(found, "/"):
			return fs.SkipDir
		case !d.IsDir() && d.Name() == ManifestName && (found == "" || strings.Count(p, "/") < strings.Count(found, "/")):
			found = p
		}
		return nil
	})
	const chrome = `Chrome and the Chrome Web Store read only the manifest.json at the root (Chrome: "Manifest file is missing or unreadable")`
	if found == "" {
		return &noManifest{fmt.Sprintf("holds no %s; %s", ManifestName, chrome)}
	}
	return &noManifest{fmt.Sprintf("has no %s at its root, but one in %s/; %s: pack the contents of %s/, not the folder",
		ManifestName, path.Dir(found), chrome, path.Dir(found))}
}

// noManifest says where an archive's manifest.json is, if anywhere; it
// matches errNoManifest.
type noManifest struct{ msg string }

func (e *noManifest) Error() string { return e.msg }
func (e *noManifest) Unwrap() error { return errNoManifest }
