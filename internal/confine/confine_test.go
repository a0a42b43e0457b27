package confine_test

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/crxlint/crxlint/internal/confine"
)

// tree builds a folder "ext" beside a folder "secret" holding a secret, and
// returns the path of ext.
func tree(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	ext := filepath.Join(base, "ext")
	for _, d := range []string{ext, filepath.Join(ext, "sub"), filepath.Join(base, "secret")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(base, "secret", "s.js"), "SECRET")
	write(t, filepath.Join(ext, "a.js"), "ok")
	write(t, filepath.Join(ext, "sub", "b.js"), "inner")
	return ext
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

func open(t *testing.T, dir string, limits confine.Limits) *confine.FS {
	t.Helper()
	fsys, err := confine.Open(t.Context(), dir, limits)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = fsys.Close() })
	return fsys
}

func TestLinks(t *testing.T) {
	ext := tree(t)
	link(t, "../secret/s.js", filepath.Join(ext, "up.js"))
	link(t, filepath.Join(filepath.Dir(ext), "secret", "s.js"), filepath.Join(ext, "abs.js"))
	link(t, "../secret", filepath.Join(ext, "lib"))
	link(t, "sub/../a.js", filepath.Join(ext, "inside.js"))
	link(t, "sub", filepath.Join(ext, "subdir"))
	link(t, "loop2", filepath.Join(ext, "loop1"))
	link(t, "loop1", filepath.Join(ext, "loop2"))
	link(t, "../ext/a.js", filepath.Join(ext, "outandback.js"))
	fsys := open(t, ext, confine.DefaultLimits)

	for name, want := range map[string]string{"inside.js": "ok", "subdir/b.js": "inner"} {
		got, err := fs.ReadFile(fsys, name)
		if err != nil || string(got) != want {
			t.Errorf("%s: got %q, %v; want %q: a link inside the folder is followed", name, got, err, want)
		}
	}
	for name, wantErr := range map[string]error{
		"up.js":          confine.ErrLinkOutside,
		"abs.js":         confine.ErrLinkOutside,
		"lib/s.js":       confine.ErrLinkOutside,
		"outandback.js":  confine.ErrLinkOutside,
		"loop1":          confine.ErrLinkLoop,
		"missing.js":     fs.ErrNotExist,
		"a.js/not-a-dir": fs.ErrNotExist,
	} {
		got, err := fs.ReadFile(fsys, name)
		if !errors.Is(err, wantErr) {
			t.Errorf("%s: err = %v, want %v", name, err, wantErr)
		}
		if strings.Contains(string(got), "SECRET") {
			t.Errorf("%s: read the secret outside the folder", name)
		}
	}
	want := map[string]confine.Reason{
		"up.js": confine.LinkOutside, "abs.js": confine.LinkOutside, "lib": confine.LinkOutside,
		"outandback.js": confine.LinkOutside, "loop1": confine.LinkLoop,
	}
	assertRefusals(t, fsys, want)
}

