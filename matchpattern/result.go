package matchpattern

import "fmt"

// Result is the outcome of parsing a match pattern. It mirrors
// URLPattern::ParseResult, in the same order.
type Result int

// The parse results, in the order Chromium declares them.
const (
	Success                Result = iota // kSuccess
	MissingSchemeSeparator               // kMissingSchemeSeparator
	InvalidScheme                        // kInvalidScheme
	WrongSchemeSeparator                 // kWrongSchemeSeparator
	EmptyHost                            // kEmptyHost
	InvalidHostWildcard                  // kInvalidHostWildcard
	EmptyPath                            // kEmptyPath
	InvalidPort                          // kInvalidPort
	InvalidHost                          // kInvalidHost
)

// String returns Chromium's message for r (kParseResultMessages in
// extensions/common/url_pattern.cc), for example "Invalid port.".
func (r Result) String() string {
	switch r {
	case Success:
		return "Success."
	case MissingSchemeSeparator:
		return "Missing scheme separator."
	case InvalidScheme:
		return "Invalid scheme."
	case WrongSchemeSeparator:
		return "Wrong scheme type."
	case EmptyHost:
		return "Host can not be empty."
	case InvalidHostWildcard:
		return "Invalid host wildcard."
	case EmptyPath:
		return "Empty path."
	case InvalidPort:
		return "Invalid port."
	case InvalidHost:
		return "Invalid host."
	}
	return fmt.Sprintf("Result(%d)", int(r))
}

// ParseError reports a pattern that Parse rejected and why.
type ParseError struct {
	Pattern string // the input, exactly as given to Parse
	Result  Result // why Chromium rejects it; never Success
}

// Error returns a message such as
//
//	invalid match pattern "x": Missing scheme separator.
//
// The text after the colon is Chromium's own.
func (e *ParseError) Error() string {
	return fmt.Sprintf("invalid match pattern %q: %s", e.Pattern, e.Result)
}
