package jsscan

import "github.com/tdewolff/parse/v2/js"

// senderEvent reports whether an event's listeners learn who sent a
// message, and whether they get a port (connect) or the sender as the
// second parameter.
func senderEvent(ns, event string) (connect, ok bool) {
	switch ns + "." + event {
	case "runtime.onMessage", "runtime.onMessageExternal", "runtime.onUserScriptMessage",
		"extension.onRequest", "extension.onRequestExternal",
		"extension.onMessage", "extension.onMessageExternal": // Manifest V2 aliases
		return false, true
	case "runtime.onConnect", "runtime.onConnectExternal", "runtime.onUserScriptConnect",
		"extension.onConnect", "extension.onConnectExternal":
		return true, true
	}
	return false, false
}

// listener reports u, an addListener call, when its event is one of
// senderEvent.
func (a *analyzer) listener(u APIUse, call *js.CallExpr) {
	connect, ok := senderEvent(u.Chain[0], u.Chain[1])
	if !ok {
		return
	}
	l := Listener{Namespace: u.Namespace, Event: u.Chain[:2:2], Connect: connect, Range: u.Range}
	if len(call.Args.List) > 0 && !call.Args.List[0].Rest {
		var fn js.INode
		fn, l.Handler, l.HandlerName = a.handler(call.Args.List[0].Value)
		if fn != nil {
			l.Sender = a.senderUse(fn, connect)
		}
	}
	a.out.listeners = append(a.out.listeners, l)
}

// handler finds the function a listener is: written in the call, a
// function declared in this file, a variable bound once to a function, or
// one of those with .bind(thisArg).
func (a *analyzer) handler(e js.IExpr) (js.INode, HandlerKind, string) {
	for range maxChain {
		switch x := e.(type) {
		case *js.GroupExpr:
			e = x.X
			continue
		case *js.FuncDecl:
			return x, HandlerInline, ""
		case *js.ArrowFunc:
			return x, HandlerInline, ""
		case *js.CallExpr:
			// f.bind(thisArg) keeps f's parameters; a bind with more
			// arguments shifts them, and is not followed.
			d, ok := x.X.(*js.DotExpr)
			if !ok || len(x.Args.List) != 1 {
				break
			}
			if lit, ok := memberName(d); ok && nameView(lit.Data) == "bind" {
				e = d.X
				continue
			}
		case *js.Var:
			v := canon(x)
			if a.writes[v] != 1 {
				break
			}
			if fn := a.funcs[v]; fn != nil {
				return fn, HandlerNamed, identName(v.Data)
			}
			if d, ok := a.defs[v]; ok && d.path == nil {
				init := d.init
				for g, ok := init.(*js.GroupExpr); ok; g, ok = init.(*js.GroupExpr) {
					init = g.X
				}
				switch init.(type) {
				case *js.FuncDecl, *js.ArrowFunc:
					return init, HandlerNamed, identName(v.Data)
				}
			}
		}
		break
	}
	return nil, HandlerUnknown, ""
}

// senderUse says whether fn, a function or arrow function, reads the
// sender its event passes it.
func (a *analyzer) senderUse(fn js.INode, connect bool) SenderUse {
	key := senderKey{fn, connect}
	if s, ok := a.senders[key]; ok {
		return s
	}
	var params *js.Params
	arrow := false
	switch f := fn.(type) {
	case *js.FuncDecl:
		params = &f.Params
	case *js.ArrowFunc:
		params, arrow = &f.Params, true
	default:
		return SenderUnknown
	}
	at := 1 // the sender is the second parameter
	if connect {
		at = 0 // the port is the first
	}
	s := SenderIgnored
	switch {
	case at < len(params.List):
		s = a.paramUse(fn, params.List[at].Binding, connect)
	case params.Rest != nil:
		s = SenderMaybe
		if v, ok := params.Rest.(*js.Var); ok && !a.refers(fn, canon(v)) {
			s = SenderIgnored
		}
	}
	if s == SenderIgnored && !arrow && a.usesArguments(fn) {
		s = SenderMaybe
	}
	a.senders[key] = s
	return s
}

