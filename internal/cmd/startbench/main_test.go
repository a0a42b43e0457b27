package main

import (
	"flag"
	"os"
	"runtime"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{[]time.Duration{3}, 3},
		{[]time.Duration{9, 1, 5}, 5},
		{[]time.Duration{4, 1, 9, 2}, 3},
	} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestRunOnce(t *testing.T) {
	// false exits 1, as crxlint does when it reports findings: a valid run.
	for _, cmd := range []string{"true", "false"} {
		if _, _, err := runOnce(cmd); err != nil {
			t.Errorf("runOnce(%q): %v", cmd, err)
		}
	}
	if _, _, err := runOnce("./no-such-command"); err == nil {
		t.Error("runOnce of a missing command succeeded")
	}
}

// TestPeakRSS checks that a command's peak memory is its own, not the
// measuring process's: a program that holds 64 MiB is measured above it, a
// small one far below.
func TestPeakRSS(t *testing.T) {
	if _, err := os.Stat(timeCmd); err != nil {
		t.Skipf("no %s: %v", timeCmd, err)
	}
	if runtime.GOOS != "linux" {
		t.Skip("the sizes are Linux's")
	}
	small := peakRSS("true")
	if small <= 0 || small > 4<<20 {
		t.Errorf("peakRSS(true) = %d bytes, want a small positive size", small)
	}
	// The test binary itself holds the memory: -hold runs holdMemory.
	big := peakRSS(os.Args[0] + " -test.run=^TestHoldMemory$ -hold")
	if big < 64<<20 {
		t.Errorf("peakRSS of a process holding 64 MiB = %d bytes", big)
	}
}

var hold = flag.Bool("hold", false, "TestHoldMemory holds 64 MiB (for TestPeakRSS)")

// TestHoldMemory touches 64 MiB when -hold is given, for TestPeakRSS.
func TestHoldMemory(t *testing.T) {
	if !*hold {
		t.Skip("run by TestPeakRSS")
	}
	b := make([]byte, 64<<20)
	for i := range b {
		b[i] = 1
	}
	runtime.KeepAlive(b)
}
