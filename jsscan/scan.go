package jsscan

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"

	"github.com/crxlint/crxlint/internal/lines"
)

// MaxSize is the largest file Scan reads, in bytes; a larger file is
// reported with an Error of kind ErrTooLarge and not scanned. Scanning
// costs about 130 ms and 37 MB of short-lived allocations per megabyte of
// API-dense code on a small two-core machine (see BenchmarkScan), so a
// file at the limit takes a few seconds. Real extension bundles, minified
// libraries included, stay well below it.
const MaxSize = 16 << 20

// MaxArgs is the number of leading arguments recorded for each call.
const MaxArgs = 8

// maxDepth bounds the depth of the syntax tree walk. The parser already
// refuses more than 1000 nested statements or expressions, but chains such
// as a.b.c... or f()()... nest without limit; a subtree deeper than this is
// skipped and the result marked Incomplete rather than risking the stack.
const maxDepth = 100_000

// File is one JavaScript file to scan.
type File struct {
	Path string
	Src  []byte
}

// Result is what Scan found in one file. Every slice is in source order.
type Result struct {
	Path string
	// Uses are the references to the extension API: every member chain
	// rooted at chrome or browser, called or not.
	Uses []APIUse
	// GetURLs are the calls of runtime.getURL and extension.getURL.
	GetURLs []GetURL
	// Listeners are the functions registered for runtime messages and
	// connections.
	Listeners []Listener
	// Imports are the modules and scripts the file loads.
	Imports []Import
	// PassedOn are the places where the API object itself (chrome, browser
	// or an alias of one), not a member of it, is passed to a function or
	// exported: its uses there go through names the scan does not follow.
	PassedOn []Range
	// Err is set when the file could not be parsed (ErrSyntax), was too
	// large (ErrTooLarge), made the scanner fail (ErrInternal) or the scan
	// was stopped (ErrCanceled).
	Err *Error
	// Fallback reports that the findings come from the tokenizer alone,
	// because the file did not parse. They are sound as token sequences,
	// but nothing is known of scopes: a local variable named chrome counts as
	// the API, aliases are not followed and listeners are not reported.
	Fallback bool
	// Incomplete reports that part of the syntax tree was nested too deeply
	// to walk and was skipped.
	Incomplete bool
}

// Namespace is the global object an API use goes through: chrome,
// browser, or, for an alias that is one or the other at run time (as in
// globalThis.browser ?? globalThis.chrome), both.
type Namespace uint8

// The namespaces.
const (
	Chrome Namespace = 1 << iota
	Browser
)

// String returns "chrome", "browser" or "browser|chrome".
func (n Namespace) String() string {
	switch n {
	case Chrome:
		return "chrome"
	case Browser:
		return "browser"
	case Chrome | Browser:
		return "browser|chrome"
	}
	return fmt.Sprintf("Namespace(%d)", uint8(n))
}

// APIUse is one reference to the extension API.
type APIUse struct {
	Namespace Namespace
	// Chain is the member chain after the namespace, as in ["runtime",
	// "connectNative"] for chrome.runtime.connectNative; never empty.
	Chain []string
	// Alias is the local name the use goes through, as rt in
	// "const rt = chrome.runtime; rt.connectNative()", or "".
	Alias string
	// Called reports that the chain is called: chrome.runtime.connect().
	Called bool
	// Args are the first MaxArgs arguments of a call.
	Args []Arg
	// NumArgs is the number of arguments of a call, all of them.
	NumArgs int
	// Tested is how many leading members of Chain the conditions around
	// the use have shown to exist: 1 for the call in
	// `if (chrome.scripting) chrome.scripting.executeScript(...)`. The
	// conditions are a truthy chain, !, &&, ||, typeof x !== "undefined",
	// x != null, "name" in x and variables bound once to them, in if
	// statements (and the rest of a block after `if (!x) return`), &&,
	// || and ?:.
	Tested int
	// Optional lists, in increasing order, where the chain is read with
	// optional chaining: i for Chain[:i]?.Chain[i], len(Chain) for a call
	// written f?.(), through a function alias too (send?.()).
	Optional []int
	// Range covers the chain from its root (the namespace, the alias, or a
	// global object as in globalThis.chrome) to its last member, without
	// the call's arguments. A use found in a destructuring pattern, as
	// runtime in "const { runtime } = chrome", covers the pattern's key. A
	// call through a function alias ("const send = chrome.runtime.sendMessage;
	// send()") covers the alias's name when it can be placed, which needs an
	// argument whose position is known; otherwise Range is zero.
	Range Range
}

// Guarded reports whether the code copes with the API object
// Chain[:n] being undefined, for n from 1 to len(Chain): the use runs only
// when a condition has found it (n <= Tested), or reads past it with
// optional chaining.
func (u *APIUse) Guarded(n int) bool {
	return n >= 1 && (n <= u.Tested || slices.Contains(u.Optional, n))
}

