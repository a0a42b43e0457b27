//go:build unix && !linux

package chrome

import "syscall"

// sysProcAttr puts the browser in a process group of its own, so that Close
// can kill every process it started.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}

// killStragglers kills what is left of the browser's process group pgid, and
// returns a description of it, if anything is. Processes that left the group
// cannot be found here: Chrome's crash handlers do, and end soon after the
// browser does.
func killStragglers(pgid int, marker string) []string {
	return killGroupStragglers(pgid)
}
