package chromemsg_test

import (
	"strings"
	"testing"

	"github.com/crxlint/crxlint/internal/chromemsg"
)

func TestLookup(t *testing.T) {
	msg, ok := chromemsg.Lookup("invalid-version")
	if !ok || msg != chromemsg.InvalidVersion {
		t.Errorf(`Lookup("invalid-version") = %q, %v; want InvalidVersion`, msg, ok)
	}
	if _, ok := chromemsg.Lookup("no-such-message"); ok {
		t.Error(`Lookup("no-such-message") found a message`)
	}
	for _, m := range []string{chromemsg.InvalidKey, chromemsg.InvalidDefaultPopup, chromemsg.InvalidSidePanelPath} {
		if !strings.HasSuffix(m, ".") {
			t.Errorf("%q: Chrome's messages end with a period", m)
		}
	}
}
