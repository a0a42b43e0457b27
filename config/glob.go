package config

import (
	"errors"
	"path"
	"strings"
)

// matchGlob reports whether the slash-separated name matches the glob:
// path.Match's syntax within a folder name, and "**" for any number of
// folders.
func matchGlob(glob, name string) bool {
	return matchParts(strings.Split(glob, "/"), strings.Split(name, "/"))
}

func matchParts(glob, name []string) bool {
	for len(glob) > 0 {
		if glob[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchParts(glob[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(glob[0], name[0]); !ok {
			return false
		}
		glob, name = glob[1:], name[1:]
	}
	return len(name) == 0
}

// checkGlob reports a glob path.Match cannot read.
func checkGlob(glob string) error {
	for _, part := range strings.Split(glob, "/") {
		if part == "**" {
			continue
		}
		if _, err := path.Match(part, ""); err != nil {
			return errors.New("not a glob such as \"ext/**\" or \"*/manifest.json\"")
		}
	}
	return nil
}
