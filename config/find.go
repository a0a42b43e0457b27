package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// maxSize is the largest configuration file crxlint reads.
const maxSize = 1 << 20

// Find returns the configuration file for an extension folder: FileName in
// the folder or the nearest parent, up to the root of the repository that
// holds it (the folder with .git) or of the file system. It returns "" when
// there is none.
func Find(dir string) (string, error) {
	return new(Finder).Find(dir)
}

// A Finder finds configuration files as Find does, and remembers the
// answer for each folder it passes, so that the thousands of extension
// folders of one tree (crxlint --recursive) look at their shared parents
// once. Its zero value is ready to use; it is not safe for concurrent use.
type Finder struct {
	found map[string]string // by absolute folder
}

// Find returns the configuration file for an extension folder, as the
// package's Find does.
func (f *Finder) Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if f.found == nil {
		f.found = map[string]string{}
	}
	var passed []string
	answer := func(name string) (string, error) {
		for _, d := range passed {
			f.found[d] = name
		}
		return name, nil
	}
	for {
		if name, ok := f.found[dir]; ok {
			return answer(name)
		}
		passed = append(passed, dir)
		name := filepath.Join(dir, FileName)
		if _, err := os.Lstat(name); err == nil {
			return answer(name)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return answer("") // the repository's root
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return answer("")
		}
		dir = parent
	}
}

// Load reads and parses a configuration file: a regular file of at most
// 1 MiB.
func Load(name string, known Rules) (*Config, error) {
	src, err := ReadFile(name)
	if err != nil {
		return nil, err
	}
	cfg, err := Parse(name, src, known)
	if err != nil {
		return nil, err
	}
	if cfg.Dir, err = filepath.Abs(cfg.Dir); err != nil {
		return nil, err
	}
	return cfg, nil
}

// ReadFile reads a file the user names for crxlint to follow, such as its
// configuration or an organisation's policy: a regular file of at most
// 1 MiB.
func ReadFile(name string) ([]byte, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() { // checked before the open, which would wait on a FIFO
		return nil, &Error{Msg: name + " is not a regular file"}
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > maxSize {
		return nil, &Error{Msg: fmt.Sprintf("%s is larger than %d MiB, more than crxlint reads of such a file", name, maxSize>>20)}
	}
	return src, nil
}
