package chrome

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
)

// This file speaks the Chrome DevTools Protocol (CDP) over the pipe transport
// that --remote-debugging-pipe enables: Chrome reads requests from its fd 3 and
// writes responses and events to its fd 4, each message a JSON object followed
// by a NUL byte.

// cdpError is Chrome's error response to a CDP request.
type cdpError struct {
	Code    int64  `json:"code"`
	Message string `json:"message"`
	Data    string `json:"data,omitempty"`
}

func (e *cdpError) Error() string {
	if e.Data != "" {
		return fmt.Sprintf("%s: %s (code %d)", e.Message, e.Data, e.Code)
	}
	return fmt.Sprintf("%s (code %d)", e.Message, e.Code)
}

// request is a CDP command. SessionID addresses a target attached in flat
// mode; empty addresses the browser itself.
type request struct {
	ID        int64  `json:"id"`
	SessionID string `json:"sessionId,omitempty"`
	Method    string `json:"method"`
	Params    any    `json:"params"`
}

// message is anything Chrome sends: a response (ID set, then Result or Error)
// or an event (Method set, ID zero).
type message struct {
	ID        int64           `json:"id"`
	SessionID string          `json:"sessionId"`
	Method    string          `json:"method"`
	Result    json.RawMessage `json:"result"`
	Error     *cdpError       `json:"error"`
}

// params are the parameters of a CDP command.
type params map[string]any

// appendFrame appends v, JSON-encoded and NUL-terminated, to buf.
func appendFrame(buf []byte, v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return buf, err
	}
	// encoding/json escapes U+0000 as \u0000, so the terminator is the frame's
	// only NUL byte.
	return append(append(buf, b...), 0), nil
}

// readFrame returns the next NUL-terminated frame from r, without the NUL.
// A stream that ends inside a frame gives io.ErrUnexpectedEOF.
func readFrame(r *bufio.Reader) ([]byte, error) {
	b, err := r.ReadBytes(0)
	if err != nil {
		if err == io.EOF && len(b) > 0 {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return b[:len(b)-1], nil
}

// errConnClosed ends a conn whose peer closed the stream between frames.
var errConnClosed = errors.New("connection closed")

// conn is a CDP client over a pair of byte streams. It is safe for concurrent
// use. A conn never blocks a caller past its context: reading and writing are
// done by goroutines of their own, which end once the streams are closed.
type conn struct {
	out chan []byte // frames for the writer goroutine

	mu      sync.Mutex
	nextID  int64
	pending map[int64]chan *message // calls waiting for a response, by id
	err     error                   // why the conn is dead; set once
	done    chan struct{}           // closed when err is set
}

// newConn starts a CDP client that reads Chrome's messages from r and writes
// commands to w. The caller owns r and w: closing them, or making their reads
// and writes fail, stops the conn's goroutines.
func newConn(r io.Reader, w io.Writer) *conn {
	c := &conn{
		out:     make(chan []byte),
		pending: make(map[int64]chan *message),
		done:    make(chan struct{}),
	}
	go c.readLoop(bufio.NewReader(r))
	go c.writeLoop(w)
	return c
}

func (c *conn) readLoop(r *bufio.Reader) {
	for {
		frame, err := readFrame(r)
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = errConnClosed
			}
			c.fail(fmt.Errorf("reading from Chrome: %w", err))
			return
		}
		var m message
		if err := json.Unmarshal(frame, &m); err != nil {
			c.fail(fmt.Errorf("malformed message from Chrome: %w", err))
			return
		}
		if m.ID == 0 {
			continue // an event; nothing here subscribes to any
		}
		c.mu.Lock()
		ch := c.pending[m.ID]
		delete(c.pending, m.ID)
		c.mu.Unlock()
		if ch != nil {
			ch <- &m // buffered: never blocks
		}
	}
}

func (c *conn) writeLoop(w io.Writer) {
	for {
		select {
		case frame := <-c.out:
			if _, err := w.Write(frame); err != nil {
				c.fail(fmt.Errorf("writing to Chrome: %w", err))
				return
			}
		case <-c.done:
			return
		}
	}
}

// fail marks the conn dead with err, unless it already is, and wakes every
// caller waiting for a response.
func (c *conn) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = err
		close(c.done)
	}
}

// Err reports why the conn is dead, or nil while it is alive.
func (c *conn) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// call sends the CDP command method with params (nil for none) to the target
// of sessionID and waits for the response. On success it decodes the result
// into result, unless result is nil. Chrome's refusal of the command is
// returned as an error that wraps a *cdpError.
func (c *conn) call(ctx context.Context, sessionID, method string, params, result any) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", method, context.Cause(ctx))
	}
	if params == nil {
		params = struct{}{}
	}
	ch := make(chan *message, 1)
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return c.err
	}
	c.nextID++
	id := c.nextID
	c.pending[id] = ch
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, id)
		c.mu.Unlock()
	}()

	frame, err := appendFrame(nil, &request{ID: id, SessionID: sessionID, Method: method, Params: params})
	if err != nil {
		return fmt.Errorf("%s: encoding request: %w", method, err)
	}
	select {
	case c.out <- frame:
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, context.Cause(ctx))
	case <-c.done:
		return fmt.Errorf("%s: %w", method, c.Err())
	}

	var m *message
	select {
	case m = <-ch:
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, context.Cause(ctx))
	case <-c.done:
		select {
		case m = <-ch: // the response came just before the end
		default:
			return fmt.Errorf("%s: %w", method, c.Err())
		}
	}
	if m.Error != nil {
		return fmt.Errorf("%s: %w", method, m.Error)
	}
	if result == nil {
		return nil
	}
	if err := json.Unmarshal(m.Result, result); err != nil {
		return fmt.Errorf("%s: decoding result: %w", method, err)
	}
	return nil
}
