package jsscan

import "github.com/tdewolff/parse/v2/js"

// walker visits a syntax tree depth first. visit is called on each node
// before its children and returns whether to walk them; a visit that
// returns false may walk some of them itself with walk.
//
// The walk is iterative along the left spine of binary expressions (a
// minified bundle can concatenate thousands of strings), and gives up below
// maxDepth, setting tooDeep, so that no input can exhaust the stack.
type walker struct {
	visit   func(n js.INode) bool
	depth   int
	tooDeep bool
	rights  []js.IExpr // the right operands binary has still to walk, shared by its calls

	// done, when closed, stops the walk: it is looked at every
	// checkEvery nodes, and stopped records that it was.
	done    <-chan struct{}
	steps   uint
	stopped bool
}

// checkEvery is how many nodes a walk visits between two looks at its
// done channel: a look costs a few nanoseconds, the nodes a few
// microseconds.
const checkEvery = 1 << 10

func (w *walker) walk(n js.INode) {
	if n == nil || w.stopped {
		return
	}
	if w.steps%checkEvery == 0 && closed(w.done) {
		w.stopped = true
		return
	}
	w.steps++
	if w.depth >= maxDepth {
		w.tooDeep = true
		return
	}
	w.depth++
	if w.visit(n) {
		w.children(n)
	}
	w.depth--
}

// closed reports whether done is closed; a nil channel never is.
func closed(done <-chan struct{}) bool {
	select {
	case <-done:
		return true
	default:
		return false
	}
}

// walkExpr walks an expression that may be nil.
func (w *walker) walkExpr(e js.IExpr) {
	if e != nil {
		w.walk(e)
	}
}

func (w *walker) walkStmts(list []js.IStmt) {
	for _, s := range list {
		if s != nil {
			w.walk(s)
		}
	}
}

func (w *walker) walkBlock(b *js.BlockStmt) {
	if b != nil {
		w.walk(b)
	}
}

func (w *walker) walkBinding(b js.IBinding) {
	if b != nil {
		w.walk(b)
	}
}

func (w *walker) walkParams(p *js.Params) {
	for i := range p.List {
		w.walk(&p.List[i])
	}
	w.walkBinding(p.Rest)
}

func (w *walker) walkArgs(a *js.Args) {
	for i := range a.List {
		w.walkExpr(a.List[i].Value)
	}
}

