package runner

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// replaceFile atomically replaces the file name, whose content crxlint
// read as old, with data, through a temporary file in the same folder
// that is renamed over it (".manifest.json.crxlint-*", removed on any
// failure; one left by a killed run is inert). It keeps the file's identity: through a link
// that stays inside the file's folder it replaces the link's target, not
// the link; it keeps owner, group and mode; it refuses to split hard links
// and to replace a file that changed since it was read, so that another
// writer's edit is never lost. A crash or a kill leaves the file whole.
func replaceFile(name string, old, data []byte) (err error) {
	target, err := linkTarget(name)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	owner, err := ownerOf(info)
	if err != nil {
		return err
	}
	if owner.links > 1 {
		return fmt.Errorf("the file has %d hard links, and replacing it would split them; --fix leaves it alone", owner.links)
	}
	if err := unchanged(target, info, old); err != nil {
		return err
	}

	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".crxlint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := keepOwner(tmp, owner); err != nil {
		return fmt.Errorf("cannot give the new file the owner of the old (%w); --fix leaves it alone", err)
	}
	if err := tmp.Chmod(info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := unchanged(target, info, old); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}

// linkTarget returns the file that name is or links to, and refuses a link
// whose target is outside name's folder.
func linkTarget(name string) (string, error) {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return "", err
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(name))
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(dir, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", errors.New("the file is a symbolic link to a file outside its folder; --fix does not write through it")
	}
	return target, nil
}

// errChanged says that a file changed between crxlint's read and its write.
var errChanged = errors.New("the file changed since crxlint read it, so --fix leaves it alone; run crxlint --fix again")

// unchanged checks that the file name is still the one described by info
// and still holds old.
func unchanged(name string, info fs.FileInfo, old []byte) error {
	now, err := os.Stat(name)
	if err != nil {
		return err
	}
	if !os.SameFile(info, now) || now.Size() != int64(len(old)) || !now.ModTime().Equal(info.ModTime()) {
		return errChanged
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	current, err := ReadLimited(f)
	if err != nil {
		return err
	}
	if !bytes.Equal(current, old) {
		return errChanged
	}
	return nil
}
