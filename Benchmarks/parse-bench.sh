#!/usr/bin/env bash
# Parsing throughput (issue 13): COUNT synthetic notices (default 3,000, made by Benchmarks/make-corpus.py from
# Notices/ and, when present, ../shared/corpus/notices), parsed by `gongwen parse --files-from` to /dev/null, next to
# `wc -m` over the same bytes in the same run. Reports MB/s, MB/s per core used, and peak memory. Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-3000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product gongwen >/dev/null
seeds=(Notices)
[ -d ../shared/corpus/notices ] && seeds+=(../shared/corpus/notices)
python3 Benchmarks/make-corpus.py "$count" "$work/notices" "${seeds[@]}" >/dev/null
find "$work/notices" -type f | sort > "$work/list"
bytes=$(xargs -a "$work/list" cat | wc -c)

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }
wc_seconds=$(seconds sh -c "xargs -a '$work/list' cat | wc -m")
/usr/bin/time -f "%e %U %S %M" -o "$work/time" .build/release/gongwen parse --files-from "$work/list" >/dev/null
read -r wall user sys peak < "$work/time"
awk -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" -v m="$peak" -v wc="$wc_seconds" -v n="$count" 'BEGIN {
    mb = b / 1048576
    printf "%d notices, %.1f MB: parse %.2f s wall (%.0f%% CPU), %.1f MB/s, %.1f MB/s per core used, peak %.0f MB\n",
        n, mb, w, 100 * (u + s) / w, mb / w, mb / (u + s), m / 1024
    printf "wc -m over the same bytes: %.2f s (parse is %.0fx slower)\n", wc, w / wc
}'
