package jsscan

import (
	"bytes"

	"github.com/tdewolff/parse/v2/js"
)

// maxSpan bounds the recursion that places an expression; an expression
// nested deeper is left unplaced.
const maxSpan = 1000

// exprRange returns the range of e when its first and last tokens can be
// found: from the identifiers, literals and property names the tree
// places, through the tokens around them. A lone variable cannot be
// placed (the tree keeps one object for all the uses of a variable), nor
// can a function or a class.
func (a *analyzer) exprRange(e js.IExpr) (Range, bool) {
	// A literal is one token, placed by its own text without the token
	// index, which a file whose only findings are imports never builds.
	if l, ok := e.(*js.LiteralExpr); ok {
		if start, end, ok := a.src.span(l.Data); ok {
			return placed(start, end), true
		}
	}
	last := a.lastTok(e, 0)
	first := a.firstTok(e, last, 0)
	if first < 0 {
		return Range{}, false
	}
	return placed(int(a.src.at(first).start), int(a.src.at(last).end)), true
}

// is reports whether token i has type tt.
func (a *analyzer) is(i int, tt js.TokenType) bool { return a.src.tok(i).tt == tt }

// litTok returns the token index of a literal or property name of the
// tree.
func (a *analyzer) litTok(data []byte) int {
	off, ok := a.src.offset(data)
	if !ok {
		return -1
	}
	return a.src.tokenAt(off)
}

// lastTok returns the index of e's last token, or -1.
func (a *analyzer) lastTok(e js.IExpr, depth int) int {
	if depth > maxSpan {
		return -1
	}
	depth++
	switch e := e.(type) {
	case *js.Var:
		// The tree keeps one object for the uses of an undeclared name in
		// a scope, holding the first use's text: with one use, that is
		// this one.
		if e.Decl == js.NoDecl && e.Uses == 1 {
			return a.litTok(e.Data)
		}
	case *js.LiteralExpr:
		return a.litTok(e.Data)
	case *js.TemplateExpr:
		return a.litTok(e.Tail)
	case *js.DotExpr:
		if lit, ok := memberName(e); ok {
			return a.litTok(lit.Data)
		}
	case *js.IndexExpr:
		if i := a.lastTok(e.Y, depth) + 1; i > 0 && a.is(i, js.CloseBracketToken) {
			return i
		}
	case *js.CallExpr:
		if n := len(e.Args.List); n > 0 {
			i := a.lastTok(e.Args.List[n-1].Value, depth) + 1
			if i > 0 && a.is(i, js.CommaToken) {
				i++
			}
			if i > 0 && a.is(i, js.CloseParenToken) {
				return i
			}
			return -1
		}
		if o := a.openParen(e, depth); o >= 0 && a.is(o+1, js.CloseParenToken) {
			return o + 1
		}
	case *js.GroupExpr:
		if i := a.lastTok(e.X, depth) + 1; i > 0 && a.is(i, js.CloseParenToken) {
			return i
		}
	case *js.UnaryExpr:
		i := a.lastTok(e.X, depth)
		if i >= 0 && (e.Op == js.PostIncrToken || e.Op == js.PostDecrToken) {
			i++
		}
		return i
	case *js.BinaryExpr:
		return a.lastTok(e.Y, depth)
	case *js.CondExpr:
		return a.lastTok(e.Y, depth)
	case *js.CommaExpr:
		if len(e.List) > 0 {
			return a.lastTok(e.List[len(e.List)-1], depth)
		}
	}
	return -1
}

