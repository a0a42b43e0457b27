//go:build unix

package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The hostile-input catalogue: every attack of issue #11 on an extension
// folder that a stranger's pull request controls, built at test time (large
// files are sparse, never committed), with the answer crxlint must give. Two
// answers hold for every entry, in both formats: no byte from outside the
// folder reaches the output, and no line of output can be a GitHub
// workflow command or carry an escape sequence.

// secret marks every file outside the extension's folder.
const secret = "SECRET-d41d8cd9"

// baseManifest names a file of every kind crxlint reads.
const baseManifest = `{
  "manifest_version": 3, "name": "__MSG_name__", "version": "1", "default_locale": "en",
  "background": {"service_worker": "bg.js"},
  "action": {"default_popup": "popup.html"},
  "icons": {"16": "icon.png"},
  "content_scripts": [{"matches": ["https://example.com/*"], "js": ["cs.js"], "css": ["cs.css"]}],
  "permissions": ["declarativeNetRequest"],
  "declarative_net_request": {"rule_resources": [{"id": "r", "path": "rules.json", "enabled": true}]}
}`

// hostileBase makes base/ext, a clean extension, beside base/secret, and
// returns base.
func hostileBase(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	for name, data := range map[string]string{
		"ext/manifest.json":                baseManifest,
		"ext/bg.js":                        "self.addEventListener('install', () => {});",
		"ext/popup.html":                   `<script src="lib.js"></script>`,
		"ext/lib.js":                       "document.title = 'x';",
		"ext/cs.js":                        "document.body.dataset.x = '1';",
		"ext/cs.css":                       "body {}",
		"ext/icon.png":                     "\x89PNG",
		"ext/rules.json":                   "[]",
		"ext/_locales/en/messages.json":    `{"name": {"message": "x"}}`,
		"secret/s.js":                      "chrome.tabs.query({}); // " + secret,
		"secret/secret.json":               `{"token": "` + secret + `"}`,
		"secret/messages.json":             `{"` + secret + `": {"message": "x"}}`,
		"secret/_locales/en/messages.json": `{"name": {"message": "` + secret + `"}}`,
	} {
		mk(t, filepath.Join(base, name), data)
	}
	return base
}

