package jsscan

import (
	"slices"

	"github.com/tdewolff/parse/v2/js"
)

// maxChain bounds the member chains resolve follows. API chains are a few
// members long; the bound keeps the walk linear on a.b.c.d... of any
// length, which it enters at every member.
const maxChain = 32

// namespaceOf returns the namespace a global variable name is.
func namespaceOf(name string) Namespace {
	switch name {
	case "chrome":
		return Chrome
	case "browser":
		return Browser
	}
	return 0
}

// isGlobalObject reports whether name is a global that holds the global
// object, through which chrome can be reached as globalThis.chrome.
func isGlobalObject(name string) bool {
	return name == "globalThis" || name == "window" || name == "self"
}

// resolve reports what e is known to be. self is the variable whose
// initialiser e is, or nil: "var browser = browser || chrome" reads the
// variable it defines, which is then undefined or the global browser.
func (a *analyzer) resolve(e js.IExpr, self *js.Var, depth int) (ref, bool) {
	if depth > maxChain {
		return ref{}, false
	}
	depth++
	switch e := e.(type) {
	case *js.Var:
		if name, ok := a.global(e); ok {
			ns := namespaceOf(name)
			return ref{ns: ns}, ns != 0
		}
		if v := canon(e); v.Decl == js.NoDecl {
			ns := a.imports[nameView(v.Data)]
			return ref{ns: ns}, ns != 0
		}
		if v := canon(e); v.Decl != js.NoDecl {
			return a.resolveVar(v)
		}
	case *js.DotExpr:
		lit, ok := memberName(e)
		if !ok {
			return ref{}, false // a private name
		}
		return a.member(e.X, nameView(lit.Data), self, depth)
	case *js.IndexExpr:
		name, ok := a.stringLitView(e.Y)
		if !ok {
			return ref{}, false
		}
		return a.member(e.X, name, self, depth)
	case *js.GroupExpr:
		return a.resolve(e.X, self, depth)
	case *js.CallExpr:
		// require("webextension-polyfill")
		if name, ok := a.global(e.X); ok && name == "require" && len(e.Args.List) == 1 {
			if spec, ok := a.stringLit(e.Args.List[0].Value); ok && spec == polyfill {
				return ref{ns: Browser}, true
			}
		}
	case *js.CommaExpr:
		if len(e.List) == 0 {
			return ref{}, false
		}
		return a.resolve(e.List[len(e.List)-1], self, depth)
	case *js.CondExpr:
		return a.either(e.X, e.Y, self, depth)
	case *js.BinaryExpr:
		switch e.Op {
		case js.OrToken, js.NullishToken:
			return a.either(e.X, e.Y, self, depth)
		case js.AndToken:
			// typeof chrome === "object" && chrome: a guard, then the API.
			return a.resolve(e.Y, self, depth)
		}
	}
	return ref{}, false
}

// member resolves x.name. name may be a view into the source (see view):
// it is kept as a copy.
func (a *analyzer) member(x js.IExpr, name string, self *js.Var, depth int) (ref, bool) {
	if g, ok := a.global(x); ok && isGlobalObject(g) {
		ns := namespaceOf(name)
		return ref{ns: ns}, ns != 0
	}
	r, ok := a.resolve(x, self, depth)
	if !ok {
		return ref{}, false
	}
	r.chain = append(slices.Clip(r.chain), keep(name))
	return r, true
}

// either resolves a value that is x or y: both must be the same chain, in
// one namespace or the other, or one of them nothing (null, undefined, or
// the variable being defined, when that is undefined or the global of its
// name).
func (a *analyzer) either(x, y js.IExpr, self *js.Var, depth int) (ref, bool) {
	rx, okx := a.resolve(x, self, depth)
	ry, oky := a.resolve(y, self, depth)
	switch {
	case okx && oky:
		if !slices.Equal(rx.chain, ry.chain) {
			return ref{}, false
		}
		rx.ns |= ry.ns
		if rx.alias != ry.alias {
			rx.alias = ""
		}
		return rx, true
	case okx && a.nothing(y, self):
		return rx, true
	case oky && a.nothing(x, self):
		return ry, true
	}
	return ref{}, false
}

// nothing reports whether e is null, undefined, void 0, or self.
func (a *analyzer) nothing(e js.IExpr, self *js.Var) bool {
	switch e := e.(type) {
	case *js.GroupExpr:
		return a.nothing(e.X, self)
	case *js.LiteralExpr:
		return e.TokenType == js.NullToken
	case *js.UnaryExpr:
		return e.Op == js.VoidToken
	case *js.Var:
		if self != nil && canon(e) == self {
			return true
		}
		name, ok := a.global(e)
		return ok && name == "undefined"
	}
	return false
}

// resolveVar resolves a variable declared once with an initialiser and
// never written again: const api = chrome, var rt = chrome.runtime,
// const { runtime } = chrome. A variable assigned anywhere else, a
// parameter, or one declared in a loop is not an alias.
func (a *analyzer) resolveVar(v *js.Var) (ref, bool) {
	if _, ok := a.defs[v]; !ok || a.writes[v] != 1 {
		return ref{}, false
	}
	if m, ok := a.refs[v]; ok {
		return m.r, m.ok && m.done
	}
	a.refs[v] = refMemo{} // in progress: a cycle resolves to nothing
	r, ok := a.resolveDef(v)
	a.refs[v] = refMemo{r: r, ok: ok, done: true}
	return r, ok
}

func (a *analyzer) resolveDef(v *js.Var) (ref, bool) {
	d := a.defs[v]
	r, ok := a.resolve(d.init, v, 0)
	if !ok || len(r.chain)+d.path.len() > maxChain {
		// A pattern nested deeper than any API is not followed, so that
		// every use of its variable does not copy a chain that long.
		return ref{}, false
	}
	r.chain = d.path.names(r.chain)
	r.alias = identName(v.Data)
	return r, true
}
