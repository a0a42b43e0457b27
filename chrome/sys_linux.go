package chrome

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
)

// sysProcAttr puts the browser in a process group of its own, so that Close
// can kill every process it started, and has the kernel kill the browser
// should this process die without calling Close. (Strictly, when the thread
// that started it dies; the Go runtime ends a thread only when a goroutine
// exits locked to it.)
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// killStragglers kills every live process that is in the process group pgid
// or has marker (NAME=VALUE) in its environment, and returns them ("PID
// (COMMAND) STATE"). Zombies do not count: the children of a killed browser pass to init,
// which may take a second or two to reap them. The marker finds Chrome's
// crash handlers, which leave the browser's process group (and end soon
// after the browser does).
func killStragglers(pgid int, marker string) []string {
	procs, err := os.ReadDir("/proc")
	if err != nil {
		// No /proc: go by the group alone, zombies and all.
		return killGroupStragglers(pgid)
	}
	var found []string
	group := []byte(strconv.Itoa(pgid))
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile("/proc/" + p.Name() + "/stat")
		if err != nil {
			continue // gone
		}
		// "pid (comm) state ppid pgrp ...", where comm may hold anything.
		comm := bytes.LastIndexByte(stat, ')')
		f := bytes.Fields(stat[comm+1:])
		if len(f) < 3 || string(f[0]) == "Z" || string(f[0]) == "X" {
			continue
		}
		if !bytes.Equal(f[2], group) && !hasEnv(pid, marker) {
			continue
		}
		_ = syscall.Kill(pid, syscall.SIGKILL) // it may have exited meanwhile
		found = append(found, string(stat[:comm+1])+" "+string(f[0]))
	}
	return found
}

// hasEnv reports whether the process pid has entry (NAME=VALUE) in its
// environment.
func hasEnv(pid int, entry string) bool {
	env, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/environ")
	if err != nil {
		return false
	}
	for e := range bytes.SplitSeq(env, []byte{0}) {
		if string(e) == entry {
			return true
		}
	}
	return false
}
