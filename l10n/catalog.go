package l10n

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/crxlint/crxlint/manifest"
)

// Catalog holds the messages of one locale as Chrome reads them from
// _locales/<locale>/messages.json: names are case-insensitive, and each
// message has its $placeholders$ already substituted. A nil *Catalog is an
// empty one.
type Catalog struct {
	locale   string
	messages map[string]string // by lower-case name
}

// Locale returns the locale whose messages the catalog holds.
func (c *Catalog) Locale() string {
	if c == nil {
		return ""
	}
	return c.locale
}

// Len returns the number of messages the file defines, not counting the
// messages Chrome predefines.
func (c *Catalog) Len() int {
	if c == nil {
		return 0
	}
	return len(c.messages)
}

// Message returns the text of a message, its name matched without regard to
// case. Besides the file's messages, Chrome predefines @@ui_locale and the
// @@bidi_* messages; Message gives them the values an English browser does
// ("en", "ltr", ...). Chrome does not define @@extension_id in the
// manifest, only in CSS files and at run time, so neither does Message.
func (c *Catalog) Message(name string) (string, bool) {
	name = strings.ToLower(name)
	if c != nil {
		if m, ok := c.messages[name]; ok {
			return m, true
		}
	}
	return reservedMessage(name)
}

// reservedMessage returns the value of a message Chrome predefines, as an
// English browser gives it.
func reservedMessage(name string) (string, bool) {
	switch name {
	case "@@ui_locale":
		return "en", true
	case "@@bidi_dir":
		return "ltr", true
	case "@@bidi_reversed_dir":
		return "rtl", true
	case "@@bidi_start_edge":
		return "left", true
	case "@@bidi_end_edge":
		return "right", true
	}
	return "", false
}

// reservedNames are the messages Chrome predefines, sorted as Chrome checks
// a catalog for them.
func reservedNames() []string {
	return []string{"@@bidi_dir", "@@bidi_end_edge", "@@bidi_reversed_dir", "@@bidi_start_edge", "@@ui_locale"}
}

// Error reports a messages.json that Chrome refuses: it cannot be read, is
// not JSON, or holds a message Chrome rejects.
type Error struct {
	// Path is the file's slash-separated path in the extension, such as
	// "_locales/en/messages.json".
	Path string
	// Problems lists what is wrong, at least one, in the order Chrome
	// checks: Chrome reports the first and stops.
	Problems []Problem
	// Err is the underlying error when the file cannot be read, such as
	// one that matches fs.ErrNotExist.
	Err error
}

// Problem is one thing Chrome refuses in a messages.json file.
type Problem struct {
	// Line and Column locate the problem in the file, both 1-based and
	// the column counted in UTF-16 code units; both are 0 when the problem
	// is the file as a whole.
	Line, Column int
	// Message says what is wrong and what to do, in crxlint's words.
	Message string
	// Chrome is the text Chrome reports, with the absolute path of the
	// file, when it has one, shortened to ".../" + Error.Path. For any
	// locale but the default, Chrome prefixes the text with "Invalid
	// locale file '<path>': ".
	Chrome string
	// Crash is set when Chromium 156 crashes on the file instead of
	// reporting it; Chrome is empty then.
	Crash bool
}