// children walks the children of n.
func (w *walker) children(n js.INode) {
	switch n := n.(type) {
	case *js.AST:
		w.walkBlock(&n.BlockStmt)
	case *js.BlockStmt:
		w.walkStmts(n.List)
	case *js.ExprStmt:
		w.walkExpr(n.Value)
	case *js.IfStmt:
		w.walkExpr(n.Cond)
		w.walkStmt(n.Body)
		w.walkStmt(n.Else)
	case *js.DoWhileStmt:
		w.walkStmt(n.Body)
		w.walkExpr(n.Cond)
	case *js.WhileStmt:
		w.walkExpr(n.Cond)
		w.walkStmt(n.Body)
	case *js.ForStmt:
		w.walkExpr(n.Init)
		w.walkExpr(n.Cond)
		w.walkExpr(n.Post)
		w.walkBlock(n.Body)
	case *js.ForInStmt:
		w.walkExpr(n.Init)
		w.walkExpr(n.Value)
		w.walkBlock(n.Body)
	case *js.ForOfStmt:
		w.walkExpr(n.Init)
		w.walkExpr(n.Value)
		w.walkBlock(n.Body)
	case *js.SwitchStmt:
		w.walkExpr(n.Init)
		for i := range n.List {
			w.walkExpr(n.List[i].Cond)
			w.walkStmts(n.List[i].List)
		}
	case *js.ReturnStmt:
		w.walkExpr(n.Value)
	case *js.WithStmt:
		w.walkExpr(n.Cond)
		w.walkStmt(n.Body)
	case *js.LabelledStmt:
		w.walkStmt(n.Value)
	case *js.ThrowStmt:
		w.walkExpr(n.Value)
	case *js.TryStmt:
		w.walkBlock(n.Body)
		w.walkBinding(n.Binding)
		w.walkBlock(n.Catch)
		w.walkBlock(n.Finally)
	case *js.ExportStmt:
		w.walkExpr(n.Decl)
	case *js.VarDecl:
		for i := range n.List {
			w.walk(&n.List[i])
		}
	case *js.BindingElement:
		w.walkBinding(n.Binding)
		w.walkExpr(n.Default)
	case *js.BindingArray:
		for i := range n.List {
			w.walk(&n.List[i])
		}
		w.walkBinding(n.Rest)
	case *js.BindingObject:
		for i := range n.List {
			if k := n.List[i].Key; k != nil {
				w.walkExpr(k.Computed)
			}
			w.walk(&n.List[i].Value)
		}
	case *js.FuncDecl:
		w.walkParams(&n.Params)
		w.walkBlock(&n.Body)
	case *js.ArrowFunc:
		w.walkParams(&n.Params)
		w.walkBlock(&n.Body)
	case *js.MethodDecl:
		w.walkExpr(n.Name.Computed)
		w.walkParams(&n.Params)
		w.walkBlock(&n.Body)
	case *js.ClassDecl:
		w.walkExpr(n.Extends)
		for i := range n.List {
			el := &n.List[i]
			switch {
			case el.StaticBlock != nil:
				w.walkBlock(el.StaticBlock)
			case el.Method != nil:
				w.walk(el.Method)
			default:
				w.walkExpr(el.Name.Computed)
				w.walkExpr(el.Init)
			}
		}
	case *js.ArrayExpr:
		for i := range n.List {
			w.walkExpr(n.List[i].Value)
		}
	case *js.ObjectExpr:
		for i := range n.List {
			p := &n.List[i]
			if p.Name != nil {
				w.walkExpr(p.Name.Computed)
			}
			w.walkExpr(p.Value)
			w.walkExpr(p.Init)
		}
	case *js.TemplateExpr:
		w.walkExpr(n.Tag)
		for i := range n.List {
			w.walkExpr(n.List[i].Expr)
		}
	case *js.GroupExpr:
		w.walkExpr(n.X)
	case *js.IndexExpr:
		w.walkExpr(n.X)
		w.walkExpr(n.Y)
	case *js.DotExpr:
		w.walkExpr(n.X)
		w.walkExpr(n.Y)
	case *js.NewExpr:
		w.walkExpr(n.X)
		if n.Args != nil {
			w.walkArgs(n.Args)
		}
	case *js.CallExpr:
		w.walkExpr(n.X)
		w.walkArgs(&n.Args)
	case *js.UnaryExpr:
		w.walkExpr(n.X)
	case *js.BinaryExpr:
		w.binary(n)
	case *js.CondExpr:
		w.walkExpr(n.Cond)
		w.walkExpr(n.X)
		w.walkExpr(n.Y)
	case *js.YieldExpr:
		w.walkExpr(n.X)
	case *js.CommaExpr:
		for _, e := range n.List {
			w.walkExpr(e)
		}
	}
}

func (w *walker) walkStmt(s js.IStmt) {
	if s != nil {
		w.walk(s)
	}
}

// binary walks the operands of n, whose visit has returned true, and of the
// binary expressions down its left spine without recursing along it.
func (w *walker) binary(n *js.BinaryExpr) {
	base := len(w.rights)
	x := n.X
	w.rights = append(w.rights, n.Y)
	for !w.stopped {
		b, ok := x.(*js.BinaryExpr)
		if !ok {
			w.walkExpr(x)
			break
		}
		if !w.visit(b) {
			break
		}
		w.rights = append(w.rights, b.Y)
		x = b.X
	}
	// The walks below push and pop above base, so the operands stay put.
	for i := len(w.rights) - 1; i >= base; i-- {
		y := w.rights[i]
		w.rights = w.rights[:i]
		w.walkExpr(y)
	}
}
