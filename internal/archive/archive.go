// Package archive reads a packed extension, a .zip or a .crx, as untrusted
// input, in memory, with the guarantees internal/confine gives a folder.
//
// An [FS] is an [fs.FS] over the archive's entries that
//
//   - refuses, before any entry is inflated, an archive that holds more
//     than [MaxEntries] entries, that would inflate to more than
//     [confine.Limits].Total bytes, or that has an entry that inflates more
//     than [MaxRatio] times (a zip bomb), judged from the sizes the
//     central directory declares;
//   - refuses an archive with an entry outside its root (an absolute name,
//     a ".." component, a backslash) or two entries of the same name;
//   - never follows a symbolic link entry, nor reads its target: like a
//     device entry it is refused, and recorded;
//   - reads at most [confine.Limits].File bytes of one entry and
//     [confine.Limits].Total bytes in all, checked against the declared
//     size before a byte is inflated, and inflates no more than the
//     declared size, since headers can lie;
//   - skips the header of a .crx, CRX2 or CRX3, without checking its
//     signature;
//   - stops reading once its context is done.
package archive

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crxlint/crxlint/internal/confine"
)

// The limits of an archive beside confine's. A real extension has
// hundreds of files, some thousands; its text compresses ten times or so,
// a file of one repeated byte about a thousand times, which is how zip
// bombs are made.
const (
	// MaxEntries is the most entries an archive may hold.
	MaxEntries = 20000
	// MaxRatio is the most an entry may inflate: its size over its
	// compressed size.
	MaxRatio = 100
	// ratioFloor is the size below which an entry may inflate as much as
	// it likes: small entries cannot add up to a bomb under MaxEntries.
	ratioFloor = 1 << 20
)

// Errors Open returns, wrapped with details, for an archive it refuses.
var (
	ErrNotArchive  = errors.New("is not a zip or .crx archive")
	ErrLimit       = errors.New("breaks a limit on archives")
	ErrUnsafeEntry = errors.New("has an entry crxlint will not unpack")
)

// errInflated is an entry that inflates past the size its header declares.
var errInflated = errors.New("inflates past the size its header declares: the archive lies")

// FS is a bounded, read-only view of an archive's entries. It is safe for
// concurrent use. Close it when done.
type FS struct {
	file    *os.File
	ctx     context.Context
	limits  confine.Limits
	format  Format
	modTime time.Time

	files   map[string]*zip.File // regular files by name
	special map[string]fs.FileMode
	dirs    map[string][]string // a folder's children's names, sorted

	mu      sync.Mutex
	charged map[string]bool
	used    int64
	refused map[string]confine.Refusal
}

// Open reads the central directory of the archive name and checks it
// against the limits and [MaxEntries] and [MaxRatio]. Reads fail with ctx's
// error once ctx is done.
func Open(ctx context.Context, name string, limits confine.Limits) (*FS, error) {
	limits = limits.OrDefault()
	file, info, err := confine.OpenFile(name)
	if err != nil {
		return nil, err
	}
	a, err := open(ctx, file, info, limits)
	if err != nil {
		_ = file.Close()
		return nil, err
	}
	return a, nil
}

func open(ctx context.Context, file *os.File, info fs.FileInfo, limits confine.Limits) (*FS, error) {
	size := info.Size()
	if size > limits.Total {
		return nil, fmt.Errorf("%w: it is %s, more than the limit of %s for a whole extension",
			ErrLimit, confine.Bytes(size), confine.Bytes(limits.Total))
	}
	off, format, err := zipOffset(file, size)
	if err != nil {
		return nil, err
	}
	packed := io.NewSectionReader(file, off, size-off)
	if n, ok := declaredEntries(packed, size-off); ok && n > MaxEntries {
		return nil, tooMany(n)
	}
	zr, err := zip.NewReader(packed, size-off)
	if err != nil {
		if format == Zip {
			return nil, fmt.Errorf("%w (%w)", ErrNotArchive, err)
		}
		return nil, fmt.Errorf("is a %s whose zip archive cannot be read (%w)", format, err)
	}
	a := &FS{
		file: file, ctx: ctx, limits: limits, format: format, modTime: info.ModTime(),
		files: map[string]*zip.File{}, special: map[string]fs.FileMode{}, dirs: map[string][]string{".": nil},
		charged: map[string]bool{}, refused: map[string]confine.Refusal{},
	}
	if err := a.index(zr.File); err != nil {
		return nil, err
	}
	return a, nil
}