// Path returns the chain joined with dots, as in "runtime.connectNative".
func (u *APIUse) Path() string { return strings.Join(u.Chain, ".") }

// Is reports whether the chain is exactly path, a dotted member chain such
// as "runtime.getURL".
func (u *APIUse) Is(path string) bool {
	for i, m := range u.Chain {
		if i > 0 {
			if path == "" || path[0] != '.' {
				return false
			}
			path = path[1:]
		}
		rest, ok := strings.CutPrefix(path, m)
		if !ok {
			return false
		}
		path = rest
	}
	return path == ""
}

// ArgKind says what an argument is.
type ArgKind uint8

// The kinds of argument. Only ArgExpr is not a literal.
const (
	ArgExpr   ArgKind = iota // any expression other than the literals below
	ArgString                // a string literal, a template literal without substitutions, or a + of them
	ArgNumber                // a numeric literal
	ArgBool                  // true or false
	ArgNull                  // null
)

var argKindNames = [...]string{"expr", "string", "number", "bool", "null"}

// String returns the kind's name, as "string".
func (k ArgKind) String() string {
	if int(k) < len(argKindNames) {
		return argKindNames[k]
	}
	return fmt.Sprintf("ArgKind(%d)", uint8(k))
}

// Arg is one argument of a call.
type Arg struct {
	Kind ArgKind
	// Value is the string's value with its escapes decoded (ArgString), or
	// the literal as written (ArgNumber, ArgBool, ArgNull); "" for ArgExpr.
	Value string
	// Const is the name of the constant the value was read from, as HOST
	// in connectNative(HOST) after const HOST = "com.example.host": a
	// variable declared once with a literal and never assigned. It is ""
	// for a literal written in the call.
	Const string
	// Object reports an ArgExpr that is an object or array literal, or a
	// constant bound once to one, and so never a function.
	Object bool
	// Range covers the argument as written: the literal, the
	// concatenation, or the constant's name. It is zero for an argument
	// that cannot be placed, which is rare: the argument list is split at
	// its commas when the tree cannot place an argument.
	Range Range
}

// Literal reports whether the argument is a literal.
func (a Arg) Literal() bool { return a.Kind != ArgExpr }

// GetURL is a call of runtime.getURL or extension.getURL.
type GetURL struct {
	Namespace Namespace
	Chain     []string // ["runtime", "getURL"] or ["extension", "getURL"]
	// Arg is the path argument, nil for a call without arguments. Its Kind
	// is ArgString when the path is known.
	Arg   *Arg
	Range Range // the callee, as APIUse.Range
}

// HandlerKind says how a listener was given.
type HandlerKind uint8

// The kinds of handler.
const (
	// HandlerUnknown is a handler that is not a function of this file, such
	// as a parameter, a property or a function imported from elsewhere.
	HandlerUnknown HandlerKind = iota
	HandlerInline              // a function or arrow function written in the call
	HandlerNamed               // a name bound once, in this file, to a function
)

var handlerKindNames = [...]string{"unknown", "inline", "named"}

// String returns the kind's name, as "inline".
func (k HandlerKind) String() string {
	if int(k) < len(handlerKindNames) {
		return handlerKindNames[k]
	}
	return fmt.Sprintf("HandlerKind(%d)", uint8(k))
}

// SenderUse says whether a listener reads the sender of a message or port.
type SenderUse uint8

// The uses of the sender.
const (
	// SenderUnknown: the handler could not be analysed (HandlerUnknown).
	SenderUnknown SenderUse = iota
	// SenderIgnored: the handler never reads the sender.
	SenderIgnored
	// SenderRead: the handler reads the sender (the second parameter of a
	// message listener, port.sender in a connection listener).
	SenderRead
	// SenderMaybe: the handler may read it out of sight: it reads
	// arguments, gathers its parameters with ...rest, or passes the port
	// on.
	SenderMaybe
)

var senderUseNames = [...]string{"unknown", "ignored", "read", "maybe"}

// String returns the use's name, as "ignored".
func (s SenderUse) String() string {
	if int(s) < len(senderUseNames) {
		return senderUseNames[s]
	}
	return fmt.Sprintf("SenderUse(%d)", uint8(s))
}

// Listener is a function registered with addListener on one of the events
// whose callbacks learn who sent a message: runtime.onMessage,
// onMessageExternal, onConnect, onConnectExternal, onUserScriptMessage,
// onUserScriptConnect, and extension.onRequest and onRequestExternal.
type Listener struct {
	Namespace Namespace
	// Event is the event's chain, as ["runtime", "onMessageExternal"].
	Event []string
	// Connect reports that the event passes a port (onConnect and the
	// like), whose sender property says who connected; otherwise the
	// sender is the listener's second parameter.
	Connect bool
	Handler HandlerKind
	// HandlerName is the handler's name for HandlerNamed.
	HandlerName string
	Sender      SenderUse
	Range       Range // the addListener chain, as APIUse.Range
}

