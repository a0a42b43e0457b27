package lint

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/manifest"
)

// An Ignore is a "// crxlint-ignore RULE-ID: reason" comment in a manifest.
// It silences the rules it names for one value and everything inside it:
// the value that starts on the comment's own line when code precedes the
// comment there, else the first value that starts on a later line.
type Ignore struct {
	// Rules are the IDs the comment names, as written.
	Rules []string
	// Reason is the text after the colon; an ignore without one silences
	// nothing.
	Reason string
	// Pointer addresses the value the ignore silences rules for; Target is
	// its span (from its key, for a member). Target is empty when no value
	// follows the comment.
	Pointer string
	Target  manifest.Span
	// Comment is the comment's span.
	Comment manifest.Span
}

// ignoreComment matches the directive; the reason follows the first colon.
var ignoreComment = regexp.MustCompile(`^(?://|/\*)\s*crxlint-ignore\b(.*?)(?:\*/)?\s*$`)

// Ignores returns the ignore comments of a parsed manifest, in source order.
func Ignores(doc *manifest.Document) []Ignore {
	var out []Ignore
	for _, c := range doc.Comments() {
		rules, reason, ok := ParseIgnore(c.Text)
		if !ok {
			continue
		}
		ig := Ignore{Rules: rules, Reason: reason, Comment: c.Span}
		ig.Pointer, ig.Target = ignoreTarget(doc, c.Span)
		out = append(out, ig)
	}
	return out
}

// ParseIgnore reads a comment, delimiters included: ok is whether it is a
// crxlint-ignore directive, which names rules and gives a reason after a
// colon. Scripts use the same comments as manifest.json.
func ParseIgnore(comment string) (rules []string, reason string, ok bool) {
	m := ignoreComment.FindStringSubmatch(strings.TrimSpace(comment))
	if m == nil {
		return nil, "", false
	}
	names, reason, _ := strings.Cut(m[1], ":")
	rules = strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	return rules, strings.TrimSpace(reason), true
}

// ignoreTarget finds the value an ignore comment at span c stands for.
func ignoreTarget(doc *manifest.Document, c manifest.Span) (string, manifest.Span) {
	root := doc.Root()
	if root == nil {
		return "", manifest.Span{}
	}
	line := doc.Position(c.Start).Line
	src := doc.Source()
	lineStart := doc.LineStart(line)
	trailing := strings.TrimSpace(string(src[lineStart:c.Start])) != ""
	var found []candidate
	visit(root, "", root.Span(), 0, func(ptr string, span manifest.Span, depth int) {
		l := doc.Position(span.Start).Line
		if trailing && l == line && span.Start < c.Start || !trailing && span.Start >= c.End {
			found = append(found, candidate{ptr: ptr, span: span, depth: depth, line: l, around: span.End > c.Start})
		}
	})
	if len(found) == 0 {
		return "", manifest.Span{}
	}
	// The outermost value on the line; of siblings, the one next to the
	// comment: the last before it, or the first after it. At the end of a
	// line, a value that ends before the comment comes first, and of those
	// that hold the comment, the innermost.
	best := slices.MinFunc(found, func(a, b candidate) int {
		if !trailing {
			return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.depth, b.depth), cmp.Compare(a.span.Start, b.span.Start))
		}
		if a.around != b.around {
			return cmpBool(a.around, b.around)
		}
		if a.around {
			return cmp.Compare(b.depth, a.depth)
		}
		return cmp.Or(cmp.Compare(a.depth, b.depth), cmp.Compare(b.span.Start, a.span.Start))
	})
	return best.ptr, best.span
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

type candidate struct {
	ptr    string
	span   manifest.Span
	depth  int
	line   int
	around bool // the value holds the comment
}

// visit calls f for n and every value inside it, with its pointer and its
// span (from the key, for a member).
func visit(n *manifest.Node, ptr string, span manifest.Span, depth int, f func(string, manifest.Span, int)) {
	f(ptr, span, depth)
	switch n.Kind() {
	case manifest.Object:
		for m := range n.AllMembers() {
			visit(m.Value, m.Value.Pointer(), manifest.Span{Start: m.KeySpan.Start, End: m.Value.Span().End}, depth+1, f)
		}
	case manifest.Array:
		for _, e := range n.Elems() {
			visit(e, e.Pointer(), e.Span(), depth+1, f)
		}
	}
}

// covers reports whether the ignore silences a diagnostic of the rule with
// these IDs (its ID and aliases) at the pointer ptr.
func (ig Ignore) covers(ids []string, ptr string) bool {
	if ig.Reason == "" || ig.Target == (manifest.Span{}) {
		return false
	}
	if ptr != ig.Pointer && !strings.HasPrefix(ptr, ig.Pointer+"/") {
		return false
	}
	for _, name := range ig.Rules {
		for _, id := range ids {
			if name == id {
				return true
			}
		}
	}
	return false
}

// names reports whether the ignore names the rule, by its ID or an alias.
func (ig Ignore) names(r *Rule) bool {
	return slices.ContainsFunc(ig.Rules, func(name string) bool { return name == r.ID || slices.Contains(r.Aliases, name) })
}
