package lsp

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// brokenLine holds an emoji before a trailing comma, so that its UTF-16,
// UTF-8 and UTF-32 columns all differ.
const brokenLine = `  "description": "😀 x", "permissions": ["storage",]`

const broken = "{\n" +
	`  "name": "Hi 😀 there",` + "\n" +
	`  "version": "1.0",` + "\n" +
	`  "manifest_version": 3,` + "\n" +
	brokenLine + "\n" +
	"}\n"

// TestEditSession opens a broken manifest, applies the quick fix crxlint
// offers and sees the diagnostics go, as an editor does.
func TestEditSession(t *testing.T) {
	dir := extension(t, map[string]string{"manifest.json": broken})
	uri := uriOf(filepath.Join(dir, "manifest.json"))
	c := start(t, nil)
	if caps := c.initialize(); caps.PositionEncoding != encodingUTF16 {
		t.Errorf("positionEncoding = %q, want utf-16 for a client that names none", caps.PositionEncoding)
	}

	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "json", Version: 1, Text: broken}})
	pub := c.diagnostics()
	if pub.URI != uri || pub.Version == nil || *pub.Version != 1 {
		t.Fatalf("published for %s version %v, want %s version 1", pub.URI, pub.Version, uri)
	}
	if len(pub.Diagnostics) != 1 {
		t.Fatalf("got %d diagnostics, want the trailing comma's: %+v", len(pub.Diagnostics), pub.Diagnostics)
	}
	d := pub.Diagnostics[0]
	col := utf16Column(t, brokenLine, ",]")
	want := rangeLSP{Start: position{4, col}, End: position{4, col + 1}}
	if d.Range != want || d.Code != "syntax" || d.Source != "crxlint" || d.Severity != severityError {
		t.Errorf("diagnostic %+v, want syntax error from crxlint at %+v", d, want)
	}
	if d.CodeDescription == nil || d.CodeDescription.Href != "https://example.com/syntax" {
		t.Errorf("codeDescription = %+v, want the rule's documentation", d.CodeDescription)
	}
	if !strings.Contains(d.Message, "trailing comma") || !strings.Contains(d.Message, "(Chrome: ") {
		t.Errorf("message %q lacks crxlint's or Chrome's words", d.Message)
	}

	var h hover
	c.result("textDocument/hover", hoverParams{TextDocument: textDocumentIdentifier{URI: uri}, Position: want.Start}, &h)
	for _, s := range []string{"syntax", "trailing comma", "](https://example.com/syntax)"} {
		if !strings.Contains(h.Contents.Value, s) {
			t.Errorf("hover %q lacks %q", h.Contents.Value, s)
		}
	}

	var actions []codeAction
	c.result("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{URI: uri}, Range: want}, &actions)
	if len(actions) != 1 || actions[0].Kind != codeActionQuickFix || len(actions[0].Edit.Changes[uri]) == 0 {
		t.Fatalf("code actions %+v, want one quick fix editing %s", actions, uri)
	}
	fixed := applyEdits(t, broken, actions[0].Edit.Changes[uri])
	if want := strings.Replace(broken, `"storage",]`, `"storage"]`, 1); fixed != want {
		t.Fatalf("the quick fix made\n%s\nwant\n%s", fixed, want)
	}

	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []map[string]any{{"text": fixed}},
	})
	if pub := c.diagnostics(); len(pub.Diagnostics) != 0 || *pub.Version != 2 {
		t.Errorf("after the fix, version %v has diagnostics %+v, want none", *pub.Version, pub.Diagnostics)
	}
	c.notify("textDocument/didClose", didCloseParams{TextDocument: textDocumentIdentifier{URI: uri}})
	if pub := c.diagnostics(); pub.URI != uri || len(pub.Diagnostics) != 0 {
		t.Errorf("closing published %+v, want %s cleared", pub, uri)
	}
	c.shutdown()
}

