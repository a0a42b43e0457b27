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

// OpenFile opens the regular file name, such as an archive named on the
// command line, without blocking on a FIFO: the file is opened as the
// folder's files are, and judged on the open file. It returns the file and
// what it was when opened.
func OpenFile(name string) (*os.File, fs.FileInfo, error) {
	if info, err := os.Stat(name); err != nil {
		return nil, nil, err
	} else if !info.Mode().IsRegular() {
		return nil, nil, regularOnly(name, info)
	}
	f, err := os.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = regularOnly(name, info)
	}
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

func regularOnly(name string, info fs.FileInfo) error {
	return &fs.PathError{Op: "open", Path: name, Err: Refusal{Path: name, Reason: NotRegular, Mode: info.Mode()}.AsError()}
}
