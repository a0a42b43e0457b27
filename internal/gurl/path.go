package gurl

import "strings"

// canonicalPath is url_canon_path.cc DoPartialPath for a whole path: it
// resolves "." and ".." segments (also written with %2e) and
// percent-escapes what Chromium escapes in a path. For special schemes a
// backslash separates segments like '/'.
func canonicalPath(path string, special bool) string {
	if special {
		path = strings.ReplaceAll(path, `\`, "/")
	}
	if path == "" {
		return ""
	}
	segments := strings.Split(strings.TrimPrefix(path, "/"), "/")
	out := make([]string, 0, len(segments))
	for i, seg := range segments {
		last := i == len(segments)-1
		switch {
		case isDoubleDotSegment(seg):
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		case isSingleDotSegment(seg):
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, escapeSet(seg, isPathEscaped))
		}
	}
	return "/" + strings.Join(out, "/")
}

// isSingleDotSegment reports whether seg is "." or "%2e".
func isSingleDotSegment(seg string) bool {
	return seg == "." || strings.EqualFold(seg, "%2e")
}

// isDoubleDotSegment reports whether seg is ".." in any mix of '.' and %2e.
func isDoubleDotSegment(seg string) bool {
	switch strings.ToLower(seg) {
	case "..", ".%2e", "%2e.", "%2e%2e":
		return true
	}
	return false
}
