//go:build unix

package main

import "testing"

func TestMeasure(t *testing.T) {
	// false exits 1, as crxlint does when it reports findings: a valid run.
	for _, bin := range []string{"true", "false"} {
		s, err := measure(bin, nil, 3)
		if err != nil || s.wall <= 0 {
			t.Errorf("measure(%q) = %+v, %v", bin, s, err)
		}
	}
	if _, err := measure("./no-such-command", nil, 1); err == nil {
		t.Error("measure of a missing command succeeded")
	}
}