// TestPositionEncodings: the server counts columns as the client asks.
func TestPositionEncodings(t *testing.T) {
	prefix, _, _ := strings.Cut(brokenLine, ",]")
	for _, tc := range []struct {
		offered []string
		want    string
		col     int
	}{
		{nil, encodingUTF16, utf16Column(t, brokenLine, ",]")},
		{[]string{encodingUTF8, encodingUTF16}, encodingUTF16, utf16Column(t, brokenLine, ",]")},
		{[]string{encodingUTF8}, encodingUTF8, len(prefix)},
		{[]string{"utf-7", encodingUTF32}, encodingUTF32, len([]rune(prefix))},
	} {
		t.Run(strings.Join(tc.offered, ","), func(t *testing.T) {
			dir := extension(t, map[string]string{"manifest.json": broken})
			uri := uriOf(filepath.Join(dir, "manifest.json"))
			c := start(t, nil)
			if got := c.initialize(tc.offered...).PositionEncoding; got != tc.want {
				t.Errorf("positionEncoding = %q, want %q", got, tc.want)
			}
			c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, Version: 1, Text: broken}})
			pub := c.diagnostics()
			if len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Range.Start != (position{4, tc.col}) {
				t.Errorf("diagnostics %+v, want one at line 4, character %d", pub.Diagnostics, tc.col)
			}
			c.shutdown()
		})
	}
}

// TestConfiguration: the .crxlint.jsonc of the manifest's folder is read
// at each lint.
func TestConfiguration(t *testing.T) {
	src := strings.Replace(broken, `"storage",]`, `"storage", "tab"]`, 1)
	dir := extension(t, map[string]string{
		"manifest.json":  src,
		".crxlint.jsonc": `{"rules": {"unknown-permission": "error"}}`,
	})
	uri := uriOf(filepath.Join(dir, "manifest.json"))
	c := start(t, nil)
	c.initialize()
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, Version: 1, Text: src}})
	pub := c.diagnostics()
	if len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Code != "unknown-permission" || pub.Diagnostics[0].Severity != severityError {
		t.Fatalf("diagnostics %+v, want unknown-permission raised to an error by .crxlint.jsonc", pub.Diagnostics)
	}
	c.shutdown()
}

// TestSavedScript: saving a script lints its extension's manifest, whose
// diagnostics depend on what the script calls; the finding shows in the
// script too, at the call, until the manifest is fixed.
func TestSavedScript(t *testing.T) {
	manifest := `{"name": "x", "version": "1", "manifest_version": 3, "background": {"service_worker": "bg.js"}}`
	call := "chrome.alarms.create('a', {periodInMinutes: 1});"
	dir := extension(t, map[string]string{"manifest.json": manifest, "bg.js": call + "\n"})
	script := uriOf(filepath.Join(dir, "bg.js"))
	manifestURI := uriOf(filepath.Join(dir, "manifest.json"))
	c := start(t, nil)
	c.initialize()
	c.notify("textDocument/didSave", didSaveParams{TextDocument: textDocumentIdentifier{URI: script}})
	pub := c.diagnostics()
	if pub.URI != manifestURI || pub.Version != nil || len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Code != "missing-api-permission" {
		t.Fatalf("published %+v, want missing-api-permission for the manifest on disk", pub)
	}
	if rel := pub.Diagnostics[0].RelatedInformation; len(rel) != 1 || rel[0].Location.URI != script || rel[0].Location.Range.Start != (position{0, 0}) {
		t.Errorf("related information %+v, want the call at the start of %s", rel, script)
	}
	pub = c.diagnostics()
	want := rangeLSP{End: position{0, strings.Index(call, "(")}}
	if pub.URI != script || len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Range != want || pub.Diagnostics[0].Code != "missing-api-permission" {
		t.Errorf("published %+v, want missing-api-permission in the script at %+v", pub, want)
	}

	fixed := strings.Replace(manifest, `"manifest_version": 3,`, `"manifest_version": 3, "permissions": ["alarms"],`, 1)
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", didSaveParams{TextDocument: textDocumentIdentifier{URI: manifestURI}})
	for _, uri := range []string{manifestURI, script} {
		if pub := c.diagnostics(); pub.URI != uri || len(pub.Diagnostics) != 0 {
			t.Errorf("after the fix, published %+v, want %s cleared", pub, uri)
		}
	}
	c.shutdown()
}

