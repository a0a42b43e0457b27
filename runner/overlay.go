package runner

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/crxlint/crxlint/internal/confine"
)

// LintEdited lints the manifest name of the extension folder dir as an
// editor shows it: with src, the manifest's unsaved text (nil to read it
// from disk), and buffers, the unsaved text of the folder's other files
// the editor has open, by slash-separated path relative to dir. A buffer
// stands in for a file only where the file exists in the folder and
// crxlint would read it (a link leaving the folder stays refused), and
// only within the limit of one file. With dir "" or a dir that is not a
// folder, the manifest src is linted alone.
func (l *Linter) LintEdited(ctx context.Context, name string, src []byte, dir string, buffers map[string][]byte) Result {
	if info, err := os.Stat(dir); src != nil && (dir == "" || err != nil || !info.IsDir()) {
		return l.LintSource(name, src, nil)
	}
	fsys, err := confine.Open(ctx, dir, l.limits)
	if err != nil {
		return Result{Path: name, Err: unwrapPathError(err)}
	}
	defer fsys.Close()
	var folder files = fsys
	if len(buffers) > 0 {
		folder = overlay{files: fsys, buffers: buffers, limit: l.limits.File}
	}
	if src == nil {
		if src, err = readManifest(folder, filepath.Base(name), l.limits.File); err != nil {
			return Result{Path: name, Err: err}
		}
	}
	return l.lintIn(name, src, folder)
}

// overlay serves an editor's unsaved buffers over an extension's files.
type overlay struct {
	files
	buffers map[string][]byte
	limit   int64
}

// buffer returns the unsaved text that stands for the file name, if any,
// with the file's information.
func (o overlay) buffer(name string) ([]byte, fs.FileInfo, bool) {
	b, ok := o.buffers[name]
	if !ok || int64(len(b)) > o.limit {
		return nil, nil, false
	}
	info, err := o.files.Stat(name)
	if err != nil || !info.Mode().IsRegular() {
		return nil, nil, false
	}
	return b, info, true
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if b, _, ok := o.buffer(name); ok {
		return b, nil
	}
	return o.files.ReadFile(name)
}

func (o overlay) Stat(name string) (fs.FileInfo, error) {
	if b, info, ok := o.buffer(name); ok {
		return sized{info, int64(len(b))}, nil
	}
	return o.files.Stat(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(o.files, name) }

// sized is a file's information with the size of its unsaved text.
type sized struct {
	fs.FileInfo
	size int64
}

func (s sized) Size() int64 { return s.size }
