// Package testenv finds what some tests need beyond the repository: the
// shared corpus beside it and a Chromium. On a user's machine a test whose
// needs are missing is skipped with a message saying how to get them; in CI,
// where .ci/run sets CRXLINT_REQUIRE_SHARED and CRXLINT_REQUIRE_CHROME, it
// fails instead, so that a missing install step cannot hide behind a skip.
package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Shared returns the path of the shared folder (../shared beside the
// repository, or $CRXLINT_SHARED), or skips the test.
func Shared(t testing.TB) string {
	t.Helper()
	dir, ok := SharedDir()
	if !ok {
		missing(t, RequireShared, "the shared corpus is not at "+dir+" (set CRXLINT_SHARED to its path)")
	}
	return dir
}

// SharedDir returns where the shared folder should be, and whether it is
// there.
func SharedDir() (string, bool) {
	dir := os.Getenv("CRXLINT_SHARED")
	if dir == "" {
		dir = filepath.Join(repoRoot(), "..", "shared")
	}
	info, err := os.Stat(filepath.Join(dir, "corpus"))
	return dir, err == nil && info.IsDir()
}

// The variables that make a missing requirement fail rather than skip.
const (
	RequireShared = "CRXLINT_REQUIRE_SHARED"
	RequireChrome = "CRXLINT_REQUIRE_CHROME"
)

// Note reports that part of a test could not run: it fails the test when
// the environment variable require is set, and logs why otherwise.
func Note(t testing.TB, require, why string) {
	t.Helper()
	if os.Getenv(require) != "" {
		t.Fatalf("%s, and %s is set", why, require)
	}
	t.Log(why)
}

// Missing skips the test, or fails it when the environment variable
// require is set.
func Missing(t testing.TB, require, why string) {
	t.Helper()
	missing(t, require, why)
}

func missing(t testing.TB, require, why string) {
	t.Helper()
	if os.Getenv(require) != "" {
		t.Fatalf("%s, and %s is set", why, require)
	}
	t.Skip(why)
}

// repoRoot is the repository's root: two folders above this file.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
