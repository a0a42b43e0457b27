#!/bin/sh
# refresh-permission-warnings.sh — ask a real Chromium for the permission
# warnings of every manifest in permwarn/testdata/chromium156/manifests and
# record its answers in permwarn/testdata/chromium156/answers.json, which
# TestChromiumAnswers compares with crxlint's.
#
# For each manifest Chromium is asked twice with chrome-verdict
# --permissions-only (chrome.management.getPermissionWarningsByManifest):
# once as it is ("warnings"), and once with its optional permissions made
# required and nothing else ("optional"), which is what Chrome shows when the
# extension asks for all of them at once. So a case should not list a
# permission both as required and as optional: Chrome drops such an optional
# permission, which permwarn's unit tests check instead.
#
# Needs Node.js and Chromium (see ../shared/tools/chrome-verdict). Override
# the tool with CHROME_VERDICT and the browser with CHROME_VERDICT_CHROMIUM.
set -eu
cd "$(dirname "$0")/.."
dir=permwarn/testdata/chromium156
verdict=$(realpath "${CHROME_VERDICT:-../shared/tools/chrome-verdict}")
chromium=${CHROME_VERDICT_CHROMIUM:-/usr/lib/chromium/chromium}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/optional"
node -e '
const fs = require("fs"), path = require("path");
const [src, dst] = process.argv.slice(1);
for (const f of fs.readdirSync(src).filter((f) => f.endsWith(".json")).sort()) {
  const m = JSON.parse(fs.readFileSync(path.join(src, f), "utf8"));
  const o = { name: m.name, version: m.version, manifest_version: m.manifest_version,
    permissions: m.optional_permissions || [] };
  if (m.manifest_version >= 3) o.host_permissions = m.optional_host_permissions || [];
  fs.writeFileSync(path.join(dst, f), JSON.stringify(o));
}' "$dir/manifests" "$tmp/optional"

(cd "$dir/manifests" && "$verdict" --permissions-only -- *.json) >"$tmp/warnings.jsonl"
(cd "$tmp/optional" && "$verdict" --permissions-only -- *.json) >"$tmp/optional.jsonl"

version=$("$chromium" --version | sed 's/^[^0-9]*//; s/ .*//')
node -e '
const fs = require("fs");
const [warnings, optional, version] = process.argv.slice(1);
const read = (f) => new Map(fs.readFileSync(f, "utf8").trim().split("\n")
  .map((l) => JSON.parse(l)).map((o) => [o.file, o]));
const w = read(warnings), o = read(optional);
const answer = (v) => {
  if (v.permission_warnings === null) throw new Error(`${v.file}: ${v.permission_error || v.oracle_error}`);
  return v.permission_warnings;
};
const lines = [...w.keys()].sort().map((f) => "    " + JSON.stringify(
  { manifest: f, warnings: answer(w.get(f)), optional: answer(o.get(f)) }));
process.stdout.write(`{\n  "chromium": ${JSON.stringify(version)},\n  "answers": [\n${lines.join(",\n")}\n  ]\n}\n`);
' "$tmp/warnings.jsonl" "$tmp/optional.jsonl" "$version" >"$tmp/answers.json"
mv "$tmp/answers.json" "$dir/answers.json"
echo "refreshed $dir/answers.json from Chromium $version"
