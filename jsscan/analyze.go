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

	// The first walk logs what it learns of variables, in order, and
	// settle turns the logs into writes, defs and funcs when the second
	// walk is to run: most library code has nothing to report, and is
	// spared building the maps.
	writeLog log[varWrite]
	defLog   log[varDef]
	funcLog  log[varFunc]
	writes   map[*js.Var]int          // assignments of each variable, declaration initialisers included
	defs     map[*js.Var]binding      // the declaration initialiser of each variable that has one
	funcs    map[*js.Var]*js.FuncDecl // function declarations
	regexps  []int                    // offsets of the regular expression literals
	imports  map[string]Namespace     // the names imports bind, which shadow globals: 0, or Browser for the polyfill
	dynamic  []*js.CallExpr           // the dynamic imports, import(x), reported once the variables are settled
	// found reports that the first walk met something the second can
	// report from: a name an API use can start with.
	found bool

	refs    map[*js.Var]refMemo
	consts  map[*js.Var]constMemo // the value of each constant an argument names, see literal
	senders map[senderKey]SenderUse
	tests   []ref // the API chains the conditions around the walk's node test to exist
}

// The entries of the first walk's logs: n more writes of v, a declaration
// initialiser of v, a function declaration of v.
type (
	varWrite struct {
		v *js.Var
		n int
	}
	varDef struct {
		v *js.Var
		b binding
	}
	varFunc struct {
		v  *js.Var
		fn *js.FuncDecl
	}
)

// binding is what a declaration binds a variable to: the initialiser, and
// the members a destructuring pattern takes from it.
type binding struct {
	init js.IExpr
	path *member
}

// member is a path of members a destructuring pattern takes, as a list
// from the innermost member out, whose tails are shared: nested patterns
// cost one member each, however deep.
type member struct {
	name  string
	outer *member
}

// len returns the number of members.
func (m *member) len() int {
	n := 0
	for p := m; p != nil; p = p.outer {
		n++
	}
	return n
}

// names returns the path from the outermost member in, appended to chain.
func (m *member) names(chain []string) []string {
	n := m.len()
	out := slices.Grow(slices.Clip(chain), n)[:len(chain)+n]
	for p, i := m, len(out)-1; p != nil; p, i = p.outer, i-1 {
		out[i] = p.name
	}
	return out
}

// ref is what an expression is known to be: a member chain of the API.
type ref struct {
	ns    Namespace
	chain []string
	alias string // the variable the chain starts from, if any
}

type constMemo struct {
	arg Arg
	ok  bool
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
	a := &analyzer{src: src, w: walker{done: src.done}}
	a.w.visit = a.learn
	a.w.walk(ast)
	src.indexLater(a.sortedRegexps())

	second := a.found || a.w.tooDeep
	if second || len(a.dynamic) > 0 {
		a.settle()
	}
	for _, c := range a.dynamic {
		a.scriptImports(ImportDynamic, c, 1)
	}
	if second {
		a.w.visit = a.report
		a.w.walk(ast)
	}
	a.out.incomplete = a.w.tooDeep
	return a.out
}

// settle builds writes, defs and funcs from the first walk's log, in its
// order.
func (a *analyzer) settle() {
	a.writes = make(map[*js.Var]int, a.writeLog.len()+a.defLog.len()+a.funcLog.len())
	a.defs = make(map[*js.Var]binding, a.defLog.len())
	a.funcs = make(map[*js.Var]*js.FuncDecl, a.funcLog.len())
	a.refs = map[*js.Var]refMemo{}
	a.consts = map[*js.Var]constMemo{}
	a.senders = map[senderKey]SenderUse{}
	a.writeLog.each(func(w *varWrite) { a.writes[w.v] += w.n })
	a.defLog.each(func(d *varDef) {
		a.writes[d.v]++
		a.defs[d.v] = d.b
	})
	a.funcLog.each(func(f *varFunc) {
		a.writes[f.v]++
		a.funcs[f.v] = f.fn
	})
	a.writeLog, a.defLog, a.funcLog = log[varWrite]{}, log[varDef]{}, log[varFunc]{}
}

// write logs n writes of v.
func (a *analyzer) write(v *js.Var, n int) {
	a.writeLog.add(varWrite{v, n})
}

// The first walk reports the static imports and exports from other
// modules itself (they are statements of the module's top level, placed
// by their own text), lists the dynamic imports, reported once the
// variables their arguments may name are settled, and notes whether the
// file has something the second walk may report from (found): an
// undeclared chrome, browser or importScripts, one of them read from
// globalThis, window or self, or the webextension-polyfill module imported
// or required. It errs on the side of yes: the imports a file makes (which
// shadow globals) are not all known yet. A module that only imports
// others, as the chunks of a bundler's output do, needs no second walk.