// firstTok returns the index of the first token of e, whose last token is
// last, or -1.
func (a *analyzer) firstTok(e js.IExpr, last, depth int) int {
	if last < 0 || last >= a.src.count() || depth > maxSpan {
		return -1
	}
	depth++
	switch e := e.(type) {
	case *js.Var:
		if a.src.identAt(last, nameView(e.Data)) {
			return last
		}
	case *js.LiteralExpr:
		t := a.src.at(last)
		if off, ok := a.src.offset(e.Data); ok && off == int(t.start) ||
			!ok && bytes.Equal(e.Data, a.src.buf[t.start:t.end]) {
			return last
		}
	case *js.TemplateExpr:
		i := -1
		switch a.src.at(last).tt {
		case js.TemplateToken:
			i = last
		case js.TemplateEndToken:
			i = a.src.matchBack(last)
		}
		if i < 0 || e.Tag == nil {
			return i
		}
		return a.firstTok(e.Tag, i-1, depth)
	case *js.DotExpr:
		if a.is(last-1, js.DotToken) || a.is(last-1, js.OptChainToken) {
			return a.firstTok(e.X, last-2, depth)
		}
	case *js.IndexExpr, *js.CallExpr:
		closer := js.CloseBracketToken
		if _, ok := e.(*js.CallExpr); ok {
			closer = js.CloseParenToken
		}
		if !a.is(last, closer) {
			return -1
		}
		o := a.src.matchBack(last) - 1
		if a.is(o, js.OptChainToken) {
			o--
		}
		if o < 0 {
			return -1
		}
		if ix, ok := e.(*js.IndexExpr); ok {
			return a.firstTok(ix.X, o, depth)
		}
		return a.firstTok(e.(*js.CallExpr).X, o, depth)
	case *js.GroupExpr:
		if a.is(last, js.CloseParenToken) {
			return a.src.matchBack(last)
		}
	case *js.ObjectExpr:
		if a.is(last, js.CloseBraceToken) {
			return a.src.matchBack(last)
		}
	case *js.ArrayExpr:
		if a.is(last, js.CloseBracketToken) {
			return a.src.matchBack(last)
		}
	case *js.UnaryExpr:
		if e.Op == js.PostIncrToken || e.Op == js.PostDecrToken {
			return a.firstTok(e.X, last-1, depth)
		}
		if i := a.firstTok(e.X, last, depth); i > 0 {
			return i - 1 // the operator
		}
	case *js.BinaryExpr:
		if i := a.firstTok(e.Y, last, depth); i > 1 {
			return a.firstTok(e.X, i-2, depth) // before the operator
		}
	case *js.CondExpr:
		i := a.firstTok(e.Y, last, depth)
		if i < 2 || !a.is(i-1, js.ColonToken) {
			return -1
		}
		i = a.firstTok(e.X, i-2, depth)
		if i < 2 || !a.is(i-1, js.QuestionToken) {
			return -1
		}
		return a.firstTok(e.Cond, i-2, depth)
	case *js.CommaExpr:
		i := last + 2
		for j := len(e.List) - 1; j >= 0; j-- {
			if i = a.firstTok(e.List[j], i-2, depth); i < 0 {
				return -1
			}
			if j > 0 && !a.is(i-1, js.CommaToken) {
				return -1
			}
		}
		return i
	}
	return -1
}

// openParen returns the index of the ( of a call, found after its callee
// or, for a callee that cannot be placed, around its arguments.
func (a *analyzer) openParen(c *js.CallExpr, depth int) int {
	if i := a.lastTok(c.X, depth) + 1; i > 0 {
		if a.is(i, js.OptChainToken) {
			i++
		}
		if a.is(i, js.OpenParenToken) {
			return i
		}
		return -1
	}
	for _, arg := range c.Args.List {
		last := a.lastTok(arg.Value, depth)
		first := a.firstTok(arg.Value, last, depth)
		if first < 0 {
			continue
		}
		if arg.Rest && a.is(first-1, js.EllipsisToken) {
			first--
		}
		if o := a.src.enclosingOpen(first); a.is(o, js.OpenParenToken) {
			return o
		}
		return -1
	}
	return -1
}

// calleeRange places the callee of a call: from its ( when the callee
// itself cannot be placed, as a variable. It returns a zero Range when
// neither can be.
func (a *analyzer) calleeRange(c *js.CallExpr) Range {
	if r, ok := a.exprRange(c.X); ok {
		return r
	}
	o := a.openParen(c, 0)
	if o < 1 {
		return Range{}
	}
	last := o - 1
	if a.is(last, js.OptChainToken) {
		last--
	}
	first := a.firstTok(c.X, last, 0)
	if first < 0 {
		return Range{}
	}
	return placed(int(a.src.at(first).start), int(a.src.at(last).end))
}
