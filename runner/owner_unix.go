//go:build unix

package runner

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// owner is who owns a file, and how many names it has.
type owner struct {
	uid, gid int
	links    uint64
}

func ownerOf(info fs.FileInfo) (owner, error) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return owner{}, errors.New("cannot tell who owns the file")
	}
	return owner{uid: int(st.Uid), gid: int(st.Gid), links: uint64(st.Nlink)}, nil //nolint:unconvert // Nlink is a uint32 on some platforms
}

// keepOwner gives f the owner and group o, unless it has them already: a
// user who is not root can only make a file of their own.
func keepOwner(f *os.File, o owner) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	now, err := ownerOf(info)
	if err != nil {
		return err
	}
	if now.uid == o.uid && now.gid == o.gid {
		return nil
	}
	return f.Chown(o.uid, o.gid)
}