// index checks the entries and files each by name.
func (a *FS) index(entries []*zip.File) error {
	if len(entries) > MaxEntries {
		return tooMany(uint64(len(entries)))
	}
	var total uint64
	seen := map[string]bool{}
	for _, e := range entries {
		name, err := entryName(e)
		if err != nil {
			return err
		}
		if seen[name] {
			return fmt.Errorf("%w: it holds two entries named %q, and which one an unzipper keeps is anyone's guess", ErrUnsafeEntry, name)
		}
		seen[name] = true
		mode := e.Mode()
		switch {
		case mode.IsDir():
			a.addDir(name)
			continue
		case !mode.IsRegular():
			a.special[name] = mode.Type()
		default:
			a.files[name] = e
		}
		a.addPath(name)
		size, packed := e.UncompressedSize64, e.CompressedSize64
		if size > ratioFloor && size/max(packed, 1) > MaxRatio {
			return fmt.Errorf("%w: entry %q would inflate from %s to %s, more than %d times: a zip bomb?",
				ErrLimit, name, confine.Bytes(int64(min(packed, 1<<62))), confine.Bytes(int64(min(size, 1<<62))), MaxRatio)
		}
		if total += size; total > uint64(a.limits.Total) || total < size {
			return fmt.Errorf("%w: its entries would inflate to more than the limit of %s for a whole extension",
				ErrLimit, confine.Bytes(a.limits.Total))
		}
	}
	for dir, children := range a.dirs {
		slices.Sort(children)
		a.dirs[dir] = slices.Compact(children)
	}
	for name := range a.dirs {
		if a.files[name] != nil || a.special[name] != 0 {
			return fmt.Errorf("%w: %q is both a file and a folder", ErrUnsafeEntry, name)
		}
	}
	return nil
}

func tooMany(n uint64) error {
	return fmt.Errorf("%w: it holds %d entries, more than the limit of %d", ErrLimit, n, MaxEntries)
}

