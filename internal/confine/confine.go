// Package confine reads an extension's folder as untrusted input, which it
// is when crxlint runs in CI on a stranger's pull request.
//
// An [FS] is an [fs.FS] over one folder that
//
//   - never leaves the folder: a symbolic link is followed only while every
//     component it resolves to, ".." and absolute targets included, stays
//     inside (this is [os.Root]'s guarantee); loops are detected;
//   - opens regular files only, checked on the open file, and opens them
//     without blocking, so a FIFO, socket or device is refused, never waited
//     on;
//   - reads at most [Limits].File bytes of a file, checked against the size
//     before any byte is read, and at most [Limits].Total bytes in all,
//     where a file reached by several paths (links) counts once;
//   - lists each folder once, and answers for a name missing from a folder
//     it has listed without asking the system again;
//   - stops reading once its context is done.
//
// What it refuses it records, once a path, for the caller to report: see
// [FS.Refusals].
package confine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// Limits bound what an FS reads.
type Limits struct {
	// File is the most bytes read of one file; a larger file is refused.
	File int64
	// Total is the most bytes read of all files together; files past it
	// are refused.
	Total int64
}

// The default limits. The manifest, a script or a locale file of a real
// extension is a few hundred kilobytes at most; a whole extension a few
// tens of megabytes.
const (
	DefaultFileLimit  = 16 << 20
	DefaultTotalLimit = 256 << 20
)

// DefaultLimits are the limits crxlint reads under unless told otherwise.
var DefaultLimits = Limits{File: DefaultFileLimit, Total: DefaultTotalLimit}

// OrDefault returns the limits with each zero or negative field replaced
// by its default.
func (l Limits) OrDefault() Limits {
	if l.File <= 0 {
		l.File = DefaultFileLimit
	}
	if l.Total <= 0 {
		l.Total = DefaultTotalLimit
	}
	return l
}

// Errors an FS returns, inside an *fs.PathError, for what it refuses.
var (
	ErrLinkOutside = errors.New("is a symbolic link to a place outside the extension's folder")
	ErrLinkLoop    = errors.New("is a symbolic link that loops")
	ErrNotRegular  = errors.New("is not a regular file")
	ErrTooLarge    = errors.New("is larger than the limit on one file")
	ErrOverTotal   = errors.New("would take the bytes read past the limit for the whole extension")
)

// FS is a confined, bounded view of a folder. It is safe for concurrent
// use. Close it when done.
type FS struct {
	root    *os.Root
	ctx     context.Context
	limits  Limits
	escapes error // the error os.Root gives for a path that leaves it

	mu      sync.Mutex
	charged map[any]bool // files whose size counts towards used: by FileID, else by name
	used    int64
	refused map[string]Refusal
	dirs    map[string][]fs.DirEntry // the folders listed, by name
}

// FileID identifies a file however many paths lead to it.
type FileID struct{ Dev, Ino uint64 }

// Open returns an FS over the folder dir. Reads fail with ctx's error once
// ctx is done.
func Open(ctx context.Context, dir string, limits Limits) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	// os.Root does not export the error for a path that escapes it; a path
	// of ".." produces it without touching the file system.
	_, probe := root.Lstat("..")
	var pe *fs.PathError
	if !errors.As(probe, &pe) {
		_ = root.Close()
		return nil, fmt.Errorf("confine: unexpected answer to a path leaving %s: %w", dir, probe)
	}
	return &FS{
		root:    root,
		ctx:     ctx,
		limits:  limits,
		escapes: pe.Err,
		charged: map[any]bool{},
		refused: map[string]Refusal{},
		dirs:    map[string][]fs.DirEntry{},
	}, nil
}

// Close releases the folder.
func (f *FS) Close() error { return f.root.Close() }

// Context returns the context given to Open, which ends the reads, for
// work on the files that should stop with them (see extension.Load).
func (f *FS) Context() context.Context { return f.ctx }

// Open opens a regular file or a folder.
func (f *FS) Open(name string) (fs.File, error) {
	// Stat first, so that a FIFO or a device is never opened at all.
	if _, err := f.Stat(name); err != nil {
		return nil, err
	}
	file, err := f.root.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, f.refuse("open", name, err)
	}
	// The file may have changed since Stat: judge the open file.
	info, err := file.Stat()
	if err != nil {
		_ = file.Close()
		return nil, f.refuse("open", name, err)
	}
	if info.IsDir() {
		return file, nil
	}
	if err := f.admit(name, info); err != nil {
		_ = file.Close()
		return nil, err
	}
	return &regular{file: file, fsys: f, name: name, left: info.Size()}, nil
}

