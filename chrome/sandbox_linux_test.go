package chrome

import (
	"os"
	"strings"
	"testing"
)

func TestSandboxDroppedOnlyWhereItCannotRun(t *testing.T) {
	why := sandboxProblem("/nonexistent/chromium")
	switch {
	case os.Geteuid() == 0 && !strings.Contains(why, "root"):
		t.Errorf("as root: %q, want the sandbox dropped because of root", why)
	case os.Geteuid() != 0 && userNamespaces() && why != "":
		t.Errorf("with user namespaces: %q, want the sandbox kept", why)
	}
}
