package jsscan

import (
	"slices"

	"github.com/tdewolff/parse/v2/js"
)

// report is the second walk's visit.
func (a *analyzer) report(n js.INode) bool {
	switch n := n.(type) {
	case *js.ExportStmt:
		a.exported(n)
	case *js.CallExpr:
		a.call(n)
		return false
	case *js.IfStmt:
		a.ifStmt(n)
		return false
	case *js.BlockStmt:
		a.block(n.List)
		return false
	case *js.BinaryExpr:
		return !a.logical(n)
	case *js.CondExpr:
		return !a.logical(n)
	case *js.DotExpr:
		if x := pastLongChain(n); x != nil {
			a.w.walk(x)
			return false
		}
		return !a.memberUse(n)
	case *js.IndexExpr:
		return !a.memberUse(n)
	case *js.VarDecl:
		for i := range n.List {
			el := &n.List[i]
			if obj, ok := el.Binding.(*js.BindingObject); ok && el.Default != nil {
				if r, ok := a.resolve(el.Default, nil, 0); ok {
					a.destructure(r, obj)
				}
			}
		}
	}
	return true
}

// pastLongChain returns, for a.b.c... with more than maxChain members,
// the member that starts its last maxChain: resolve gives up on every
// member above it, and the walk goes straight there instead of trying each
// one in turn, which would cost maxChain steps a member. The members
// skipped hold only names. It returns nil for a shorter chain.
func pastLongChain(d *js.DotExpr) js.INode {
	n := 0
	for x := js.IExpr(d); n <= maxChain*8; n++ {
		next, ok := x.(*js.DotExpr)
		if !ok {
			break
		}
		x = next.X
	}
	if n <= maxChain {
		return nil
	}
	var x js.IExpr = d
	for range n - maxChain {
		x = x.(*js.DotExpr).X
	}
	return x
}

// memberUse reports e, a member expression, when it is an API chain; the
// outermost chain is reported, and its inner members are not walked.
func (a *analyzer) memberUse(e js.IExpr) bool {
	r, ok := a.resolve(e, nil, 0)
	if !ok || len(r.chain) == 0 {
		return false
	}
	a.use(r, e, nil)
	return true
}

func (a *analyzer) moduleImport(kind ImportKind, spec []byte) {
	imp := Import{Kind: kind}
	if start, end, ok := a.src.span(spec); ok {
		imp.Range = placed(start, end)
	}
	imp.Spec, imp.Literal = stringValue(spec)
	a.out.imports = append(a.out.imports, imp)
}

// use reports the API use e, a member chain or a function alias, resolved
// to r. call is the call of e, or nil.
func (a *analyzer) use(r ref, e js.IExpr, call *js.CallExpr) {
	u := APIUse{Namespace: r.ns, Chain: r.chain, Alias: r.alias, Tested: a.testedLength(r.ns, r.chain)}
	u.Optional = optionals(e, len(r.chain), call)
	if call != nil {
		u.Range = a.calleeRange(call)
		u.Called = true
		u.NumArgs = len(call.Args.List)
		u.Args = a.args(call, MaxArgs)
	} else {
		u.Range, _ = a.exprRange(e)
	}
	a.out.uses = append(a.out.uses, u)
	a.walkChainSides(e)
	if call == nil {
		return
	}
	switch {
	case u.Is("runtime.getURL") || u.Is("extension.getURL"):
		g := GetURL{Namespace: u.Namespace, Chain: u.Chain, Range: u.Range}
		if len(u.Args) > 0 {
			arg := u.Args[0]
			g.Arg = &arg
		}
		a.out.getURLs = append(a.out.getURLs, g)
	case len(u.Chain) == 3 && u.Chain[2] == "addListener":
		a.listener(u, call)
	}
}

// walkChainSides walks what a resolved chain holds besides the chain
// itself: the condition of a ?:, the guard of an &&, the first operands of
// a comma.
func (a *analyzer) walkChainSides(e js.IExpr) {
	for range maxChain * 2 {
		switch x := e.(type) {
		case *js.DotExpr:
			e = x.X
		case *js.IndexExpr:
			e = x.X
		case *js.GroupExpr:
			e = x.X
		case *js.CommaExpr:
			if len(x.List) == 0 {
				return
			}
			for _, y := range x.List[:len(x.List)-1] {
				a.w.walkExpr(y)
			}
			e = x.List[len(x.List)-1]
		case *js.CondExpr:
			a.w.walkExpr(x.Cond)
			a.walkChainSides(x.X)
			e = x.Y
		case *js.BinaryExpr:
			if x.Op == js.AndToken {
				a.w.walkExpr(x.X)
			} else {
				a.walkChainSides(x.X)
			}
			e = x.Y
		default:
			return
		}
	}
}

