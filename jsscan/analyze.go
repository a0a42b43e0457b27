package jsscan

import (
	"slices"

	"github.com/tdewolff/parse/v2/js"
)

// analyzer scans a parsed file. It works in two walks: the first learns
// how often each variable is written and what each one is bound to; the
// second reports, resolving aliases with what the first learnt.
//
// Scopes are the parser's: it resolves every identifier to the variable it
// names, so that a chrome declared anywhere (a parameter, a local, an
// import) is a different variable from the global one, which is the only
// one that counts.
type analyzer struct {
	src *source
	w   walker
	out findings

	writes  map[*js.Var]int          // assignments of each variable, declaration initialisers included
	defs    map[*js.Var]binding      // the declaration initialiser of each variable that has one
	funcs   map[*js.Var]*js.FuncDecl // function declarations
	regexps []int                    // offsets of the regular expression literals
	imports map[string]Namespace     // the names imports bind, which shadow globals: 0, or Browser for the polyfill

	refs    map[*js.Var]refMemo
	senders map[senderKey]SenderUse
	tests   []ref // the API chains the conditions around the walk's node test to exist
}

// binding is what a declaration binds a variable to: the initialiser, and
// the members a destructuring pattern takes from it, outermost first.
type binding struct {
	init js.IExpr
	path []string
}

// ref is what an expression is known to be: a member chain of the API.
type ref struct {
	ns    Namespace
	chain []string
	alias string // the variable the chain starts from, if any
}

type refMemo struct {
	r    ref
	ok   bool
	done bool // false while being resolved, to stop cycles
}

type senderKey struct {
	fn      js.INode
	connect bool
}

// manyWrites marks a variable written in a way the analysis does not
// follow (a loop variable, a destructuring assignment); it is never an
// alias.
const manyWrites = 2

func analyze(src *source, ast *js.AST) findings {
	a := &analyzer{
		src:     src,
		writes:  map[*js.Var]int{},
		defs:    map[*js.Var]binding{},
		funcs:   map[*js.Var]*js.FuncDecl{},
		imports: map[string]Namespace{},
		refs:    map[*js.Var]refMemo{},
		senders: map[senderKey]SenderUse{},
	}
	a.w.visit = a.learn
	a.w.walk(ast)
	src.indexLater(a.sortedRegexps())

	a.w.visit = a.report
	a.w.walk(ast)
	a.out.incomplete = a.w.tooDeep
	return a.out
}

// canon returns the variable v stands for: the parser links a use made
// before a declaration in an enclosing scope to the declared variable.
func canon(v *js.Var) *js.Var {
	for range 1000 {
		if v.Link == nil {
			break
		}
		v = v.Link
	}
	return v
}

// global returns the name of the global variable e is, if it is one. The
// parser does not declare the names an import binds; they are module
// scoped, so an undeclared variable of such a name is the import.
func (a *analyzer) global(e js.INode) (string, bool) {
	name, ok := undeclared(e)
	if !ok || len(a.imports) == 0 {
		return name, ok
	}
	_, imported := a.imports[name]
	return name, !imported
}

// undeclared returns the name of e when it is a variable declared nowhere
// in the file.
func undeclared(e js.INode) (string, bool) {
	v, ok := e.(*js.Var)
	if !ok {
		return "", false
	}
	if v = canon(v); v.Decl != js.NoDecl {
		return "", false
	}
	return identName(v.Data), true
}

// polyfill is the module that gives Chrome the browser namespace.
const polyfill = "webextension-polyfill"

