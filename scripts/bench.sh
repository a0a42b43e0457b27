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
# crxlint is built static (CGO_ENABLED=0), as the README installs it, and
# with cgo; BENCH_BASE=REV also builds an earlier revision (git archive), and
# every measurement below runs it beside the current one.
#
# Then it measures crxlint's start-up, the pre-commit case of one extension
# per process: crxlint --version, --list-rules and a manifest-only extension
# against a hello-world Go binary built the same way (plain go build), and
# hello-psl, the same calling golang.org/x/net/publicsuffix (built with and
# without cgo), run side by side by internal/cmd/startbench. STARTUP_RUNS
# sets the rounds (default 300); 0 skips it.
#
# Then it measures many extensions in one process (crxlint --recursive) with
# internal/cmd/manybench: extensions a second, CPU time per extension, cores
# busy and peak memory for growing counts of synthetic extensions,
# manifest-only and with 100 KB of JavaScript each. MANY_RUNS sets the runs
# of each measurement (default 3; 0 skips it); MANY_MANIFESTS and MANY_CODE
# the counts (defaults 1000,4000,16000 and 100,400,1600).
#
# Then one large extension, made of the bundles (a 10 MB service worker and
# three content scripts): CPU time and peak memory with /usr/bin/time, at
# crxlint's own garbage collection setting and at GOGC=100. BIG_RUNS=0 skips
# it.
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
	ns = ""; mbs = ""; bop = ""; allocs = ""; ratio = ""; tree = ""; files = ""; nested = ""; syntax = ""
	for (i = 3; i < NF; i++) {
		if ($(i+1) == "ns/op") ns = $i
		if ($(i+1) == "MB/s") mbs = $i
		if ($(i+1) == "B/op") bop = $i
		if ($(i+1) == "allocs/op") allocs = $i
		if ($(i+1) == "scan/parse") ratio = $i
		if ($(i+1) == "tree/source") tree = $i
		if ($(i+1) == "files") files = $i
		if ($(i+1) == "nested-fallbacks") nested = $i
		if ($(i+1) == "syntax-fallbacks") syntax = $i
	}
	line = sprintf("  %-10s %-44s %12.3f ms/op", pkg, $1, ns / 1e6)
	if (mbs != "" && mbs > 0) line = line sprintf("  %8.2f MB/s  %8.1f ms/MB", mbs, 1000 / mbs)
	if (bop != "") line = line sprintf("  %8.1f MiB/op", bop / 1048576)
	if (allocs != "") line = line sprintf("  %9d allocs/op", allocs)
	if (ratio != "") line = line sprintf("  %5.2fx parse", ratio)
	if (tree != "") line = line sprintf("  tree %4.1fx source", tree)
	if (files != "") line = line sprintf("  %d files, fallbacks: %d nesting, %d syntax", files, nested, syntax)
	print line
}
' "$out"

# The binaries to measure: crxlint as the README installs it (static,
# CGO_ENABLED=0), the same built with cgo (go build's default here), and with
# BENCH_BASE=REV the static crxlint of an earlier revision, side by side.
CGO_ENABLED=0 go build -o "$bin/crxlint" ./cmd/crxlint
go build -o "$bin/crxlint-cgo" ./cmd/crxlint
base=""
if [ -n "${BENCH_BASE:-}" ]; then
	mkdir "$bin/base"
	git archive "$BENCH_BASE" | tar -x -C "$bin/base"
	(cd "$bin/base" && CGO_ENABLED=0 go build -o "$bin/crxlint-base" ./cmd/crxlint)
	base="$bin/crxlint-base"
fi

runs=${STARTUP_RUNS:-300}
if [ "$runs" -gt 0 ]; then
	echo
	echo "startup (one process a run; wall and CPU medians):"
	# hello-world; and hello-psl, the same calling
	# golang.org/x/net/publicsuffix at crxlint's version behind a condition
	# that is never true, for what linking that package costs.
	mkdir "$bin/hello" "$bin/psl"
	printf 'module hello\n\ngo 1.26\n' >"$bin/hello/go.mod"
	printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' >"$bin/hello/main.go"
	(cd "$bin/hello" && go build -o "$bin/hello-world" .)
	xnet=$(go list -m -f '{{.Version}}' golang.org/x/net)
	printf 'module hellopsl\n\ngo 1.26\n\nrequire golang.org/x/net %s\n' "$xnet" >"$bin/psl/go.mod"
	cat >"$bin/psl/main.go" <<'GO'
package main

import (
	"fmt"
	"os"

	"golang.org/x/net/publicsuffix"
)

