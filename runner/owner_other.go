//go:build !unix

package runner

import (
	"io/fs"
	"os"
)

// owner is who owns a file; outside Unix, a new file has the owner a
// replaced one had, and hard links are not looked for.
type owner struct{ links uint64 }

func ownerOf(fs.FileInfo) (owner, error) { return owner{links: 1}, nil }

func keepOwner(*os.File, owner) error { return nil }
