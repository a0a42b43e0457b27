#!/usr/bin/env bash
# Checks the integrations with the tools themselves: the pre-commit hooks
# with pre-commit (validate-manifest, then try-repo in a scratch repository),
# the example workflow with actionlint, the GitHub Action's script on a
# bad and a good extension, and crxlint schema in VS Code's JSON language
# service. Needs pre-commit (apt-get install -y pre-commit), npm and the Go
# module proxy. .ci/run runs it; each check fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
ACTIONLINT_VERSION=v1.7.12
JSON_LANGUAGESERVICE_VERSION=5.7.2

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# expect STATUS DESCRIPTION COMMAND...: runs COMMAND and fails unless it
# exits with STATUS (0, or "fail" for any other status).
expect() {
  local want="$1" what="$2" got=0
  shift 2
  "$@" >"$scratch/out" 2>&1 || got=$?
  if { [[ "$want" == 0 ]] && [[ "$got" != 0 ]]; } || { [[ "$want" == fail ]] && [[ "$got" == 0 ]]; }; then
    echo "FAIL: $what: exit $got, want $want" >&2
    cat "$scratch/out" >&2
    exit 1
  fi
  echo "ok: $what (${SECONDS}s)"
}

# readme_yaml WORD: prints the README's yaml block that holds WORD.
readme_yaml() {
  awk -v word="$1" '/^```yaml$/ { inblock = 1; block = ""; next }
    inblock && /^```$/ { inblock = 0; if (index(block, word)) printf "%s", block; next }
    inblock { block = block $0 "\n" }' README.md
}

echo "integrations: pre-commit $(pre-commit --version)"
expect 0 "pre-commit validate-manifest" pre-commit validate-manifest .pre-commit-hooks.yaml
readme_yaml "repos:" >"$scratch/readme-pre-commit.yaml"
expect 0 "pre-commit validate-config on the README's config" pre-commit validate-config "$scratch/readme-pre-commit.yaml"

# A scratch repository with one extension in a folder and a README beside it.
work="$scratch/work"
mkdir -p "$work/ext"
cat >"$work/ext/manifest.json" <<'JSON'
{
  "manifest_version": 3,
  "name": "Counter",
  "version": "1.0",
  "background": {"service_worker": "background.js"},
  "permissions": ["storage"]
}
JSON
echo 'chrome.runtime.onInstalled.addListener(() => chrome.storage.local.set({count: 0}));' >"$work/ext/background.js"
echo '# counter' >"$work/README.md"
git -C "$work" init -q
git -C "$work" add -A
git -C "$work" -c user.name=ci -c user.email=ci@example.com commit -qm init

# The golang hook builds crxlint in a fresh environment for every try-repo;
# sharing the module cache spares the downloads.
export GOMODCACHE="$(go env GOMODCACHE)"
bin="$scratch/bin"
GOBIN="$bin" go install ./cmd/crxlint

# try HOOK FILE...: runs one of this checkout's hooks on files of the
# scratch repository; crxlint-system finds the crxlint just built on PATH.
try() {
  local hook="$1"
  shift
  (cd "$work" && PATH="$bin:$PATH" pre-commit try-repo "$repo" "$hook" --files "$@")
}

expect 0 "a clean extension passes (crxlint, language: golang)" try crxlint ext/background.js ext/manifest.json README.md
expect 0 "a clean extension passes (crxlint-system)" try crxlint-system ext/background.js README.md
expect 0 "a file in no extension is skipped" try crxlint-system README.md

sed -i 's/"permissions": \["storage"\]/"permissions": ["storage"],/' "$work/ext/manifest.json"
expect fail "a manifest Chrome cannot read fails" try crxlint-system ext/manifest.json
git -C "$work" checkout -q ext/manifest.json

echo 'chrome.alarms.create("tick", {periodInMinutes: 1});' >>"$work/ext/background.js"
for hook in crxlint crxlint-system; do
  expect fail "a code-only change that needs a permission fails ($hook)" try "$hook" ext/background.js
  grep -q 'needs the "alarms" permission' "$scratch/out" || { echo "FAIL: the finding does not name the permission" >&2; cat "$scratch/out" >&2; exit 1; }
done

echo "integrations: actionlint $ACTIONLINT_VERSION"
expect 0 "actionlint on the example workflow" go run "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" .github/workflows/crxlint.yml
readme_yaml "jobs:" >"$scratch/readme-workflow.yml"
expect 0 "actionlint on the README's workflow" go run "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" "$scratch/readme-workflow.yml"

# action INPUT_PATHS INPUT_FAIL_ON [INPUT_CONFIG]: runs the action's script as the runner would.
action() {
  env GITHUB_ACTION_PATH="$repo" RUNNER_TEMP="$scratch" INPUT_PATHS="$1" INPUT_FAIL_ON="$2" \
    INPUT_CONFIG="${3:-}" INPUT_SARIF="$scratch/crxlint.sarif" scripts/github-action.sh
}
expect fail "the action fails on a bad extension" action testdata/examples/broken warning
grep -q '^::warning file=testdata/examples/broken/manifest.json,line=' "$scratch/out" || { echo "FAIL: no annotation" >&2; cat "$scratch/out" >&2; exit 1; }
grep -q '^testdata/examples/broken/manifest.json:.*warning' "$scratch/out" || { echo "FAIL: no text log after the annotations" >&2; exit 1; }
grep -q '"version": "2.1.0"' "$scratch/crxlint.sarif" || { echo "FAIL: no SARIF report" >&2; exit 1; }
expect 0 "the action passes on a good extension" action "testdata/examples/hello" error
echo '{"rules": {"broad-externally-connectable": "off"}}' >"$scratch/crxlint.jsonc"
expect fail "the action fails on the error of the broken example" action testdata/examples/broken error
expect 0 "the action passes its config input on: the rule turned off, nothing fails" action testdata/examples/broken error "$scratch/crxlint.jsonc"

echo "integrations: vscode-json-languageservice $JSON_LANGUAGESERVICE_VERSION"
npm install --prefix "$scratch/npm" --no-audit --no-fund --silent "vscode-json-languageservice@$JSON_LANGUAGESERVICE_VERSION"
mkdir -p "$scratch/editor/.vscode"
(cd "$scratch/editor" && PATH="$bin:$PATH" crxlint schema >.vscode/manifest.schema.json)
expect 0 "crxlint schema with the README's json.schemas in VS Code's JSON language service" \
  env NODE_PATH="$scratch/npm/node_modules" node scripts/check-editor-schema.js "$scratch/editor" README.md rules/testdata/*/good-*.txtar
