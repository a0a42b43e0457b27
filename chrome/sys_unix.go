//go:build unix

package chrome

import (
	"errors"
	"fmt"
	"syscall"
)

// supported reports whether Launch can work on this platform: the pipe
// transport needs file descriptors 3 and 4 in the child.
const supported = true

// killGroup sends SIGKILL to every process in the process group pgid.
func killGroup(pgid int) error {
	err := syscall.Kill(-pgid, syscall.SIGKILL)
	if errors.Is(err, syscall.ESRCH) {
		return nil
	}
	return err
}

// groupExists reports whether any process, zombies included, is left in the
// process group pgid.
func groupExists(pgid int) bool {
	return !errors.Is(syscall.Kill(-pgid, 0), syscall.ESRCH)
}

// killGroupStragglers kills what is left of the process group pgid, and
// returns a description of it, if anything is.
func killGroupStragglers(pgid int) []string {
	if !groupExists(pgid) {
		return nil
	}
	_ = killGroup(pgid) // the group may be gone already
	return []string{fmt.Sprintf("process group %d", pgid)}
}
