#!/usr/bin/env bash
# Exact instruction counts of parsing (issue 13), where this machine's timings move by ±5% from run to run and
# it has no hardware counters: Cachegrind (Valgrind) counts every instruction executed.
#
#     Benchmarks/instructions.sh [COUNT] [TOP]   # COUNT synthetic notices (default 3,000); TOP functions (20)
#
# Makes the same COUNT text notices as Benchmarks/bench.sh, parses them one after another on one thread with
# Benchmarks/ParseInOrder under Cachegrind (Benchmarks/parse-under-valgrind.sh: Valgrind cannot follow `gongwen
# parse`'s worker threads; its JSON Lines checked against `gongwen parse`'s byte for byte), and prints the
# instructions in all, per byte of input, the branches its model of a predictor mispredicts, and the TOP functions
# by their own instructions. Hashing is seeded the same at each run (SWIFT_DETERMINISTIC_HASHING=1), so two runs of one build
# count within a few dozen instructions of each other (the temporary folder's name differs): seeded afresh, they
# differed by up to 0.03% on 3,000 notices and 0.16% on 300, more than some changes save. (The records are the same either way: the seed changes only where sets and dictionaries keep
# their elements.) Needs Debian's `valgrind`. Instructions are not time: SHA-256 runs Valgrind's AVX code, not the CPU's SHA
# instructions (about 9% of the count, a tenth of that natively), and a cache miss counts as one. Nor is a
# mispredicted branch: it costs some fifteen cycles, the time of thirty or more instructions here. A change that
# saves instructions and adds mispredicts may save no time (weigh the two, and time it: Benchmarks/ab.sh).
# Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-3000}
top=${2:-20}
# shellcheck source=Benchmarks/parse-under-valgrind.sh
. Benchmarks/parse-under-valgrind.sh
parse_under_valgrind instructions.sh "$count" cachegrind --cache-sim=no --branch-sim=yes
bytes=$(xargs -a "$work/text.list" cat | wc -c)

# (The summary's events: instructions, conditional branches and those mispredicted, indirect ones and those.)
read -r total _ mispredicted _ indirect_mispredicted <<< "$(sed -n 's/^summary: *//p' "$work/cachegrind.out")"
printf 'input: %d notices, %d bytes\n' "$count" "$bytes"
printf 'instructions: %d (%d per byte)\n' "$total" $((total / bytes))
printf 'mispredicted branches (Cachegrind'"'"'s model): %d conditional, %d indirect\n' "$mispredicted" "$indirect_mispredicted"
echo "the $top functions with most instructions of their own (and their mispredicted conditional branches):"
cg_annotate --show=Ir,Bcm "$work/cachegrind.out" 2>/dev/null | swift demangle --simplified \
    | sed -n '/file:function/,$p' | sed -n "3,$((top + 2))p" | sed 's/???://' | cut -c1-150