func assertRefusals(t *testing.T, fsys *confine.FS, want map[string]confine.Reason) {
	t.Helper()
	got := fsys.Refusals()
	for _, r := range got {
		if want[r.Path] != r.Reason {
			t.Errorf("refused %s for reason %d (%s), want %d", r.Path, r.Reason, r.Describe(), want[r.Path])
		}
		if strings.Contains(r.Describe(), "SECRET") {
			t.Errorf("%s: the description quotes the target: %s", r.Path, r.Describe())
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d refusals, want %d: %+v", len(got), len(want), got)
	}
}

func TestRefusalsOncePerPath(t *testing.T) {
	ext := tree(t)
	link(t, "../secret", filepath.Join(ext, "lib"))
	fsys := open(t, ext, confine.DefaultLimits)
	for _, name := range []string{"lib", "lib/s.js", "lib/other.js"} {
		_, _ = fsys.Stat(name)
		_, _ = fs.ReadFile(fsys, name)
	}
	assertRefusals(t, fsys, map[string]confine.Reason{"lib": confine.LinkOutside})
}

func TestSpecialFilesNeverBlock(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs on Windows")
	}
	ext := tree(t)
	if err := syscall.Mkfifo(filepath.Join(ext, "lib.js"), 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	fsys := open(t, ext, confine.DefaultLimits)
	// Without the checks, ReadFile blocks forever on a FIFO no one writes.
	if _, err := fs.ReadFile(fsys, "lib.js"); !errors.Is(err, confine.ErrNotRegular) {
		t.Errorf("ReadFile(FIFO): err = %v, want ErrNotRegular", err)
	}
	if _, err := fs.Stat(fsys, "lib.js"); !errors.Is(err, confine.ErrNotRegular) {
		t.Errorf("Stat(FIFO): err = %v, want ErrNotRegular", err)
	}
	assertRefusals(t, fsys, map[string]confine.Reason{"lib.js": confine.NotRegular})
	if d := fsys.Refusals()[0].Describe(); !strings.Contains(d, "named pipe (FIFO)") {
		t.Errorf("Describe() = %q, want it to name the FIFO", d)
	}
}

func TestLimits(t *testing.T) {
	ext := tree(t)
	write(t, filepath.Join(ext, "big.js"), strings.Repeat("x", 11))
	write(t, filepath.Join(ext, "ten.js"), strings.Repeat("y", 10))
	fsys := open(t, ext, confine.Limits{File: 10, Total: 14})

	if _, err := fs.ReadFile(fsys, "big.js"); !errors.Is(err, confine.ErrTooLarge) {
		t.Errorf("11 bytes over a limit of 10: err = %v, want ErrTooLarge", err)
	}
	if got, err := fs.ReadFile(fsys, "ten.js"); err != nil || len(got) != 10 {
		t.Errorf("10 bytes at a limit of 10: got %d bytes, %v", len(got), err)
	}
	if _, err := fs.ReadFile(fsys, "ten.js"); err != nil {
		t.Errorf("reading a file again costs nothing more: %v", err)
	}
	if _, err := fs.ReadFile(fsys, "sub/b.js"); !errors.Is(err, confine.ErrOverTotal) {
		t.Errorf("10+5 bytes over a total of 14: err = %v, want ErrOverTotal", err)
	}
	if _, err := fs.ReadFile(fsys, "a.js"); err != nil {
		t.Errorf("10+2 bytes within a total of 14: %v", err)
	}
	assertRefusals(t, fsys, map[string]confine.Reason{"big.js": confine.TooLarge, "sub/b.js": confine.OverTotal})
}

func TestGrowingFileReadsItsSizeAtOpen(t *testing.T) {
	ext := tree(t)
	fsys := open(t, ext, confine.DefaultLimits)
	f, err := fsys.Open("a.js")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	write(t, filepath.Join(ext, "a.js"), "ok and then a great deal more")
	got, err := io.ReadAll(f)
	if err != nil || string(got) != "ok" {
		t.Errorf("got %q, %v; want the 2 bytes the file had when opened", got, err)
	}
}

func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("root reads any file: permissions cannot make one unreadable")
	}
	ext := tree(t)
	if err := os.Chmod(filepath.Join(ext, "a.js"), 0); err != nil {
		t.Fatal(err)
	}
	fsys := open(t, ext, confine.DefaultLimits)
	if _, err := fs.ReadFile(fsys, "a.js"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("err = %v, want a permission error", err)
	}
	assertRefusals(t, fsys, map[string]confine.Reason{"a.js": confine.Unreadable})
	if r := fsys.Refusals()[0]; !r.Incomplete() {
		t.Errorf("an unreadable file leaves the report incomplete")
	}
}

