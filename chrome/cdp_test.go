package chrome

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestFrameRoundTrip(t *testing.T) {
	values := []any{
		map[string]any{"id": 1, "method": "Browser.getVersion", "params": struct{}{}},
		"a string with a NUL \x00 inside, and ünïcödé",
		[]int{1, 2, 3},
	}
	var stream []byte
	for _, v := range values {
		var err error
		if stream, err = appendFrame(stream, v); err != nil {
			t.Fatal(err)
		}
	}
	if n := bytes.Count(stream, []byte{0}); n != len(values) {
		t.Fatalf("stream has %d NUL bytes, want one per frame (%d): %q", n, len(values), stream)
	}

	r := bufio.NewReader(bytes.NewReader(stream))
	for i, v := range values {
		frame, err := readFrame(r)
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		want, _ := json.Marshal(v)
		if !bytes.Equal(frame, want) {
			t.Errorf("frame %d = %s, want %s", i, frame, want)
		}
	}
	if _, err := readFrame(r); !errors.Is(err, io.EOF) {
		t.Errorf("after the last frame: err = %v, want io.EOF", err)
	}

	r = bufio.NewReader(strings.NewReader(`{"id":1}` + "\x00" + `{"id":2`))
	if _, err := readFrame(r); err != nil {
		t.Fatal(err)
	}
	if _, err := readFrame(r); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("truncated frame: err = %v, want io.ErrUnexpectedEOF", err)
	}
}

func TestAppendFrameError(t *testing.T) {
	if _, err := appendFrame(nil, func() {}); err == nil {
		t.Error("appendFrame of a func: no error")
	}
}

// fakePeer is the browser's end of a conn under test.
type fakePeer struct {
	t *testing.T
	r *bufio.Reader  // requests from the conn
	w *io.PipeWriter // messages to the conn
}

// newFakePeer returns a conn connected to a fake browser. Both are shut down
// when the test ends.
func newFakePeer(t *testing.T) (*conn, *fakePeer) {
	reqR, reqW := io.Pipe()
	msgR, msgW := io.Pipe()
	t.Cleanup(func() {
		reqR.Close()
		msgW.Close()
	})
	return newConn(msgR, reqW), &fakePeer{t: t, r: bufio.NewReader(reqR), w: msgW}
}

// next reads the next request.
func (p *fakePeer) next() request {
	p.t.Helper()
	frame, err := readFrame(p.r)
	if err != nil {
		p.t.Fatalf("peer: reading request: %v", err)
	}
	var req request
	if err := json.Unmarshal(frame, &req); err != nil {
		p.t.Fatalf("peer: bad request %q: %v", frame, err)
	}
	return req
}

// send writes data as the given chunks: framing must not depend on how the
// stream is cut.
func (p *fakePeer) send(chunks ...string) {
	p.t.Helper()
	for _, c := range chunks {
		if _, err := io.WriteString(p.w, c); err != nil {
			p.t.Fatalf("peer: %v", err)
		}
	}
}

type callResult struct {
	value string
	err   error
}

// goCall starts a call and returns where its outcome will be delivered.
func goCall(ctx context.Context, c *conn, session, method string) <-chan callResult {
	ch := make(chan callResult, 1)
	go func() {
		var r struct{ Value string }
		err := c.call(ctx, session, method, params{"k": "v"}, &r)
		ch <- callResult{r.Value, err}
	}()
	return ch
}

func wait(t *testing.T, ch <-chan callResult) callResult {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(5 * time.Second):
		t.Fatal("call did not return")
		return callResult{}
	}
}

func TestConnCall(t *testing.T) {
	c, peer := newFakePeer(t)
	ctx := t.Context()

	a := goCall(ctx, c, "", "A.a")
	reqA := peer.next()
	b := goCall(ctx, c, "S1", "B.b")
	reqB := peer.next()
	if reqA.Method != "A.a" || reqA.SessionID != "" || reqB.Method != "B.b" || reqB.SessionID != "S1" || reqA.ID == reqB.ID {
		t.Fatalf("requests = %+v, %+v", reqA, reqB)
	}
	if p, _ := json.Marshal(reqB.Params); string(p) != `{"k":"v"}` {
		t.Errorf("params = %s", p)
	}

	respA := fmtResponse(reqA.ID, `{"value":"for A"}`)
	respB := fmtResponse(reqB.ID, `{"value":"for B"}`)
	// An event, B's response a byte at a time, then A's response glued to
	// a response nobody waits for.
	peer.send(`{"method":"Target.targetCreated","params":{}}` + "\x00")
	peer.send(strings.Split(respB, "")...)
	peer.send(respA + fmtResponse(999, `{}`))

	if r := wait(t, b); r.err != nil || r.value != "for B" {
		t.Errorf("B = %+v, want \"for B\"", r)
	}
	if r := wait(t, a); r.err != nil || r.value != "for A" {
		t.Errorf("A = %+v, want \"for A\"", r)
	}

	// Chrome's refusal of a command.
	e := goCall(ctx, c, "", "E.e")
	peer.send(`{"id":` + strconv.FormatInt(peer.next().ID, 10) + `,"error":{"code":-32000,"message":"Manifest is not valid JSON."}}` + "\x00")
	r := wait(t, e)
	cerr, ok := errors.AsType[*cdpError](r.err)
	if !ok || cerr.Code != -32000 || cerr.Message != "Manifest is not valid JSON." {
		t.Errorf("err = %v, want a *cdpError with Chrome's message", r.err)
	}
}

func TestConnContext(t *testing.T) {
	c, peer := newFakePeer(t)

	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	slow := goCall(ctx, c, "", "Slow.call")
	stale := peer.next() // never answered in time
	if r := wait(t, slow); !errors.Is(r.err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", r.err)
	}

	canceled, cancel := context.WithCancel(t.Context())
	cancel()
	if r := wait(t, goCall(canceled, c, "", "Never.sent")); !errors.Is(r.err, context.Canceled) {
		t.Errorf("canceled context: err = %v, want context.Canceled", r.err)
	}

	// The conn still works, and a late response is dropped.
	ok := goCall(t.Context(), c, "", "Fast.call")
	req := peer.next()
	if req.Method != "Fast.call" {
		t.Fatalf("request = %+v, want Fast.call: a request with a canceled context was sent", req)
	}
	peer.send(fmtResponse(stale.ID, `{"value":"late"}`), fmtResponse(req.ID, `{"value":"fast"}`))
	if r := wait(t, ok); r.err != nil || r.value != "fast" {
		t.Errorf("after a timeout: %+v, want \"fast\"", r)
	}
}

func TestConnPeerGone(t *testing.T) {
	for _, tc := range []struct {
		name string
		last string // sent before the stream ends
		want string
	}{
		{"closed", "", "connection closed"},
		{"truncated frame", `{"id":1,"res`, "unexpected EOF"},
		{"malformed frame", "not json\x00", "malformed message"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, peer := newFakePeer(t)
			pending := goCall(t.Context(), c, "", "Pending.call")
			peer.next()
			peer.send(tc.last)
			peer.w.Close()
			r := wait(t, pending)
			if r.err == nil || !strings.Contains(r.err.Error(), tc.want) {
				t.Errorf("pending call: err = %v, want one that says %q", r.err, tc.want)
			}
			if err := c.call(t.Context(), "", "Later.call", nil, nil); err == nil {
				t.Error("call on a dead conn: no error")
			}
		})
	}
}

func fmtResponse(id int64, result string) string {
	return `{"id":` + strconv.FormatInt(id, 10) + `,"result":` + result + "}\x00"
}