// reportableVar reports whether v is an undeclared chrome, browser or
// importScripts. The name is looked at first: it is in the source, where
// the walk is, while the declaration (canon) is elsewhere in memory, and
// few variables have these names.
func reportableVar(v *js.Var) bool {
	// Minified code names most variables in one or two letters.
	if len(v.Data) < len("chrome") || !reportableName(nameView(v.Data)) {
		return false
	}
	_, ok := undeclared(v)
	return ok
}

// reportableName reports whether name is chrome, browser or importScripts.
func reportableName(name string) bool {
	return namespaceOf(name) != 0 || name == "importScripts"
}

// reportableMember reports whether x.name is chrome, browser or
// importScripts read from the global object.
func reportableMember(x js.IExpr, name string, ok bool) bool {
	if !ok || !reportableName(name) {
		return false
	}
	g, global := undeclared(x)
	return global && isGlobalObject(g)
}

// reportableCall reports whether c is require("webextension-polyfill").
func (a *analyzer) reportableCall(c *js.CallExpr) bool {
	if len(c.Args.List) != 1 {
		return false
	}
	if name, ok := undeclared(c.X); !ok || name != "require" {
		return false
	}
	spec, ok := a.stringLitView(c.Args.List[0].Value)
	return ok && spec == polyfill
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

// global returns the name of the global variable e is, if it is one, as a
// view into the source (see nameView): for comparing. The parser does not
// declare the names an import binds; they are module scoped, so an
// undeclared variable of such a name is the import.
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
	return nameView(v.Data), true
}

// polyfill is the module that gives Chrome the browser namespace.
const polyfill = "webextension-polyfill"

// learn is the first walk's visit.
func (a *analyzer) learn(n js.INode) bool {
	switch n := n.(type) {
	case *js.Var:
		a.found = a.found || reportableVar(n)
	case *js.DotExpr:
		if !a.found {
			lit, ok := memberName(n)
			a.found = reportableMember(n.X, nameView(lit.Data), ok)
		}
	case *js.IndexExpr:
		if !a.found {
			name, ok := a.stringLitView(n.Y)
			a.found = reportableMember(n.X, name, ok)
		}
	case *js.CallExpr:
		if x, ok := n.X.(*js.LiteralExpr); ok && x.TokenType == js.ImportToken {
			a.dynamic = append(a.dynamic, n)
		}
		a.found = a.found || a.reportableCall(n)
	case *js.ExportStmt:
		if n.Module != nil {
			a.moduleImport(ExportFrom, n.Module)
		}
	case *js.LiteralExpr:
		if n.TokenType == js.RegExpToken {
			if off, ok := a.src.offset(n.Data); ok {
				a.regexps = append(a.regexps, off)
			}
		}
	case *js.ImportStmt:
		a.moduleImport(ImportStatic, n.Module)
		// The webextension-polyfill package's default export, and the
		// module itself, are the browser namespace.
		var ns Namespace
		if spec, ok := stringValue(n.Module); ok && spec == polyfill {
			ns = Browser
			a.found = true
		}
		if a.imports == nil {
			a.imports = map[string]Namespace{}
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
				a.write(canon(v), 1)
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
			a.funcLog.add(varFunc{canon(n.Name), n})
		}
	case *js.ClassDecl:
		if n.Name != nil {
			a.write(canon(n.Name), 1)
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
func (a *analyzer) bind(b js.IBinding, init js.IExpr, path *member) {
	switch b := b.(type) {
	case *js.Var:
		a.defLog.add(varDef{canon(b), binding{init: init, path: path}})
	case *js.BindingObject:
		for i := range b.List {
			item := &b.List[i]
			key, ok := a.propName(item.Key)
			if !ok {
				a.clobber(item.Value.Binding)
				continue
			}
			a.bind(item.Value.Binding, init, &member{key, path})
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
	w := walker{done: a.src.done, visit: func(n js.INode) bool {
		if v, ok := n.(*js.Var); ok {
			a.write(canon(v), manyWrites)
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

// stringLitView is stringLit with a value that may share the source's
// memory (see view): for comparing, or to keep after keep.
func (a *analyzer) stringLitView(e js.IExpr) (string, bool) {
	switch e := e.(type) {
	case *js.LiteralExpr:
		if e.TokenType == js.StringToken {
			return stringView(e.Data)
		}
	case *js.GroupExpr:
		return a.stringLitView(e.X)
	}
	return a.stringLit(e)
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