func (e *Error) Error() string {
	if len(e.Problems) == 0 {
		return e.Path + ": Chrome refuses the file"
	}
	p := e.Problems[0]
	s := e.Path
	if p.Line > 0 {
		s += fmt.Sprintf(":%d:%d", p.Line, p.Column)
	}
	s += ": " + p.Message
	if n := len(e.Problems) - 1; n > 0 {
		s += fmt.Sprintf(" (and %d more)", n)
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// MessagesPath returns the path of a locale's messages.json in the extension.
func MessagesPath(locale string) string {
	return path.Join(Folder, locale, MessagesFile)
}

// Load reads _locales/<locale>/messages.json from an extension's folder and
// checks it as Chrome does. A file Chrome refuses gives an *Error. When the
// file is a JSON object but some of its messages are broken, Load returns
// the catalog as well as the error, and the broken messages count as
// defined, so that callers do not report them a second time as missing.
// A locale that cannot name a folder, such as "" or "../en", gives an error
// that is not an *Error.
func Load(fsys fs.FS, locale string) (*Catalog, error) {
	if locale == "" || locale == "." || locale == ".." || strings.ContainsAny(locale, `/\`) || !fs.ValidPath(locale) {
		return nil, fmt.Errorf("l10n: %q is not a locale folder name", locale)
	}
	name := MessagesPath(locale)
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, readError(fsys, locale, err)
	}
	return Parse(locale, src)
}

// readError explains why a locale's messages.json could not be read.
func readError(fsys fs.FS, locale string, err error) *Error {
	name := MessagesPath(locale)
	dir := path.Dir(name)
	if errors.Is(err, fs.ErrNotExist) || !isDir(fsys, dir) {
		return &Error{Path: name, Err: err, Problems: []Problem{{
			Message: fmt.Sprintf("%s has no %s; add one", dir, MessagesFile),
			Chrome:  fmt.Sprintf("Catalog file is missing for locale %s.", Tag(locale)),
		}}}
	}
	msg := fmt.Sprintf("cannot read %s: %v", name, err)
	if isDir(fsys, name) {
		msg = name + " is a folder; it must be a file"
	}
	return &Error{Path: name, Err: err, Problems: []Problem{{
		Message: msg,
		Chrome:  fmt.Sprintf("Invalid locale file '%s': Can't read file.", elide(name)),
	}}}
}

func isDir(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && info.IsDir()
}

// elide shortens the absolute path Chrome shows to the part in the
// extension.
func elide(name string) string { return ".../" + name }

// jsonErrorPrefix starts the Chrome text of a manifest.SyntaxError for
// text that is not JSON; the rest is the JSON reader's own reason, which
// Chrome also gives for a messages.json.
const jsonErrorPrefix = "Manifest is not valid JSON.  "

// Parse checks the contents of a locale's messages.json as Chrome does; see
// Load. Chrome reads the file with the same JSON reader as the manifest:
// comments and a byte-order mark are allowed, trailing commas are not.
func Parse(locale string, src []byte) (*Catalog, error) {
	name := MessagesPath(locale)
	doc, err := manifest.Parse(src)
	if err != nil {
		var se *manifest.SyntaxError
		if !errors.As(err, &se) {
			return nil, fmt.Errorf("l10n: reading %s: %w", name, err)
		}
		pos := doc.Position(se.Span.Start)
		p := Problem{Line: pos.Line, Column: pos.Column, Message: jsonMessage(se.Message)}
		if reason, ok := strings.CutPrefix(se.Chrome, jsonErrorPrefix); ok {
			p.Chrome = fmt.Sprintf("Invalid locale file '%s': %s", elide(name), reason)
		} else {
			// JSON, but not an object: Chromium 156 takes the value as a
			// dictionary unchecked and crashes.
			p.Crash = true
		}
		return nil, &Error{Path: name, Problems: []Problem{p}}
	}
	cp := catalogParser{doc: doc, catalog: &Catalog{locale: locale, messages: map[string]string{}}}
	cp.parse()
	if len(cp.problems) > 0 {
		return cp.catalog, &Error{Path: name, Problems: cp.problems}
	}
	return cp.catalog, nil
}

// jsonMessage turns the manifest parser's wording into one about a
// messages.json file.
func jsonMessage(msg string) string {
	return strings.NewReplacer("manifest.json", MessagesFile, "the manifest", "the file").Replace(msg)
}

// catalogParser checks the messages of a parsed messages.json in Chrome's
// order (MessageBundle::Init) and collects the problems.
type catalogParser struct {
	doc      *manifest.Document
	catalog  *Catalog
	problems []Problem
}

func (cp *catalogParser) report(at manifest.Span, chrome, format string, args ...any) {
	pos := cp.doc.Position(at.Start)
	cp.problems = append(cp.problems, Problem{
		Line: pos.Line, Column: pos.Column,
		Message: fmt.Sprintf(format, args...),
		Chrome:  chrome,
	})
}

// byKey returns the members of an object that Chrome keeps, in the order
// Chrome's dictionaries iterate: sorted by key.
func byKey(n *manifest.Node) []manifest.Member {
	return slices.SortedStableFunc(n.Members(), func(a, b manifest.Member) int { return strings.Compare(a.Key, b.Key) })
}

func (cp *catalogParser) parse() {
	definedBy := map[string]manifest.Member{} // lower-case name → its entry
	for _, m := range byKey(cp.doc.Root()) {
		if !ValidName(m.Key) {
			cp.report(m.KeySpan, badNameText(strings.ToLower(m.Key)),
				"message name %q may hold only ASCII letters, digits, _ and @; rename it", m.Key)
			continue
		}
		name := strings.ToLower(m.Key)
		cp.catalog.messages[name] = cp.message(m)
		definedBy[name] = m
	}
	for _, name := range reservedNames() {
		if m, ok := definedBy[name]; ok {
			cp.report(m.KeySpan, fmt.Sprintf("Reserved key %s found in message catalog.", name),
				"message name %q is reserved: Chrome predefines it; rename the message", m.Key)
		}
	}
}

// message checks one entry, {"message": "...", "placeholders": {...}},
// and returns its text with the placeholders substituted as far as they
// are defined.
func (cp *catalogParser) message(m manifest.Member) string {
	entry := m.Value
	if entry.Kind() != manifest.Object {
		cp.report(m.KeySpan, fmt.Sprintf("Not a valid tree for key %s.", m.Key),
			`message %q must be an object such as {"message": "Hello"}`, m.Key)
		return ""
	}
	msgNode := entry.Get("message")
	text, ok := msgNode.Str()
	if !ok {
		at := m.KeySpan
		if msgNode != nil {
			at = msgNode.Span()
		}
		cp.report(at, fmt.Sprintf("There is no \"message\" element for key %s.", m.Key),
			`message %q has no "message" string; add one with the text`, m.Key)
		return ""
	}
	placeholders, ok := cp.placeholders(m)
	if !ok {
		return text
	}
	text, missing := replaceVariables(text, "$", "$", func(name string) (string, bool) {
		v, ok := placeholders[strings.ToLower(name)]
		return v, ok
	})
	for _, name := range dedupe(missing) {
		cp.report(msgNode.Span(), fmt.Sprintf("Variable $%s$ used but not defined.", name),
			`message %q uses $%s$ but defines no placeholder %q; add it to "placeholders"`, m.Key, name, name)
	}
	return text
}

// placeholders checks the "placeholders" of an entry and returns their
// contents by lower-case name; ok is false when the element is not an
// object, and Chrome substitutes nothing.
func (cp *catalogParser) placeholders(m manifest.Member) (map[string]string, bool) {
	out := map[string]string{}
	ph, present := m.Value.Member("placeholders")
	if !present {
		return out, true
	}
	if ph.Value.Kind() != manifest.Object {
		cp.report(ph.KeySpan, fmt.Sprintf("Not a valid \"placeholders\" element for key %s.", m.Key),
			`"placeholders" of message %q must be an object such as {"user": {"content": "$1"}}`, m.Key)
		return nil, false
	}
	for _, p := range byKey(ph.Value) {
		switch content, ok := p.Value.Get("content").Str(); {
		case !ValidName(p.Key):
			cp.report(p.KeySpan, badNameText(p.Key),
				"placeholder name %q in message %q may hold only ASCII letters, digits, _ and @; rename it", p.Key, m.Key)
		case p.Value.Kind() != manifest.Object:
			cp.report(p.KeySpan, fmt.Sprintf("Invalid placeholder %s for key %s", p.Key, m.Key),
				`placeholder %q of message %q must be an object such as {"content": "$1"}`, p.Key, m.Key)
		case !ok:
			cp.report(p.KeySpan, fmt.Sprintf("Invalid \"content\" element for key %s.", m.Key),
				`placeholder %q of message %q has no "content" string; add one`, p.Key, m.Key)
		default:
			out[strings.ToLower(p.Key)] = content
		}
	}
	return out, true
}

func badNameText(name string) string {
	return fmt.Sprintf(`Name of a key "%s" is invalid. Only ASCII [a-z], [A-Z], [0-9] and "_" are allowed.`, name)
}

// dedupe returns names without repeats, in their first order.
func dedupe(names []string) []string {
	seen := make(map[string]bool, len(names))
	var out []string
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
