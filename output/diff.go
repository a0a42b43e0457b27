package output

import (
	"io"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"
)

// Diff writes a unified diff from before to after of the file path (both
// labels are path, so that `patch -p0` and `git apply -p0` apply it). Like
// every other output it escapes the control characters of the input, but
// keeps tabs and a carriage return that ends a line, so that the diff of an
// ordinary manifest, CRLF line endings included, applies as written. It
// writes nothing when before and after are equal.
func Diff(w io.Writer, path string, before, after []byte) error {
	label := escapeLine(path)
	d := udiff.Unified(label, label, string(before), string(after))
	if d == "" {
		return nil
	}
	var b strings.Builder
	for line := range strings.SplitAfterSeq(d, "\n") {
		body, nl := strings.CutSuffix(line, "\n")
		body, cr := strings.CutSuffix(body, "\r")
		b.WriteString(escape(body, "\t"))
		if cr {
			b.WriteByte('\r')
		}
		if nl {
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
