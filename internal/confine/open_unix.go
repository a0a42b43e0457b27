//go:build unix

package confine

import (
	"os"
	"syscall"
)

// openFlags open without blocking (a FIFO opens at once rather than waiting
// for a writer) and without making a terminal the controlling one.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOCTTY
