package jsscan

import (
	"slices"

	"github.com/tdewolff/parse/v2/js"
)

// maxTest bounds the expressions a test of the API is looked for in, so
// that variables bound to conditions of conditions stay linear to read.
const maxTest = 64

// guard walks n, a branch that runs only when the API chains tested hold:
// uses found inside it are Tested that far.
func (a *analyzer) guard(tested []ref, n js.INode) {
	if n == nil {
		return
	}
	depth := len(a.tests)
	a.tests = append(a.tests, tested...)
	a.w.walk(n)
	a.tests = a.tests[:depth]
}

// ifStmt walks an if statement, its branches under the tests its condition
// makes.
func (a *analyzer) ifStmt(n *js.IfStmt) {
	a.w.walkExpr(n.Cond)
	if n.Body != nil {
		a.guard(a.tested(n.Cond, true), n.Body)
	}
	if n.Else != nil {
		a.guard(a.tested(n.Cond, false), n.Else)
	}
}

// block walks a list of statements. After an if statement that leaves the
// block on one branch (if (!chrome.offscreen) return;) the rest of the
// list runs only under the other branch's tests.
func (a *analyzer) block(list []js.IStmt) {
	depth := len(a.tests)
	for _, s := range list {
		if s == nil {
			continue
		}
		a.w.walk(s)
		ifs, ok := s.(*js.IfStmt)
		if !ok {
			continue
		}
		bodyExits, elseExits := exits(ifs.Body), ifs.Else != nil && exits(ifs.Else)
		switch {
		case bodyExits && !elseExits:
			a.tests = append(a.tests, a.tested(ifs.Cond, false)...)
		case elseExits && !bodyExits:
			a.tests = append(a.tests, a.tested(ifs.Cond, true)...)
		}
	}
	a.tests = a.tests[:depth]
}

// exits reports whether s always leaves the statement list it is in:
// return, throw, break, continue, or a block or if that always does.
func exits(s js.IStmt) bool {
	switch s := s.(type) {
	case *js.ReturnStmt, *js.ThrowStmt, *js.BranchStmt:
		return true
	case *js.BlockStmt:
		return len(s.List) > 0 && exits(s.List[len(s.List)-1])
	case *js.IfStmt:
		return s.Else != nil && exits(s.Body) && exits(s.Else)
	}
	return false
}

// logical walks x && y, x || y and c ? x : y, whose later operands run
// under the tests of the earlier ones. It returns false for other
// expressions, which it leaves alone.
func (a *analyzer) logical(e js.IExpr) bool {
	switch e := e.(type) {
	case *js.BinaryExpr:
		if e.Op != js.AndToken && e.Op != js.OrToken {
			return false
		}
		a.w.walkExpr(e.X)
		a.guard(a.tested(e.X, e.Op == js.AndToken), e.Y)
	case *js.CondExpr:
		a.w.walkExpr(e.Cond)
		a.guard(a.tested(e.Cond, true), e.X)
		a.guard(a.tested(e.Cond, false), e.Y)
	default:
		return false
	}
	return true
}

// tested returns the API chains known to exist when e is truthy (want
// true) or falsy (want false): chrome.scripting in `chrome.scripting`,
// `!!chrome.scripting`, `typeof chrome.scripting !== "undefined"`,
// `chrome.scripting != null`, `"scripting" in chrome`, `Boolean(x)`, x && y,
// !x || !y, and a variable bound once to one of those.
func (a *analyzer) tested(e js.IExpr, want bool) []ref {
	budget := maxTest
	return a.tests1(e, want, &budget)
}

func (a *analyzer) tests1(e js.IExpr, want bool, budget *int) []ref {
	if *budget <= 0 {
		return nil
	}
	*budget--
	switch x := e.(type) {
	case *js.GroupExpr:
		return a.tests1(x.X, want, budget)
	case *js.UnaryExpr:
		if x.Op == js.NotToken {
			return a.tests1(x.X, !want, budget)
		}
		return nil
	case *js.BinaryExpr:
		switch x.Op {
		case js.AndToken:
			if want {
				return append(a.tests1(x.X, true, budget), a.tests1(x.Y, true, budget)...)
			}
		case js.OrToken:
			if !want {
				return append(a.tests1(x.X, false, budget), a.tests1(x.Y, false, budget)...)
			}
		case js.EqEqToken, js.EqEqEqToken, js.NotEqToken, js.NotEqEqToken:
			return a.comparison(x, want)
		case js.InToken:
			if name, ok := a.stringLitView(x.X); ok && want {
				if r, ok := a.member(x.Y, name, nil, 0); ok {
					return []ref{r} // "scripting" in chrome
				}
			}
		}
		return nil
	case *js.CallExpr:
		if name, ok := a.global(x.X); ok && name == "Boolean" && len(x.Args.List) == 1 && !x.Args.List[0].Rest {
			return a.tests1(x.Args.List[0].Value, want, budget)
		}
		return nil
	case *js.Var:
		if _, ok := a.resolve(x, nil, 0); !ok {
			v := canon(x)
			if d, ok := a.defs[v]; ok && a.writes[v] == 1 && d.path == nil {
				return a.tests1(d.init, want, budget) // const ok = !!chrome.x
			}
		}
	}
	if !want {
		return nil
	}
	return a.chain(e)
}

// comparison returns the chains a comparison with undefined, or of a
// typeof with a type name, shows to exist.
func (a *analyzer) comparison(x *js.BinaryExpr, want bool) []ref {
	equal := (x.Op == js.EqEqToken || x.Op == js.EqEqEqToken) == want
	loose := x.Op == js.EqEqToken || x.Op == js.NotEqToken
	for _, sides := range [2][2]js.IExpr{{x.X, x.Y}, {x.Y, x.X}} {
		v, other := sides[0], sides[1]
		if t, ok := v.(*js.UnaryExpr); ok && t.Op == js.TypeofToken {
			// typeof v !== "undefined", typeof v === "function"
			if s, ok := a.stringLitView(other); ok && (s == "undefined") != equal {
				return a.chain(t.X)
			}
			continue
		}
		if !equal && a.undefined(other, loose) {
			return a.chain(v) // v !== undefined, v != null
		}
	}
	return nil
}

// undefined reports whether e is undefined (void 0), or, when loose, null.
func (a *analyzer) undefined(e js.IExpr, loose bool) bool {
	switch e := e.(type) {
	case *js.GroupExpr:
		return a.undefined(e.X, loose)
	case *js.LiteralExpr:
		return loose && e.TokenType == js.NullToken
	case *js.UnaryExpr:
		return e.Op == js.VoidToken
	case *js.Var:
		name, ok := a.global(e)
		return ok && name == "undefined"
	}
	return false
}

// chain returns e as a tested API chain, if it is one below a namespace.
func (a *analyzer) chain(e js.IExpr) []ref {
	if r, ok := a.resolve(e, nil, 0); ok && len(r.chain) > 0 {
		return []ref{r}
	}
	return nil
}

// testedLength returns how many leading members of the chain of a use in
// namespace ns the tests in force show to exist.
func (a *analyzer) testedLength(ns Namespace, chain []string) int {
	n := 0
	for _, t := range a.tests {
		if ns&^t.ns == 0 && len(t.chain) > n && len(t.chain) <= len(chain) && slices.Equal(t.chain, chain[:len(t.chain)]) {
			n = len(t.chain)
		}
	}
	return n
}

// optionals returns where the member chain e, which resolves to a chain of
// length n, is read with ?.: i for chain[:i]?.chain[i], n for a call
// callee?.(). Parentheses end an optional chain, so the walk stops there.
func optionals(e js.IExpr, n int, call *js.CallExpr) []int {
	var at []int
	if call != nil && call.Optional {
		at = append(at, n)
	}
walk:
	for i := n - 1; i >= 1; i-- {
		var optional bool
		switch x := e.(type) {
		case *js.DotExpr:
			optional, e = x.Optional, x.X
		case *js.IndexExpr:
			optional, e = x.Optional, x.X
		default:
			break walk // an alias or a group: the rest is out of sight
		}
		if optional {
			at = append(at, i)
		}
	}
	slices.Sort(at)
	return at
}
