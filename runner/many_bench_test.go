//go:build unix

package runner_test

import (
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"syscall"
	"testing"
	"time"

	"github.com/crxlint/crxlint/internal/synthext"
	"github.com/crxlint/crxlint/output"
	"github.com/crxlint/crxlint/rules"
	"github.com/crxlint/crxlint/runner"
)

// BenchmarkManyExtensions lints N synthetic extensions in one process, as
// crxlint --recursive does: LintEach on every core, each result written
// to a text report as it comes (to io.Discard). It reports extensions per
// second and the peak live heap (as of each garbage collection), which
// must stay flat as N grows (issue #13: at least 5,000 manifest-only
// extensions and 300 with 100 KB of JavaScript a second on 2 cores).
// scripts/bench.sh runs it; internal/cmd/manybench measures the whole
// command the same way.
func BenchmarkManyExtensions(b *testing.B) {
	for _, c := range []struct {
		name string
		kind synthext.Kind
		ns   []int
	}{
		{"manifest-only", synthext.ManifestOnly, []int{500, 2000}},
		{"100KB-js", synthext.WithCode, []int{50, 200}},
	} {
		for _, n := range c.ns {
			b.Run(fmt.Sprintf("%s/n=%d", c.name, n), func(b *testing.B) {
				paths, err := synthext.Write(b.TempDir(), n, c.kind)
				if err != nil {
					b.Fatal(err)
				}
				manifests := runner.ReportOrder(paths)
				l := runner.New(runner.Options{Rules: rules.All()})
				var peak peakHeap
				runtime.GC()
				cpu0 := cpuTime()
				for b.Loop() {
					report, err := output.NewStream("text", io.Discard, output.Options{Rules: rules.All()})
					if err != nil {
						b.Fatal(err)
					}
					err = l.LintEach(b.Context(), manifests, func(r runner.Result) error {
						if r.Err != nil {
							b.Fatalf("%s: %v", r.Path, r.Err)
						}
						peak.sample()
						return report.Write(r)
					})
					if err == nil {
						err = report.Close()
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "ext/s")
				// CPU time tells the cost apart from a busy machine's waits:
				// on 2 idle cores, the rate is about 2 s / cpu-s.
				b.ReportMetric((cpuTime()-cpu0).Seconds()*1e3/float64(n*b.N), "cpu-ms/ext")
				b.ReportMetric(float64(peak.max)/(1<<20), "peak-live-MiB")
			})
		}
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakHeap keeps the largest live heap seen: the bytes the last garbage
// collection found reachable.
type peakHeap struct {
	sample1 [1]metrics.Sample
	max     uint64
}

func (p *peakHeap) sample() {
	p.sample1[0].Name = "/gc/heap/live:bytes"
	metrics.Read(p.sample1[:])
	p.max = max(p.max, p.sample1[0].Value.Uint64())
}
