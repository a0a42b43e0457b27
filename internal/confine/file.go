package confine

import (
	"errors"
	"io"
	"io/fs"
	"os"
)

// regular is an open regular file that reads at most the size it had when
// it was admitted: a file that grows is read no further, and a file the
// kernel makes up as it is read (as /proc's are, with size 0) yields
// nothing. It offers Read, Stat and Close only: *os.File's ReadAt, Seek and
// WriteTo would bypass the bound, so the file is a field, not embedded.
type regular struct {
	file *os.File
	fsys *FS
	name string
	left int64
}

func (r *regular) Stat() (fs.FileInfo, error) { return r.file.Stat() }

func (r *regular) Close() error { return r.file.Close() }

func (r *regular) Read(p []byte) (int, error) {
	if err := r.fsys.ctx.Err(); err != nil {
		return 0, &fs.PathError{Op: "read", Path: r.name, Err: err}
	}
	if r.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n, err := r.file.Read(p)
	r.left -= int64(n)
	if err != nil && !errors.Is(err, io.EOF) {
		return n, r.fsys.refuse("read", r.name, err)
	}
	return n, err
}
