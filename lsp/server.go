// Package lsp is crxlint's language server: it speaks the Language Server
// Protocol over a byte stream (standard input and output for crxlint lsp)
// and lints each extension's manifest.json as the user edits it.
//
// The server publishes a manifest's diagnostics when it is opened, a short
// while after each change (a burst of edits lints once) and when any file
// of its extension is saved, since rules read the extension's scripts and
// _locales. Findings are placed in manifest.json; one about code shows in
// the script too, at the place the rule points to. The other files are
// read from disk, through the same confined reader as the command line
// uses, so an unsaved script counts once saved. It offers each fix as a quick fix and describes a finding's rule
// on hover. Positions are counted in the encoding the client negotiates,
// UTF-16 unless the client cannot.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"time"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/runner"
)

// Options configure a server.
type Options struct {
	// Rules are the rules to run, and describe their findings on hover.
	Rules []*lint.Rule
	// Config returns the configuration in force for the extension folder
	// dir (an absolute path), nil for none. It is called for every lint,
	// so that edits to .crxlint.jsonc take effect without a restart.
	Config func(dir string) (*config.Config, error)
	// HelpURI returns the address of a rule's documentation, or "".
	HelpURI func(ruleID string) string
	// Limits bound what is read of each extension.
	Limits runner.Limits
	// Debounce is how long a change waits for the next before the
	// manifest is linted.
	Debounce time.Duration
	// Version is crxlint's version, told to the client.
	Version string
}

// DefaultDebounce lets a burst of keystrokes lint once.
const DefaultDebounce = 150 * time.Millisecond

// ErrNoShutdown is Serve's error when the client exits, or closes the
// stream, without asking the server to shut down first.
var ErrNoShutdown = errors.New("the client exited without a shutdown request")

// server states, in order.
const (
	stateNew = iota
	stateRunning
	stateShutDown
)

// server is one session with one client.
type server struct {
	opts Options
	out  *writer
	// afterFunc runs f after d, as time.AfterFunc does; tests replace it
	// to fire the debounce themselves.
	afterFunc func(d time.Duration, f func()) (stop func() bool)

	// publishMu orders publishing: a lint checks that it is still the
	// newest and writes its diagnostics under it, so that an older lint
	// never overwrites a newer one's.
	publishMu sync.Mutex

	mu       sync.Mutex
	state    int
	encoding string
	docs     map[string]*document // open documents by path
	lints    map[string]*lintState
	wg       sync.WaitGroup // running lints
	ctx      context.Context
}

// Serve answers the client on r and w until it exits, ctx is done or the
// stream ends. It returns nil when the client shut the server down and then
// exited, as the protocol asks.
func Serve(ctx context.Context, r io.Reader, w io.Writer, opts Options) error {
	s := newServer(ctx, w, opts)
	return s.serve(ctx, r)
}

func newServer(ctx context.Context, w io.Writer, opts Options) *server {
	if opts.Config == nil {
		opts.Config = func(string) (*config.Config, error) { return nil, nil }
	}
	if opts.HelpURI == nil {
		opts.HelpURI = func(string) string { return "" }
	}
	return &server{
		opts:     opts,
		out:      &writer{w: w},
		encoding: encodingUTF16,
		docs:     map[string]*document{},
		lints:    map[string]*lintState{},
		ctx:      ctx,
		afterFunc: func(d time.Duration, f func()) func() bool {
			return time.AfterFunc(d, f).Stop
		},
	}
}

// serve reads and answers messages in order; lints run apart and publish
// on their own.
func (s *server) serve(ctx context.Context, r io.Reader) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // ends the reading goroutine, unless it waits on r
	defer s.stopLints()
	in := newReader(r)
	type read struct {
		body []byte
		err  error
	}
	msgs := make(chan read)
	go func() {
		for {
			body, err := in.read()
			select {
			case msgs <- read{body, err}:
			case <-ctx.Done():
				return
			}
			if err != nil && !errors.Is(err, errFraming) {
				return
			}
		}
	}()
	for {
		var m read
		select {
		case <-ctx.Done():
			return ctx.Err()
		case m = <-msgs:
		}
		switch {
		case errors.Is(m.err, errFraming):
			continue // that message is lost; the next header starts afresh
		case errors.Is(m.err, io.EOF), errors.Is(m.err, io.ErrUnexpectedEOF):
			return ErrNoShutdown // the client went away without a word
		case m.err != nil:
			return m.err
		}
		exit, err := s.handle(m.body)
		if err != nil {
			return fmt.Errorf("writing to the client: %w", err)
		}
		if exit {
			return s.exitErr()
		}
	}
}

