// Command crxlint checks Chrome extension manifests: what Chrome rejects and
// warns about, and what it accepts silently but is wrong or dangerous.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	tuneGC(os.Getenv)
	ctx, stop := interruptible(os.Exit, stopGrace)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// The garbage collector's settings for a short-lived process whose heap is
// mostly live syntax trees: collecting when the heap has grown by 400%
// rather than 100% spares most of the cycles that would each mark the
// whole tree again, and the soft limit makes the collector work harder
// instead as the heap nears 1 GiB (see docs/performance.md).
const (
	gcPercent   = 400
	memoryLimit = 1 << 30
)

// tuneGC applies gcPercent and memoryLimit, unless the user set GOGC or
// GOMEMLIMIT, which the runtime has already read.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
