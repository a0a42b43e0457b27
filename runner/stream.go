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
// every one before it are done. emit runs on the calling goroutine, one
// result at a time; the result is released when emit returns, and workers
// wait rather than run further than a few results ahead of the next to
// emit, so memory stays flat however many paths there are.
// An error from emit stops the run and is returned.
func (l *Linter) LintEach(ctx context.Context, paths []string, emit func(Result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := max(1, min(runtime.GOMAXPROCS(0), len(paths)))
	window := workers * aheadPerWorker
	type done struct {
		i int
		r Result
	}
	slots := make(chan struct{}, window) // one per result not yet emitted
	jobs := make(chan int)
	results := make(chan done, window)
	go func() {
		defer close(jobs)
		for i := range paths {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				r := Result{Path: filepath.ToSlash(paths[i])}
				if err := ctx.Err(); err != nil {
					r.Err = err
				} else {
					r = l.lintPath(ctx, paths[i])
				}
				results <- done{i, r}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := make([]*Result, window) // by index modulo window
	next := 0
	var err error
	for d := range results {
		if err != nil {
			continue // drain the workers
		}
		pending[d.i%window] = &d.r
		for err == nil && pending[next%window] != nil {
			r := pending[next%window]
			pending[next%window] = nil
			next++
			err = emit(*r)
			<-slots
		}
		if err != nil {
			cancel()
		}
	}
	if err == nil && next < len(paths) {
		// cancelled before every path was handed out: the rest are results
		// of the cancellation
		for _, p := range paths[next:] {
			if err = emit(Result{Path: filepath.ToSlash(p), Err: ctx.Err()}); err != nil {
				break
			}
		}
	}
	return err
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
