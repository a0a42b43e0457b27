package rules

import "strconv"

// quote quotes a user's value for a message.
func quote(s string) string { return strconv.Quote(s) }