// External reports whether the event is for messages from other extensions
// and web pages (onMessageExternal, onConnectExternal, onRequestExternal).
func (l *Listener) External() bool {
	return len(l.Event) > 0 && strings.HasSuffix(l.Event[len(l.Event)-1], "External")
}

// ImportKind says how a file is loaded.
type ImportKind uint8

// The kinds of import.
const (
	ImportStatic  ImportKind = iota // import ... from "x", import "x"
	ExportFrom                      // export ... from "x"
	ImportDynamic                   // import("x")
	ImportScripts                   // importScripts("a.js", "b.js"), one Import each
)

var importKindNames = [...]string{"import", "export-from", "dynamic-import", "importScripts"}

// String returns the kind's name, as "dynamic-import".
func (k ImportKind) String() string {
	if int(k) < len(importKindNames) {
		return importKindNames[k]
	}
	return fmt.Sprintf("ImportKind(%d)", uint8(k))
}

// Import is one module or script the file loads.
type Import struct {
	Kind ImportKind
	// Spec is the module specifier or script URL, when Literal.
	Spec string
	// Literal reports that Spec is known: the argument is a string literal,
	// a template literal without substitutions, or a + of them.
	Literal bool
	// Range covers the specifier (see Arg.Range for a non-literal one).
	Range Range
}

// Position is a place in the source: a 0-based byte offset, a 1-based line
// and a 1-based column counted in UTF-16 code units. Lines end at "\n",
// "\r\n" or a lone "\r", as editors count them (and as crxlint counts in
// every file it reads).
type Position = lines.Position

// Range is a half-open range of positions.
type Range struct {
	Start, End Position
}

// IsZero reports whether the range is unknown.
func (r Range) IsZero() bool { return r.Start.Line == 0 }

// ErrorKind says why a file was not fully scanned.
type ErrorKind uint8

// The kinds of error.
const (
	ErrSyntax   ErrorKind = iota + 1 // the file is not valid JavaScript
	ErrTooLarge                      // the file is larger than MaxSize
	ErrInternal                      // the scanner failed; a bug
	ErrCanceled                      // the scan was stopped by its context (ScanContext)
)

var errorKindNames = [...]string{"", "syntax error", "too large", "internal error", "canceled"}

// String returns the kind's name, as "syntax error".
func (k ErrorKind) String() string {
	if int(k) < len(errorKindNames) && k != 0 {
		return errorKindNames[k]
	}
	return fmt.Sprintf("ErrorKind(%d)", uint8(k))
}

// Error is why a file was not fully scanned, with where.
type Error struct {
	Kind ErrorKind
	Msg  string
	Pos  Position // where the parser stopped; the start of the file otherwise
}

// Error returns "line:column: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%d:%d: %s: %s", e.Pos.Line, e.Pos.Column, e.Kind, e.Msg)
}

// Scan parses one file and reports its extension API uses, getURL calls,
// message listeners and imports. It never panics and never fails: a file
// that does not parse is reported in Result.Err and scanned with the
// tokenizer alone (Result.Fallback). Scan does not modify f.Src and is safe
// to call from several goroutines.
func Scan(f File) Result { return ScanContext(context.Background(), f) }

// ScanContext is Scan, stopped when ctx is done: it then returns at once
// with an Error of kind ErrCanceled and no findings. The scan's own work
// stops within microseconds; the parser cannot be stopped, so a parse
// under way goes on in the background until it ends (a second at most,
// for a file of MaxSize), without holding up the caller.
func ScanContext(ctx context.Context, f File) (res Result) {
	res.Path = f.Path
	if len(f.Src) > MaxSize {
		res.Err = &Error{
			Kind: ErrTooLarge,
			Msg:  fmt.Sprintf("file is %d bytes, larger than the %d the scanner reads", len(f.Src), MaxSize),
			Pos:  Position{Line: 1, Column: 1},
		}
		return res
	}
	defer func() {
		// The parser is third-party code: a crash in it, or in the
		// walk, must cost one file, not the whole lint run.
		if v := recover(); v != nil {
			res = Result{Path: f.Path, Err: &Error{
				Kind: ErrInternal,
				Msg:  fmt.Sprintf("scanner failed: %v", v),
				Pos:  Position{Line: 1, Column: 1},
			}}
		}
	}()

	done := ctx.Done()
	if closed(done) {
		return canceled(ctx, f.Path)
	}
	src := newSource(f.Src, done)
	ast, err := parseSource(src, done)
	if errors.Is(err, errCanceled) {
		return canceled(ctx, f.Path)
	}
	var found findings
	if err != nil {
		res.Err = syntaxError(f.Src, err)
		res.Fallback = true
		found = scanTokens(src)
	} else {
		found = analyze(src, ast)
	}
	if closed(done) {
		return canceled(ctx, f.Path)
	}
	found.finish(f.Src, &res)
	return res
}

