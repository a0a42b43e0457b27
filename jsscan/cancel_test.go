package jsscan

import (
	"context"
	"testing"
	"time"
)

// TestScanContextCanceled checks that a scan whose context is already done
// reports ErrCanceled and nothing else.
func TestScanContextCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := ScanContext(ctx, File{Path: "a.js", Src: []byte(`chrome.runtime.connect("x");`)})
	if r.Err == nil || r.Err.Kind != ErrCanceled || len(r.Uses) != 0 || r.Path != "a.js" {
		t.Fatalf("got %+v, want an ErrCanceled result with no findings", r)
	}
	if r.Err.Error() != "1:1: canceled: scan canceled: context canceled" {
		t.Errorf("message %q", r.Err.Error())
	}
}

// TestScanContextStops cancels scans of a large file while they parse, and
// checks that each stops with ErrCanceled instead of finishing; how soon is
// measured by BenchmarkCancel.
func TestScanContextStops(t *testing.T) {
	src := generate(2 << 20)
	for _, after := range []time.Duration{0, time.Millisecond} {
		ctx, cancel := context.WithCancel(context.Background())
		timer := time.AfterFunc(after, cancel)
		r := ScanContext(ctx, File{Src: src})
		timer.Stop()
		cancel()
		if r.Err == nil || r.Err.Kind != ErrCanceled || len(r.Uses) != 0 {
			t.Errorf("canceled after %v: got err %v and %d uses, want ErrCanceled and none", after, r.Err, len(r.Uses))
		}
	}
}

// TestWalksStop checks that the analysis of a parsed file stops at once
// when its done channel is closed, and finds everything when it is open.
func TestWalksStop(t *testing.T) {
	text := generate(64 << 10)
	for _, stop := range []bool{false, true} {
		done := make(chan struct{})
		if stop {
			close(done)
		}
		src := newSource(text, done)
		ast, err := parseSource(src, nil)
		if err != nil {
			t.Fatal(err)
		}
		found := analyze(src, ast)
		if got := len(found.uses) > 0; got == stop {
			t.Errorf("done closed %v: %d uses", stop, len(found.uses))
		}
		if stop && !src.lazy && src.tokens.len() > checkEvery*4 {
			t.Errorf("done closed: lexed %d tokens", src.tokens.len())
		}
	}
}

// BenchmarkCancel measures how long a scan of an 8 MB file takes to return
// once its context is canceled, at points spread over the scan
// (ms-to-stop, the worst of them).
func BenchmarkCancel(b *testing.B) {
	src := generate(8 << 20)
	var worst time.Duration
	for i := 0; b.Loop(); i++ {
		ctx, cancel := context.WithCancel(context.Background())
		var at time.Time
		timer := time.AfterFunc(time.Duration(i%20)*25*time.Millisecond, func() {
			at = time.Now()
			cancel()
		})
		r := ScanContext(ctx, File{Src: src})
		end := time.Now()
		timer.Stop()
		cancel()
		if r.Err != nil && r.Err.Kind == ErrCanceled {
			worst = max(worst, end.Sub(at))
		}
	}
	b.ReportMetric(float64(worst)/float64(time.Millisecond), "ms-to-stop")
}
