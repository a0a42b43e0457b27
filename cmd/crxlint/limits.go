package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/crxlint/crxlint/internal/confine"
	"github.com/crxlint/crxlint/runner"
)

// limitFlags defines the flags that raise or lower what crxlint reads of
// an extension.
func limitFlags(fs *flag.FlagSet, limits *runner.Limits) {
	limits.File, limits.Total = runner.DefaultFileLimit, runner.DefaultTotalLimit
	fs.Var((*size)(&limits.File), "max-file-size", "read at most this `size` of one file of an extension (as 16MiB, 500KB or 1G)")
	fs.Var((*size)(&limits.Total), "max-total-size", "read at most this `size` of all the files of one extension together")
}

// size is a flag value of bytes, with an optional unit: B, KB or KiB, MB
// or MiB, GB or GiB, taken as powers of 1024.
type size int64

func (s *size) String() string { return confine.Bytes(int64(*s)) }

func (s *size) Set(v string) error {
	n, err := parseSize(v)
	if err != nil {
		return err
	}
	*s = size(n)
	return nil
}

var units = map[string]int64{"": 1, "b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}

func parseSize(v string) (int64, error) {
	s := strings.ToLower(strings.TrimSpace(v))
	digits := strings.TrimRight(s, "bikmgt ")
	unit := strings.TrimSpace(strings.TrimPrefix(s, digits))
	unit = strings.TrimSuffix(strings.TrimSuffix(unit, "b"), "i")
	mult, ok := units[unit]
	n, err := strconv.ParseInt(strings.TrimSpace(digits), 10, 64)
	if !ok || err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size such as 16MiB, 500KB or 1G", v)
	}
	if n > (1<<62)/mult {
		return 0, errors.New("size too large")
	}
	return n * mult, nil
}

// readerFinding returns the documentation of a finding of crxlint's reader.
func readerFinding(id string) (runner.ReaderFinding, bool) {
	for _, f := range runner.ReaderFindings {
		if f.ID == id {
			return f, true
		}
	}
	return runner.ReaderFinding{}, false
}