// Stat describes a regular file or a folder, following links that stay
// inside the folder.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if err := f.ctx.Err(); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if f.listedMissing(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	info, err := f.root.Stat(name)
	if err != nil {
		return nil, f.refuse("stat", name, err)
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, f.record("stat", name, Refusal{Path: name, Reason: NotRegular, Mode: info.Mode()})
	}
	return info, nil
}

// ReadFile reads a whole regular file under the limits.
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	r, ok := file.(*regular)
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR}
	}
	data := make([]byte, r.left)
	n, err := io.ReadFull(r, data)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = nil // the file shrank since it was opened
	}
	if err != nil {
		return nil, err
	}
	return data[:n], nil
}

// ReadDir lists a folder, sorted by name. Each folder is read once: the
// list of the extension's files, the check for reserved names and the
// locale checks all ask for the root.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	f.mu.Lock()
	entries, ok := f.dirs[name]
	f.mu.Unlock()
	if ok {
		return slices.Clone(entries), nil
	}
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	dir, ok := file.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: syscall.ENOTDIR}
	}
	entries, err = dir.ReadDir(-1)
	if err != nil { // a folder that opens but cannot be listed is left out of the list, as before
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrapPath(err)}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	f.mu.Lock()
	f.dirs[name] = entries
	f.mu.Unlock()
	return slices.Clone(entries), nil
}

// listedMissing reports whether name is missing from its folder's list,
// read before: a name the rules look up and do not find (an icon the
// manifest names, a _locales folder) then costs no call to the system.
// Only Linux's file systems are taken to compare names byte for byte, and
// a name that differs from a listed one only in letter case is still
// asked for, so that a file system that folds case answers for itself.
func (f *FS) listedMissing(name string) bool {
	if runtime.GOOS != "linux" || name == "." {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	dir := "."
	for part := range strings.SplitSeq(name, "/") {
		// a folder on the way that is missing from its parent's list hides
		// the rest
		entries, ok := f.dirs[dir]
		if ok && !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return strings.EqualFold(e.Name(), part) }) {
			return true
		}
		dir = path.Join(dir, part)
	}
	return false
}

// ReadLink is not offered: an FS resolves links itself, so that callers
// never see a target.
var _ interface {
	fs.StatFS
	fs.ReadFileFS
	fs.ReadDirFS
} = (*FS)(nil)

// admit checks a regular file's size against the limits, and charges it to
// the total the first time the file is opened: by its identity, so that 20
// links to one file cost it once, or by its name where the system gives no
// identity.
func (f *FS) admit(name string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return f.record("open", name, Refusal{Path: name, Reason: NotRegular, Mode: info.Mode()})
	}
	size := info.Size()
	if size > f.limits.File {
		return f.record("open", name, Refusal{Path: name, Reason: TooLarge, Size: size, Limit: f.limits.File})
	}
	var key any = name
	if id, ok := IDOf(info); ok {
		key = id
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.charged[key] {
		return nil
	}
	if f.used+size > f.limits.Total {
		r := Refusal{Path: name, Reason: OverTotal, Size: size, Limit: f.limits.Total}
		return f.recordLocked("open", name, r)
	}
	f.used += size
	f.charged[key] = true
	return nil
}

// refuse turns an error of os.Root into the error the caller gets,
// recording a refusal unless the file simply does not exist.
func (f *FS) refuse(op, name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	case errors.Is(err, f.escapes):
		return f.record(op, name, Refusal{Path: f.escapingLink(name), Reason: LinkOutside})
	case errors.Is(err, syscall.ELOOP):
		return f.record(op, name, Refusal{Path: name, Reason: LinkLoop})
	case f.ctx.Err() != nil:
		return &fs.PathError{Op: op, Path: name, Err: f.ctx.Err()}
	}
	return f.record(op, name, Refusal{Path: name, Reason: Unreadable, Err: unwrapPath(err)})
}

// escapingLink returns the first component of name that is a link leading
// out of the folder: the link to report, rather than the path through it.
func (f *FS) escapingLink(name string) string {
	parts := strings.Split(name, "/")
	for i := range parts {
		prefix := path.Join(parts[:i+1]...)
		info, err := f.root.Lstat(prefix)
		if err != nil {
			break
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if _, err := f.root.Stat(prefix); errors.Is(err, f.escapes) {
			return prefix
		}
	}
	return name
}

func (f *FS) record(op, name string, r Refusal) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.recordLocked(op, name, r)
}

func (f *FS) recordLocked(op, name string, r Refusal) error {
	if _, seen := f.refused[r.Path]; !seen {
		f.refused[r.Path] = r
	}
	return &fs.PathError{Op: op, Path: name, Err: r.err()}
}

// Refusals returns what the FS refused so far, once a path, sorted by path.
func (f *FS) Refusals() []Refusal {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Refusal, 0, len(f.refused))
	for _, r := range f.refused {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Refusal) int { return strings.Compare(a.Path, b.Path) })
	return out
}

func unwrapPath(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}