// TestUnsavedScript: the text of an open script counts before it is
// saved, and the script on disk again once it is closed.
func TestUnsavedScript(t *testing.T) {
	manifest := `{"name": "x", "version": "1", "manifest_version": 3, "background": {"service_worker": "bg.js"}}`
	dir := extension(t, map[string]string{"manifest.json": manifest, "bg.js": "console.log(1);\n"})
	script := uriOf(filepath.Join(dir, "bg.js"))
	manifestURI := uriOf(filepath.Join(dir, "manifest.json"))
	c := start(t, nil)
	c.initialize()
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: script, LanguageID: "javascript", Version: 1, Text: "console.log(1);\n"}})
	if pub := c.diagnostics(); pub.URI != manifestURI || len(pub.Diagnostics) != 0 {
		t.Fatalf("on open, published %+v, want a clean manifest", pub)
	}

	change := didChangeParams{}
	change.TextDocument.URI, change.TextDocument.Version = script, 2
	change.ContentChanges = append(change.ContentChanges, struct {
		Range *rangeLSP `json:"range"`
		Text  string    `json:"text"`
	}{Text: "chrome.alarms.create('a', {periodInMinutes: 1});\n"})
	c.notify("textDocument/didChange", change)
	pub := c.diagnostics()
	if pub.URI != manifestURI || len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Code != "missing-api-permission" {
		t.Fatalf("after an unsaved change, published %+v, want missing-api-permission for the manifest", pub)
	}
	if pub := c.diagnostics(); pub.URI != script || len(pub.Diagnostics) != 1 {
		t.Errorf("published %+v, want the finding in the unsaved script", pub)
	}

	c.notify("textDocument/didClose", didCloseParams{TextDocument: textDocumentIdentifier{URI: script}})
	c.notify("textDocument/didSave", didSaveParams{TextDocument: textDocumentIdentifier{URI: manifestURI}})
	for _, uri := range []string{manifestURI, script} {
		if pub := c.diagnostics(); pub.URI != uri || len(pub.Diagnostics) != 0 {
			t.Errorf("with the script closed unsaved, published %+v, want %s cleared", pub, uri)
		}
	}
	c.shutdown()
}

// TestDebounce: a burst of changes lints once, the last text.
func TestDebounce(t *testing.T) {
	dir := extension(t, map[string]string{"manifest.json": broken})
	uri := uriOf(filepath.Join(dir, "manifest.json"))
	var pending []*fakeTimer
	c := start(t, func(s *server) {
		s.afterFunc = func(_ time.Duration, f func()) func() bool {
			ft := &fakeTimer{f: f}
			pending = append(pending, ft)
			return ft.stop
		}
	})
	c.initialize()
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, Version: 1, Text: broken}})
	fixed := strings.Replace(broken, `"storage",]`, `"storage"]`, 1)
	for v, text := range []string{fixed, broken, fixed} {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v + 2},
			"contentChanges": []map[string]any{{"text": text}},
		})
	}
	// The server reads in order: once it answers, it has seen the changes.
	c.result("textDocument/hover", hoverParams{TextDocument: textDocumentIdentifier{URI: uri}}, new(json.RawMessage))
	fired := 0
	for _, ft := range pending {
		if ft.fire() {
			fired++
		}
	}
	if fired != 1 || len(pending) != 4 {
		t.Fatalf("%d of %d lints left to run after a burst of 4 edits, want 1", fired, len(pending))
	}
	if pub := c.diagnostics(); *pub.Version != 4 || len(pub.Diagnostics) != 0 {
		t.Errorf("published version %d with %d diagnostics, want the last text, 4, clean", *pub.Version, len(pub.Diagnostics))
	}
	c.shutdown()
}

// fakeTimer is a debounce timer the test fires. Like a time.Timer, it
// stops only once, and not after it fired.
type fakeTimer struct {
	f    func()
	done bool
}

// stop reports whether it stopped the timer before it fired.
func (ft *fakeTimer) stop() bool {
	was := !ft.done
	ft.done = true
	return was
}

