#!/usr/bin/env bash
# realworld.sh: lint real extensions with crxlint, load them in a real Chromium, and compare the verdicts.
#
# Usage: scripts/realworld.sh [--fetch] [--findings] [--list FILE] DIR
#
# The extensions are the ones listed in conformance/testdata/realworld.txt (or --list FILE): a repository,
# a commit and the extension's folder in it. They live under DIR, each repository in DIR/owner+name.
#   --fetch     extract every repository that DIR does not hold yet. A repository comes from a bare git
#               copy at $CRXLINT_MIRROR/owner+name/repo when there is one holding the commit, else it is
#               fetched from github.com, which needs the network. Only the extension's folder is
#               extracted (git archive COMMIT FOLDER); where the list names a manifest file, it is copied
#               to FOLDER/manifest.json, which is all those projects' builds do to the manifest.
#   --findings  also print every error and warning crxlint reports on the extensions that are not
#               Google's samples, for reading them against the extensions' code.
#
# Needs: go, git, jq, Node.js and Chromium, through Chrome's oracle script $CHROME_VERDICT (default
# ../shared/tools/chrome-verdict beside the repository), which loads each folder as chrome://extensions'
# "Load unpacked" does.
#
# Output: for each repository, on how many of its extension folders crxlint's Chrome verdict (rejects,
# warns or accepts, as in the conformance package) equals Chromium's, and every folder where it does not.
# Where both say Chrome rejects, they agree only when a finding that says so quotes Chrome's error.
# A difference the list explains (a "! owner+name/folder reason" line) is shown as KNOWN, and a folder
# Chromium gave no verdict on (it cannot report on a theme) as NO ANSWER.
# Exit status: 0 when they agree on every folder but those, 1 when they differ somewhere, 2 on a
# usage or setup error.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
list=$root/conformance/testdata/realworld.txt
fetch=false
findings=false
while [ $# -gt 0 ]; do
	case $1 in
	--fetch) fetch=true ;;
	--findings) findings=true ;;
	--list)
		list=${2:?--list needs a file}
		shift
		;;
	-h | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	-*)
		echo "realworld.sh: unknown option $1; see --help" >&2
		exit 2
		;;
	*) break ;;
	esac
	shift
done
[ $# -eq 1 ] || {
	echo "realworld.sh: want one folder DIR; see --help" >&2
	exit 2
}
dir=$(mkdir -p "$1" && cd "$1" && pwd)
verdict=${CHROME_VERDICT:-$root/../shared/tools/chrome-verdict}
for tool in go git jq; do
	command -v "$tool" >/dev/null || {
		echo "realworld.sh: $tool is not installed; install it and run again" >&2
		exit 2
	}
done
[ -x "$verdict" ] || {
	echo "realworld.sh: no Chrome oracle at $verdict; set CHROME_VERDICT to the chrome-verdict script" >&2
	exit 2
}

work=$(mktemp -d)
[ -z "${REALWORLD_KEEP:-}" ] || echo "realworld.sh: keeping the work folder $work" >&2
trap '[ -n "${REALWORLD_KEEP:-}" ] || rm -rf "$work"' EXIT

