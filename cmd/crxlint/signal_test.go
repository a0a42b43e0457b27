//go:build unix

package main

import (
	"syscall"
	"testing"
	"time"
)

// TestInterruptible: the first SIGINT cancels the run's context, a second
// ends the process with exit 130 without waiting for the run.
func TestInterruptible(t *testing.T) {
	exited := make(chan int, 1)
	ctx, stop := interruptible(func(code int) { exited <- code }, time.Hour)
	defer stop()
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	<-ctx.Done()
	select {
	case code := <-exited:
		t.Fatalf("exited with %d at the first signal; want the run to wind down", code)
	default:
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if code := <-exited; code != exitInterrupted {
		t.Errorf("exit %d at the second signal, want %d", code, exitInterrupted)
	}
}