// paramUse says how fn uses the parameter b: the sender itself, or a port
// whose sender property is the sender.
func (a *analyzer) paramUse(fn js.INode, b js.IBinding, connect bool) SenderUse {
	switch b := b.(type) {
	case *js.Var:
		v := canon(b)
		if !connect {
			if a.refers(fn, v) {
				return SenderRead
			}
			return SenderIgnored
		}
		return a.portUse(fn, v)
	case *js.BindingObject:
		if !connect {
			if len(b.List) > 0 || b.Rest != nil {
				return SenderRead
			}
			return SenderIgnored
		}
		return a.patternUse(b)
	case *js.BindingArray:
		return SenderRead // a sender destructured as an array: read, if oddly
	}
	return SenderIgnored // an elision
}

// patternUse says whether a destructuring pattern of a port takes its
// sender.
func (a *analyzer) patternUse(b *js.BindingObject) SenderUse {
	s := SenderIgnored
	for i := range b.List {
		name, ok := a.propName(b.List[i].Key)
		switch {
		case !ok:
			s = SenderMaybe
		case name == "sender":
			return SenderRead
		}
	}
	if b.Rest != nil {
		s = SenderMaybe
	}
	return s
}

// refers reports whether fn reads its parameter v.
func (a *analyzer) refers(fn js.INode, v *js.Var) bool {
	found := false
	w := walker{done: a.src.done, visit: func(n js.INode) bool {
		if x, ok := n.(*js.Var); ok && canon(x) == v {
			found = true
		}
		return !found
	}}
	walkFunc(&w, fn, v)
	return found
}

// walkFunc walks the parameters and body of fn, a function or arrow
// function, but not the parameter v itself. The parser gives all the uses of
// a variable one object, so a parameter's declaration cannot be told from
// its uses but by where it is.
func walkFunc(w *walker, fn js.INode, v *js.Var) {
	var params *js.Params
	var body *js.BlockStmt
	switch f := fn.(type) {
	case *js.FuncDecl:
		params, body = &f.Params, &f.Body
	case *js.ArrowFunc:
		params, body = &f.Params, &f.Body
	default:
		return
	}
	for i := range params.List {
		el := &params.List[i]
		if b, ok := el.Binding.(*js.Var); ok && canon(b) == v {
			w.walkExpr(el.Default)
			continue
		}
		w.walk(el)
	}
	if b, ok := params.Rest.(*js.Var); !ok || canon(b) != v {
		w.walkBinding(params.Rest)
	}
	w.walk(body)
}

// portUse says whether fn reads port.sender: directly, by destructuring,
// or possibly, by passing the port where it cannot be followed.
func (a *analyzer) portUse(fn js.INode, port *js.Var) SenderUse {
	s := SenderIgnored
	isPort := func(e js.IExpr) bool {
		v, ok := e.(*js.Var)
		return ok && canon(v) == port
	}
	w := walker{done: a.src.done}
	w.visit = func(n js.INode) bool {
		if s == SenderRead {
			return false
		}
		switch x := n.(type) {
		case *js.DotExpr:
			if isPort(x.X) {
				if lit, ok := memberName(x); ok && nameView(lit.Data) == "sender" {
					s = SenderRead
				}
				return false
			}
		case *js.IndexExpr:
			if isPort(x.X) {
				name, ok := a.stringLitView(x.Y)
				switch {
				case !ok:
					s = SenderMaybe
				case name == "sender":
					s = SenderRead
				}
				w.walkExpr(x.Y)
				return false
			}
		case *js.BindingElement:
			if obj, ok := x.Binding.(*js.BindingObject); ok && isPort(x.Default) {
				s = combine(s, a.patternUse(obj))
				w.walk(obj)
				return false
			}
		case *js.Var:
			if canon(x) == port {
				s = combine(s, SenderMaybe) // the port goes somewhere else
			}
		}
		return true
	}
	walkFunc(&w, fn, port)
	return s
}

// usesArguments reports whether fn, a function, reads its arguments
// object: in its body or in an arrow function in it, which shares it.
func (a *analyzer) usesArguments(fn js.INode) bool {
	found := false
	w := walker{done: a.src.done}
	w.visit = func(n js.INode) bool {
		switch x := n.(type) {
		case *js.FuncDecl, *js.MethodDecl:
			if x != fn {
				return false // its own arguments
			}
		case *js.Var:
			if name, ok := a.global(x); ok && name == "arguments" {
				found = true
			}
		}
		return !found
	}
	w.walk(fn)
	return found
}

// combine joins what two places in a function do with the sender: a read
// anywhere is a read.
func combine(x, y SenderUse) SenderUse {
	switch {
	case x == SenderRead || y == SenderRead:
		return SenderRead
	case x == SenderMaybe || y == SenderMaybe:
		return SenderMaybe
	}
	return SenderIgnored
}