func TestCanceled(t *testing.T) {
	ext := tree(t)
	ctx, cancel := context.WithCancel(t.Context())
	fsys, err := confine.Open(ctx, ext, confine.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	f, err := fsys.Open("a.js")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cancel()
	if _, err := f.Read(make([]byte, 1)); !errors.Is(err, context.Canceled) {
		t.Errorf("Read after cancel: err = %v, want context.Canceled", err)
	}
	if _, err := fsys.Open("sub/b.js"); !errors.Is(err, context.Canceled) {
		t.Errorf("Open after cancel: err = %v, want context.Canceled", err)
	}
	if got := fsys.Refusals(); len(got) != 0 {
		t.Errorf("a cancelled read is no refusal: %+v", got)
	}
}

// TestFS checks that an FS over an ordinary folder is a well-behaved fs.FS.
func TestFS(t *testing.T) {
	ext := tree(t)
	if err := fstest.TestFS(open(t, ext, confine.DefaultLimits), "a.js", "sub/b.js"); err != nil {
		t.Fatal(err)
	}
}

func TestBytes(t *testing.T) {
	for n, want := range map[int64]string{12: "12 bytes", 1536: "1.5 KiB", 16 << 20: "16 MiB", 4 << 30: "4 GiB"} {
		if got := confine.Bytes(n); got != want {
			t.Errorf("Bytes(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestOrDefault(t *testing.T) {
	if got := (confine.Limits{Total: 5}).OrDefault(); got != (confine.Limits{File: confine.DefaultFileLimit, Total: 5}) {
		t.Errorf("OrDefault() = %+v", got)
	}
}

func TestOpenFile(t *testing.T) {
	ext := tree(t)
	f, info, err := confine.OpenFile(filepath.Join(ext, "a.js"))
	if err != nil || info.Size() != 2 {
		t.Fatalf("a regular file: %v, %v", info, err)
	}
	_ = f.Close()
	if _, _, err := confine.OpenFile(ext); !errors.Is(err, confine.ErrNotRegular) || !strings.Contains(err.Error(), "is a folder, not a regular file") {
		t.Errorf("a folder: err = %v, want ErrNotRegular saying so", err)
	}
	if runtime.GOOS == "windows" {
		return
	}
	if err := syscall.Mkfifo(filepath.Join(ext, "pipe.zip"), 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	// Without the checks, this blocks forever on a FIFO no one writes.
	if _, _, err := confine.OpenFile(filepath.Join(ext, "pipe.zip")); !errors.Is(err, confine.ErrNotRegular) {
		t.Errorf("a FIFO: err = %v, want ErrNotRegular", err)
	}
}

// TestLinksToOneFileCountOnce checks that a file reached by several paths,
// hard and symbolic links, counts once towards the limit for the whole
// extension: 20 links to one 16 MiB file are 16 MiB, not 320.
func TestLinksToOneFileCountOnce(t *testing.T) {
	ext := tree(t)
	write(t, filepath.Join(ext, "big.js"), strings.Repeat("x", 10))
	write(t, filepath.Join(ext, "other.js"), strings.Repeat("y", 10))
	if err := os.Link(filepath.Join(ext, "big.js"), filepath.Join(ext, "hard.js")); err != nil {
		t.Skipf("cannot make hard links here: %v", err)
	}
	link(t, "big.js", filepath.Join(ext, "soft.js"))
	link(t, "../big.js", filepath.Join(ext, "sub", "up.js"))
	fsys := open(t, ext, confine.Limits{File: 10, Total: 15})
	for _, name := range []string{"big.js", "hard.js", "soft.js", "sub/up.js"} {
		if got, err := fs.ReadFile(fsys, name); err != nil || string(got) != strings.Repeat("x", 10) {
			t.Errorf("%s: got %q, %v; a link to a file read already costs nothing more", name, got, err)
		}
	}
	if _, err := fs.ReadFile(fsys, "other.js"); !errors.Is(err, confine.ErrOverTotal) {
		t.Errorf("another file of 10 bytes over a total of 15: err = %v, want ErrOverTotal", err)
	}
}

// TestReadDirOnce checks that a folder is listed once, sorted, and that a
// name missing from a listed folder is answered from the list.
func TestReadDirOnce(t *testing.T) {
	ext := tree(t)
	write(t, filepath.Join(ext, "Icon.png"), "png")
	fsys := open(t, ext, confine.DefaultLimits)
	got, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadDir(ext)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("ReadDir: %d entries, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Name() != want[i].Name() || got[i].IsDir() != want[i].IsDir() {
			t.Errorf("entry %d: %s, want %s", i, got[i].Name(), want[i].Name())
		}
	}
	write(t, filepath.Join(ext, "late.js"), "added after the listing")
	if again, err := fs.ReadDir(fsys, "."); err != nil || len(again) != len(want) {
		t.Errorf("ReadDir again: %d entries, %v; want the %d listed first", len(again), err, len(want))
	}
	if _, err := fs.Stat(fsys, "icon.png"); runtime.GOOS == "linux" && !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat(icon.png) beside Icon.png: err = %v, want the file system's own answer, not found", err)
	}
	if runtime.GOOS != "linux" {
		return
	}
	if _, err := fs.Stat(fsys, "late.js"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat of a name missing from the listing: err = %v, want fs.ErrNotExist without asking the system", err)
	}
	if _, err := fs.Stat(fsys, "sub/b.js"); err != nil {
		t.Errorf("Stat in a folder not listed: %v", err)
	}
	if err := os.MkdirAll(filepath.Join(ext, "late", "dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(ext, "late", "dir", "x.png"), "png")
	if _, err := fs.Stat(fsys, "late/dir/x.png"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat below a folder missing from the listing: err = %v, want fs.ErrNotExist without asking the system", err)
	}
}
