package manifest

import (
	"fmt"
	"strconv"
	"strings"
)

// tokenEscaper escapes a reference token as RFC 6901 requires: "~" first.
var tokenEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// PointerJoin appends reference tokens to a JSON pointer, escaping each one.
// It is the one way crxlint builds pointers: PointerJoin("", "a/b", "0")
// is "/a~1b/0".
func PointerJoin(ptr string, tokens ...string) string {
	var b strings.Builder
	b.WriteString(ptr)
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(tokenEscaper.Replace(t))
	}
	return b.String()
}

// PointerIndex appends an array index to a JSON pointer.
func PointerIndex(ptr string, i int) string {
	return ptr + "/" + strconv.Itoa(i)
}

// SplitPointer returns the unescaped reference tokens of a JSON pointer.
func SplitPointer(ptr string) ([]string, error) {
	if ptr == "" {
		return nil, nil
	}
	if ptr[0] != '/' {
		return nil, fmt.Errorf("json pointer %q does not start with /", ptr)
	}
	tokens := strings.Split(ptr[1:], "/")
	for i, t := range tokens {
		if !strings.Contains(t, "~") {
			continue
		}
		var b strings.Builder
		for j := 0; j < len(t); j++ {
			if t[j] != '~' {
				b.WriteByte(t[j])
				continue
			}
			if j+1 == len(t) || (t[j+1] != '0' && t[j+1] != '1') {
				return nil, fmt.Errorf("json pointer %q has a ~ not followed by 0 or 1", ptr)
			}
			if t[j+1] == '0' {
				b.WriteByte('~')
			} else {
				b.WriteByte('/')
			}
			j++
		}
		tokens[i] = b.String()
	}
	return tokens, nil
}

// Lookup resolves a JSON pointer from the document's root. It returns the
// member that holds the node too when the node is an object member, so that
// callers can point at its key. A key given twice resolves to the last
// member, the one Chrome keeps.
func (d *Document) Lookup(ptr string) (node *Node, member *Member, err error) {
	tokens, err := SplitPointer(ptr)
	if err != nil {
		return nil, nil, err
	}
	n := d.root
	for depth, t := range tokens {
		switch n.kind {
		case Object:
			m, ok := n.Member(t)
			if !ok {
				return nil, nil, fmt.Errorf("json pointer %q: no key %q", ptr, t)
			}
			n = m.Value
			if depth == len(tokens)-1 {
				return n, &m, nil
			}
		case Array:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(n.elems) || (len(t) > 1 && t[0] == '0') {
				return nil, nil, fmt.Errorf("json pointer %q: no index %q", ptr, t)
			}
			n = n.elems[i]
		default:
			return nil, nil, fmt.Errorf("json pointer %q: %s has no children", ptr, n.kind)
		}
	}
	return n, nil, nil
}

// SpanOf returns the span of the value a pointer addresses, or of its key
// when onKey is set and the value is an object member. A pointer that does
// not resolve gets the span of its nearest existing ancestor. This is the
// one place where a pointer becomes a range.
func (d *Document) SpanOf(ptr string, onKey bool) Span {
	if d.root == nil {
		return Span{}
	}
	for {
		n, m, err := d.Lookup(ptr)
		if err == nil {
			if onKey && m != nil {
				return m.KeySpan
			}
			return n.Span()
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return d.root.Span()
		}
		ptr, onKey = ptr[:i], false
	}
}
