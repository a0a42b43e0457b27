package confine

import (
	"fmt"
	"io/fs"
)

// Reason says why an FS refused a path.
type Reason uint8

// The reasons.
const (
	// LinkOutside: a symbolic link whose target, once resolved, lies
	// outside the folder, or is absolute.
	LinkOutside Reason = iota + 1
	// LinkLoop: a symbolic link that leads back to itself, or through
	// too many others.
	LinkLoop
	// NotRegular: a FIFO, socket or device.
	NotRegular
	// TooLarge: a file larger than Limits.File.
	TooLarge
	// OverTotal: a file that would take the bytes read past Limits.Total.
	OverTotal
	// Unreadable: the file could not be opened or read (permissions, an
	// I/O error).
	Unreadable
)

// Refusal is one path an FS would not read.
type Refusal struct {
	// Path is slash-separated and relative to the folder. For a link
	// leaving the folder it names the link itself, even when the path
	// asked for went through it.
	Path   string
	Reason Reason
	// Mode is the file's type, for NotRegular.
	Mode fs.FileMode
	// Size and Limit are the file's size and the limit it broke, for
	// TooLarge and OverTotal.
	Size, Limit int64
	// Err is the cause, for Unreadable.
	Err error
}

// Incomplete reports whether the refusal leaves crxlint's report on the
// extension incomplete for reasons other than the extension's own
// choice of links and special files: a limit hit, or a file that could not
// be read.
func (r Refusal) Incomplete() bool {
	return r.Reason == TooLarge || r.Reason == OverTotal || r.Reason == Unreadable
}

// err is the error an FS returns for the refusal.
func (r Refusal) err() error {
	switch r.Reason {
	case LinkOutside:
		return ErrLinkOutside
	case LinkLoop:
		return ErrLinkLoop
	case NotRegular:
		return ErrNotRegular
	case TooLarge:
		return ErrTooLarge
	case OverTotal:
		return ErrOverTotal
	}
	return r.Err
}

// AsError returns the refusal as an error whose text is [Refusal.Describe]
// and which matches the refusal's sentinel (ErrTooLarge, ...) under
// errors.Is.
func (r Refusal) AsError() error { return described{r} }

type described struct{ r Refusal }

func (d described) Error() string { return d.r.Describe() }
func (d described) Unwrap() error { return d.r.err() }

// Describe says in words what is wrong with the path, for a message that
// starts with the path: "is a named pipe (FIFO), not a regular file". It
// never includes anything read from the file or from a link's target.
func (r Refusal) Describe() string {
	switch r.Reason {
	case LinkOutside:
		return "is a symbolic link whose target is outside the extension's folder (or an absolute path)"
	case LinkLoop:
		return "is a symbolic link that loops, or goes through too many links"
	case NotRegular:
		return fmt.Sprintf("is %s, not a regular file", DescribeMode(r.Mode))
	case TooLarge:
		return fmt.Sprintf("is %s, more than the limit of %s for one file", Bytes(r.Size), Bytes(r.Limit))
	case OverTotal:
		return fmt.Sprintf("(%s) would take the bytes read past the limit of %s for the whole extension", Bytes(r.Size), Bytes(r.Limit))
	}
	return fmt.Sprintf("cannot be read: %v", r.Err)
}

// DescribeMode names a file type in words: "a named pipe (FIFO)".
func DescribeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// Bytes writes a size the way the limits are given: "16 MiB", "1.5 KiB",
// "12 bytes".
func Bytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	value, suffix := float64(n), ""
	for _, s := range []string{"KiB", "MiB", "GiB", "TiB"} {
		if value < unit {
			break
		}
		value, suffix = value/unit, s
	}
	if value == float64(int64(value)) {
		return fmt.Sprintf("%d %s", int64(value), suffix)
	}
	return fmt.Sprintf("%.1f %s", value, suffix)
}
