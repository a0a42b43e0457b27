package jsscan

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"
)

// bundleDir is where scripts/js-bundles.sh puts the real bundles the
// benchmarks read: $CRXLINT_JS_BUNDLES, or crxlint-js-bundles in the
// temporary folder.
func bundleDir() string { return downloads("CRXLINT_JS_BUNDLES", "crxlint-js-bundles") }

// downloads returns the folder a download script filled: the one the
// environment variable env names, or name in the temporary folder.
func downloads(env, name string) string {
	if dir := os.Getenv(env); dir != "" {
		return dir
	}
	return filepath.Join(os.TempDir(), name)
}

type bundle struct {
	name string
	src  []byte
}

// bundles reads the real bundles, and adds a 10 MB one made of nine copies
// of the largest minified one, each in a block of its own. It skips when
// the bundles have not been downloaded.
func bundles(tb testing.TB) []bundle {
	tb.Helper()
	dir := bundleDir()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.js"))
	if len(paths) == 0 {
		tb.Skipf("no bundles in %s (run scripts/js-bundles.sh %s, or set CRXLINT_JS_BUNDLES)", dir, dir)
	}
	slices.Sort(paths)
	var out []bundle
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, bundle{filepath.Base(p), src})
	}
	for _, b := range out {
		if b.name == "echarts.min.js" {
			var big bytes.Buffer
			for range 9 {
				big.WriteString("{\n")
				big.Write(b.src)
				big.WriteString("\n}\n")
			}
			out = append(out, bundle{"echarts.min.js-x9", big.Bytes()})
		}
	}
	return out
}

// rawParse is the parse a scan starts with, alone: tdewolff's parser on
// a buffer with room for its end mark, so that it copies nothing.
func rawParse(buf []byte) error {
	_, err := js.Parse(parse.NewInputBytes(buf), js.Options{})
	return err
}

// treeSize parses buf and returns how many bytes the syntax tree holds
// live: the floor of a scan's memory, whatever it does with the tree.
func treeSize(buf []byte) (uint64, error) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ast, err := js.Parse(parse.NewInputBytes(buf), js.Options{})
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(ast)
	return after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc), err
}

// BenchmarkBundle scans real bundles (see scripts/js-bundles.sh) and
// parses them with tdewolff's parser alone, in turn, so that a loaded
// machine slows both alike. It reports the scan's throughput (MB/s) and
// the parse's (parse-MB/s) in CPU time, the process's, so the garbage
// collector's work counts and other programs' does not, and their ratio
// (scan/parse, the median of the iterations' ratios, which one iteration
// slowed by something else does not move), the figure issue #13 wants at
// most 1.3; and how many times the source's size the parser's tree holds
// (tree/source).
func BenchmarkBundle(b *testing.B) {
	for _, bd := range bundles(b) {
		b.Run(bd.name, func(b *testing.B) {
			buf := make([]byte, len(bd.src), len(bd.src)+1)
			copy(buf, bd.src)
			tree, err := treeSize(buf)
			if err != nil {
				b.Fatalf("%s does not parse: %v", bd.name, err)
			}
			b.ReportAllocs()
			var parseTime, scanTime time.Duration
			var ratios []float64
			for b.Loop() {
				// Each starts from a collected heap, as in a process of
				// its own, so that neither pays for the other's garbage.
				runtime.GC()
				t0 := cpuTime()
				_ = rawParse(buf)
				parse := cpuTime() - t0
				runtime.GC()
				t0 = cpuTime()
				Scan(File{Src: bd.src})
				scan := cpuTime() - t0
				parseTime += parse
				scanTime += scan
				ratios = append(ratios, scan.Seconds()/parse.Seconds())
			}
			slices.Sort(ratios)
			mb := float64(len(bd.src)) * float64(b.N) / 1e6
			b.ReportMetric(mb/scanTime.Seconds(), "MB/s")
			b.ReportMetric(mb/parseTime.Seconds(), "parse-MB/s")
			b.ReportMetric(ratios[len(ratios)/2], "scan/parse")
			b.ReportMetric(float64(tree)/float64(len(bd.src)), "tree/source")
		})
	}
}
