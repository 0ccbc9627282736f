#!/usr/bin/env bash
# CPU time of two builds on the same notices, for a change whose effect is a few percent (issue 13). This
# machine's timings move by ±5% and more from one minute to the next, and instructions are not time: a change
# that saved 0.5% of Cachegrind's instructions took 2% more CPU here (more mispredicted branches). So the two
# builds run by turns, RUNS times each, pinned to one core, and the ratio is taken run by run.
#
#     cp .build/release/ParseInOrder /tmp/before     # before the change (release build)
#     … change, swift build -c release --product ParseInOrder …
#     Benchmarks/ab.sh /tmp/before .build/release/ParseInOrder [RUNS] [COUNT]
#
# A and B are `ParseInOrder` binaries (Benchmarks/ParseInOrder: parsing on one thread, no output threads, on glibc's
# malloc alone) or `gongwen` binaries (run as `gongwen parse --files-from LIST`; their malloc is Sources/CMallocCache).
# Makes COUNT text notices (default 3,000) as Benchmarks/bench.sh does, checks that A and B write the same bytes for
# them, then runs A and B by turns RUNS times (default 21) on CPU 1 (on all cores with --all-cores, below) and prints
# each one's median CPU time (user + system, bash's `time`, to the millisecond) and the median of the ratios B/A
# with their quartiles. B is faster when the quartiles are both below 1, slower when both are above; otherwise the
# difference is within this machine's spread.
#
# --records-may-differ: time two builds that do not write the same records, e.g. the build issue 13 started
# from (48cf5ac) against today's, to tell the speed-up in one hour of this machine; the ratio is then of CPU
# time for different work, and is printed A/B as well.
#
# --all-cores: run each on all cores, not pinned to one, as bench.sh runs `parse`: for a change to how the
# work is shared between threads (runs of files a task cost 0.993 of the CPU time pinned, 0.96–0.99 on two).
set -euo pipefail
cd "$(dirname "$0")/.."
same_records=1
pinned=1
while [ "${1:-}" = --records-may-differ ] || [ "${1:-}" = --all-cores ]; do
    if [ "$1" = --records-may-differ ]; then same_records=0; else pinned=0; fi
    shift
done
usage="usage: Benchmarks/ab.sh [--records-may-differ] [--all-cores] A B [RUNS] [COUNT]   (two ParseInOrder or gongwen binaries)"
case "${1:-}" in --*)
    echo "ab.sh: no option $1" >&2
    echo "$usage" >&2
    exit 64
    ;;
esac
if [ $# -lt 2 ]; then
    echo "$usage" >&2
    exit 64
fi
a=$(realpath "$1")
b=$(realpath "$2")
runs=${3:-21}
count=${4:-3000}
for binary in "$a" "$b"; do
    [ -x "$binary" ] || { echo "ab.sh: $binary is not an executable" >&2; exit 66; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seeds=(Notices)
[ -d ../shared/corpus/notices ] && seeds+=(../shared/corpus/notices)
python3 Benchmarks/make-corpus.py "$count" "$work/text" "${seeds[@]}" >/dev/null
find "$work/text" -type f | sort > "$work/text.list"

# The command line of each binary: gongwen parses the files the list names (--jsonl, which builds before
# --format had took too); ParseInOrder (which has no parse command) reads the list itself.
command_of() {
    if "$1" parse --help >/dev/null 2>&1; then
        echo "$1 parse --files-from $work/text.list --jsonl"
    else
        echo "$1 $work/text.list"
    fi
}
read -r -a command_a <<< "$(command_of "$a")"
read -r -a command_b <<< "$(command_of "$b")"
"${command_a[@]}" > "$work/a.jsonl"
"${command_b[@]}" > "$work/b.jsonl"
if [ $same_records = 1 ] && ! cmp -s "$work/a.jsonl" "$work/b.jsonl"; then
    echo "ab.sh: A and B write different records for the same notices (--records-may-differ times them all the same)" >&2
    exit 1
fi

# CPU seconds (user + system) of one run pinned to CPU 1 (CPU 0 when there is one), or on all cores.
cpu=$(($(nproc) > 1 ? 1 : 0))
seconds() {
    local TIMEFORMAT='%3U %3S' times
    if [ $pinned = 1 ]; then
        times=$({ time taskset -c "$cpu" "$@" > /dev/null; } 2>&1)
    else
        times=$({ time "$@" > /dev/null; } 2>&1)
    fi
    echo "$times" | awk '{ print $1 + $2 }'
}
for _ in $(seq "$runs"); do
    echo "$(seconds "${command_a[@]}") $(seconds "${command_b[@]}")"
done > "$work/times"
python3 - "$work/times" "$same_records" <<'EOF'
import statistics, sys
pairs = [tuple(map(float, line.split())) for line in open(sys.argv[1])]
ratios = sorted(b / a for a, b in pairs)
low, _, high = statistics.quantiles(ratios, n=4)
ratio = statistics.median(ratios)
verdict = "B is faster" if high < 1 else "B is slower" if low > 1 else "within this machine's spread"
print(f"A: median {statistics.median(a for a, _ in pairs):.3f} s of CPU")
print(f"B: median {statistics.median(b for _, b in pairs):.3f} s of CPU")
print(f"B/A: median {ratio:.3f}, quartiles {low:.3f}–{high:.3f} over {len(pairs)} pairs of runs: {verdict}")
if sys.argv[2] == "0":
    inverse = sorted(a / b for a, b in pairs)
    low, _, high = statistics.quantiles(inverse, n=4)
    print(f"A/B: median {statistics.median(inverse):.2f}, quartiles {low:.2f}–{high:.2f} (A takes that many times B's CPU)")
EOF
