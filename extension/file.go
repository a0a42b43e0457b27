package extension

import (
	"encoding/hex"
	"io/fs"
	"path"
	"strings"

	"github.com/crxlint/crxlint/internal/gurl"
)

// File is the file Chrome reads for ref, a URL written in the folder dir of
// the extension ("" for its root): the page the manifest names by a URL
// relative to the extension (the popup, the options page, ...), the src of
// a <script> or a module specifier. The URL resolves against dir's URL in
// the extension, as Extension::GetResourceURL and pages do (GURL::Resolve),
// so the query and fragment go, ".." stops at the root and a backslash is
// a slash; file_util::ExtensionURLToRelativeFilePath then decodes the
// path's %XX escapes and drops its leading slashes. name is "" for the
// extension's root. ok is false when Chrome reads no file of the
// extension: ref leaves it ("https://...", "//host/..."), or an escape
// decodes to a control character, a slash or a backslash.
func File(dir, ref string) (name string, ok bool) {
	base, _ := gurl.Parse("chrome-extension://" + strings.Repeat("a", 32) + "/" + folderURLPath(dir))
	u, ok := base.Resolve(ref)
	if !ok || u.Scheme != base.Scheme || u.Host != base.Host {
		return "", false
	}
	decoded, ok := unescapeFilePath(u.Path)
	if !ok {
		return "", false
	}
	name = strings.TrimLeft(decoded, `/\`)
	if name == "" {
		return "", true
	}
	name = path.Clean(name) // the file system reads "a//b" as "a/b"
	return name, fs.ValidPath(name)
}

// folderURLPath writes the path of a folder of the extension as the path
// of its URL, with a final slash: '%', '?' and '#' in names are escaped,
// to be decoded again.
func folderURLPath(dir string) string {
	if dir == "" {
		return ""
	}
	return strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(dir) + "/"
}

// unescapeFilePath is base::UnescapeBinaryURLComponentSafe with
// fail_on_path_separators: it decodes every valid %XX escape of a URL path,
// and fails if one decodes to a control character, '/' or '\\'.
func unescapeFilePath(p string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '%' && i+2 < len(p) {
			if v, err := hex.DecodeString(p[i+1 : i+3]); err == nil {
				if c = v[0]; c < 0x20 || c == '/' || c == '\\' {
					return "", false
				}
				i += 2
			}
		}
		b.WriteByte(c)
	}
	return b.String(), true
}
