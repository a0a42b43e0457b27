package main

import (
	"fmt"

	"github.com/crxlint/crxlint/config"
	"github.com/crxlint/crxlint/extension"
	"github.com/crxlint/crxlint/lint"
	"github.com/crxlint/crxlint/manifest"
	"github.com/crxlint/crxlint/policy"
	"github.com/crxlint/crxlint/runner"
)

// policyReports are the findings --policy adds, by ID: what an organisation's
// ExtensionSettings policy, or crxlint's own policy in the same file, does
// to the extension. They are reports of the policy, not rules.
var policyReports = map[policy.Kind]struct {
	id       string
	severity lint.Severity
	chrome   lint.Chrome
	doc      string
}{
	policy.Blocks: {
		"policy-blocks", lint.Error, lint.Rejects,
		`With --policy FILE, crxlint reads the organisation's Chrome Enterprise ExtensionSettings policy and
reports, as policy-blocks, what would make Chrome refuse to install or load the extension under it: an
installation_mode of "blocked" or "removed" (for the extension's ID, or for "*"), a type that
allowed_types leaves out, a required permission in blocked_permissions, or a version below
minimum_version_required. The admin's blocked_install_message is quoted. The extension's ID comes from
the manifest's "key", or --extension-id; without either, only "*" applies.`,
	},
	policy.Restricts: {
		"policy-restricts", lint.Warning, lint.Accepts,
		`With --policy FILE, crxlint reports as policy-restricts what the organisation's ExtensionSettings
policy withholds at run time: content scripts and host access on runtime_blocked_hosts (less
runtime_allowed_hosts), and optional permissions in blocked_permissions, which Chrome denies when the
extension asks.`,
	},
	policy.Violates: {
		"policy-violation", lint.Error, lint.Accepts,
		`With --policy FILE, crxlint also reads crxlint's own policy under the file's "crxlint" key, for what
Chrome's policy cannot say: "forbid_externally_connectable": true, "deny_hosts": [match patterns],
"minimum_chrome_version": "120", and "max_install_warnings": 2. Chrome enforces none of these; a policy-violation is the
organisation's rule.`,
	},
}

// explainPolicy prints the documentation of a policy report, if id is one.
func explainPolicy(id string) (string, bool) {
	for _, r := range policyReports {
		if r.id == id {
			return fmt.Sprintf("%s: a finding of --policy\n\n%s\n", r.id, r.doc), true
		}
	}
	return "", false
}

// loadPolicy reads the --policy file.
func loadPolicy(name string) (*policy.Policy, error) {
	src, err := config.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return policy.Parse(name, src)
}

// addPolicyFindings adds what the policy does to a linted extension.
func addPolicyFindings(r *runner.Result, p *policy.Policy, extensionID string) {
	if r.Doc == nil || r.Doc.Root() == nil {
		return
	}
	id := extensionID
	if key, ok := r.Doc.Root().Get("key").Str(); ok && id == "" {
		id, _ = extension.IDFromKey(key) // a bad key is key-format's finding
	}
	for _, f := range p.Check(r.Doc, id) {
		rep := policyReports[f.Kind]
		r.Diagnostics = append(r.Diagnostics, lint.Diagnostic{
			Rule: rep.id, Severity: rep.severity, Chrome: rep.chrome, Message: f.Message, Pointer: f.Pointer,
			Range: r.Doc.Range(policySpan(r.Doc, f)),
		})
	}
	r.Diagnostics = lint.Sort(r.Diagnostics)
}

// policySpan is where a policy finding points: the value, or the opening
// brace for the whole extension.
func policySpan(doc *manifest.Document, f policy.Finding) manifest.Span {
	if f.Pointer == "" {
		s := doc.Root().Span()
		return manifest.Span{Start: s.Start, End: s.Start + 1}
	}
	return doc.SpanOf(f.Pointer, f.OnKey)
}
