package runner

import (
	"context"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// aheadPerWorker is how many results each worker may finish ahead of the
// next one to emit: enough to keep every core busy behind a slow
// extension, few enough that memory stays flat.
const aheadPerWorker = 8

// LintEach lints each path, as many at a time as GOMAXPROCS allows, and
// passes each result to emit in the order of paths, as soon as it and
// every one before it are done. emit is called one result at a time, by
// the worker that completed the next result (so no goroutine waits to be
// woken for each one); the result is released when emit returns, and
// workers wait rather than run further than a few results ahead of the
// next to emit, so memory stays flat however many paths there are. An
// error from emit stops the run and is returned.
func (l *Linter) LintEach(ctx context.Context, paths []string, emit func(Result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := max(1, min(runtime.GOMAXPROCS(0), len(paths)))
	o := &ordered{window: workers * aheadPerWorker, emit: emit, cancel: cancel}
	o.pending = make([]*Result, o.window)
	o.wake = sync.NewCond(&o.mu)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i, ok := o.claim(len(paths))
				if !ok {
					return
				}
				r := Result{Path: filepath.ToSlash(paths[i])}
				if err := ctx.Err(); err != nil {
					r.Err = err
				} else {
					r = l.lintPath(ctx, paths[i])
				}
				o.done(i, r)
			}
		})
	}
	wg.Wait()
	return o.err
}

// ordered hands out the indexes of the paths and releases their results
// in order.
type ordered struct {
	mu      sync.Mutex
	wake    *sync.Cond // a worker waits on it while the window is full
	window  int
	pending []*Result // the results done ahead, by index modulo window
	claimed int       // the next index to hand out
	next    int       // the next index to emit
	// emitting is set while a worker emits, so that results go out one at
	// a time and in order
	emitting bool
	emit     func(Result) error
	err      error
	cancel   func()
}

// claim returns the next index to lint, waiting while the results ahead of
// the next to emit fill the window; ok is false when there is none left or
// emit failed.
func (o *ordered) claim(n int) (i int, ok bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for o.err == nil && o.claimed < n && o.claimed-o.next >= o.window {
		o.wake.Wait()
	}
	if o.err != nil || o.claimed >= n {
		return 0, false
	}
	o.claimed++
	return o.claimed - 1, true
}

// done files the result of index i, and emits every result that is next
// in order unless another worker is emitting already.
func (o *ordered) done(i int, r Result) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.pending[i%o.window] = &r
	if o.emitting {
		return // the emitting worker takes it when its turn comes
	}
	o.emitting = true
	for o.err == nil && o.pending[o.next%o.window] != nil {
		next := o.pending[o.next%o.window]
		o.pending[o.next%o.window] = nil
		o.next++
		o.mu.Unlock()
		err := o.emit(*next)
		o.mu.Lock()
		if err != nil && o.err == nil {
			o.err = err
			o.cancel()
		}
		o.wake.Broadcast()
	}
	o.emitting = false
}

// LintPaths lints each path: a manifest file or an extension folder. Results
// come back in the order of the paths.
func (l *Linter) LintPaths(ctx context.Context, paths []string) []Result {
	results := make([]Result, 0, len(paths))
	_ = l.LintEach(ctx, paths, func(r Result) error {
		results = append(results, r)
		return nil
	})
	return results
}

// ReportOrder sorts paths, as Manifests returns them, in the order of the
// report: by the path each result names (a folder's manifest.json, an
// archive's manifest.json inside it), as the output formats order a batch,
// so that LintEach's results can be written as they come.
func ReportOrder(paths []string) []string {
	type keyed struct{ key, path string }
	ks := make([]keyed, len(paths))
	for i, p := range paths {
		ks[i] = keyed{reportPath(p), p}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	out := make([]string, len(paths))
	for i, k := range ks {
		out[i] = k.path
	}
	return out
}

// reportPath is the path the result of linting p names, as lintPath
// names it, as far as it can be told without reading p: an archive that
// turns out to hold no manifest.json, or cannot be read, is named by
// itself.
func reportPath(p string) string {
	if isArchiveFile(p) {
		return filepath.ToSlash(p) + ArchiveSeparator + ManifestName
	}
	if file, _, err := locate(p); err == nil {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(p)
}
