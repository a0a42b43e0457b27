package jsscan

import "github.com/tdewolff/parse/v2/js"

// scanTokens scans a file that did not parse with the tokenizer alone. It
// finds what a token sequence says for sure, given the tokens are right:
// chrome.a.b and browser["a"] chains (with their calls and literal
// arguments), import and export ... from "x", import("x") and
// importScripts("x"). The tokens are exact up to the first slash whose
// meaning the parser would have decided; after it, regexpMayFollow
// guesses. Without scopes, a local variable named chrome counts as the
// API; aliases and listeners are left to the parser.
func scanTokens(src *source) findings {
	src.index(nil, true)
	t := tokenScan{src: src}
	for i := range src.count() {
		if i%(checkEvery*4) == 0 && closed(src.done) {
			break
		}
		tok := src.at(i)
		switch {
		case tok.tt == js.ImportToken && !t.member(i):
			t.importAt(i)
		case tok.tt == js.ExportToken:
			t.exportAt(i)
		case tok.tt == js.IdentifierToken && !t.member(i):
			t.identAt(i)
		}
	}
	return t.out
}

type tokenScan struct {
	src *source
	out findings
}

func (t *tokenScan) is(i int, tt js.TokenType) bool { return t.src.tok(i).tt == tt }

// member reports whether token i is a property name after a dot.
func (t *tokenScan) member(i int) bool {
	return t.is(i-1, js.DotToken) || t.is(i-1, js.OptChainToken)
}

func (t *tokenScan) text(i int) []byte {
	tok := t.src.at(i)
	return t.src.buf[tok.start:tok.end]
}

func (t *tokenScan) rangeOf(first, last int) Range {
	return placed(int(t.src.at(first).start), int(t.src.at(last).end))
}

// identAt looks at an identifier that is not a property name.
func (t *tokenScan) identAt(i int) {
	name := identName(t.text(i))
	if name == "importScripts" {
		if t.is(i+1, js.OpenParenToken) {
			args, _ := t.src.splitArgs(i + 1)
			for _, arg := range args {
				t.out.imports = append(t.out.imports, t.tokenImport(ImportScripts, arg))
			}
		}
		return
	}
	ns := namespaceOf(name)
	if ns == 0 || t.is(i+1, js.ColonToken) && (t.is(i-1, js.OpenBraceToken) || t.is(i-1, js.CommaToken)) {
		return // an object key
	}
	var chain []string
	var optional []int // see APIUse.Optional
	last := i
	for j := i + 1; len(chain) < maxChain; {
		if t.is(j, js.OptChainToken) && len(chain) > 0 {
			optional = append(optional, len(chain)) // x?.y, x?.["y"], x?.()
		}
		if t.is(j, js.DotToken) || t.is(j, js.OptChainToken) {
			if js.IsIdentifierName(t.src.tok(j + 1).tt) {
				chain = append(chain, identName(t.text(j+1)))
				last, j = j+1, j+2
				continue
			}
			if !t.is(j, js.OptChainToken) {
				break
			}
			j++ // ?.[
		}
		if t.is(j, js.OpenBracketToken) && t.is(j+1, js.StringToken) && t.is(j+2, js.CloseBracketToken) {
			if v, ok := stringValue(t.text(j + 1)); ok {
				chain = append(chain, v)
				last, j = j+2, j+3
				continue
			}
		}
		break
	}
	if len(chain) == 0 {
		return
	}
	u := APIUse{Namespace: ns, Chain: chain, Optional: optional, Range: t.rangeOf(i, last)}
	open := last + 1
	if t.is(open, js.OptChainToken) {
		open++
	}
	if t.is(open, js.OpenParenToken) {
		u.Called = true
		args, _ := t.src.splitArgs(open)
		u.NumArgs = len(args)
		for _, arg := range args[:min(len(args), MaxArgs)] {
			u.Args = append(u.Args, t.arg(arg))
		}
	}
	t.out.uses = append(t.out.uses, u)
	if u.Called && (u.Is("runtime.getURL") || u.Is("extension.getURL")) {
		g := GetURL{Namespace: ns, Chain: chain, Range: u.Range}
		if len(u.Args) > 0 {
			arg := u.Args[0]
			g.Arg = &arg
		}
		t.out.getURLs = append(t.out.getURLs, g)
	}
}

