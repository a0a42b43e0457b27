//go:build unix

// Command manybench measures crxlint on many extensions in one process, as
// a store-scale scan runs it: it writes N synthetic extensions (see
// internal/synthext) into a temporary folder, runs crxlint --recursive on
// it, and prints the extensions linted per second, the CPU time per
// extension, how many cores were busy on average (CPU time over wall
// time), and the peak resident memory, for each N: the memory must stay
// flat as N grows. It is run by scripts/bench.sh.
//
// Usage:
//
//	manybench [-runs R] [-manifests N,N,...] [-code N,N,...] [-args 'ARGS'] CRXLINT
//
// -manifests lists the counts of manifest-only extensions, -code those of
// extensions with about 100 KB of JavaScript each; an empty list skips the
// kind. Each measurement is the median of R runs. Output goes to
// /dev/null; exit status 1 (findings) is a normal run.
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
	"syscall"
	"time"

	"github.com/crxlint/crxlint/internal/synthext"
)

func main() {
	runs := flag.Int("runs", 3, "runs of each measurement; the median is printed")
	manifests := flag.String("manifests", "1000,4000,16000", "counts of manifest-only extensions")
	code := flag.String("code", "100,400,1600", "counts of extensions with 100 KB of JavaScript")
	args := flag.String("args", "", "more arguments for crxlint, split on spaces")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "manybench: name the crxlint binary to measure")
		os.Exit(2)
	}
	if err := measureAll(flag.Arg(0), *runs, *manifests, *code, strings.Fields(*args)); err != nil {
		fmt.Fprintln(os.Stderr, "manybench:", err)
		os.Exit(1)
	}
}

func measureAll(bin string, runs int, manifests, code string, args []string) error {
	tmp, err := os.MkdirTemp("", "manybench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fmt.Printf("%-14s %7s %9s %10s %12s %6s %10s\n", "extensions", "N", "wall", "ext/s", "cpu/ext", "cores", "peak RSS")
	for _, kind := range []struct {
		name   string
		kind   synthext.Kind
		counts string
	}{{"manifest-only", synthext.ManifestOnly, manifests}, {"100 KB of JS", synthext.WithCode, code}} {
		for _, field := range strings.FieldsFunc(kind.counts, func(r rune) bool { return r == ',' }) {
			n, err := strconv.Atoi(field)
			if err != nil || n <= 0 {
				return fmt.Errorf("%q is not a count of extensions", field)
			}
			dir := filepath.Join(tmp, fmt.Sprintf("%d-%d", kind.kind, n))
			if _, err := synthext.Write(dir, n, kind.kind); err != nil {
				return err
			}
			m, err := measure(bin, append(slices.Clone(args), "--recursive", dir), runs)
			if err != nil {
				return err
			}
			fmt.Printf("%-14s %7d %8.2fs %10.0f %10.3fms %6.2f %7.1f MiB\n", kind.name, n, m.wall.Seconds(),
				float64(n)/m.wall.Seconds(), m.cpu.Seconds()*1e3/float64(n), m.cpu.Seconds()/m.wall.Seconds(), float64(m.rss)/(1<<20))
			if err := os.RemoveAll(dir); err != nil {
				return err
			}
		}
	}
	return nil
}

// sample is one run: its wall and CPU time and its peak resident memory
// in bytes.
type sample struct {
	wall, cpu time.Duration
	rss       int64
}

// measure runs crxlint runs times and returns the run of median wall time.
func measure(bin string, args []string, runs int) (sample, error) {
	var all []sample
	for range max(1, runs) {
		c := exec.Command(bin, args...) //nolint:gosec // running the binary it is given is the job
		start := time.Now()
		err := c.Run()
		wall := time.Since(start)
		var exit *exec.ExitError
		if err != nil && (!errors.As(err, &exit) || exit.ExitCode() != 1) {
			return sample{}, fmt.Errorf("%s %s: %w", bin, strings.Join(args, " "), err)
		}
		s := sample{wall: wall, cpu: c.ProcessState.UserTime() + c.ProcessState.SystemTime()}
		if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
			s.rss = ru.Maxrss << 10 // kilobytes on Linux
		}
		all = append(all, s)
	}
	slices.SortFunc(all, func(a, b sample) int { return int(a.wall - b.wall) })
	return all[len(all)/2], nil
}