func main() {
	if len(os.Args) > 5 {
		fmt.Println(publicsuffix.EffectiveTLDPlusOne(os.Args[1]))
	}
	fmt.Println("hello")
}
GO
	(cd "$bin/psl" && GOFLAGS=-mod=mod go build -o "$bin/hello-psl" . &&
		CGO_ENABLED=0 GOFLAGS=-mod=mod go build -o "$bin/hello-psl-static" .)
	go build -o "$bin/startbench" ./internal/cmd/startbench
	set -- "$bin/hello-world" "$bin/hello-psl" "$bin/hello-psl-static" \
		"$bin/crxlint --version" "$bin/crxlint --list-rules" "$bin/crxlint testdata/examples/hello" \
		"$bin/crxlint-cgo testdata/examples/hello"
	[ -z "$base" ] || set -- "$@" "$base testdata/examples/hello"
	"$bin/startbench" -runs "$runs" -- "$@" || status=$?
	echo
	echo "package inits (GODEBUG=inittrace=1 CRXLINT --version; the largest by bytes):"
	for crxlint in "$bin/crxlint" $base; do
		GODEBUG=inittrace=1 "$crxlint" --version 2>&1 >/dev/null | awk -v name="$(basename "$crxlint")" '
		/^init / { n++; ms += $5; bytes += $8; allocs += $10; if ($8 > 0) top[$2] = $8 }
		/^init github.com\/crxlint\/crxlint/ { ownBytes += $8; ownAllocs += $10 }
		END {
			printf "  %-14s %3d packages, %.2f ms clock, %d bytes, %d allocs (crxlint'"'"'s own %d bytes, %d allocs);", name, n, ms, bytes, allocs, ownBytes, ownAllocs
			for (k = 0; k < 3; k++) {
				best = ""
				for (p in top) if (best == "" || top[p] > top[best]) best = p
				if (best == "") break
				printf " %s %d", best, top[best]
				delete top[best]
			}
			printf "\n"
		}'
	done
fi
many=${MANY_RUNS:-3}
if [ "$many" -gt 0 ]; then
	go build -o "$bin/manybench" ./internal/cmd/manybench
	for crxlint in "$bin/crxlint" $base; do
		echo
		echo "many extensions in one process ($(basename "$crxlint") --recursive; medians of $many runs):"
		"$bin/manybench" -runs "$many" -manifests "${MANY_MANIFESTS:-1000,4000,16000}" \
			-code "${MANY_CODE:-100,400,1600}" "$crxlint" || status=$?
	done
fi
# One large extension: its service worker nine copies of echarts.min.js in
# blocks (10 MB), its content scripts three of the bundles; CPU and peak
# memory of one run at the default garbage collection and at GOGC=100.
if [ "${BIG_RUNS:-1}" -gt 0 ] && [ -s "$CRXLINT_JS_BUNDLES/echarts.min.js" ] && [ -x /usr/bin/time ]; then
	echo
	echo "one large extension (10 MB service worker, three bundles as content scripts; user s, system s, peak RSS KiB):"
	mkdir "$bin/big"
	for _ in 1 2 3 4 5 6 7 8 9; do
		printf '{\n'
		cat "$CRXLINT_JS_BUNDLES/echarts.min.js"
		printf '\n}\n'
	done >"$bin/big/background.js"
	cp "$CRXLINT_JS_BUNDLES/three.core.js" "$CRXLINT_JS_BUNDLES/react-dom-client.production.js" \
		"$CRXLINT_JS_BUNDLES/moment-with-locales.min.js" "$bin/big/"
	cat >"$bin/big/manifest.json" <<'JSON'
{
  "manifest_version": 3,
  "name": "large",
  "version": "1.0",
  "background": { "service_worker": "background.js" },
  "content_scripts": [{
    "matches": ["https://example.com/*"],
    "js": ["three.core.js", "react-dom-client.production.js", "moment-with-locales.min.js"]
  }]
}
JSON
	for crxlint in "$bin/crxlint" $base; do
		for gogc in "" 100; do
			printf '  %-14s GOGC=%-5s ' "$(basename "$crxlint")" "${gogc:-unset}"
			GOGC=$gogc /usr/bin/time -f '%U %S %M' "$crxlint" "$bin/big" 2>&1 >/dev/null | tail -1
		done
	done
fi
if [ "${COMPARE_RUNS:-10}" -gt 0 ]; then
	echo
	echo "compare (crxlint, addons-linter, Chromium's load):"
	scripts/compare.sh || status=$?
fi
exit "$status"
