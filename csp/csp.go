// Package csp reads Content Security Policies the way Chrome's extension
// CSP validator does, keeping the position of every directive and source so
// that findings can point at the exact text.
package csp

import "strings"

// Token is a directive name or a source expression, with its byte offsets
// in the policy.
type Token struct {
	Text       string
	Start, End int
}

// Directive is one directive of a policy.
type Directive struct {
	Name    Token // as written; compare with Is, which ignores case
	Sources []Token
}

// Is reports whether the directive is name, ignoring case as CSP does.
func (d Directive) Is(name string) bool { return strings.EqualFold(d.Name.Text, name) }

// Parse splits a policy into directives: ";" separates directives, ASCII
// white space separates tokens. Empty directives are skipped.
func Parse(policy string) []Directive {
	var out []Directive
	start := 0
	for start <= len(policy) {
		end := strings.IndexByte(policy[start:], ';')
		if end < 0 {
			end = len(policy)
		} else {
			end += start
		}
		if tokens := fields(policy, start, end); len(tokens) > 0 {
			out = append(out, Directive{Name: tokens[0], Sources: tokens[1:]})
		}
		start = end + 1
	}
	return out
}

// fields returns the white-space-separated tokens of policy[start:end].
func fields(policy string, start, end int) []Token {
	var out []Token
	for i := start; i < end; {
		for i < end && isSpace(policy[i]) {
			i++
		}
		j := i
		for j < end && !isSpace(policy[j]) {
			j++
		}
		if j > i {
			out = append(out, Token{Text: policy[i:j], Start: i, End: j})
		}
		i = j
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// Find returns the first directive called name: a browser ignores a
// directive given again.
func Find(dirs []Directive, name string) (Directive, bool) {
	for _, d := range dirs {
		if d.Is(name) {
			return d, true
		}
	}
	return Directive{}, false
}
