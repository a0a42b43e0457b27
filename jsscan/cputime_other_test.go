//go:build !unix

package jsscan

import "time"

var start = time.Now()

// cpuTime stands in for the process's CPU time with the time since the
// tests started, where getrusage is not available.
func cpuTime() time.Duration { return time.Since(start) }
