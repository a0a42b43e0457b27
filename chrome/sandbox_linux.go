package chrome

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// sandboxProblem says why Chromium cannot run its sandbox here, or "" when
// it can. Chromium refuses its sandbox to root; elsewhere the sandbox needs
// unprivileged user namespaces or Chromium's setuid helper.
func sandboxProblem(binary string) string {
	if os.Geteuid() == 0 {
		return "crxlint runs as root, and Chromium refuses its sandbox to root; run crxlint as another user to keep it"
	}
	if userNamespaces() || setuidHelper(binary) {
		return ""
	}
	return "this system lets no user create user namespaces, which Chromium's sandbox needs, and Chromium has no setuid sandbox helper"
}

// userNamespaces reports whether an unprivileged process may create a user
// namespace, by the knobs Linux distributions turn off.
func userNamespaces() bool {
	for _, knob := range []struct{ path, off string }{
		{"/proc/sys/kernel/unprivileged_userns_clone", "0"},
		{"/proc/sys/user/max_user_namespaces", "0"},
		{"/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "1"},
	} {
		if b, err := os.ReadFile(knob.path); err == nil && strings.TrimSpace(string(b)) == knob.off {
			return false
		}
	}
	return true
}

// setuidHelper reports whether the browser at binary has Chromium's setuid
// sandbox helper beside it.
func setuidHelper(binary string) bool {
	real, err := filepath.EvalSymlinks(binary)
	if err != nil {
		return false
	}
	info, err := os.Stat(filepath.Join(filepath.Dir(real), "chrome-sandbox"))
	return err == nil && info.Mode()&fs.ModeSetuid != 0
}
