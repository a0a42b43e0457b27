// Command crxlint checks Chrome extension manifests: what Chrome rejects and
// warns about, and what it accepts silently but is wrong or dangerous.
package main

import "os"

func main() {
	ctx, stop := interruptible(os.Exit, stopGrace)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
