package jsscan

import (
	"fmt"
	"strings"
)

// format renders a result one finding a line, for tests and golden files.
func format(r Result) string { return formatResult(r, true) }

// formatResult renders a result; without ranges when ranges is false.
func formatResult(r Result, ranges bool) string {
	fmtRange := func(rg Range) string {
		if !ranges {
			return ""
		}
		return " " + fmtRange(rg)
	}
	var b strings.Builder
	if r.Err != nil {
		fmt.Fprintf(&b, "error %s\n", r.Err)
	}
	if r.Fallback {
		b.WriteString("fallback\n")
	}
	if r.Incomplete {
		b.WriteString("incomplete\n")
	}
	for _, u := range r.Uses {
		fmt.Fprintf(&b, "use%s %s.%s", fmtRange(u.Range), u.Namespace, u.Path())
		if u.Called {
			fmt.Fprintf(&b, "(%s)", fmtArgs(u.Args, u.NumArgs, ranges))
		}
		if u.Alias != "" {
			fmt.Fprintf(&b, " via %s", u.Alias)
		}
		var guarded []string
		for n := 1; n <= len(u.Chain); n++ {
			if u.Guarded(n) {
				guarded = append(guarded, strings.Join(u.Chain[:n], "."))
			}
		}
		if len(guarded) > 0 {
			fmt.Fprintf(&b, " guarded %s", strings.Join(guarded, " "))
		}
		b.WriteByte('\n')
	}
	for _, g := range r.GetURLs {
		arg := "none"
		if g.Arg != nil {
			arg = fmtArgs([]Arg{*g.Arg}, 1, ranges)
		}
		fmt.Fprintf(&b, "geturl%s %s.%s %s\n", fmtRange(g.Range), g.Namespace, strings.Join(g.Chain, "."), arg)
	}
	for _, l := range r.Listeners {
		fmt.Fprintf(&b, "listener%s %s.%s handler=%s", fmtRange(l.Range), l.Namespace, strings.Join(l.Event, "."), l.Handler)
		if l.HandlerName != "" {
			fmt.Fprintf(&b, ":%s", l.HandlerName)
		}
		fmt.Fprintf(&b, " sender=%s\n", l.Sender)
	}
	for _, im := range r.Imports {
		spec := "?"
		if im.Literal {
			spec = fmt.Sprintf("%q", im.Spec)
		}
		fmt.Fprintf(&b, "%s%s %s\n", im.Kind, fmtRange(im.Range), spec)
	}
	return b.String()
}

func fmtRange(r Range) string {
	if r.IsZero() {
		return "?"
	}
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

func fmtArgs(args []Arg, n int, ranges bool) string {
	at := func(r Range) string {
		if !ranges {
			return ""
		}
		return "@" + fmtRange(r)
	}
	var parts []string
	for _, a := range args {
		switch a.Kind {
		case ArgString:
			s := fmt.Sprintf("%q", a.Value)
			if a.Const != "" {
				s = a.Const + "=" + s
			}
			parts = append(parts, s+at(a.Range))
		case ArgExpr:
			parts = append(parts, "expr"+at(a.Range))
		default:
			parts = append(parts, a.Value)
		}
	}
	if n > len(args) {
		parts = append(parts, fmt.Sprintf("...%d more", n-len(args)))
	}
	return strings.Join(parts, ", ")
}
