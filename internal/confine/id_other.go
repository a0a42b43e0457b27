//go:build !unix

package confine

import "io/fs"

// IDOf returns the identity of the file info describes; systems other
// than Unix give none.
func IDOf(fs.FileInfo) (FileID, bool) { return FileID{}, false }
