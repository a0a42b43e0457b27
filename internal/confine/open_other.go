//go:build !unix

package confine

import "os"

// openFlags: systems other than Unix have no FIFOs to block on.
const openFlags = os.O_RDONLY