// args describes the first n arguments of a call. An argument the tree
// cannot place is placed between the commas of the argument list.
func (a *analyzer) args(c *js.CallExpr, n int) []Arg {
	list := c.Args.List[:min(n, len(c.Args.List))]
	if len(list) == 0 {
		return nil
	}
	out := make([]Arg, len(list))
	var spans [][2]int
	for i, arg := range list {
		out[i] = a.arg(arg)
		if !out[i].Range.IsZero() {
			continue
		}
		if spans == nil {
			var ok bool
			if spans, ok = a.src.splitArgs(a.openParen(c, 0)); !ok || len(spans) != len(c.Args.List) {
				spans = [][2]int{} // not to be tried again
			}
		}
		if i < len(spans) && spans[i][0] <= spans[i][1] {
			out[i].Range = placed(int(a.src.at(spans[i][0]).start), int(a.src.at(spans[i][1]).end))
		}
	}
	return out
}

// arg describes one argument.
func (a *analyzer) arg(arg js.Arg) Arg {
	out := Arg{Kind: ArgExpr}
	if !arg.Rest {
		if v, ok := a.literal(arg.Value, 0); ok {
			out = v
		} else {
			out.Object = a.object(arg.Value, 0)
		}
	}
	out.Range, _ = a.exprRange(arg.Value)
	return out
}

// literal describes a literal argument: a string, number, boolean or null,
// a template without substitutions, a + of strings, or a constant bound to
// one of those.
//
// A constant's value is decoded once, and shared by every argument that
// names it: a megabyte string passed to thousands of calls costs one
// megabyte.
func (a *analyzer) literal(e js.IExpr, depth int) (Arg, bool) {
	var out Arg
	switch x := e.(type) {
	case *js.Var:
		v := canon(x)
		if m, ok := a.consts[v]; ok && depth == 0 {
			return m.arg, m.ok
		}
		d, ok := a.defs[v]
		if !ok || a.writes[v] != 1 || d.path != nil || depth > maxChain {
			return Arg{}, false
		}
		out, ok = a.literal(d.init, depth+1)
		out.Const = identName(v.Data)
		if depth == 0 {
			a.consts[v] = constMemo{out, ok}
		}
		return out, ok
	case *js.LiteralExpr:
		switch {
		case x.TokenType == js.StringToken:
			v, ok := stringValue(x.Data)
			if !ok {
				return Arg{}, false
			}
			out = Arg{Kind: ArgString, Value: v}
		case js.IsNumeric(x.TokenType):
			out = Arg{Kind: ArgNumber, Value: string(x.Data)}
		case x.TokenType == js.TrueToken || x.TokenType == js.FalseToken:
			out = Arg{Kind: ArgBool, Value: string(x.Data)}
		case x.TokenType == js.NullToken:
			out = Arg{Kind: ArgNull, Value: "null"}
		default:
			return Arg{}, false
		}
	case *js.GroupExpr:
		return a.literal(x.X, depth)
	default:
		v, ok := a.concat(e, 0)
		if !ok {
			return Arg{}, false
		}
		out = Arg{Kind: ArgString, Value: v}
	}
	return out, true
}

// object reports whether e is an object or array literal, or a constant
// bound once to one.
func (a *analyzer) object(e js.IExpr, depth int) bool {
	switch x := e.(type) {
	case *js.ObjectExpr, *js.ArrayExpr:
		return true
	case *js.GroupExpr:
		return a.object(x.X, depth)
	case *js.Var:
		v := canon(x)
		d, ok := a.defs[v]
		return ok && a.writes[v] == 1 && d.path == nil && depth < maxChain && a.object(d.init, depth+1)
	}
	return false
}

// concat returns the value of a string, a template without substitutions,
// or a + of them.
func (a *analyzer) concat(e js.IExpr, depth int) (string, bool) {
	if b, ok := e.(*js.BinaryExpr); ok && b.Op == js.AddToken && depth < maxSpan {
		x, okx := a.concat(b.X, depth+1)
		y, oky := a.concat(b.Y, depth+1)
		return x + y, okx && oky
	}
	return a.stringLit(e)
}

// destructure reports the members a destructuring pattern takes from the
// API reference r: const { runtime, storage: { local } } = chrome.
func (a *analyzer) destructure(r ref, obj *js.BindingObject) {
	for i := range obj.List {
		item := &obj.List[i]
		name, ok := a.propName(item.Key)
		if !ok || len(r.chain) >= maxChain {
			continue
		}
		sub := ref{ns: r.ns, chain: append(slices.Clip(r.chain), name), alias: r.alias}
		rng, _ := a.keyRange(item)
		a.out.uses = append(a.out.uses, APIUse{
			Namespace: sub.ns, Chain: sub.chain, Alias: sub.alias, Range: rng,
			Tested: a.testedLength(sub.ns, sub.chain),
		})
		if inner, ok := item.Value.Binding.(*js.BindingObject); ok {
			a.destructure(sub, inner)
		}
	}
}

