// Command startbench measures how long commands take to start and finish,
// side by side: it runs each command in turn, round after round, so that a
// busy machine slows them all alike, and prints for each the median wall
// time, the median CPU time (user plus system), the median wall time above
// the first command's and as a multiple of it, and its peak memory
// (resident set) in one more run under /usr/bin/time, when there is one: a
// process started by Go's os/exec starts from its parent's memory, and its
// own peak counts the parent's, while time(1)'s fork starts from time's
// small one. It is run by scripts/bench.sh and scripts/compare.sh.
//
// Usage:
//
//	startbench [-runs N] [-warmup N] -- 'CMD ARGS...' 'CMD ARGS...' ...
//
// Each command is one argument, split on spaces; the first is the baseline
// (a hello-world binary in bench.sh). Output goes to /dev/null; a command
// that fails stops the measurement.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	runs := flag.Int("runs", 200, "measured rounds")
	warmup := flag.Int("warmup", 10, "unmeasured rounds first")
	flag.Parse()
	if err := measure(flag.Args(), *runs, *warmup); err != nil {
		fmt.Fprintln(os.Stderr, "startbench:", err)
		os.Exit(1)
	}
}

// sample is one command's wall and CPU times over the rounds.
type sample struct {
	cmd       string
	wall, cpu []time.Duration
	maxRSS    int64 // bytes
}

func measure(cmds []string, runs, warmup int) error {
	if len(cmds) == 0 {
		return errors.New("no command given")
	}
	samples := make([]sample, len(cmds))
	for i, c := range cmds {
		samples[i].cmd = c
	}
	for round := range warmup + runs {
		for i := range samples {
			wall, cpu, err := runOnce(samples[i].cmd)
			if err != nil {
				return err
			}
			if round >= warmup {
				samples[i].wall = append(samples[i].wall, wall)
				samples[i].cpu = append(samples[i].cpu, cpu)
			}
		}
	}
	for i := range samples {
		samples[i].maxRSS = peakRSS(samples[i].cmd)
	}
	base := median(samples[0].wall)
	fmt.Printf("%d rounds, medians:\n", runs)
	for _, s := range samples {
		w := median(s.wall)
		rss := "     -    "
		if s.maxRSS > 0 {
			rss = fmt.Sprintf("%6.1f MiB", float64(s.maxRSS)/(1<<20))
		}
		fmt.Printf("  %-45s wall %8.2f ms  cpu %8.2f ms  above baseline %+8.2f ms  %6.1fx  max RSS %s\n",
			short(s.cmd), ms(w), ms(median(s.cpu)), ms(w-base), float64(w)/float64(base), rss)
	}
	return nil
}

// timeCmd is time(1), which peakRSS runs a command under.
const timeCmd = "/usr/bin/time"

// peakRSS runs cmd once under time(1) and returns its peak resident memory
// in bytes, or 0 when there is no time(1) or it does not say.
func peakRSS(cmd string) int64 {
	var stderr strings.Builder
	c := exec.Command(timeCmd, append([]string{"-f", "%M"}, strings.Fields(cmd)...)...) //nolint:gosec // running the commands it is given is the job
	c.Stderr = &stderr
	_ = c.Run() // exit status 1 is a run with findings; a failure leaves no figure
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	kib, err := strconv.ParseInt(strings.TrimSpace(lines[len(lines)-1]), 10, 64)
	if err != nil {
		return 0
	}
	return kib << 10
}

// runOnce runs cmd and returns its wall time and the CPU time it used.
func runOnce(cmd string) (wall, cpu time.Duration, err error) {
	args := strings.Fields(cmd)
	c := exec.Command(args[0], args[1:]...) //nolint:gosec // running the commands it is given is the job
	start := time.Now()
	err = c.Run()
	wall = time.Since(start)
	// An exit status of 1 is crxlint reporting findings: still a run.
	var exit *exec.ExitError
	if err != nil && (!errors.As(err, &exit) || exit.ExitCode() != 1) {
		return 0, 0, fmt.Errorf("%s: %w", cmd, err)
	}
	return wall, c.ProcessState.UserTime() + c.ProcessState.SystemTime(), nil
}

// short names a command by its program's base name and its arguments.
func short(cmd string) string {
	args := strings.Fields(cmd)
	args[0] = filepath.Base(args[0])
	return strings.Join(args, " ")
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
