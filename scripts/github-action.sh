#!/usr/bin/env bash
# The GitHub Action's step (action.yml): builds crxlint from the action's
# own checkout with the runner's Go, then checks INPUT_PATHS (one per line)
# in the working directory, writing GitHub annotations followed by the whole
# text report, and SARIF to INPUT_SARIF when it is set. The inputs arrive in
# the environment, never in the script's text. The exit status is crxlint's.
set -euo pipefail

bin="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/crxlint-action/crxlint"
(cd "$GITHUB_ACTION_PATH" && CGO_ENABLED=0 go build -trimpath -o "$bin" ./cmd/crxlint)

args=(--format github --fail-on "${INPUT_FAIL_ON:-error}")
if [[ -n "${INPUT_CONFIG:-}" ]]; then
  args+=(--config "$INPUT_CONFIG")
fi
if [[ -n "${INPUT_SARIF:-}" ]]; then
  args+=(--sarif "$INPUT_SARIF")
fi

paths=()
while IFS= read -r line; do
  line="${line#"${line%%[![:space:]]*}"}"
  line="${line%"${line##*[![:space:]]}"}"
  [[ -n "$line" ]] && paths+=("$line")
done <<<"${INPUT_PATHS:-.}"

exec "$bin" "${args[@]}" -- "${paths[@]}"
