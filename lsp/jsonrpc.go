package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
)

// maxMessageSize bounds one JSON-RPC message. A manifest is read up to
// 16 MiB, and JSON escaping may grow it; nothing an editor sends is larger.
const maxMessageSize = 64 << 20

// JSON-RPC 2.0 error codes, and the LSP's own.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
)

// message is any JSON-RPC 2.0 message: a request has an ID and a method, a
// notification a method only, a response an ID and a result or an error.
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

// isRequest reports whether the message asks for a response.
func (m *message) isRequest() bool { return len(m.ID) > 0 && m.Method != "" }

// rpcError is a JSON-RPC error object, and the error a handler returns to
// answer with one.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("%s (JSON-RPC error %d)", e.Message, e.Code) }

// errFraming is a header block that cannot be read as the base protocol's;
// the reader skips it and goes on with the next message.
var errFraming = errors.New("malformed LSP header")

// reader reads the base protocol's messages: header lines, a blank line,
// then Content-Length bytes of JSON.
type reader struct {
	r *bufio.Reader
}

func newReader(r io.Reader) *reader { return &reader{r: bufio.NewReader(r)} }

// read returns the body of the next message. An error wrapping errFraming
// means one message was lost and the stream can still be read; any other
// error ends the stream.
func (r *reader) read() ([]byte, error) {
	header, err := textproto.NewReader(r.r).ReadMIMEHeader()
	if err != nil {
		if errors.Is(err, io.EOF) && len(header) == 0 {
			return nil, io.EOF
		}
		var perr textproto.ProtocolError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%w: %w", errFraming, err)
		}
		return nil, err
	}
	n, err := strconv.ParseInt(strings.TrimSpace(header.Get("Content-Length")), 10, 64)
	switch {
	case err != nil || n < 0:
		return nil, fmt.Errorf("%w: Content-Length %q", errFraming, header.Get("Content-Length"))
	case n > maxMessageSize:
		if _, err := io.CopyN(io.Discard, r.r, n); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%w: a message of %d bytes is larger than %d", errFraming, n, maxMessageSize)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r.r, body); err != nil {
		return nil, err
	}
	return body, nil
}

// writer writes messages with their Content-Length header, one at a time:
// lints publish from their own goroutines.
type writer struct {
	mu sync.Mutex
	w  io.Writer
}

func (w *writer) write(m *message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "Content-Length: %d\r\n\r\n", len(body))
	buf.Write(body)
	w.mu.Lock()
	defer w.mu.Unlock()
	_, err = w.w.Write(buf.Bytes())
	return err
}

// notify sends a notification.
func (w *writer) notify(method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return w.write(&message{Method: method, Params: raw})
}

// reply answers the request id with result, or with err when it is not
// nil: an *rpcError as it is, any other error as an internal error.
func (w *writer) reply(id json.RawMessage, result any, err error) error {
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	m := &message{ID: id}
	if err != nil {
		var re *rpcError
		if !errors.As(err, &re) {
			re = &rpcError{Code: codeInternalError, Message: err.Error()}
		}
		m.Error = re
		return w.write(m)
	}
	raw, err := json.Marshal(result)
	if err != nil {
		return err
	}
	m.Result = raw
	return w.write(m)
}
