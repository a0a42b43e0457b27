package jsscan

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// corpusDir is where scripts/js-corpus.sh puts the npm packages whose
// files BenchmarkCorpus reads: $CRXLINT_JS_CORPUS, or crxlint-js-corpus in
// the temporary folder.
func corpusDir() string { return downloads("CRXLINT_JS_CORPUS", "crxlint-js-corpus") }

// corpusBatch is how many bytes of files BenchmarkCorpus parses, and
// then scans, between two collections: enough that the forced collections
// cost little beside the work, few enough that the heap stays small.
const corpusBatch = 4 << 20

// corpusFile is one file of the corpus: its path and its size.
type corpusFile struct {
	path string
	size int
}

// corpusFiles lists the JavaScript files (.js, .mjs and .cjs) under dir,
// in lexical order, and counts those larger than MaxSize, which it leaves
// out. It skips when there are no files to read.
func corpusFiles(tb testing.TB, dir string) (files []corpusFile, tooLarge int) {
	tb.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && os.IsNotExist(err) {
				return filepath.SkipAll
			}
			return err
		}
		switch filepath.Ext(p) {
		case ".js", ".mjs", ".cjs":
		default:
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Size() > MaxSize {
			tooLarge++
			return nil
		}
		files = append(files, corpusFile{p, int(info.Size())})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Skipf("no JavaScript files in %s (run scripts/js-corpus.sh %s, or set CRXLINT_JS_CORPUS)", dir, dir)
	}
	return files, tooLarge
}

// refusedForNesting reports whether e is tdewolff's parser refusing a file
// for nesting past its limits ("too many nested expressions", or
// statements) rather than for a syntax error: both come as ErrSyntax, told
// apart only by the message.
func refusedForNesting(e *Error) bool {
	return e != nil && e.Kind == ErrSyntax && strings.HasPrefix(e.Msg, "too many nested ")
}

// BenchmarkCorpus scans every JavaScript file of a set of npm packages
// (see scripts/js-corpus.sh) and parses each with tdewolff's parser alone,
// as BenchmarkBundle does with whole bundles, in batches of corpusBatch
// bytes: the batch's parses, then its scans, each from a collected heap.
// It reports the files read (files) and their size (MB); the files whose
// scan fell back to tokens because the parser refused their nesting
// (nested-fallbacks) or for a syntax error (syntax-fallbacks), whose paths
// it logs; the files larger than MaxSize, left out (too-large); and, in
// CPU time over the whole corpus, the scan's throughput (MB/s), the
// parse's (parse-MB/s) and their ratio (scan/parse). The files are read
// again from disk in each operation, outside the times, so that the heap
// holds one batch at a time.
func BenchmarkCorpus(b *testing.B) {
	dir := corpusDir()
	files, tooLarge := corpusFiles(b, dir)
	b.ReportAllocs()
	var (
		size                int
		nested, syntax      []string
		parseTime, scanTime time.Duration
	)
	for b.Loop() {
		size, nested, syntax = 0, nil, nil
		for start := 0; start < len(files); {
			var (
				bufs [][]byte
				n    int
			)
			for _, f := range files[start:] {
				if n > 0 && n+f.size > corpusBatch {
					break
				}
				src, err := os.ReadFile(f.path)
				if err != nil {
					b.Fatal(err)
				}
				buf := make([]byte, len(src), len(src)+1)
				copy(buf, src)
				bufs = append(bufs, buf)
				n += len(src)
			}
			batch := files[start : start+len(bufs)]
			start += len(bufs)
			size += n
			perrs := make([]error, len(bufs))
			results := make([]Result, len(bufs))

			runtime.GC()
			t0 := cpuTime()
			for i, buf := range bufs {
				perrs[i] = rawParse(buf)
			}
			parseTime += cpuTime() - t0
			runtime.GC()
			t0 = cpuTime()
			for i, buf := range bufs {
				results[i] = Scan(File{Path: batch[i].path, Src: buf})
			}
			scanTime += cpuTime() - t0

			for i, res := range results {
				rel, _ := filepath.Rel(dir, batch[i].path)
				rel = filepath.ToSlash(rel)
				switch {
				case res.Err != nil && res.Err.Kind == ErrInternal:
					b.Errorf("%s: %v", rel, res.Err)
				case res.Fallback != (perrs[i] != nil):
					b.Errorf("%s: the parse alone gives %v, the scan falls back: %v", rel, perrs[i], res.Fallback)
				case res.Fallback && refusedForNesting(res.Err):
					nested = append(nested, rel+": "+res.Err.Error())
				case res.Fallback:
					syntax = append(syntax, rel+": "+res.Err.Error())
				}
			}
		}
	}
	for _, s := range nested {
		b.Logf("fell back, nesting refused: %s", s)
	}
	for _, s := range syntax {
		b.Logf("fell back, syntax error: %s", s)
	}
	mb := float64(size) / 1e6
	b.ReportMetric(float64(len(files)), "files")
	b.ReportMetric(mb, "MB")
	b.ReportMetric(float64(len(nested)), "nested-fallbacks")
	b.ReportMetric(float64(len(syntax)), "syntax-fallbacks")
	b.ReportMetric(float64(tooLarge), "too-large")
	b.ReportMetric(mb*float64(b.N)/scanTime.Seconds(), "MB/s")
	b.ReportMetric(mb*float64(b.N)/parseTime.Seconds(), "parse-MB/s")
	b.ReportMetric(scanTime.Seconds()/parseTime.Seconds(), "scan/parse")
}

// TestRefusedForNesting checks that BenchmarkCorpus tells the parser's
// refusals for nesting from syntax errors, on the parser's own messages.
func TestRefusedForNesting(t *testing.T) {
	deep := strings.Repeat("(", 1100) + "1" + strings.Repeat(")", 1100) + ";"
	blocks := strings.Repeat("{", 1100) + strings.Repeat("}", 1100)
	for _, tc := range []struct {
		name, src string
		nested    bool
	}{
		{"nested expressions", deep, true},
		{"nested statements", blocks, true},
		{"syntax error", "function (", false},
	} {
		res := Scan(File{Src: []byte(tc.src)})
		if !res.Fallback {
			t.Errorf("%s: no fallback", tc.name)
			continue
		}
		if got := refusedForNesting(res.Err); got != tc.nested {
			t.Errorf("%s: refusedForNesting(%v) = %v, want %v", tc.name, res.Err, got, tc.nested)
		}
	}
}
