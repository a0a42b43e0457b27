package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/crxlint/crxlint/runner"
)

// A Stream writes a report result by result, so that a run over thousands
// of extensions keeps none of them once written: Write each result in the
// report's order (by path, as Format sorts them), then Close, which writes
// what needs every result (the text summary, the SARIF header) and ends
// the document. The bytes are those Format writes for the same results.
// A Stream is not safe for concurrent use.
type Stream interface {
	Write(r runner.Result) error
	Close() error
}

// NewStream returns a Stream of the format called name onto w.
func NewStream(name string, w io.Writer, opts Options) (Stream, error) {
	f, err := New(name, opts)
	if err != nil {
		return nil, err
	}
	return f.(streamer).stream(w), nil
}

// streamer is every formatter: Format is its stream over the sorted
// results.
type streamer interface {
	stream(w io.Writer) Stream
}

// formatAll writes results through s in the report's order.
func formatAll(s Stream, results []runner.Result) error {
	for _, r := range sorted(results) {
		if err := s.Write(r); err != nil {
			return err
		}
	}
	return s.Close()
}

// jsonArray writes the elements of a JSON array one at a time, indented as
// encoding/json indents the whole document with two spaces, the array
// being at depth levels: "[", each element on its own lines, "]"; "[]"
// when empty.
type jsonArray struct {
	w     io.Writer
	depth int
	n     int
}

func (a *jsonArray) add(v any) error {
	prefix := strings.Repeat("  ", a.depth+1)
	data, err := json.MarshalIndent(v, prefix, "  ")
	if err != nil {
		return err
	}
	sep := ",\n"
	if a.n == 0 {
		sep = "\n"
	}
	a.n++
	_, err = fmt.Fprintf(a.w, "%s%s%s", sep, prefix, data)
	return err
}

// closing is the text that closes the array.
func (a *jsonArray) closing() string {
	if a.n == 0 {
		return "]"
	}
	return "\n" + strings.Repeat("  ", a.depth) + "]"
}

// splitAt marshals doc, whose last array (in document order) is the empty
// one written as key, and returns the text before and after the array's
// "[]": the stream writes the array's elements between the two.
func splitAt(doc any, key string) (before, after string, err error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return "", "", err
	}
	s := b.String()
	mark := fmt.Sprintf("%q: []", key)
	i := strings.LastIndex(s, mark)
	if i < 0 {
		return "", "", fmt.Errorf("output: no empty %q in the document", key)
	}
	i += len(mark) - len("[]")
	return s[:i] + "[", s[i+len("[]"):], nil
}

// spoolMemory is how much a spool holds in memory before it moves to a
// temporary file.
const spoolMemory = 1 << 20

// spool keeps the part of a report that can be written only after what
// follows every result (the SARIF results under a header that counts the
// rules found; the text report under GitHub's annotations): in memory
// while small, then in a temporary file, removed at once, so that memory
// stays flat however many results there are.
type spool struct {
	mem  bytes.Buffer
	file *os.File
	err  error
}

func (s *spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.file == nil && s.mem.Len()+len(p) > spoolMemory {
		s.toFile()
	}
	if s.file == nil {
		return s.mem.Write(p)
	}
	n, err := s.file.Write(p)
	s.err = err
	return n, err
}

// toFile moves the spool to a temporary file; where none can be made, it
// stays in memory.
func (s *spool) toFile() {
	f, err := os.CreateTemp("", "crxlint-report-*")
	if err != nil {
		return
	}
	_ = os.Remove(f.Name()) // the open file stays readable; nothing is left behind
	if _, err := s.mem.WriteTo(f); err != nil {
		_ = f.Close()
		return
	}
	s.file = f
}

// copyTo writes what the spool holds to w and releases it.
func (s *spool) copyTo(w io.Writer) error {
	if s.err != nil {
		return s.close(s.err)
	}
	if s.file == nil {
		_, err := s.mem.WriteTo(w)
		return err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return s.close(err)
	}
	_, err := io.Copy(w, s.file)
	return s.close(err)
}

func (s *spool) close(err error) error {
	if s.file == nil {
		return err
	}
	return errors.Join(err, s.file.Close())
}
