// Package runner lints manifests on disk: it finds each input's manifest,
// reads it safely, runs the rules, applies the configuration and returns
// results in a stable order. Only runner and cmd touch the file system.
package runner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// MaxManifestSize is the largest manifest crxlint reads from standard
// input (see ReadLimited). Real manifests are a few kilobytes; the limit
// keeps memory bounded on a wrong path. A manifest on disk is bounded by
// Limits.File, of the same size by default.
const MaxManifestSize = 16 << 20

// ManifestName is the file Chrome reads in an extension's folder.
const ManifestName = "manifest.json"

// Result is the outcome for one input.
type Result struct {
	// Path names the manifest as the user gave it, slash-separated. In an
	// archive it is the archive's path, "!/" and the manifest's path in
	// it: "dist/ext.zip!/manifest.json".
	Path string
	// Archive is the .zip or .crx the manifest was read from, as the user
	// named it, slash-separated; "" for a folder or standard input.
	Archive string
	// UncheckedSignature is set for a .crx: crxlint skipped its header
	// and did not check its signature.
	UncheckedSignature bool
	// Doc is the parsed manifest; nil when it could not be read.
	Doc         *manifest.Document
	Diagnostics []lint.Diagnostic
	// Err is set when the manifest could not be read or a rule broke.
	Err error
}

// Linter runs rules over manifests. Its zero value is not usable; build one
// with New. A Linter is safe for concurrent use.
type Linter struct {
	rules  []*lint.Rule
	config func(dir string) *config.Config
	limits Limits
}

// Options configures a Linter.
type Options struct {
	// Rules to run; the caller passes rules.All() or its own selection.
	Rules []*lint.Rule
	// Config returns the configuration in force for the extension folder
	// dir, or nil for none. It must be safe for concurrent use.
	Config func(dir string) *config.Config
	// Limits bound what is read of each extension.
	Limits Limits
}

// New returns a Linter.
func New(opts Options) *Linter {
	return &Linter{rules: opts.Rules, config: opts.Config, limits: opts.Limits.OrDefault()}
}

func (l *Linter) lintPath(ctx context.Context, p string) Result {
	if isArchiveFile(p) {
		return l.lintArchive(ctx, p)
	}
	file, dir, err := locate(p)
	if err != nil {
		return Result{Path: filepath.ToSlash(p), Err: err}
	}
	return l.lintFile(ctx, filepath.ToSlash(file), dir, filepath.Base(file))
}

// LintSource lints a manifest held in memory, such as one read from
// standard input or an editor's unsaved buffer. files is the extension's
// folder, or nil when there is none.
func (l *Linter) LintSource(name string, src []byte, files fs.FS) Result {
	return l.lintSource(Result{Path: name}, src, files)
}

// lintSource lints src as the manifest r names.
func (l *Linter) lintSource(r Result, src []byte, files fs.FS) Result {
	cfg := l.configFor(r)
	doc, diags, err := lint.CheckWith(activeRules(cfg, l.rules), src, files, lint.Options{Platform: cfg.PlatformOf()})
	r.Doc, r.Diagnostics, r.Err = doc, applyConfig(cfg, r.Path, diags), err
	return r
}

// locate returns the manifest file of a path and the extension folder it
// belongs to.
func locate(p string) (file, dir string, err error) {
	info, err := os.Stat(p)
	if err != nil {
		return "", "", unwrapPathError(err)
	}
	if !info.IsDir() {
		return p, filepath.Dir(p), nil
	}
	file = filepath.Join(p, ManifestName)
	if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
		return "", "", fmt.Errorf("no %s in this folder, so Chrome cannot load it as an extension (Chrome: \"Manifest file is missing or unreadable\")", ManifestName)
	}
	return file, p, nil
}

var errTooLarge = fmt.Errorf("is larger than %d MiB, more than crxlint reads; is it really a manifest?", MaxManifestSize>>20)

// ReadLimited reads at most MaxManifestSize bytes from r, and fails if there
// is more.
func ReadLimited(r io.Reader) ([]byte, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxManifestSize+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if len(src) > MaxManifestSize {
		return nil, errTooLarge
	}
	return src, nil
}

// unwrapPathError drops the *fs.PathError wrapper, whose text repeats the
// path the caller already names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
