package rules

import (
	"fmt"
	"strings"

	"github.com/crxlint/crxlint/csp"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
)

// ContentSecurityPolicy reports a manifest version 3 content_security_policy
// that Chrome refuses: a source outside the extension in the directives that
// load code, a missing script-src, or a sandbox policy that is not one.
var ContentSecurityPolicy = &lint.Rule{
	ID:       "content-security-policy",
	Title:    "The content security policy allows what manifest version 3 forbids",
	Category: lint.Correctness,
	Severity: lint.Error,
	Chrome:   lint.Rejects,
	Doc: "In manifest version 3, `content_security_policy.extension_pages` may only tighten the\n" +
		"policy of the extension's own pages. In `script-src`, `worker-src` and `object-src`, Chrome\n" +
		"accepts only `'self'`, `'none'`, `'wasm-unsafe-eval'`, and `http://localhost` or\n" +
		"`http://127.0.0.1` (with any port, for development). Everything else stops the load:\n" +
		"remote hosts (even `https:`), `*`, `'unsafe-eval'`, `'unsafe-inline'`, hashes, nonces,\n" +
		"`'strict-dynamic'`, `blob:` and `data:`. Bundle remote code into the extension, move\n" +
		"inline scripts into files, and run code that needs `eval` in a sandboxed page.\n\n" +
		"`script-src` must be given, or `default-src` in its place; when a directive is repeated, the\n" +
		"first counts. The policy may not contain commas or line breaks.\n\n" +
		"`content_security_policy.sandbox` is the policy of sandboxed pages: it must contain the\n" +
		"`sandbox` directive, without `allow-same-origin`; remote sources are allowed there.",
	Run: runContentSecurityPolicy,
}

// cspCodeDirectives are the directives Chrome restricts, in the order it
// checks them.
var cspCodeDirectives = []string{"script-src", "worker-src", "object-src"}

func runContentSecurityPolicy(pass *lint.Pass) error {
	mv, _ := pass.Root().Get("manifest_version").Int()
	if mv < 3 {
		return nil // MV2 policies are strings Chrome filters, and MV2 no longer loads
	}
	policy := pass.Root().Get("content_security_policy")
	if pages := policy.Get("extension_pages"); pages != nil {
		checkExtensionPages(pass, pages)
	}
	if sandbox := policy.Get("sandbox"); sandbox != nil {
		checkSandboxPolicy(pass, sandbox)
	}
	return nil
}

func checkExtensionPages(pass *lint.Pass, n *manifest.Node) {
	const key = "content_security_policy.extension_pages"
	policy, ok := n.Str()
	if !ok {
		return // invalid-value reports a value that is not a string
	}
	if i := strings.IndexAny(policy, ",\r\n\x00"); i >= 0 {
		d := pass.At(n, "the policy contains %q, which Chrome does not allow; separate directives with \";\"", policy[i:i+1]).WithChrome("Invalid value for '" + key + "'.")
		d.Range = pass.Manifest.Range(pass.Manifest.SubSpan(n, i, i+1))
		pass.Report(d)
		return
	}
	dirs := csp.Parse(policy)
	for _, name := range cspCodeDirectives {
		dir, ok := csp.Find(dirs, name)
		if !ok && name == "script-src" {
			dir, ok = csp.Find(dirs, "default-src")
			if !ok {
				pass.ReportChrome(n, "'"+key+"': CSP directive 'script-src' must be specified (either explicitly, or implicitly via 'default-src') and must allowlist only secure resources.", "the policy has no script-src (nor default-src); add \"script-src 'self'\"")
				continue
			}
		}
		if !ok {
			continue // worker-src falls back to script-src; object-src is optional
		}
		for _, src := range dir.Sources {
			if secureSource(src.Text) {
				continue
			}
			d := pass.At(n, "%s in %s %s", quote(src.Text), name, insecureAdvice(src.Text)).WithChrome(fmt.Sprintf("'%s': Insecure CSP value \"%s\" in directive '%s'.", key, src.Text, name))
			d.Range = pass.Manifest.Range(pass.Manifest.SubSpan(n, src.Start, src.End))
			pass.Report(d)
		}
	}
}

// secureSource reports whether Chrome allows a source in the directives of
// extension pages that load code.
func secureSource(s string) bool {
	switch strings.ToLower(s) {
	case "'self'", "'none'", "'wasm-unsafe-eval'":
		return true
	}
	return isLocalhostSource(s)
}

// isLocalhostSource accepts http://localhost and http://127.0.0.1 with an
// optional port (a number or *) and path, as Chrome does for development.
func isLocalhostSource(s string) bool {
	rest, ok := strings.CutPrefix(strings.ToLower(s), "http://")
	if !ok {
		return false
	}
	host, _, _ := strings.Cut(rest, "/")
	name, port, hasPort := strings.Cut(host, ":")
	if name != "localhost" && name != "127.0.0.1" {
		return false
	}
	return !hasPort || port == "*" || port != "" && strings.Trim(port, "0123456789") == ""
}

// insecureAdvice says why a source is refused and what to do instead.
func insecureAdvice(s string) string {
	lower := strings.ToLower(s)
	switch {
	case lower == "'unsafe-eval'" || lower == "'wasm-eval'":
		return "allows eval, which manifest version 3 forbids in extension pages; use 'wasm-unsafe-eval' for WebAssembly, or run such code in a sandboxed page"
	case lower == "'unsafe-inline'" || lower == "'unsafe-hashes'" || lower == "'strict-dynamic'" ||
		strings.HasPrefix(lower, "'sha") || strings.HasPrefix(lower, "'nonce-"):
		return "allows inline script, which manifest version 3 forbids in extension pages; move the script into a .js file of the extension"
	case strings.HasPrefix(lower, "'"):
		return "is not allowed in extension pages; only 'self', 'none' and 'wasm-unsafe-eval' are"
	default:
		return "loads code from outside the extension, which manifest version 3 forbids; bundle that code into the extension"
	}
}

func checkSandboxPolicy(pass *lint.Pass, n *manifest.Node) {
	policy, ok := n.Str()
	if !ok {
		return
	}
	const msg = "Invalid value for 'content_security_policy.sandbox'."
	dir, ok := csp.Find(csp.Parse(policy), "sandbox")
	if !ok {
		pass.ReportChrome(n, msg, "the sandbox policy has no sandbox directive; start it with \"sandbox allow-scripts;\"")
		return
	}
	for _, tok := range dir.Sources {
		if strings.EqualFold(tok.Text, "allow-same-origin") {
			d := pass.At(n, "allow-same-origin would give sandboxed pages the extension's origin and its APIs; remove it").WithChrome(msg)
			d.Range = pass.Manifest.Range(pass.Manifest.SubSpan(n, tok.Start, tok.End))
			pass.Report(d)
		}
	}
}