// entryName returns the name of an entry as an fs.FS path, or an error for
// a name that leaves the archive's root or that unzippers read apart.
func entryName(e *zip.File) (string, error) {
	name := strings.TrimSuffix(e.Name, "/")
	switch {
	case strings.Contains(name, `\`):
		return "", fmt.Errorf(`%w: entry %q has a backslash in its name, which zip forbids and Windows reads as a folder separator; make the archive with a tool that writes "/"`, ErrUnsafeEntry, e.Name)
	case strings.HasPrefix(name, "/"):
		return "", fmt.Errorf("%w: entry %q has an absolute name, outside the archive's root", ErrUnsafeEntry, e.Name)
	case slices.Contains(strings.Split(name, "/"), ".."):
		return "", fmt.Errorf("%w: entry %q leads out of the archive's root with \"..\"", ErrUnsafeEntry, e.Name)
	case !fs.ValidPath(name) || name == ".":
		return "", fmt.Errorf("%w: entry %q has a name that is not a plain path", ErrUnsafeEntry, e.Name)
	}
	return name, nil
}

// addDir records the folder dir, in its parent and so on up.
func (a *FS) addDir(dir string) {
	if _, known := a.dirs[dir]; !known {
		a.dirs[dir] = nil
		a.addPath(dir)
	}
}

// addPath lists name in its folder, and each new folder above it in its
// own; a folder known already has its place.
func (a *FS) addPath(name string) {
	for name != "." {
		parent := path.Dir(name)
		_, known := a.dirs[parent]
		a.dirs[parent] = append(a.dirs[parent], path.Base(name))
		if known {
			return
		}
		name = parent
	}
}

// Close releases the archive.
func (a *FS) Close() error { return a.file.Close() }

// Context returns the context given to Open, which ends the reads, for
// work on the files that should stop with them (see extension.Load).
func (a *FS) Context() context.Context { return a.ctx }

// Format says whether the archive is a zip or a .crx, and which.
func (a *FS) Format() Format { return a.format }

// Open opens a file or a folder of the archive.
func (a *FS) Open(name string) (fs.File, error) {
	info, err := a.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return &dir{info: info, entries: a.readDir(name)}, nil
	}
	e := a.files[name]
	if err := a.admit(name, e); err != nil {
		return nil, err
	}
	rc, err := e.Open()
	if err != nil {
		return nil, a.record("open", name, confine.Refusal{Path: name, Reason: confine.Unreadable, Err: err})
	}
	return &entry{rc: rc, info: info, fsys: a, name: name, left: int64(e.UncompressedSize64)}, nil
}

// Stat describes a file or a folder of the archive.
func (a *FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if err := a.ctx.Err(); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if e := a.files[name]; e != nil {
		return e.FileInfo(), nil
	}
	if _, ok := a.dirs[name]; ok {
		return dirInfo{name: path.Base(name), modTime: a.modTime}, nil
	}
	if mode, ok := a.special[name]; ok {
		return nil, a.record("stat", name, confine.Refusal{Path: name, Reason: confine.NotRegular, Mode: mode})
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

// ReadFile reads a whole file of the archive under the limits.
func (a *FS) ReadFile(name string) ([]byte, error) {
	f, err := a.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	e, ok := f.(*entry)
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a folder")}
	}
	data := make([]byte, e.left)
	if _, err := io.ReadFull(e, data); err != nil {
		return nil, err
	}
	// The entry must end where its header says.
	if n, err := e.Read(make([]byte, 1)); n > 0 || !errors.Is(err, io.EOF) {
		if err == nil || errors.Is(err, io.EOF) {
			err = &fs.PathError{Op: "read", Path: name, Err: errInflated}
		}
		return nil, err
	}
	return data, nil
}

// ReadDir lists a folder of the archive, sorted by name.
func (a *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	info, err := a.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	return a.readDir(name), nil
}

var _ interface {
	fs.StatFS
	fs.ReadFileFS
	fs.ReadDirFS
} = (*FS)(nil)

func (a *FS) readDir(name string) []fs.DirEntry {
	var out []fs.DirEntry
	for _, c := range a.dirs[name] {
		full := path.Join(name, c)
		switch {
		case a.files[full] != nil:
			out = append(out, fs.FileInfoToDirEntry(a.files[full].FileInfo()))
		case a.special[full] != 0:
			out = append(out, specialEntry{name: c, mode: a.special[full]})
		default:
			out = append(out, fs.FileInfoToDirEntry(dirInfo{name: c, modTime: a.modTime}))
		}
	}
	return out
}

// admit checks an entry's declared size against the limits, and charges
// it to the total the first time the entry is opened.
func (a *FS) admit(name string, e *zip.File) error {
	size := int64(min(e.UncompressedSize64, 1<<62))
	if size > a.limits.File {
		return a.record("open", name, confine.Refusal{Path: name, Reason: confine.TooLarge, Size: size, Limit: a.limits.File})
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.charged[name] {
		return nil
	}
	if a.used+size > a.limits.Total {
		return a.recordLocked("open", name, confine.Refusal{Path: name, Reason: confine.OverTotal, Size: size, Limit: a.limits.Total})
	}
	a.used += size
	a.charged[name] = true
	return nil
}

func (a *FS) record(op, name string, r confine.Refusal) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.recordLocked(op, name, r)
}

func (a *FS) recordLocked(op, name string, r confine.Refusal) error {
	if _, seen := a.refused[r.Path]; !seen {
		a.refused[r.Path] = r
	}
	return &fs.PathError{Op: op, Path: name, Err: r.AsError()}
}

// Refusals returns what the FS refused so far, once a path, sorted by path.
func (a *FS) Refusals() []confine.Refusal {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make([]confine.Refusal, 0, len(a.refused))
	for _, r := range a.refused {
		out = append(out, r)
	}
	slices.SortFunc(out, func(x, y confine.Refusal) int { return strings.Compare(x.Path, y.Path) })
	return out
}

// entry is an open file of the archive. It inflates at most the size its
// header declares, and one byte more to tell that it lied.
type entry struct {
	rc   io.ReadCloser
	info fs.FileInfo
	fsys *FS
	name string
	left int64
}

func (e *entry) Stat() (fs.FileInfo, error) { return e.info, nil }

func (e *entry) Close() error { return e.rc.Close() }

func (e *entry) Read(p []byte) (int, error) {
	if err := e.fsys.ctx.Err(); err != nil {
		return 0, &fs.PathError{Op: "read", Path: e.name, Err: err}
	}
	if int64(len(p)) > e.left+1 {
		p = p[:e.left+1]
	}
	n, err := e.rc.Read(p)
	if e.left -= int64(n); e.left < 0 {
		return 0, e.fsys.record("read", e.name, confine.Refusal{Path: e.name, Reason: confine.Unreadable, Err: errInflated})
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return n, e.fsys.record("read", e.name, confine.Refusal{Path: e.name, Reason: confine.Unreadable, Err: err})
	}
	return n, err
}

// dir is an open folder of the archive.
type dir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	read    int
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dir) Close() error               { return nil }

func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: errors.New("is a folder")}
}

func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.read:]
	if n <= 0 {
		d.read = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.read += len(rest)
	return rest, nil
}

// dirInfo describes a folder of the archive, whether or not it has an
// entry of its own.
type dirInfo struct {
	name    string
	modTime time.Time
}

func (i dirInfo) Name() string       { return i.name }
func (i dirInfo) Size() int64        { return 0 }
func (i dirInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o555 }
func (i dirInfo) ModTime() time.Time { return i.modTime }
func (i dirInfo) IsDir() bool        { return true }
func (i dirInfo) Sys() any           { return nil }

// specialEntry lists a link or device entry in its folder; opening it is
// refused.
type specialEntry struct {
	name string
	mode fs.FileMode
}

func (s specialEntry) Name() string               { return s.name }
func (s specialEntry) IsDir() bool                { return false }
func (s specialEntry) Type() fs.FileMode          { return s.mode }
func (s specialEntry) Info() (fs.FileInfo, error) { return nil, confine.ErrNotRegular }