// arg describes an argument from its tokens.
func (t *tokenScan) arg(span [2]int) Arg {
	first, last := span[0], span[1]
	r := t.rangeOf(first, last)
	if first > last {
		return Arg{Kind: ArgExpr}
	}
	if t.is(first, js.EllipsisToken) {
		return Arg{Kind: ArgExpr, Range: r}
	}
	if first == last {
		tok := t.src.at(first)
		text := t.text(first)
		switch {
		case js.IsNumeric(tok.tt):
			return Arg{Kind: ArgNumber, Value: string(text), Range: r}
		case tok.tt == js.TrueToken || tok.tt == js.FalseToken:
			return Arg{Kind: ArgBool, Value: string(text), Range: r}
		case tok.tt == js.NullToken:
			return Arg{Kind: ArgNull, Value: "null", Range: r}
		}
	}
	// A string, a template without substitutions, or a + of them.
	var v []byte
	for j := first; j <= last; j += 2 {
		var s string
		var ok bool
		switch t.src.at(j).tt {
		case js.StringToken:
			s, ok = stringValue(t.text(j))
		case js.TemplateToken:
			s, ok = templateValue(t.text(j))
		}
		if !ok || j < last && !t.is(j+1, js.AddToken) || j+1 == last {
			return Arg{Kind: ArgExpr, Range: r}
		}
		v = append(v, s...)
	}
	return Arg{Kind: ArgString, Value: string(v), Range: r}
}

func (t *tokenScan) tokenImport(kind ImportKind, span [2]int) Import {
	a := t.arg(span)
	imp := Import{Kind: kind, Range: a.Range}
	if a.Kind == ArgString {
		imp.Spec, imp.Literal = a.Value, true
	}
	return imp
}

// importAt looks at an import keyword: import("x"), import "x", or
// import ... from "x".
func (t *tokenScan) importAt(i int) {
	switch {
	case t.is(i+1, js.OpenParenToken):
		if args, _ := t.src.splitArgs(i + 1); len(args) > 0 {
			t.out.imports = append(t.out.imports, t.tokenImport(ImportDynamic, args[0]))
		}
	case t.is(i+1, js.StringToken):
		t.stringImport(ImportStatic, i+1)
	default:
		t.fromClause(ImportStatic, i+1)
	}
}

// exportAt looks at an export keyword: export * from "x", export * as ns
// from "x", export { a } from "x".
func (t *tokenScan) exportAt(i int) {
	if t.is(i+1, js.MulToken) || t.is(i+1, js.OpenBraceToken) {
		t.fromClause(ExportFrom, i+1)
	}
}

// maxImportTokens bounds how far fromClause looks for from.
const maxImportTokens = 4096

// fromClause follows the bindings of an import or export, from token i,
// to from "x".
func (t *tokenScan) fromClause(kind ImportKind, i int) {
	end := min(t.src.count(), i+maxImportTokens)
	for j := i; j < end; j++ {
		switch tt := t.src.at(j).tt; {
		case tt == js.FromToken && t.is(j+1, js.StringToken):
			t.stringImport(kind, j+1)
			return
		case tt == js.CommaToken, tt == js.OpenBraceToken, tt == js.CloseBraceToken, tt == js.MulToken,
			tt == js.StringToken, tt == js.DefaultToken, js.IsIdentifier(tt) && tt != js.FromToken:
		default:
			return
		}
	}
}

func (t *tokenScan) stringImport(kind ImportKind, i int) {
	imp := Import{Kind: kind, Range: t.rangeOf(i, i)}
	imp.Spec, imp.Literal = stringValue(t.text(i))
	t.out.imports = append(t.out.imports, imp)
}
