//go:build unix

package confine

import (
	"io/fs"
	"syscall"
)

// IDOf returns the identity of the file info describes, for a file of an
// FS or of the operating system: its device and inode.
func IDOf(info fs.FileInfo) (FileID, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return FileID{}, false
	}
	return FileID{Dev: uint64(st.Dev), Ino: st.Ino}, true //nolint:unconvert // Dev is 32 bits on some systems
}
