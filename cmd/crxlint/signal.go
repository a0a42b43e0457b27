package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// exitInterrupted is the exit status of a run stopped by Ctrl-C or
// SIGTERM: 128 + SIGINT, as shells report it.
const exitInterrupted = 130

// stopGrace is how long a run may take to wind down once interrupted:
// reads stop at once, but a scan of one large script runs to its end.
const stopGrace = time.Second

// interruptible returns a context that ends at the first SIGINT or SIGTERM.
// The run then stops reading and scanning and exits 130, removing any
// temporary file of --fix; should it not have returned grace later, or at
// a second signal, exit(130) ends the process at once. stop releases the
// signals.
func interruptible(exit func(int), grace time.Duration) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-signals:
			cancel()
		case <-done:
			return
		}
		select {
		case <-signals:
		case <-time.After(grace):
		case <-done:
			return
		}
		exit(exitInterrupted)
	}()
	return ctx, func() {
		signal.Stop(signals)
		close(done)
		cancel()
	}
}

// interrupted reports whether ctx was ended by a signal, and says so.
func interrupted(ctx context.Context, stderr io.Writer) bool {
	if ctx.Err() == nil {
		return false
	}
	fmt.Fprintln(stderr, "crxlint: interrupted; the report is incomplete")
	return true
}
