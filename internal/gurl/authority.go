package gurl

import "strings"

// cutAuthority splits s, which starts at the authority, at the first byte
// of terminators, and drops the user information (up to the last '@') from
// the authority: crxlint has no use for it.
func cutAuthority(s, terminators string) (authority, rest string) {
	end := strings.IndexAny(s, terminators)
	if end < 0 {
		end = len(s)
	}
	authority, rest = s[:end], s[end:]
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		authority = authority[at+1:]
	}
	return authority, rest
}

// splitHostPort is url::ParseServerInfo (url_parse.cc): the port follows
// the last colon that comes after the last ']'.
func splitHostPort(serverInfo string) (host, port string, hasPort bool) {
	terminator := -1
	if strings.HasPrefix(serverInfo, "[") {
		terminator = len(serverInfo)
	}
	if i := strings.LastIndexByte(serverInfo, ']'); i >= 0 {
		terminator = i
	}
	colon := strings.LastIndexByte(serverInfo, ':')
	if colon > terminator {
		return serverInfo[:colon], serverInfo[colon+1:], true
	}
	return serverInfo, "", false
}

// parsePort is url::ParsePort (url_parse.cc): all digits, leading zeros
// allowed, at most 65535.
func parsePort(s string) (int, bool) {
	n := 0
	for i := range len(s) {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
		if n > 65535 {
			return 0, false
		}
	}
	return n, true
}