func mk(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ln replaces name with a symbolic link to target.
func ln(t *testing.T, target, name string) {
	t.Helper()
	_ = os.Remove(name)
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

// fifo replaces name with a named pipe that no one ever writes.
func fifo(t *testing.T, name string) {
	t.Helper()
	_ = os.Remove(name)
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
}

// sparse replaces name with a file of size bytes that takes no disk.
func sparse(t *testing.T, name string, size int64) {
	t.Helper()
	_ = os.Remove(name)
	mk(t, name, "")
	if err := os.Truncate(name, size); err != nil {
		t.Skipf("cannot make a %d-byte sparse file here: %v", size, err)
	}
}

type attack struct {
	name string
	// build turns base/ext hostile and returns the arguments to run with.
	build func(t *testing.T, base, ext string) []string
	code  int
	want  []string // in the text output or on stderr
	never []string // beside the secret, in no output
}

func fifoAttack(file string, code int, never ...string) attack {
	return attack{
		name:  "FIFO as " + file,
		build: func(t *testing.T, _, ext string) []string { fifo(t, filepath.Join(ext, file)); return []string{ext} },
		code:  code,
		want:  []string{`"` + file + `" is a named pipe (FIFO), not a regular file`, "[special-file]"},
		never: never,
	}
}

var attacks = []attack{
	{
		name:  "a clean extension",
		build: func(t *testing.T, _, ext string) []string { return []string{ext} },
	},
	{
		name: "manifest.json links to /proc/self/environ",
		build: func(t *testing.T, _, ext string) []string {
			ln(t, "/proc/self/environ", filepath.Join(ext, "manifest.json"))
			return []string{ext}
		},
		code:  exitIO,
		want:  []string{"manifest.json: error: is a symbolic link whose target is outside the extension's folder"},
		never: []string{"PATH=", "HOME="},
	},
	{
		name: "manifest.json links to a secrets file",
		build: func(t *testing.T, _, ext string) []string {
			ln(t, "../secret/secret.json", filepath.Join(ext, "manifest.json"))
			return []string{ext}
		},
		code: exitIO,
		want: []string{"outside the extension's folder"},
	},
	{
		name: "a manifest named on the command line links out of its folder",
		build: func(t *testing.T, _, ext string) []string {
			ln(t, "../secret/secret.json", filepath.Join(ext, "manifest.json"))
			return []string{filepath.Join(ext, "manifest.json")}
		},
		code: exitIO,
		want: []string{"outside the extension's folder"},
	},
	{
		name: "the locale links to a secrets file",
		build: func(t *testing.T, _, ext string) []string {
			ln(t, "../../../secret/messages.json", filepath.Join(ext, "_locales", "en", "messages.json"))
			return []string{ext}
		},
		code: exitFindings,
		want: []string{`"_locales/en/messages.json" is a symbolic link`, "[link-outside-extension]"},
	},
	{
		name: "the locales folder links out",
		build: func(t *testing.T, _, ext string) []string {
			if err := os.RemoveAll(filepath.Join(ext, "_locales")); err != nil {
				t.Fatal(err)
			}
			ln(t, "../secret/_locales", filepath.Join(ext, "_locales"))
			return []string{ext}
		},
		want: []string{`"_locales" is a symbolic link`},
	},
	{
		name: "the service worker links out of the folder",
		build: func(t *testing.T, _, ext string) []string {
			ln(t, "../secret/s.js", filepath.Join(ext, "bg.js"))
			return []string{ext}
		},
		want:  []string{`"bg.js" is a symbolic link whose target is outside`, "[link-outside-extension]"},
		never: []string{`"tabs"`, "differs only in case"},
	},
	{
		name: "a link out of the folder, made an error by --rule",
		build: func(t *testing.T, _, ext string) []string {
			ln(t, "../secret/s.js", filepath.Join(ext, "bg.js"))
			return []string{"--rule", "link-outside-extension=error", ext}
		},
		code: exitFindings,
		want: []string{`error: "bg.js" is a symbolic link`},
	},
	{
		name: "a link out of the folder, turned off by --rule",
		build: func(t *testing.T, _, ext string) []string {
			ln(t, "../secret/s.js", filepath.Join(ext, "bg.js"))
			return []string{"--rule", "link-outside-extension=off", ext}
		},
		never: []string{"link-outside-extension", "symbolic link"},
	},
	{
		name: "a script links to /dev/zero",
		build: func(t *testing.T, _, ext string) []string {
			ln(t, "/dev/zero", filepath.Join(ext, "lib.js"))
			return []string{ext}
		},
		want: []string{`"lib.js" is a symbolic link`},
	},
	fifoAttack("lib.js", exitClean),
	fifoAttack("popup.html", exitClean),
	fifoAttack("cs.css", exitClean),
	fifoAttack("icon.png", exitClean, "empty file"),
	fifoAttack("rules.json", exitClean),
	fifoAttack("_locales/en/messages.json", exitFindings),
	{
		name: "a socket as a script",
		build: func(t *testing.T, _, ext string) []string {
			name := filepath.Join(ext, "lib.js")
			_ = os.Remove(name)
			l, err := net.Listen("unix", name)
			if err != nil {
				t.Skipf("cannot make a socket here: %v", err)
			}
			t.Cleanup(func() { _ = l.Close() })
			return []string{ext}
		},
		want: []string{`"lib.js" is a socket, not a regular file`},
	},
	{
		name: "a link loop as the icon",
		build: func(t *testing.T, _, ext string) []string {
			ln(t, "loop.png", filepath.Join(ext, "icon.png"))
			ln(t, "icon.png", filepath.Join(ext, "loop.png"))
			return []string{ext}
		},
		want:  []string{`"icon.png" is a symbolic link that loops`, "[link-loop]"},
		never: []string{"differs only in case"},
	},
	{
		name: "a 4 GiB script",
		build: func(t *testing.T, _, ext string) []string {
			sparse(t, filepath.Join(ext, "bg.js"), 4<<30)
			return []string{ext}
		},
		code: exitIO,
		want: []string{"bg.js is 4 GiB, more than the limit of 16 MiB for one file"},
	},
	{
		name: "a 100 MiB messages.json",
		build: func(t *testing.T, _, ext string) []string {
			sparse(t, filepath.Join(ext, "_locales", "en", "messages.json"), 100<<20)
			return []string{ext}
		},
		code: exitIO,
		want: []string{"_locales/en/messages.json is 100 MiB, more than the limit"},
	},
	{
		name: "a 17 MiB manifest",
		build: func(t *testing.T, _, ext string) []string {
			sparse(t, filepath.Join(ext, "manifest.json"), 17<<20)
			return []string{ext}
		},
		code: exitIO,
		want: []string{"is larger than 16 MiB"},
	},
	{
		name:  "files past the limit for the whole extension",
		build: func(t *testing.T, _, ext string) []string { return []string{"--max-total-size", "200B", ext} },
		code:  exitIO,
		want:  []string{"would take the bytes read past the limit of 200 bytes for the whole extension"},
	},
	{
		name: "20 links to one 256 KiB script count it once",
		build: func(t *testing.T, _, ext string) []string {
			mk(t, filepath.Join(ext, "big.js"), strings.Repeat("chrome.runtime.id;\n", 256<<10/19))
			for i := range 20 {
				ln(t, "big.js", filepath.Join(ext, fmt.Sprintf("copy%d.js", i)))
			}
			return []string{"--max-total-size", "1MiB", ext}
		},
		never: []string{"limit"},
	},
	{
		name: "files past the limit for the whole extension name the flag",
		build: func(t *testing.T, _, ext string) []string {
			for i := range 3 {
				mk(t, filepath.Join(ext, fmt.Sprintf("big%d.js", i)), strings.Repeat("x;\n", 400<<10/3))
			}
			return []string{"--max-total-size", "1MiB", ext}
		},
		code: exitIO,
		want: []string{"would take the bytes read past the limit of 1 MiB for the whole extension", "raise the limit with --max-total-size"},
	},
	{
		name: "a 17 MiB manifest with the limit raised by a flag",
		build: func(t *testing.T, _, ext string) []string {
			sparse(t, filepath.Join(ext, "manifest.json"), 17<<20)
			return []string{"--max-file-size", "18MiB", ext}
		},
		code: exitFindings, // read, and found not to be JSON
		want: []string{"[syntax]"},
	},
	{
		name: "a device in the folder",
		build: func(t *testing.T, _, ext string) []string {
			name := filepath.Join(ext, "lib.js")
			_ = os.Remove(name)
			if err := syscall.Mknod(name, syscall.S_IFCHR|0o644, 1<<8|5); err != nil { // /dev/zero's numbers
				t.Skipf("cannot make a device here (not root?): %v", err)
			}
			return []string{ext}
		},
		want: []string{`"lib.js" is a character device, not a regular file`},
	},
	{
		name: "an unreadable script",
		build: func(t *testing.T, _, ext string) []string {
			if os.Geteuid() == 0 {
				t.Skip("root reads any file: permissions cannot make one unreadable")
			}
			if err := os.Chmod(filepath.Join(ext, "bg.js"), 0); err != nil {
				t.Fatal(err)
			}
			return []string{ext}
		},
		code: exitIO,
		want: []string{"bg.js cannot be read: permission denied"},
	},
	{
		name: "the same extension named three times",
		build: func(t *testing.T, _, ext string) []string {
			mk(t, filepath.Join(ext, "manifest.json"), strings.Replace(baseManifest, `"version": "1"`, `"version": "1", "version": "2"`, 1))
			return []string{ext, ext + "/", filepath.Join(ext, "manifest.json")}
		},
		want: []string{"1 problem in 1 file"},
	},
	{
		name: "a key with a line break and a workflow command",
		build: func(t *testing.T, _, ext string) []string {
			mk(t, filepath.Join(ext, "manifest.json"), strings.Replace(baseManifest, "{", "{\"zz\n::error title=Injected::pwned\": 1,", 1))
			return []string{ext}
		},
		want: []string{`zz\n::error title=Injected::pwned`},
	},
	{
		name: "a clean extension, zipped",
		build: func(t *testing.T, base, ext string) []string {
			return []string{packed(t, base, "ext.zip", zipFolder(t, ext))}
		},
		never: []string{"signature"},
	},
	{
		name: "a clean extension as a CRX3, beside its folder",
		build: func(t *testing.T, base, ext string) []string {
			return []string{ext, packed(t, base, "ext.crx", crx3(zipFolder(t, ext)))}
		},
		want: []string{"signatures of .crx files are not checked"},
	},
	{
		name: "a zip bomb",
		build: func(t *testing.T, base, ext string) []string {
			bomb := zipEntry{name: "bomb.bin", data: strings.Repeat("\x00", 64<<20), deflate: true}
			return []string{packed(t, base, "ext.zip", zipFolder(t, ext, bomb))}
		},
		code: exitIO,
		want: []string{"ext.zip: error: breaks a limit on archives: entry \"bomb.bin\" would inflate", "zip bomb"},
	},
	{
		name: "an entry with ../",
		build: func(t *testing.T, base, ext string) []string {
			up := zipEntry{name: "../../etc/cron.d/x", data: secret}
			return []string{packed(t, base, "ext.zip", zipFolder(t, ext, up))}
		},
		code: exitIO,
		want: []string{`has an entry crxlint will not unpack: entry "../../etc/cron.d/x" leads out of the archive's root`},
	},
	{
		name: "an absolute entry name",
		build: func(t *testing.T, base, ext string) []string {
			abs := zipEntry{name: "/etc/passwd", data: secret}
			return []string{packed(t, base, "ext.zip", zipFolder(t, ext, abs))}
		},
		code: exitIO,
		want: []string{`entry "/etc/passwd" has an absolute name`},
	},
	{
		name: "a symlink entry as the service worker",
		build: func(t *testing.T, base, ext string) []string {
			if err := os.Remove(filepath.Join(ext, "bg.js")); err != nil {
				t.Fatal(err)
			}
			link := zipEntry{name: "bg.js", data: "/" + secret, mode: fs.ModeSymlink | 0o777}
			return []string{packed(t, base, "ext.zip", zipFolder(t, ext, link))}
		},
		want: []string{`ext.zip!/manifest.json:3:36: warning: "bg.js" is a symbolic link, not a regular file; crxlint did not read it: replace the link with the file itself`, "[special-file]"},
	},
	{
		name: "a huge entry count",
		build: func(t *testing.T, base, ext string) []string {
			many := make([]zipEntry, 20000)
			for i := range many {
				many[i] = zipEntry{name: fmt.Sprintf("f/%d", i)}
			}
			return []string{packed(t, base, "ext.zip", zipFolder(t, ext, many...))}
		},
		code: exitIO,
		want: []string{"ext.zip: error: breaks a limit on archives: it holds 20009 entries, more than the limit of 20000"},
	},
	{
		name: "a .crx with a truncated header",
		build: func(t *testing.T, base, _ string) []string {
			return []string{packed(t, base, "ext.crx", []byte("Cr24\x03\x00\x00\x00\xff\xff"))}
		},
		code: exitIO,
		want: []string{"ext.crx: error: is a .crx whose header is broken: it ends within its header size"},
	},
	{
		name: "an entry that inflates past its declared size",
		build: func(t *testing.T, base, ext string) []string {
			if err := os.Remove(filepath.Join(ext, "bg.js")); err != nil {
				t.Fatal(err)
			}
			liar := zipEntry{name: "bg.js", data: "self.x = 1;" + strings.Repeat(" ", 1<<20), declared: 5}
			return []string{packed(t, base, "ext.zip", zipFolder(t, ext, liar))}
		},
		code: exitIO,
		want: []string{"ext.zip!/bg.js cannot be read"},
	},
	{
		name: "a zipped folder rather than its contents",
		build: func(t *testing.T, base, _ string) []string {
			return []string{packed(t, base, "ext.zip", zipFolder(t, base))}
		},
		code: exitIO,
		want: []string{"ext.zip: error: has no manifest.json at its root, but one in ext/"},
	},
	{
		name: "a FIFO named like an archive",
		build: func(t *testing.T, base, _ string) []string {
			fifo(t, filepath.Join(base, "ext.zip"))
			return []string{filepath.Join(base, "ext.zip")}
		},
		code: exitIO,
		want: []string{"ext.zip: error: is a named pipe (FIFO), not a regular file"},
	},
	{
		name: "--fix on an archive",
		build: func(t *testing.T, base, ext string) []string {
			return []string{"--fix", packed(t, base, "ext.zip", zipFolder(t, ext))}
		},
		code: exitUsage,
		want: []string{"--fix rewrites manifest files and never an archive"},
	},
	{
		name: "escape sequences in a key, raw and as \\u001b",
		build: func(t *testing.T, _, ext string) []string {
			mk(t, filepath.Join(ext, "manifest.json"), strings.Replace(baseManifest, "{",
				"{\"a\x1b[2J\x1b]0;title\x07\u009b31m\": 1, \"b\\u001b[31m\\u0007\": 2,", 1))
			return []string{ext}
		},
		code: exitFindings,
		want: []string{`\x1b[2J`},
	},
}

func TestHostileInputs(t *testing.T) {
	for _, a := range attacks {
		t.Run(a.name, func(t *testing.T) {
			base := hostileBase(t)
			args := a.build(t, base, filepath.Join(base, "ext"))
			for _, format := range []string{"text", "json"} {
				got := runCLI(t, "", env(), append([]string{"--format", format}, args...)...)
				all := got.stdout + got.stderr
				if got.code != a.code {
					t.Errorf("--format %s: exit %d, want %d\n%s", format, got.code, a.code, all)
				}
				for _, never := range append([]string{secret}, a.never...) {
					if strings.Contains(all, never) {
						t.Errorf("--format %s: output carries %q:\n%s", format, never, all)
					}
				}
				if strings.ContainsAny(all, "\x1b\x07\u009b") {
					t.Errorf("--format %s: output carries a control sequence: %q", format, all)
				}
				for line := range strings.Lines(all) {
					if strings.HasPrefix(strings.TrimLeft(line, " "), "::") {
						t.Errorf("--format %s: a line of output is a workflow command: %q", format, line)
					}
				}
				if format != "text" {
					continue
				}
				for _, want := range a.want {
					if !strings.Contains(all, want) {
						t.Errorf("output does not say %q:\n%s", want, all)
					}
				}
			}
		})
	}
}

// TestManyFindingsOnALongLine: 1000 findings on one 1 MB line print each a
// cut excerpt, not the line 1000 times (1 GB).
func TestManyFindingsOnALongLine(t *testing.T) {
	var perms []string
	for i := range 1000 {
		perms = append(perms, fmt.Sprintf(`"nope%d"`, i))
	}
	src := `{"manifest_version": 3, "name": "x", "version": "1", "permissions": [` + strings.Join(perms, ", ") +
		`], "description": "` + strings.Repeat("y", 1<<20) + `"}`
	got := runCLI(t, "", env(), "--fail-on", "never", writeManifest(t, src))
	if got.code != exitClean || !strings.Contains(got.stdout, "problems in 1 file") {
		t.Fatalf("exit %d, %d bytes of output:\n%.2000s", got.code, len(got.stdout), got.stdout)
	}
	if perFinding := len(got.stdout) / 1000; perFinding > 1000 {
		t.Errorf("%d bytes of output a finding on a %d-byte line", perFinding, len(src))
	}
}

func TestInterruptedRunExits130(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var out, errOut strings.Builder
	code := run(ctx, []string{filepath.Join(hostileBase(t), "ext")}, strings.NewReader(""), &out, &errOut, env())
	if code != exitInterrupted || !strings.Contains(errOut.String(), "interrupted") {
		t.Errorf("exit %d, stderr %q; want %d and a word", code, errOut.String(), exitInterrupted)
	}
}

// TestHostileFix: --fix on a manifest a pull request made a link, or gave
// a second name, keeps the file's identity or leaves it alone, and leaves
// no temporary file behind.
func TestHostileFix(t *testing.T) {
	const fixable = `{"manifest_version": 3, "name": "x", "version": "1",}`
	const fixed = `{"manifest_version": 3, "name": "x", "version": "1"}`
	tests := []struct {
		name  string
		build func(t *testing.T, base, ext string) (check string)
		code  int
		want  string // the content of check afterwards
	}{
		{
			name: "a link inside the folder is written through",
			build: func(t *testing.T, _, ext string) string {
				mk(t, filepath.Join(ext, "real.json"), fixable)
				ln(t, "real.json", filepath.Join(ext, "manifest.json"))
				return filepath.Join(ext, "real.json")
			},
			want: fixed,
		},
		{
			name: "a link out of the folder is neither read nor written",
			build: func(t *testing.T, base, ext string) string {
				mk(t, filepath.Join(base, "secret", "m.json"), fixable)
				ln(t, "../secret/m.json", filepath.Join(ext, "manifest.json"))
				return filepath.Join(base, "secret", "m.json")
			},
			code: exitIO,
			want: fixable,
		},
		{
			name: "a file with a second name is left whole",
			build: func(t *testing.T, base, ext string) string {
				mk(t, filepath.Join(ext, "manifest.json"), fixable)
				if err := os.Link(filepath.Join(ext, "manifest.json"), filepath.Join(base, "other.json")); err != nil {
					t.Skip(err)
				}
				return filepath.Join(base, "other.json")
			},
			code: exitIO,
			want: fixable,
		},
		{
			name: "a stale temporary file of a killed run is ignored",
			build: func(t *testing.T, _, ext string) string {
				mk(t, filepath.Join(ext, "manifest.json"), fixable)
				mk(t, filepath.Join(ext, ".manifest.json.crxlint-123"), "half")
				return filepath.Join(ext, "manifest.json")
			},
			want: fixed,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := hostileBase(t)
			ext := filepath.Join(base, "ext")
			for _, f := range []string{"bg.js", "popup.html", "lib.js", "cs.js", "cs.css", "icon.png", "rules.json", "_locales"} {
				_ = os.RemoveAll(filepath.Join(ext, f))
			}
			check := tt.build(t, base, ext)
			before, _ := os.ReadDir(ext)
			got := runCLI(t, "", env(), "--fix", ext)
			if got.code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", got.code, tt.code, got.stdout, got.stderr)
			}
			if data, _ := os.ReadFile(check); string(data) != tt.want {
				t.Errorf("%s holds %q, want %q", filepath.Base(check), data, tt.want)
			}
			if after, _ := os.ReadDir(ext); len(after) != len(before) {
				t.Errorf("the folder held %d entries and holds %d: a temporary file left, or a link replaced", len(before), len(after))
			}
			if strings.Contains(got.stdout+got.stderr, secret) {
				t.Errorf("output carries the secret")
			}
		})
	}
}

// zipEntry is an entry of a test archive.
type zipEntry struct {
	name, data string
	mode       fs.FileMode // 0 for a regular file
	deflate    bool
	declared   uint64 // a size to claim instead of the real one, stored
}

// zipFolder packs the contents of dir, then the extra entries, into a zip.
func zipFolder(t *testing.T, dir string, extra ...zipEntry) []byte {
	t.Helper()
	var entries []zipEntry
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		entries = append(entries, zipEntry{name: filepath.ToSlash(rel), data: string(data), deflate: true})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, e := range append(entries, extra...) {
		h := &zip.FileHeader{Name: e.name, Method: zip.Store}
		if e.deflate {
			h.Method = zip.Deflate
		}
		if e.mode != 0 {
			h.SetMode(e.mode)
		}
		var f io.Writer
		if e.declared > 0 {
			h.CRC32, h.CompressedSize64, h.UncompressedSize64 = crc32.ChecksumIEEE([]byte(e.data)), uint64(len(e.data)), e.declared
			f, err = w.CreateRaw(h)
		} else {
			f, err = w.CreateHeader(h)
		}
		if err == nil {
			_, err = io.WriteString(f, e.data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// packed writes an archive into base and returns its path.
func packed(t *testing.T, base, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(base, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
