package main

import (
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
		_, _, rss, err := runOnce(cmd)
		if err != nil {
			t.Errorf("runOnce(%q): %v", cmd, err)
		}
		if runtime.GOOS == "linux" && rss <= 0 {
			t.Errorf("runOnce(%q): peak memory %d, want the process's", cmd, rss)
		}
	}
	if _, _, _, err := runOnce("./no-such-command"); err == nil {
		t.Error("runOnce of a missing command succeeded")
	}
}
