#!/bin/sh
# bench.sh: run the benchmarks of every package that has some, with
# go test -run='^$' -bench=. -benchmem, then print a short summary: time
# per operation, throughput and the cost per megabyte where a benchmark
# reports bytes, and memory per operation. Extra arguments go to go test,
# as in: scripts/bench.sh -count=3 -benchtime=2s
#
# The JavaScript benchmarks (jsscan's BenchmarkBundle) read real bundles
# from npm, downloaded by scripts/js-bundles.sh into $CRXLINT_JS_BUNDLES
# (default: crxlint-js-bundles in the temporary folder) when npm is there;
# without them BenchmarkBundle skips. The summary gives each bundle's scan
# cost against tdewolff's parse alone (scan/parse). Likewise BenchmarkCorpus
# reads every JavaScript file of eleven npm packages, downloaded by
# scripts/js-corpus.sh into $CRXLINT_JS_CORPUS (default: crxlint-js-corpus
# in the temporary folder); its summary adds the files read and those whose
# scan fell back to tokens, for nesting the parser refused or a syntax error.
#
# Then it measures crxlint's start-up, the pre-commit case of one extension
# per process: crxlint --version, --list-rules and a manifest-only extension
# against a hello-world Go binary built the same way (plain go build), run
# side by side by internal/cmd/startbench. STARTUP_RUNS sets the rounds
# (default 300); 0 skips it.
#
# Then it measures many extensions in one process (crxlint --recursive) with
# internal/cmd/manybench: extensions a second, CPU time per extension, cores
# busy and peak memory for growing counts of synthetic extensions,
# manifest-only and with 100 KB of JavaScript each. MANY_RUNS sets the runs
# of each measurement (default 3; 0 skips it); MANY_MANIFESTS and MANY_CODE
# the counts (defaults 1000,4000,16000 and 100,400,1600).
#
# Last, scripts/compare.sh puts crxlint beside addons-linter and Chromium's
# own load of the same extensions; COMPARE_RUNS=0 skips it.
set -eu
cd "$(dirname "$0")/.."

pkgs=$(find . -name '*_test.go' -not -path './testdata/*' -exec grep -l '^func Benchmark' {} + |
	xargs -n 1 dirname | sort -u)
if [ -z "$pkgs" ]; then
	echo "bench: no package has benchmarks"
	exit 0
fi

out=$(mktemp)
bin=$(mktemp -d)
trap 'rm -rf "$out" "$bin"' EXIT INT TERM

CRXLINT_JS_BUNDLES=${CRXLINT_JS_BUNDLES:-${TMPDIR:-/tmp}/crxlint-js-bundles}
CRXLINT_JS_CORPUS=${CRXLINT_JS_CORPUS:-${TMPDIR:-/tmp}/crxlint-js-corpus}
export CRXLINT_JS_BUNDLES CRXLINT_JS_CORPUS
if command -v npm >/dev/null 2>&1; then
	scripts/js-bundles.sh "$CRXLINT_JS_BUNDLES" >/dev/null || echo "bench: could not download the JavaScript bundles; BenchmarkBundle will skip"
	scripts/js-corpus.sh "$CRXLINT_JS_CORPUS" >/dev/null || echo "bench: could not download all of the JavaScript corpus; BenchmarkCorpus reads what there is"
fi

status=0
# shellcheck disable=SC2086 # the package list is split on purpose
go test -run='^$' -bench=. -benchmem "$@" $pkgs | tee "$out" || status=$?

echo
echo "summary:"
awk '
/^pkg:/ { pkg = $2; sub(/^.*\//, "", pkg) }
/^Benchmark/ {
	ns = ""; mbs = ""; bop = ""; allocs = ""; ratio = ""; files = ""; nested = ""; syntax = ""
	for (i = 3; i < NF; i++) {
		if ($(i+1) == "ns/op") ns = $i
		if ($(i+1) == "MB/s") mbs = $i
		if ($(i+1) == "B/op") bop = $i
		if ($(i+1) == "allocs/op") allocs = $i
		if ($(i+1) == "scan/parse") ratio = $i
		if ($(i+1) == "files") files = $i
		if ($(i+1) == "nested-fallbacks") nested = $i
		if ($(i+1) == "syntax-fallbacks") syntax = $i
	}
	line = sprintf("  %-10s %-28s %12.3f ms/op", pkg, $1, ns / 1e6)
	if (mbs != "" && mbs > 0) line = line sprintf("  %8.2f MB/s  %8.1f ms/MB", mbs, 1000 / mbs)
	if (bop != "") line = line sprintf("  %8.1f MiB/op", bop / 1048576)
	if (allocs != "") line = line sprintf("  %9d allocs/op", allocs)
	if (ratio != "") line = line sprintf("  %5.2fx parse", ratio)
	if (files != "") line = line sprintf("  %d files, fallbacks: %d nesting, %d syntax", files, nested, syntax)
	print line
}
' "$out"

runs=${STARTUP_RUNS:-300}
if [ "$runs" -gt 0 ]; then
	echo
	echo "startup (one process a run; wall and CPU medians):"
	mkdir "$bin/hello"
	printf 'module hello\n\ngo 1.26\n' >"$bin/hello/go.mod"
	printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' >"$bin/hello/main.go"
	(cd "$bin/hello" && go build -o "$bin/hello-world" .)
	go build -o "$bin/crxlint" ./cmd/crxlint
	go build -o "$bin/startbench" ./internal/cmd/startbench
	"$bin/startbench" -runs "$runs" -- "$bin/hello-world" "$bin/crxlint --version" \
		"$bin/crxlint --list-rules" "$bin/crxlint testdata/examples/hello" || status=$?
fi
many=${MANY_RUNS:-3}
if [ "$many" -gt 0 ]; then
	echo
	echo "many extensions in one process (crxlint --recursive; medians of $many runs):"
	[ -x "$bin/crxlint" ] || go build -o "$bin/crxlint" ./cmd/crxlint
	go build -o "$bin/manybench" ./internal/cmd/manybench
	"$bin/manybench" -runs "$many" -manifests "${MANY_MANIFESTS:-1000,4000,16000}" \
		-code "${MANY_CODE:-100,400,1600}" "$bin/crxlint" || status=$?
fi
if [ "${COMPARE_RUNS:-10}" -gt 0 ]; then
	echo
	echo "compare (crxlint, addons-linter, Chromium's load):"
	scripts/compare.sh || status=$?
fi
exit "$status"