// keyRange places the key of a destructuring pattern's item. The parser
// copies a shorthand key ({ runtime }), so that is placed through its
// variable, which is checked to sit where a shorthand key does.
func (a *analyzer) keyRange(item *js.BindingObjectItem) (Range, bool) {
	k := item.Key
	if k == nil {
		return Range{}, false
	}
	if k.Computed != nil {
		return a.exprRange(k.Computed)
	}
	if start, end, ok := a.src.span(k.Literal.Data); ok {
		if k.Literal.TokenType != js.StringToken && start > 0 && (a.src.buf[start-1] == '"' || a.src.buf[start-1] == '\'') {
			start, end = start-1, end+1 // a quoted key the parser unquoted
		}
		return placed(start, end), true
	}
	v, ok := item.Value.Binding.(*js.Var)
	if !ok {
		return Range{}, false
	}
	i := a.litTok(v.Data)
	before := a.is(i-1, js.OpenBraceToken) || a.is(i-1, js.CommaToken)
	after := a.is(i+1, js.CloseBraceToken) || a.is(i+1, js.CommaToken) || a.is(i+1, js.EqToken)
	if i < 1 || !before || !after {
		return Range{}, false
	}
	t := a.src.at(i)
	return placed(int(t.start), int(t.end)), true
}

// call reports what a call is: an API call, a dynamic import or an
// importScripts.
func (a *analyzer) call(c *js.CallExpr) {
	callee := c.X
	for range maxChain {
		switch x := callee.(type) {
		case *js.GroupExpr:
			callee = x.X
			continue
		case *js.CommaExpr:
			// (0, chrome.runtime.sendMessage)(...), as compilers write
			// a call without this.
			if len(x.List) > 0 {
				for _, y := range x.List[:len(x.List)-1] {
					a.w.walkExpr(y)
				}
				callee = x.List[len(x.List)-1]
				continue
			}
		}
		break
	}

	switch callee.(type) {
	case *js.ArrowFunc, *js.FuncDecl: // ((browser) => ...)(chrome), the API under another name
		for _, arg := range c.Args.List {
			a.passOn(arg.Value, c)
		}
	}
	switch x := callee.(type) {
	case *js.LiteralExpr:
		if x.TokenType == js.ImportToken { // reported after the first walk
			a.w.walkArgs(&c.Args)
			return
		}
	case *js.Var:
		if name, ok := a.global(x); ok && name == "importScripts" {
			a.scriptImports(ImportScripts, c, len(c.Args.List))
			a.w.walkArgs(&c.Args)
			return
		}
		if r, ok := a.resolve(x, nil, 0); ok && len(r.chain) > 0 {
			a.use(r, x, c)
			a.w.walkArgs(&c.Args)
			return
		}
	case *js.DotExpr, *js.IndexExpr:
		if r, ok := a.resolve(x, nil, 0); ok && len(r.chain) > 0 {
			a.use(r, x, c)
			a.w.walkArgs(&c.Args)
			return
		}
		if d, ok := x.(*js.DotExpr); ok {
			if g, ok := a.global(d.X); ok && isGlobalObject(g) {
				if lit, ok := memberName(d); ok && nameView(lit.Data) == "importScripts" {
					a.scriptImports(ImportScripts, c, len(c.Args.List))
					a.w.walkArgs(&c.Args)
					return
				}
			}
		}
	}
	a.w.walkExpr(callee)
	a.w.walkArgs(&c.Args)
}

// exported notes an export of the API object itself, as in export const
// api = self.browser || self.chrome: the modules that import it use the
// API through a name the scan of this file cannot see.
func (a *analyzer) exported(n *js.ExportStmt) {
	if n.Default {
		a.passOn(n.Decl, nil)
		return
	}
	if d, ok := n.Decl.(*js.VarDecl); ok {
		for i := range d.List {
			a.passOn(d.List[i].Default, nil)
		}
	}
}

// passOn notes e when it is the API object itself (chrome, browser or an
// alias of one), not a member of it, passed on where the scan cannot
// follow it: to a function written in place (the call c), or out of the
// module (c nil). A named function it is passed to is not counted, as the
// webextension-polyfill's wrapAPIs(chrome), whose uses go through browser. Its
// place is e's, or the callee's when e is a lone name, which the tree
// does not place.
func (a *analyzer) passOn(e js.IExpr, c *js.CallExpr) {
	if e == nil {
		return
	}
	if r, ok := a.resolve(e, nil, 0); ok && len(r.chain) == 0 {
		rng, ok := a.exprRange(e)
		if !ok && c != nil {
			rng = a.calleeRange(c)
		}
		a.out.passedOn = append(a.out.passedOn, rng)
	}
}

// scriptImports reports the first n arguments of a call as imports.
func (a *analyzer) scriptImports(kind ImportKind, c *js.CallExpr, n int) {
	for _, v := range a.args(c, n) {
		imp := Import{Kind: kind, Range: v.Range}
		if v.Kind == ArgString {
			imp.Spec, imp.Literal = v.Value, true
		}
		if imp.Range.IsZero() {
			imp.Range = a.calleeRange(c)
		}
		a.out.imports = append(a.out.imports, imp)
	}
}