# gitdir prints a git directory holding the commit $2 of repository $1.
gitdir() {
	local mirror=${CRXLINT_MIRROR:-}/${1/\//+}/repo
	if [ -n "${CRXLINT_MIRROR:-}" ] && git --git-dir="$mirror" cat-file -e "$2^{commit}" 2>/dev/null; then
		echo "$mirror"
		return
	fi
	local g=$work/git/${1/\//+}
	git init -q --bare "$g"
	git --git-dir="$g" fetch -q --depth 1 "https://github.com/$1" "$2" >&2
	echo "$g"
}

folders=$work/folders
: >"$folders"
while read -r repo commit folder manifest; do
	case $repo in '' | '#'* | '!'*) continue ;; esac
	dest=$dir/${repo/\//+}
	if [ ! -d "$dest" ]; then
		$fetch || {
			echo "realworld.sh: $dest is missing; run with --fetch to extract $repo" >&2
			exit 2
		}
		g=$(gitdir "$repo" "$commit")
		mkdir -p "$dest.tmp"
		path=$folder
		[ "$folder" = "*" ] && path=.
		if ! git --git-dir="$g" archive "$commit" -- "$path" 2>/dev/null | tar -x -C "$dest.tmp" 2>/dev/null; then
			# A copy that lacks some big files (a mirror keeps none of 4 MiB and more): write the others.
			echo "realworld.sh: $repo lacks some files of $commit; extracting the others" >&2
			git --git-dir="$g" ls-tree -r -z "$commit" -- "$path" | while IFS=$'\t' read -r -d '' meta file; do
				read -r _ type blob <<<"$meta"
				[ "$type" = blob ] || continue
				mkdir -p "$dest.tmp/$(dirname "$file")"
				git --git-dir="$g" cat-file blob "$blob" >"$dest.tmp/$file" 2>/dev/null || rm -f "$dest.tmp/$file"
			done
		fi
		if [ -n "$manifest" ]; then
			git --git-dir="$g" show "$commit:$manifest" >"$dest.tmp/$folder/manifest.json"
		fi
		mv "$dest.tmp" "$dest"
	fi
	if [ "$folder" = "*" ]; then
		find "$dest" -name node_modules -prune -o -name manifest.json -type f -printf '%h\n' | sort |
			sed "s|^|$repo\t|" >>"$folders"
	else
		path=$dest/$folder
		printf '%s\t%s\n' "$repo" "${path%/.}" >>"$folders"
	fi
done <"$list"

(cd "$root" && go build -o "$work/crxlint" ./cmd/crxlint)
mapfile -t dirs < <(cut -f2 "$folders")
status=0
"$work/crxlint" --format json --fail-on never "${dirs[@]}" >"$work/crxlint.json" || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit 2 # 3: a file it could not read, said in the report
status=0
nice "$verdict" --batch "${dirs[@]}" >"$work/chrome.jsonl" || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 2 ] || exit 2 # 2: no answer for some folders
# Ask once more, alone and with more time, about each folder Chromium did not answer for in the batch.
jq -r 'select(.loaded == null) | .dir' "$work/chrome.jsonl" | while read -r d; do
	nice "$verdict" --timeout=60 "$d" | jq -c --arg d "$d" '. + {dir: $d}' || true
done >"$work/again.jsonl"
jq -c 'select(.loaded != null)' "$work/chrome.jsonl" "$work/again.jsonl" >"$work/answers.jsonl"

# The differences the list explains: "! owner+name/folder reason" lines.
sed -n 's/^! *//p' "$list" | jq -R 'capture("^(?<dir>[^ ]+) +(?<reason>.*)$")' | jq -s 'map({key: .dir, value: .reason}) | from_entries' >"$work/known.json"

# One JSON object a folder: its repository, crxlint's verdict and the findings that decide it, Chrome's.
jq -n --slurpfile ours "$work/crxlint.json" --slurpfile theirs "$work/answers.jsonl" --slurpfile known "$work/known.json" \
	--rawfile folders "$folders" --arg dir "$dir/" '
	def rank: {"accepts": 0, "warns": 1, "rejects": 2}[.];
	def verdict: if length == 0 then "accepts" else max_by(.chrome | rank).chrome end;
	($ours[0].files | map({key: (.path | sub("/manifest.json$"; "")), value: .}) | from_entries) as $lint
	| ($theirs | map({key: .dir, value: .}) | from_entries) as $chrome
	| $folders | split("\n")[] | select(. != "") | split("\t") as [$repo, $path]
	| ($lint[$path].diagnostics // []) as $diags
	| $chrome[$path] as $c
	| ($diags | verdict) as $v
	| (if $c.loaded == null then "no answer" elif $c.loaded | not then "rejects"
	   elif ($c.warnings | length) > 0 then "warns" else "accepts" end) as $w
	| ($diags | map(select(.chrome == $v and .chrome != "accepts"))) as $deciding
	| {repo: $repo, dir: ($path | ltrimstr($dir)), crxlint: $v, chrome: $w, error: ($c.error // $c.oracle_error),
	   warnings: $c.warnings, deciding: $deciding, known: $known[0][$path | ltrimstr($dir)],
	   agree: ($v == $w and ($w != "rejects" or
		any($deciding[]; .chromeMessage == null or (.chromeMessage as $m | $c.error | contains($m)))))}
	| .status = if .agree then "agrees" elif .known then "known" elif .chrome == "no answer" then "no answer" else "differs" end
' >"$work/compare.jsonl"

jq -rs '
	def count(s): map(select(.status == s)) | length;
	group_by(.repo)[] | "\(.[0].repo): crxlint agrees with Chromium on \(count("agrees")) of \(length)"
		+ (if count("known") > 0 then ", \(count("known")) known differences" else "" end)
		+ (if count("no answer") > 0 then ", Chromium gave no verdict on \(count("no answer"))" else "" end),
	(.[] | select(.status != "agrees") | "  \(.status | ascii_upcase) \(.dir): crxlint \(.crxlint), Chromium \(.chrome)"
		+ (if .error then " (\(.error | split("\n")[0]))" else "" end)
		+ (if (.warnings // []) | length > 0 then " warnings \(.warnings)" else "" end),
		(if .known then "    known: \(.known)" else empty end),
		(.deciding[] | "    [\(.rule)] \(.message)" + (if .chromeMessage then " (Chrome: \"\(.chromeMessage)\")" else "" end)))
' "$work/compare.jsonl"
jq -rs '"all: crxlint agrees with Chromium on \(map(select(.status == "agrees")) | length) of \(length) extension folders, "
	+ "differs on \(map(select(.status == "differs")) | length) (\(map(select(.status == "known")) | length) known differences, "
	+ "no verdict from Chromium on \(map(select(.status == "no answer")) | length))"' "$work/compare.jsonl"

if $findings; then
	echo
	echo "Errors and warnings on the extensions that are not Google's samples:"
	jq -r --arg dir "$dir/" '
		.files[] | select(.path | contains("chrome-extensions-samples") | not) | .path as $p
		| .diagnostics[] | select(.severity != "info")
		| "\($p | ltrimstr($dir)):\(.range.start.line):\(.range.start.column): \(.severity) [\(.rule)] \(.message)"
			+ ([.related[]? | select(.path) | " @ \(.path | ltrimstr($dir)):\(.range.start.line)"] | join(""))
	' "$work/crxlint.json"
fi
jq -se 'all(.status != "differs")' "$work/compare.jsonl" >/dev/null
