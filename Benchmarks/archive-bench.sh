#!/usr/bin/env bash
# The archive's benchmark (README "For archivists"): COUNT synthetic notices (default 10,000, made by
# Benchmarks/make-corpus.py from Notices/ and, when present, ../shared/corpus/notices), ingested into a new
# SQLite archive (then again, unchanged), then search latency for 2-, 3- and 6-character queries, and
# parsing alone for comparison. With GONGWEN_BENCH_POSTGRES=postgres://… the same on PostgreSQL, in a
# schema of its own that is dropped afterwards. Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release >/dev/null
seeds=(Notices)
[ -d ../shared/corpus/notices ] && seeds+=(../shared/corpus/notices)
python3 Benchmarks/make-corpus.py "$count" "$work/notices" "${seeds[@]}"
echo "input: $(du -sb "$work/notices" | cut -f1) bytes; machine: $(nproc) cores"
start=$(date +%s.%N)
find "$work/notices" -type f -print0 | xargs -0 cat | wc -m >/dev/null
echo "wc -m over the same bytes: $(echo "$(date +%s.%N) - $start" | bc) s"

run() {  # label, --db argument
    /usr/bin/time -f "$1 ingest: %e s wall, %P CPU, %M KB peak" .build/release/gongwen ingest "$work/notices" --db "$2" --quiet
    /usr/bin/time -f "$1 ingest again (unchanged): %e s wall" .build/release/gongwen ingest "$work/notices" --db "$2" --quiet
    .build/release/ArchiveBenchmark search "$2"
}
run sqlite "$work/archive.sqlite"
echo "sqlite archive: $(du -b "$work/archive.sqlite" | cut -f1) bytes"
if [ -n "${GONGWEN_BENCH_POSTGRES:-}" ]; then
    schema="bench_$$"
    url="$GONGWEN_BENCH_POSTGRES$([[ $GONGWEN_BENCH_POSTGRES == *\?* ]] && echo '&' || echo '?')schema=$schema"
    run postgres "$url"
    psql "$GONGWEN_BENCH_POSTGRES" -qc "DROP SCHEMA $schema CASCADE"
fi
.build/release/ArchiveBenchmark parse "$work/notices"
