//go:build !unix

package chrome

import (
	"errors"
	"syscall"
)

// supported reports whether Launch can work on this platform: the pipe
// transport needs file descriptors 3 and 4 in the child, which os/exec
// cannot set up here.
const supported = false

func sysProcAttr() *syscall.SysProcAttr { return nil }

func killGroup(pgid int) error { return errors.ErrUnsupported }

func killStragglers(pgid int, marker string) []string { return nil }
