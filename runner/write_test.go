//go:build unix

package runner

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o640); err != nil {
		t.Fatal(err)
	}
}

// entries lists a folder, to see that no temporary file is left.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e.Name())
	}
	return names
}

func TestReplaceFileWritesThroughALinkInsideTheFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "real.json"), "old")
	link := filepath.Join(dir, "manifest.json")
	if err := os.Symlink("real.json", link); err != nil {
		t.Skip(err)
	}
	if err := replaceFile(link, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file: %v, %v", info, err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "real.json")); string(got) != "new" {
		t.Errorf("target holds %q, want %q", got, "new")
	}
	if got := entries(t, dir); len(got) != 2 {
		t.Errorf("folder holds %v, want only the link and its target", got)
	}
}

func TestReplaceFileRefusesALinkLeavingTheFolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "ext")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(base, "outside.json"), "old")
	link := filepath.Join(dir, "manifest.json")
	if err := os.Symlink("../outside.json", link); err != nil {
		t.Skip(err)
	}
	if err := replaceFile(link, []byte("old"), []byte("new")); err == nil || !strings.Contains(err.Error(), "outside its folder") {
		t.Errorf("err = %v, want the link refused", err)
	}
	if got, _ := os.ReadFile(filepath.Join(base, "outside.json")); string(got) != "old" {
		t.Errorf("the file outside was changed to %q", got)
	}
}

func TestReplaceFileKeepsHardLinksWhole(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "manifest.json")
	writeFile(t, name, "old")
	if err := os.Link(name, filepath.Join(dir, "other.json")); err != nil {
		t.Skip(err)
	}
	if err := replaceFile(name, []byte("old"), []byte("new")); err == nil || !strings.Contains(err.Error(), "2 hard links") {
		t.Errorf("err = %v, want the hard link refused", err)
	}
	if got, _ := os.ReadFile(name); string(got) != "old" {
		t.Errorf("file holds %q, want it untouched", got)
	}
}

func TestReplaceFileNeverLosesAnotherWritersEdit(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "manifest.json")
	writeFile(t, name, "edited by someone else")
	if err := replaceFile(name, []byte("what crxlint read"), []byte("new")); !errors.Is(err, errChanged) {
		t.Errorf("err = %v, want errChanged", err)
	}
	if got, _ := os.ReadFile(name); string(got) != "edited by someone else" {
		t.Errorf("the other edit was lost: file holds %q", got)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("temporary files left behind: %v", got)
	}
}

func TestReplaceFileKeepsOwnerGroupAndMode(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "manifest.json")
	writeFile(t, name, "old")
	const nobody = 65534
	if err := os.Chown(name, nobody, nobody); err != nil {
		t.Skipf("cannot give a file to another user here (not root?): %v", err)
	}
	if err := os.Chmod(name, 0o604); err != nil {
		t.Fatal(err)
	}
	if err := replaceFile(name, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != nobody || st.Gid != nobody || info.Mode().Perm() != 0o604 {
		t.Errorf("owner %d:%d mode %v, want %d:%d 0604", st.Uid, st.Gid, info.Mode().Perm(), nobody, nobody)
	}
}