// learn is the first walk's visit.
func (a *analyzer) learn(n js.INode) bool {
	switch n := n.(type) {
	case *js.LiteralExpr:
		if n.TokenType == js.RegExpToken {
			if off, ok := a.src.offset(n.Data); ok {
				a.regexps = append(a.regexps, off)
			}
		}
	case *js.ImportStmt:
		// The webextension-polyfill package's default export, and the
		// module itself, are the browser namespace.
		var ns Namespace
		if spec, ok := stringValue(n.Module); ok && spec == polyfill {
			ns = Browser
		}
		if n.Default != nil {
			a.imports[identName(n.Default)] = ns
		}
		for _, al := range n.List {
			if al.Binding == nil {
				continue
			}
			name := identName(al.Binding)
			a.imports[name] = 0
			if string(al.Name) == "*" || string(al.Name) == "default" {
				a.imports[name] = ns
			}
		}
	case *js.VarDecl:
		for i := range n.List {
			if el := &n.List[i]; el.Default != nil {
				a.bind(el.Binding, el.Default, nil)
			}
		}
	case *js.ForInStmt:
		a.clobber(n.Init)
	case *js.ForOfStmt:
		a.clobber(n.Init)
	case *js.BinaryExpr:
		if isAssignOp(n.Op) {
			if v, ok := n.X.(*js.Var); ok {
				a.writes[canon(v)]++
			} else {
				a.clobber(n.X)
			}
		}
	case *js.UnaryExpr:
		switch n.Op {
		case js.PreIncrToken, js.PreDecrToken, js.PostIncrToken, js.PostDecrToken:
			a.clobber(n.X)
		}
	case *js.FuncDecl:
		if n.Name != nil && n.Name.Decl != js.ExprDecl {
			v := canon(n.Name)
			a.writes[v]++
			a.funcs[v] = n
		}
	case *js.ClassDecl:
		if n.Name != nil {
			a.writes[canon(n.Name)]++
		}
	}
	return true
}

// sortedRegexps returns the offsets of the regular expressions in source
// order, as index needs them.
func (a *analyzer) sortedRegexps() []int {
	slices.Sort(a.regexps)
	return a.regexps
}

func isAssignOp(op js.TokenType) bool {
	switch op {
	case js.EqToken, js.MulEqToken, js.DivEqToken, js.ModEqToken, js.ExpEqToken, js.AddEqToken,
		js.SubEqToken, js.LtLtEqToken, js.GtGtEqToken, js.GtGtGtEqToken, js.BitAndEqToken,
		js.BitXorEqToken, js.BitOrEqToken, js.AndEqToken, js.OrEqToken, js.NullishEqToken:
		return true
	}
	return false
}

// bind records what the variables of a declaration's binding are bound
// to.
func (a *analyzer) bind(b js.IBinding, init js.IExpr, path []string) {
	switch b := b.(type) {
	case *js.Var:
		v := canon(b)
		a.writes[v]++
		a.defs[v] = binding{init: init, path: path}
	case *js.BindingObject:
		for i := range b.List {
			item := &b.List[i]
			key, ok := a.propName(item.Key)
			if !ok {
				a.clobber(item.Value.Binding)
				continue
			}
			a.bind(item.Value.Binding, init, append(slices.Clip(path), key))
		}
		if b.Rest != nil {
			a.clobber(b.Rest)
		}
	default:
		a.clobber(b)
	}
}

// clobber marks every variable in n, a binding or an assignment target, as
// written more than once.
func (a *analyzer) clobber(n js.INode) {
	if n == nil {
		return
	}
	w := walker{visit: func(n js.INode) bool {
		if v, ok := n.(*js.Var); ok {
			a.writes[canon(v)] += manyWrites
		}
		return true
	}}
	w.walk(n)
	a.w.tooDeep = a.w.tooDeep || w.tooDeep
}

// propName returns the name of a non-computed property key, or of a
// computed one that is a string literal.
func (a *analyzer) propName(p *js.PropertyName) (string, bool) {
	if p == nil {
		return "", false
	}
	if p.Computed != nil {
		return a.stringLit(p.Computed)
	}
	switch lit := p.Literal; {
	case lit.TokenType == js.StringToken:
		return stringValue(lit.Data)
	case js.IsIdentifierName(lit.TokenType):
		return identName(lit.Data), true
	case len(lit.Data) > 0:
		return string(lit.Data), true // a number; its text is good enough here
	}
	return "", false
}

// stringLit returns the value of a string literal or of a template literal
// without substitutions.
func (a *analyzer) stringLit(e js.IExpr) (string, bool) {
	switch e := e.(type) {
	case *js.LiteralExpr:
		if e.TokenType == js.StringToken {
			return stringValue(e.Data)
		}
	case *js.TemplateExpr:
		if e.Tag == nil && len(e.List) == 0 {
			return templateValue(e.Tail)
		}
	case *js.GroupExpr:
		return a.stringLit(e.X)
	}
	return "", false
}

// memberName returns the name of x.name, which the parser keeps as a
// LiteralExpr value; false for a private name, x.#name.
func memberName(d *js.DotExpr) (js.LiteralExpr, bool) {
	switch y := d.Y.(type) {
	case js.LiteralExpr:
		return y, true
	case *js.LiteralExpr:
		return *y, true
	}
	return js.LiteralExpr{}, false
}