// errCanceled is parseSource's answer when done is closed first.
var errCanceled = errors.New("canceled")

// parseSource parses the file. With a done channel, it parses in a
// goroutine of its own and returns errCanceled as soon as done is closed,
// leaving the parse to finish and be collected.
func parseSource(src *source, done <-chan struct{}) (*js.AST, error) {
	if done == nil {
		return js.Parse(parse.NewInputBytes(src.text()), js.Options{})
	}
	type parsed struct {
		ast   *js.AST
		err   error
		crash any
	}
	ch := make(chan parsed, 1)
	go func() {
		var p parsed
		defer func() {
			p.crash = recover()
			ch <- p
		}()
		p.ast, p.err = js.Parse(parse.NewInputBytes(src.text()), js.Options{})
	}()
	select {
	case p := <-ch:
		if p.crash != nil {
			panic(p.crash) // Scan's recover turns it into ErrInternal
		}
		return p.ast, p.err
	case <-done:
		return nil, errCanceled
	}
}

// canceled is the result of a scan stopped by ctx.
func canceled(ctx context.Context, path string) Result {
	msg := "scan canceled"
	if err := context.Cause(ctx); err != nil {
		msg = "scan canceled: " + err.Error()
	}
	return Result{Path: path, Err: &Error{Kind: ErrCanceled, Msg: msg, Pos: Position{Line: 1, Column: 1}}}
}

// syntaxError converts the parser's error, which gives a line and a column
// in code points, into an Error at a byte offset.
func syntaxError(src []byte, err error) *Error {
	e := &Error{Kind: ErrSyntax, Msg: err.Error()}
	var perr *parse.Error
	if errors.As(err, &perr) {
		e.Msg = perr.Message
		e.Pos.Offset = offsetOfLineCol(src, perr.Line, perr.Column)
	}
	return e
}

// findings is what a scan collected, with byte offsets only; finish
// sorts it and fills in lines and columns.
type findings struct {
	uses       []APIUse
	getURLs    []GetURL
	listeners  []Listener
	imports    []Import
	passedOn   []Range
	incomplete bool
}

func (f *findings) finish(src []byte, res *Result) {
	sortByStart(f.uses, func(u *APIUse) *Range { return &u.Range })
	sortByStart(f.getURLs, func(g *GetURL) *Range { return &g.Range })
	sortByStart(f.listeners, func(l *Listener) *Range { return &l.Range })
	sortByStart(f.imports, func(i *Import) *Range { return &i.Range })

	var index *lines.Index // made for the first range to place: most files have none
	place := func(r *Range) {
		if r.Start.Line != 0 { // placed
			if index == nil {
				index = lines.New(src)
			}
			r.Start, r.End = index.Position(r.Start.Offset), index.Position(r.End.Offset)
		}
	}
	for i := range f.uses {
		u := &f.uses[i]
		place(&u.Range)
		for j := range u.Args {
			place(&u.Args[j].Range)
		}
	}
	for i := range f.getURLs {
		g := &f.getURLs[i]
		place(&g.Range)
		if g.Arg != nil {
			place(&g.Arg.Range)
		}
	}
	for i := range f.listeners {
		place(&f.listeners[i].Range)
	}
	for i := range f.imports {
		place(&f.imports[i].Range)
	}
	for i := range f.passedOn {
		place(&f.passedOn[i])
	}
	if res.Err != nil {
		r := placed(res.Err.Pos.Offset, res.Err.Pos.Offset)
		place(&r)
		res.Err.Pos = r.Start
	}

	res.Uses, res.GetURLs, res.Listeners, res.Imports, res.PassedOn = f.uses, f.getURLs, f.listeners, f.imports, f.passedOn
	res.Incomplete = f.incomplete
}

// sortByStart sorts findings by where they start. One that could not be
// placed stays after the finding found before it, which the walk finds in
// about source order.
func sortByStart[T any](s []T, rng func(*T) *Range) {
	type keyed struct {
		key int
		v   T
	}
	ks := make([]keyed, len(s))
	key := 0
	for i := range s {
		if r := rng(&s[i]); !r.IsZero() {
			key = r.Start.Offset
		}
		ks[i] = keyed{key, s[i]}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return a.key - b.key })
	for i := range ks {
		s[i] = ks[i].v
	}
}
