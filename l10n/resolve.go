package l10n

import "strings"

// The delimiters of a message placeholder in the manifest: __MSG_name__.
const (
	msgBegin = "__MSG_"
	msgEnd   = "__"
)

// Resolve substitutes the __MSG_name__ placeholders of a manifest string as
// Chrome does, and returns the names of the messages it refers to that the
// catalog does not define, in order and with repeats. Chrome refuses the
// manifest over the first of them ("Variable __MSG_name__ used but not
// defined."); Resolve leaves each as written and goes on after it.
//
// Chrome scans the string once from the left: a placeholder runs from
// __MSG_ to the next __, so "__MSG_a_b__" names "a_b" and "__MSG_a___"
// names "a"; text between the delimiters that is not a valid name (see
// ValidName) is left alone, and the scan goes on right after the __MSG_
// that started it; the text a message brings in is never scanned again.
// Resolve is therefore not idempotent: a message whose text holds a
// placeholder, or one that joins the text around it into a new placeholder,
// leaves a placeholder that a second pass would substitute.
func (c *Catalog) Resolve(s string) (resolved string, missing []string) {
	return replaceVariables(s, msgBegin, msgEnd, c.Message)
}

// References returns the names of the messages a manifest string refers
// to, in order and with repeats: the placeholders Resolve substitutes when
// every message is defined.
func References(s string) []string {
	_, names := replaceVariables(s, msgBegin, msgEnd, func(string) (string, bool) { return "", false })
	return names
}

// ValidName reports whether Chrome accepts a name for a message or a
// placeholder: one or more ASCII letters, digits, _ or @.
func ValidName(name string) bool {
	if name == "" {
		return false
	}
	for i := range len(name) {
		if c := name[i]; !isAlnumByte(c) && c != '_' && c != '@' {
			return false
		}
	}
	return true
}

// replaceVariables substitutes begin+name+end in s with lookup(name), as
// Chrome's MessageBundle::ReplaceVariables does, for both the __MSG_name__
// placeholders of the manifest and the $name$ placeholders of a message.
// Where Chrome stops at a name lookup does not know, replaceVariables
// collects the name, leaves it as written and goes on after it.
func replaceVariables(s, begin, end string, lookup func(name string) (string, bool)) (string, []string) {
	var (
		out     []byte // the result so far, up to s[last:], once anything is replaced
		last    int
		missing []string
	)
	for i := 0; ; {
		j := indexFrom(s, begin, i)
		if j < 0 {
			break
		}
		i = j + len(begin)
		if i >= len(s) {
			break
		}
		k := indexFrom(s, end, i)
		if k < 0 {
			break
		}
		name := s[i:k]
		if !ValidName(name) {
			continue // look for the next begin right after this one
		}
		next := k + len(end)
		value, ok := lookup(name)
		if !ok {
			missing = append(missing, name)
			i = next
			continue
		}
		out = append(append(out, s[last:j]...), value...)
		i, last = next, next
	}
	if last == 0 { // nothing replaced
		return s, missing
	}
	return string(append(out, s[last:]...)), missing
}

// indexFrom returns the index of the first sep in s at or after from, or
// -1, as std::string::find does.
func indexFrom(s, sep string, from int) int {
	if from > len(s) {
		return -1
	}
	i := strings.Index(s[from:], sep)
	if i < 0 {
		return -1
	}
	return from + i
}