// fire runs the timer's function unless it was stopped or fired, and
// reports whether it ran it.
func (ft *fakeTimer) fire() bool {
	if ft.done {
		return false
	}
	ft.done = true
	ft.f()
	return true
}

// TestBadInput: the server answers what it cannot read with an error, and
// goes on.
func TestBadInput(t *testing.T) {
	c := start(t, nil)
	write := func(raw string) {
		t.Helper()
		if _, err := c.out.w.Write([]byte(raw)); err != nil {
			t.Fatal(err)
		}
	}
	expectError := func(code int) {
		t.Helper()
		m := c.next()
		if m.Error == nil || m.Error.Code != code {
			t.Fatalf("got %+v, want error %d", m, code)
		}
	}
	if m := c.call("textDocument/hover", hoverParams{}); m.Error == nil || m.Error.Code != codeServerNotInitialized {
		t.Errorf("hover before initialize: %+v, want error %d", m, codeServerNotInitialized)
	}
	c.initialize()
	write("Content-Length: 9\r\n\r\n{not json")
	expectError(codeParseError)
	write("Content-Length: 19\r\n\r\n" + `{"id":7,"params":1}`)
	expectError(codeInvalidRequest)
	write("Content-Length: nine\r\n\r\n")
	write("no header\r\n\r\n")
	if m := c.call("no/such/method", nil); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Errorf("unknown method: %+v, want error %d", m, codeMethodNotFound)
	}
	if m := c.call("textDocument/codeAction", "not params"); m.Error == nil || m.Error.Code != codeInvalidParams {
		t.Errorf("bad params: %+v, want error %d", m, codeInvalidParams)
	}
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: "untitled:1", Text: "{"}})
	c.notify("textDocument/didChange", "not params")
	var actions []codeAction
	c.result("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{URI: "file:///nowhere/manifest.json"}}, &actions)
	if len(actions) != 0 {
		t.Errorf("code actions for a file never opened: %+v", actions)
	}
	c.shutdown()
}

// TestExitWithoutShutdown: exit unasked is an error, so crxlint exits 1.
func TestExitWithoutShutdown(t *testing.T) {
	c := start(t, nil)
	c.initialize()
	c.notify("exit", nil)
	if err := c.wait(); !errors.Is(err, ErrNoShutdown) {
		t.Errorf("exit without shutdown: %v, want ErrNoShutdown", err)
	}
}

// TestBrokenConfiguration: a .crxlint.jsonc that does not parse is shown
// in the manifest, and the rules run at their defaults.
func TestBrokenConfiguration(t *testing.T) {
	src := strings.Replace(broken, `"storage",]`, `"storage", "tab"]`, 1)
	dir := extension(t, map[string]string{"manifest.json": src, ".crxlint.jsonc": `{"rules": `})
	uri := uriOf(filepath.Join(dir, "manifest.json"))
	c := start(t, nil)
	c.initialize()
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, Version: 1, Text: src}})
	pub := c.diagnostics()
	if len(pub.Diagnostics) != 2 || !strings.Contains(pub.Diagnostics[0].Message, "configuration") || pub.Diagnostics[1].Code != "unknown-permission" {
		t.Fatalf("diagnostics %+v, want the configuration's error, then unknown-permission", pub.Diagnostics)
	}
	c.shutdown()
}

// TestConfiguredPlatform: the platform of .crxlint.jsonc decides what the
// editor shows of a key that works on some platforms only.
func TestConfiguredPlatform(t *testing.T) {
	src := `{"name": "x", "version": "1", "manifest_version": 3, "permissions": ["printing"]}`
	for platform, want := range map[string]string{"linux": "unavailable-feature", "chromeos": "platform-specific"} {
		dir := extension(t, map[string]string{
			"manifest.json":  src,
			".crxlint.jsonc": `{"platform": "` + platform + `"}`,
		})
		c := start(t, nil)
		c.initialize()
		c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uriOf(filepath.Join(dir, "manifest.json")), Version: 1, Text: src}})
		if pub := c.diagnostics(); len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Code != want {
			t.Errorf(`"platform": %q: diagnostics %+v, want one %s`, platform, pub.Diagnostics, want)
		}
		c.shutdown()
	}
}
