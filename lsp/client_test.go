package lsp

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/rules"
)

// client is a test's LSP client, talking to a server in the same process
// over pipes. Its methods fail the test on any protocol error; none waits
// on a clock: each blocks until the message it needs arrives.
type client struct {
	t      *testing.T
	out    *writer
	in     chan *message // what the server sent, in order
	nextID int

	ended  chan struct{} // closed when the server has returned
	served error         // what it returned
}

// start runs a server for the test, configured by configure before it
// reads a message, and returns its client. The server must have ended
// when the test does.
func start(t *testing.T, configure func(*server)) *client {
	t.Helper()
	toServer, fromClient := io.Pipe()
	toClient, fromServer := io.Pipe()
	s := newServer(context.Background(), fromServer, Options{
		Rules:   rules.All(),
		Config:  loadConfig,
		HelpURI: func(id string) string { return "https://example.com/" + id },
	})
	if configure != nil {
		configure(s)
	}
	c := &client{t: t, out: &writer{w: fromClient}, in: make(chan *message, 100), ended: make(chan struct{})}
	go func() {
		defer close(c.ended)
		c.served = s.serve(context.Background(), toServer)
	}()
	go func() {
		defer close(c.in)
		r := newReader(toClient)
		for {
			body, err := r.read()
			if err != nil {
				return
			}
			var m message
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("the server sent %q, which is not JSON: %v", body, err)
				return
			}
			c.in <- &m
		}
	}()
	t.Cleanup(func() {
		fromClient.Close()
		toClient.Close()
		<-c.ended
	})
	return c
}

// wait waits for the server to return, and returns what it returned.
func (c *client) wait() error {
	<-c.ended
	return c.served
}

// loadConfig reads the .crxlint.jsonc nearest dir, as crxlint lsp does.
func loadConfig(dir string) (*config.Config, error) {
	name, err := config.Find(dir)
	if err != nil || name == "" {
		return nil, err
	}
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	return config.Load(name, config.Rules{IDs: ids, Resolve: func(id string) []string { return []string{id} }})
}

// notify sends a notification.
func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.out.notify(method, params); err != nil {
		c.t.Fatalf("sending %s: %v", method, err)
	}
}

// call sends a request and returns its response, failing the test on a
// notification other than publishDiagnostics in between.
func (c *client) call(method string, params any) *message {
	c.t.Helper()
	c.nextID++
	id := json.RawMessage(strconv.Itoa(c.nextID))
	raw, err := json.Marshal(params)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := c.out.write(&message{ID: id, Method: method, Params: raw}); err != nil {
		c.t.Fatalf("sending %s: %v", method, err)
	}
	for {
		m := c.next()
		if m.Method == "" && string(m.ID) == string(id) {
			return m
		}
		if m.Method != "textDocument/publishDiagnostics" {
			c.t.Fatalf("waiting for the answer to %s, got %+v", method, m)
		}
		c.t.Fatalf("unexpected diagnostics while waiting for the answer to %s: %s", method, m.Params)
	}
}

// result calls method and decodes its result into out.
func (c *client) result(method string, params, out any) {
	c.t.Helper()
	m := c.call(method, params)
	if m.Error != nil {
		c.t.Fatalf("%s: %v", method, m.Error)
	}
	if err := json.Unmarshal(m.Result, out); err != nil {
		c.t.Fatalf("%s: result %s: %v", method, m.Result, err)
	}
}

// next returns the server's next message.
func (c *client) next() *message {
	c.t.Helper()
	m, ok := <-c.in
	if !ok {
		c.t.Fatal("the server closed the stream")
	}
	return m
}

// diagnostics waits for the next publishDiagnostics.
func (c *client) diagnostics() publishDiagnosticsParams {
	c.t.Helper()
	m := c.next()
	if m.Method != "textDocument/publishDiagnostics" {
		c.t.Fatalf("got %+v, want publishDiagnostics", m)
	}
	var p publishDiagnosticsParams
	if err := json.Unmarshal(m.Params, &p); err != nil {
		c.t.Fatal(err)
	}
	return p
}

// initialize runs the handshake, offering encodings, and returns the
// server's capabilities.
func (c *client) initialize(encodings ...string) serverCapabilities {
	c.t.Helper()
	var params initializeParams
	params.Capabilities.General.PositionEncodings = encodings
	var res initializeResult
	c.result("initialize", params, &res)
	c.notify("initialized", struct{}{})
	return res.Capabilities
}

// shutdown ends the session as a client should, and checks that the server
// ended cleanly.
func (c *client) shutdown() {
	c.t.Helper()
	if m := c.call("shutdown", nil); m.Error != nil {
		c.t.Fatalf("shutdown: %v", m.Error)
	}
	c.notify("exit", nil)
	if err := c.wait(); err != nil {
		c.t.Fatalf("the server ended with %v after shutdown and exit", err)
	}
}

// extension writes files into a new extension folder, its own repository,
// and returns the folder.
func extension(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// applyEdits applies LSP text edits counted in UTF-16 to src, converting
// positions by walking the text, independently of the server's code.
func applyEdits(t *testing.T, src string, edits []textEdit) string {
	t.Helper()
	offset := func(p position) int {
		line, units := 0, 0
		for i, r := range src {
			if line == p.Line && units >= p.Character {
				return i
			}
			if r == '\n' {
				if line == p.Line {
					return i
				}
				line++
				continue
			}
			if line == p.Line {
				units += utf16Len(r)
			}
		}
		return len(src)
	}
	for i := len(edits) - 1; i >= 0; i-- { // the edits of one fix do not overlap
		e := edits[i]
		start, end := offset(e.Range.Start), offset(e.Range.End)
		if start > end {
			t.Fatalf("edit %+v ends before it starts", e)
		}
		src = src[:start] + e.NewText + src[end:]
	}
	return src
}

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// utf16Column is the 0-based UTF-16 column of the first occurrence of sub
// in line, counted by hand.
func utf16Column(t *testing.T, line, sub string) int {
	t.Helper()
	i := strings.Index(line, sub)
	if i < 0 {
		t.Fatalf("no %q in %q", sub, line)
	}
	n := 0
	for _, r := range line[:i] {
		n += utf16Len(r)
	}
	return n
}
