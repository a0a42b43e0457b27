#!/bin/sh
# refresh-type-gates.sh — ask a real Chromium which of the keys and
# permissions it allows an extension it refuses to a Chrome App or a shared
# module, and write its answers into rules/type_gates.go.
#
# Chromium judges every key and permission against the extension_types of
# its feature files (_manifest_features.json, _permission_features.json).
# crxlint's schema describes an extension, and its messages already name the
# types of the features an extension may not use (rules/apps.go turns them
# into an app's words). This script finds the converse: for each type (a
# platform app, a legacy packaged app, a hosted app, a shared module) it
# loads one manifest per key (top-level, and one level down) and one per
# permission of the schema,
# and records every "'NAME' is only allowed for LIST, but this is a TYPE."
# whose LIST holds extensions (NAME is the feature Chromium names, which
# for a permission that is another's alias is not the permission's name). Chromium checks the platform before the type,
# so a feature that Linux refuses by platform is not recorded.
#
# It also records, for each app type, the permissions Chromium loads without
# a word (typeSilentPermissions), which crxlint then says nothing of in that
# type on Linux, whatever the schema, written for extensions, says.
#
# Themes are not asked: chrome-verdict cannot read a theme's warnings.
#
# ANSWERS=FILE keeps Chromium's answers (JSON lines, one per manifest);
# FROM_ANSWERS=FILE writes the table from such answers without asking again.
# Needs Node.js and Chromium (see ../shared/tools/chrome-verdict). Override
# the tool with CHROME_VERDICT and the browser with CHROME_VERDICT_CHROMIUM.
set -eu
cd "$(dirname "$0")/.."
verdict=$(realpath "${CHROME_VERDICT:-../shared/tools/chrome-verdict}")
chromium=${CHROME_VERDICT_CHROMIUM:-/usr/lib/chromium/chromium}
out=rules/type_gates.go
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/probes"

# One directory per type and name: TYPE.key.NAME or TYPE.permission.NAME.
node -e '
const fs = require("fs"), path = require("path");
const [schemaFile, dst] = process.argv.slice(1);
const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
// The known permissions are the enums of $defs/permissions.*, as schemagen takes them.
const permissions = new Set();
for (const [name, def] of Object.entries(schema.$defs)) {
  if (name.startsWith("permissions.") && name !== "permissions.unregistered") {
    for (const p of def.enum || []) permissions.add(p);
  }
}
// Keys that decide the type or that every manifest has.
const skip = new Set(["app", "theme", "export", "name", "version", "manifest_version", "$schema"]);
const keys = Object.keys(schema.properties).filter((k) => !skip.has(k));
// Chromium also judges the features of nested keys ("background.scripts"):
// the members a key'"'"'s subschemas name, one level down.
const resolve = (d) => (d && d.$ref ? resolve(schema.$defs[d.$ref.replace("#/$defs/", "")]) : d || {});
const members = (d, into) => {
  d = resolve(d);
  for (const p of Object.keys(d.properties || {})) into.add(p);
  for (const k of ["allOf", "anyOf", "oneOf"]) for (const sub of d[k] || []) members(sub, into);
  for (const k of ["if", "then", "else"]) if (d[k]) members(d[k], into);
  return into;
};
// The subschemas of a key: its property, and those the conditions of the root give it.
const subschemas = (d, into) => {
  d = resolve(d);
  for (const [k, sub] of Object.entries(d.properties || {})) (into[k] = into[k] || []).push(sub);
  for (const k of ["allOf", "anyOf", "oneOf"]) for (const sub of d[k] || []) subschemas(sub, into);
  for (const k of ["if", "then", "else"]) if (d[k]) subschemas(d[k], into);
  return into;
};
const byKey = subschemas(schema, {});
const nested = keys.flatMap((k) => {
  const into = new Set();
  for (const sub of byKey[k] || []) members(sub, into);
  return [...into].sort().map((p) => [k, p]);
});
const types = {
  platform_app: { manifest_version: 2, app: { background: { scripts: ["bg.js"] } } },
  legacy_packaged_app: { manifest_version: 2, app: { launch: { local_path: "main.html" } } },
  hosted_app: { manifest_version: 2, app: { urls: ["https://example.com/"], launch: { web_url: "https://example.com/" } } },
  shared_module: { manifest_version: 3, export: {} },
};
const write = (dir, extra) => {
  fs.mkdirSync(path.join(dst, dir));
  fs.writeFileSync(path.join(dst, dir, "manifest.json"), JSON.stringify({ name: "probe", version: "1", ...extra }));
  fs.writeFileSync(path.join(dst, dir, "bg.js"), "");
  fs.writeFileSync(path.join(dst, dir, "main.html"), "");
};
for (const [type, base] of Object.entries(types)) {
  // A key whose type Chromium refuses is dropped before its value is read, so any value will do.
  for (const k of keys) write(`${type}.key.${k}`, { ...base, [k]: {} });
  for (const [k, p] of nested) write(`${type}.key.${k}.${p}`, { ...base, [k]: { [p]: {} } });
  if (type === "shared_module") continue; // Chromium refuses the permissions key itself
  for (const p of [...permissions].sort()) write(`${type}.permission.${p}`, { ...base, permissions: [p] });
}' schema/manifest.schema.json "$tmp/probes"

