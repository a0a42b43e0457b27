package manifest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/internal/testenv"
)

// BenchmarkRangeOneLine places every permission of a one-line manifest, as
// the schema rule does when none is known. The cost per range stays flat
// as the manifest grows.
func BenchmarkRangeOneLine(b *testing.B) {
	for _, n := range []int{4_000, 40_000, 200_000} {
		perms := make([]string, n)
		for i := range perms {
			perms[i] = fmt.Sprintf(`"perm%d"`, i)
		}
		src := []byte(head + `, "permissions": [` + strings.Join(perms, ",") + "]}")
		d, err := Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		list := d.Root().Get("permissions")
		b.Run(fmt.Sprintf("permissions=%d", n), func(b *testing.B) {
			for b.Loop() {
				for _, p := range list.Elems() {
					d.Range(p.Span())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/range")
		})
	}
}

// BenchmarkParse reads manifests with Parse, as Chrome's reader does, and
// with ParseStrict, as it reads the files that must be strict JSON: a
// typical manifest version 3 with comments (for ParseStrict, the same
// without them), a large one of thousands of permissions and content
// scripts, and every JSON file of the shared corpus in one operation.
func BenchmarkParse(b *testing.B) {
	typical, err := os.ReadFile(filepath.Join("testdata", "typical-mv3.json"))
	if err != nil {
		b.Fatal(err)
	}
	d, err := Parse(typical)
	if err != nil {
		b.Fatal(err)
	}
	if len(d.Comments()) == 0 {
		b.Fatal("the typical manifest has no comments")
	}
	strict := withoutComments(d)
	if _, err := ParseStrict(strict); err != nil {
		b.Fatalf("the typical manifest without its comments: %v", err)
	}
	benchParse(b, "typical/Parse", [][]byte{typical}, Parse)
	benchParse(b, "typical/ParseStrict", [][]byte{strict}, ParseStrict)

	large := largeManifest(b, 4_000, 1_000)
	benchParse(b, "large/Parse", [][]byte{large}, Parse)
	benchParse(b, "large/ParseStrict", [][]byte{large}, ParseStrict)

	b.Run("corpus", func(b *testing.B) {
		corpus := sharedCorpus(b)
		b.Logf("%d JSON files, %d bytes", len(corpus), size(corpus))
		benchParse(b, "Parse", corpus, Parse)
		benchParse(b, "ParseStrict", corpus, ParseStrict)
	})
}

// benchParse runs a sub-benchmark that parses every source with parse in
// one operation. The sources need not parse: the corpus has templates and
// the cases Chrome refuses.
func benchParse(b *testing.B, name string, srcs [][]byte, parse func([]byte) (*Document, error)) {
	b.Run(name, func(b *testing.B) {
		b.SetBytes(size(srcs))
		b.ReportAllocs()
		for b.Loop() {
			for _, src := range srcs {
				if d, _ := parse(src); d == nil {
					b.Fatal("no document")
				}
			}
		}
	})
}

// size is the bytes of all the sources.
func size(srcs [][]byte) int64 {
	var n int64
	for _, src := range srcs {
		n += int64(len(src))
	}
	return n
}

// withoutComments returns a document's source with its comments blanked
// out, which ParseStrict must accept.
func withoutComments(d *Document) []byte {
	src := bytes.Clone(d.Source())
	for _, c := range d.Comments() {
		for i := c.Span.Start; i < c.Span.End; i++ {
			src[i] = ' '
		}
	}
	return src
}

// largeManifest builds an indented manifest of perms permissions and
// scripts content scripts, as a tool might generate it.
func largeManifest(b *testing.B, perms, scripts int) []byte {
	type contentScript struct {
		Matches        []string `json:"matches"`
		ExcludeMatches []string `json:"exclude_matches,omitempty"`
		JS             []string `json:"js"`
		CSS            []string `json:"css,omitempty"`
		RunAt          string   `json:"run_at"`
		AllFrames      bool     `json:"all_frames"`
	}
	m := map[string]any{
		"manifest_version": 3,
		"name":             "Large",
		"version":          "1.0.0",
		"background":       map[string]string{"service_worker": "background.js"},
	}
	p := make([]string, perms)
	for i := range p {
		p[i] = fmt.Sprintf("permission%d", i)
	}
	m["permissions"] = p
	cs := make([]contentScript, scripts)
	for i := range cs {
		cs[i] = contentScript{
			Matches: []string{fmt.Sprintf("https://*.site%d.example/*", i), fmt.Sprintf("https://site%d.example.org/path/*", i)},
			JS:      []string{fmt.Sprintf("content/site%d.js", i), "content/common.js"},
			RunAt:   "document_idle",
		}
		if i%3 == 0 {
			cs[i].ExcludeMatches = []string{fmt.Sprintf("https://login.site%d.example/*", i)}
			cs[i].CSS = []string{fmt.Sprintf("content/site%d.css", i)}
			cs[i].AllFrames = true
		}
	}
	m["content_scripts"] = cs
	src, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ParseStrict(src); err != nil {
		b.Fatal(err)
	}
	return src
}

// sharedCorpus reads every JSON file of the shared corpus, or skips.
func sharedCorpus(b *testing.B) [][]byte {
	dir, ok := testenv.SharedDir()
	if !ok {
		testenv.Missing(b, testenv.RequireShared, "no shared corpus at "+dir+": the corpus benchmarks need ../shared beside the repository (or CRXLINT_SHARED)")
	}
	var out [][]byte
	err := filepath.WalkDir(filepath.Join(dir, "corpus"), func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(path) != ".json" {
			return err
		}
		src, err := os.ReadFile(path)
		out = append(out, src)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(out) == 0 {
		b.Fatal("no JSON file in the shared corpus")
	}
	return out
}
