#!/bin/sh
# compare.sh: crxlint beside a hello-world Go binary, Mozilla's
# addons-linter and Chromium's own load of the same extensions, run side by
# side by internal/cmd/startbench, which prints each command's median wall
# and CPU time, its multiple of the first command's wall time and its peak
# memory. The first command of each comparison is crxlint, so the "x"
# column reads "times crxlint".
#
#   scripts/compare.sh [EXTENSION-FOLDER...]   (default: testdata/examples/hello
#                                                and testdata/examples/reader)
#
# COMPARE_RUNS sets the rounds (default 10: addons-linter takes seconds a
# run). addons-linter (ADDONS_LINTER_VERSION, default 10.13.0) is installed
# from npm into a scratch folder (COMPARE_NPM_DIR to keep and reuse one);
# without npm it is left out. Chromium's load is `crxlint --chrome`, which
# loads the folder in a headless Chromium ($CRXLINT_CHROME, or one on the
# PATH); without one it is left out.
set -eu
cd "$(dirname "$0")/.."

runs=${COMPARE_RUNS:-10}
version=${ADDONS_LINTER_VERSION:-10.13.0}
if [ "$#" -eq 0 ]; then
	set -- testdata/examples/hello testdata/examples/reader
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

mkdir "$tmp/hello"
printf 'module hello\n\ngo 1.26\n' >"$tmp/hello/go.mod"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' >"$tmp/hello/main.go"
(cd "$tmp/hello" && go build -o "$tmp/hello-world" .)
CGO_ENABLED=0 go build -o "$tmp/crxlint" ./cmd/crxlint # as the README installs it
go build -o "$tmp/startbench" ./internal/cmd/startbench

linter=""
if command -v npm >/dev/null; then
	npmdir=${COMPARE_NPM_DIR:-$tmp/npm}
	if ! [ -x "$npmdir/node_modules/.bin/addons-linter" ]; then
		echo "compare: installing addons-linter $version from npm into $npmdir"
		npm install --prefix "$npmdir" --no-audit --no-fund --loglevel=error "addons-linter@$version" >/dev/null
	fi
	linter="$npmdir/node_modules/.bin/addons-linter"
else
	echo "compare: no npm, so no addons-linter"
fi

chrome=""
if [ -n "${CRXLINT_CHROME:-}" ] || command -v chromium >/dev/null || command -v google-chrome >/dev/null; then
	chrome=yes
else
	echo "compare: no Chromium, so no load in Chrome"
fi

status=0
for ext in "$@"; do
	echo
	echo "$ext:"
	set -- "$tmp/crxlint $ext" "$tmp/hello-world"
	[ -n "$linter" ] && set -- "$@" "$linter $ext"
	[ -n "$chrome" ] && set -- "$@" "$tmp/crxlint --chrome $ext"
	"$tmp/startbench" -runs "$runs" -warmup 1 -- "$@" || status=$?
done
exit "$status"