if [ -n "${FROM_ANSWERS:-}" ]; then
  cp "$FROM_ANSWERS" "$tmp/answers.jsonl"
else
  (cd "$tmp/probes" && "$verdict" --batch -- *) >"$tmp/answers.jsonl"
fi
[ -z "${ANSWERS:-}" ] || cp "$tmp/answers.jsonl" "$ANSWERS" # Chromium's every answer, to compare with crxlint's

version=$("$chromium" --version | sed 's/^[^0-9]*//; s/ .*//')
node -e '
const fs = require("fs");
const [answers, version] = process.argv.slice(1);
const consts = { platform_app: "inPlatformApp", legacy_packaged_app: "inLegacyPackagedApp",
  hosted_app: "inHostedApp", shared_module: "inSharedModule" };
const words = { platform_app: "packaged app", legacy_packaged_app: "legacy packaged app",
  hosted_app: "hosted app", shared_module: "shared module" };
const gates = { key: new Map(), permission: new Map() };
const silent = new Map(); // permission -> the types Chromium loads it in without a word
for (const line of fs.readFileSync(answers, "utf8").trim().split("\n")) {
  const a = JSON.parse(line);
  const [type, kind, ...rest] = a.dir.split(".");
  const name = rest.join(".");
  if (a.oracle_error) throw new Error(`${a.dir}: ${a.oracle_error}`);
  if (kind === "permission" && a.loaded && !a.error && (a.warnings || []).length === 0) {
    silent.set(name, [...(silent.get(name) || []), consts[type]]);
  }
  for (const w of a.warnings || []) {
    const m = /^\x27(.*)\x27 is only allowed for (.*), but this is a (.*)\.$/.exec(w);
    // A permission may be another feature'"'"'s alias: Chromium names the feature ("windows" is "tabs").
    if (!m || (kind === "key" && m[1] !== name) || !/(^|, |and )extensions(,| |$)/.test(m[2])) continue;
    if (m[3] !== words[type]) throw new Error(`${a.dir}: ${w}`);
    const g = gates[kind].get(name) || { list: m[2], types: [], as: m[1] };
    if (g.list !== m[2] || g.as !== m[1]) throw new Error(`${a.dir}: ${w}: earlier "${g.as}", "${g.list}"`);
    g.types.push(consts[type]);
    gates[kind].set(name, g);
  }
}
// Tables sorted by name (byte order, as Go compares strings), which the linker
// lays out: no map is built when crxlint starts.
const byName = (names) => [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
const table = (m) => byName(m.keys()).map((n) =>
  `\t{${JSON.stringify(n)}, typeGate{${JSON.stringify(m.get(n).list)}, ${m.get(n).types.sort().join(" | ")}}},`).join("\n");
const silentTable = byName(silent.keys()).map((n) => `\t{${JSON.stringify(n)}, ${silent.get(n).sort().join(" | ")}},`).join("\n");
const aliases = byName(gates.permission.keys()).filter((n) => gates.permission.get(n).as !== n)
  .map((n) => `\t{${JSON.stringify(n)}, ${JSON.stringify(gates.permission.get(n).as)}},`).join("\n");
process.stdout.write(`// Code generated by scripts/refresh-type-gates.sh from Chromium ${version}'"'"'s answers; DO NOT EDIT.

package rules

// typeGatedKeys are the keys (top-level, or KEY.MEMBER) Chromium ${version} allows an
// extension and refuses to some other types, with the types it names.
var typeGatedKeys = []named[typeGate]{
${table(gates.key)}
}

// typeGatedPermissions are the permissions Chromium ${version} allows an
// extension and refuses to some other types, with the types it names.
var typeGatedPermissions = []named[typeGate]{
${table(gates.permission)}
}

// typeGatedAliases are the permissions of typeGatedPermissions that are
// another feature'"'"'s alias, with the feature Chromium names.
var typeGatedAliases = []named[string]{
${aliases}
}

// typeSilentPermissions are the permissions Chromium ${version} on Linux loads
// without a word in a Chrome App of each type, whatever it says of them in an
// extension (a feature with an alternative for apps: audio, dns, mdns).
var typeSilentPermissions = []named[typeSet]{
${silentTable}
}
`);
' "$tmp/answers.jsonl" "$version" >"$tmp/type_gates.go"
gofmt "$tmp/type_gates.go" >"$out"
echo "refreshed $out from Chromium $version"