// exitErr is serve's error when the client asks it to exit: none after a
// shutdown request, as the protocol asks, ErrNoShutdown otherwise.
func (s *server) exitErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateShutDown {
		return ErrNoShutdown
	}
	return nil
}

// handle answers one message, and reports whether it was exit; an error is
// one writing the answer. A message that is not JSON-RPC gets an error
// response when it may be a request and is dropped otherwise; a handler
// that panics answers an internal error.
func (s *server) handle(body []byte) (exit bool, err error) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		return false, s.out.reply(nil, nil, &rpcError{Code: codeParseError, Message: "the message is not JSON: " + err.Error()})
	}
	if m.Method == "" {
		if len(m.ID) > 0 && m.Result == nil && m.Error == nil {
			return false, s.out.reply(m.ID, nil, &rpcError{Code: codeInvalidRequest, Message: "a request needs a method"})
		}
		return false, nil // a response: crxlint sends no requests
	}
	if m.Method == "exit" {
		return true, nil
	}
	result, err := s.dispatch(&m)
	if !m.isRequest() {
		return false, nil
	}
	return false, s.out.reply(m.ID, result, err)
}

// dispatch calls the method's handler, turning a panic into an error.
func (s *server) dispatch(m *message) (result any, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &rpcError{Code: codeInternalError, Message: fmt.Sprintf("crxlint broke on %s: %v\n%s", m.Method, v, debug.Stack())}
		}
	}()
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case m.Method == "initialize" && state == stateNew:
		return s.initialize(m.Params)
	case m.Method == "initialize":
		return nil, &rpcError{Code: codeInvalidRequest, Message: "initialize was already called"}
	case state == stateNew:
		return nil, &rpcError{Code: codeServerNotInitialized, Message: "the server is not initialized"}
	case state == stateShutDown:
		return nil, &rpcError{Code: codeInvalidRequest, Message: "the server is shut down; only exit is left"}
	}
	h, ok := handlers[m.Method]
	if !ok {
		return nil, &rpcError{Code: codeMethodNotFound, Message: "crxlint does not handle " + m.Method}
	}
	return h(s, m.Params)
}

// handlers are the methods after initialize; a notification's result is
// dropped.
var handlers = map[string]func(*server, json.RawMessage) (any, error){
	"initialized":             func(*server, json.RawMessage) (any, error) { return nil, nil },
	"shutdown":                (*server).shutdown,
	"textDocument/didOpen":    withParams((*server).didOpen),
	"textDocument/didChange":  withParams((*server).didChange),
	"textDocument/didSave":    withParams((*server).didSave),
	"textDocument/didClose":   withParams((*server).didClose),
	"textDocument/codeAction": withResult((*server).codeAction),
	"textDocument/hover":      withResult((*server).hover),
	"$/cancelRequest":         func(*server, json.RawMessage) (any, error) { return nil, nil },
	"$/setTrace":              func(*server, json.RawMessage) (any, error) { return nil, nil },
}

// withParams adapts a notification handler that takes typed parameters.
func withParams[P any](h func(*server, *P)) func(*server, json.RawMessage) (any, error) {
	return withResult(func(s *server, p *P) (any, error) {
		h(s, p)
		return nil, nil
	})
}

// withResult adapts a handler that takes typed parameters.
func withResult[P, R any](h func(*server, *P) (R, error)) func(*server, json.RawMessage) (any, error) {
	return func(s *server, raw json.RawMessage) (any, error) {
		var p P
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, &rpcError{Code: codeInvalidParams, Message: err.Error()}
		}
		return h(s, &p)
	}
}

func (s *server) initialize(raw json.RawMessage) (any, error) {
	var p initializeParams
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, &rpcError{Code: codeInvalidParams, Message: err.Error()}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = stateRunning
	s.encoding = negotiate(p.Capabilities.General.PositionEncodings)
	return initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding:   s.encoding,
			TextDocumentSync:   textDocumentSyncOptions{OpenClose: true, Change: syncFull, Save: saveOptions{}},
			CodeActionProvider: codeActionOptions{CodeActionKinds: []string{codeActionQuickFix}},
			HoverProvider:      true,
		},
		ServerInfo: serverInfo{Name: "crxlint", Version: s.opts.Version},
	}, nil
}

func (s *server) shutdown(json.RawMessage) (any, error) {
	s.mu.Lock()
	s.state = stateShutDown
	s.mu.Unlock()
	s.stopLints()
	return nil, nil
}
