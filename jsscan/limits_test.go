package jsscan

import (
	"runtime"
	"strings"
	"testing"
)

// pathological returns inputs built to make a careless scanner quadratic or
// exhaust its stack, each about a megabyte.
func pathological() []struct{ name, src string } {
	const n = 1 << 20
	rep := strings.Repeat
	return []struct{ name, src string }{
		{"long concatenation", "chrome.runtime.connect(" + rep(`"ab" + `, n/7) + `"c");`},
		{"long member chain", "x" + rep(".b", n/2) + ";"},
		{"long API chain", "chrome" + rep(".b", n/2) + "();"},
		{"long call chain", "chrome.a" + rep("()", n/2) + ";"},
		{"nested API calls", rep("chrome.a.b(", 900) + "1" + rep(")", 900) + ";" + rep("chrome.a.b(1);", n/16)},
		{"many uses on one line", rep("chrome.tabs.query({}, cb);", n/26)},
		{"many aliases", rep("var a = chrome; var b = a.x; b.y.z(a, b);", n/42)},
		{"long argument list", "chrome.a.b(" + rep("x, ", n/3) + "1);"},
		{"many listeners of one handler", "function h(m, s) {" + rep("s;", 1000) + "}" + rep("chrome.runtime.onMessageExternal.addListener(h);", n/48)},
		{"broken nested calls", rep("chrome.a.b(", n/11) + " function ("},
		{"broken imports", rep("import a, ", n/10) + "("},
		{"deep templates", rep("`${", 500) + "chrome.a.b" + rep("}`", 500)},
	}
}

// TestPathological checks that the scanner survives each pathological
// input: no internal error, no stack exhaustion. A scan that turns
// quadratic shows in BenchmarkPathological (scripts/bench.sh), and a hang
// in go test's timeout.
func TestPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for _, tc := range pathological() {
		t.Run(tc.name, func(t *testing.T) {
			r := Scan(File{Src: []byte(tc.src)})
			t.Logf("%d bytes (err %v, incomplete %v, %d uses)", len(tc.src), r.Err, r.Incomplete, len(r.Uses))
			if r.Err != nil && r.Err.Kind == ErrInternal {
				t.Fatal(r.Err)
			}
		})
	}
}

// BenchmarkPathological measures the scan of each pathological input, so a
// change that makes one of them slow shows in scripts/bench.sh.
func BenchmarkPathological(b *testing.B) {
	for _, tc := range pathological() {
		src := []byte(tc.src)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Scan(File{Src: src})
			}
		})
	}
}

// hostile returns inputs built to make the scan's memory grow faster than
// the input (issue #11): a large constant passed to a call thousands of
// times, files of long member chains, and deep destructuring patterns.
// They are generated here, never committed.
func hostile() []struct{ name, src string } {
	rep := strings.Repeat
	chains := func(root string) string {
		line := root + rep(".a", 900) + ";\n"
		return rep(line, (2<<20)/len(line))
	}
	return []struct{ name, src string }{
		{"1 MB constant passed 8000 times", `const C = "` + rep("x", 1<<20) + "\";\n" + rep("chrome.runtime.sendMessage(C);\n", 8000)},
		{"2 MB of long API chains", chains("chrome")},
		{"2 MB of long member chains", chains("x")},
		{"deep destructuring", "let " + rep("{a:", 8000) + "v" + rep("}", 8000) + " = x;"},
		{"deep destructuring of the API", "let " + rep("{a:", 8000) + "v" + rep("}", 8000) + " = chrome;\n" + rep("v.x;", 1<<18)},
	}
}

// BenchmarkHostile measures the scan of each hostile input, with the
// memory it allocates per byte of input (alloc-B/B): a scan whose memory
// is proportional to its input keeps it bounded.
func BenchmarkHostile(b *testing.B) {
	for _, tc := range hostile() {
		src := []byte(tc.src)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				Scan(File{Src: src})
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(src)), "alloc-B/B")
		})
	}
}
