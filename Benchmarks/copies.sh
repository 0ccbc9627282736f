#!/usr/bin/env bash
# Where parsing copies values (issue 13): each copy of a value that holds references retains them, and each retain
# and release is an atomic operation, so a copy spared saves more time than its instructions say. Counted exactly by
# Callgrind (Valgrind) at each call site.
#
#     Benchmarks/copies.sh [COUNT] [TOP]   # COUNT synthetic notices (default 300); TOP call sites (30)
#
# Makes COUNT text notices as Benchmarks/bench.sh does, parses them on one thread with Benchmarks/ParseInOrder (after
# checking its JSON Lines are `gongwen parse`'s), and prints
#   - the calls to retain and release (`swift_retain`, `swift_release`, the strings' `swift_bridgeObject…` and the
#     `_n` forms, each call one atomic operation) and to `malloc`;
#   - the TOP call sites of a type's outlined copy (the compiler's `outlined copy of T`, `outlined init with copy of
#     T`), by the function they stand in and the type copied, with how often each ran. "then let go" marks a copy
#     destroyed right after (nothing called between but the runtime and an array's growth): a move
#     (`exchange(_:with:)`, `Optional.take()`, `return consume` of a consuming parameter) may serve. "around a call
#     of F" marks one destroyed after a call the compiler cannot see into: most often a value read from an array and
#     handed to F, copied because the compiler cannot tell F leaves the array alone (README, "Tried and not adopted";
#     Benchmarks/ROUNDS.md, the twenty-seventh round).
# The run: Benchmarks/parse-under-valgrind.sh (its calls read from the same stripped copy). Needs Debian's `valgrind`.
# Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-300}
top=${2:-30}
# shellcheck source=Benchmarks/parse-under-valgrind.sh
. Benchmarks/parse-under-valgrind.sh
parse_under_valgrind copies.sh "$count" callgrind --dump-instr=yes --compress-pos=no
objdump -d --no-show-raw-insn "$work/ParseInOrder" \
    | awk '/^[0-9a-f]+ <.*>:$/ { function_name = $2 } /\tcall/ { sub(":", "", $1); print $1 "\t" function_name "\t" $NF }' \
    > "$work/calls.tsv"

python3 - "$work/callgrind.out" "$work/calls.tsv" "$count" "$top" <<'EOF' | swift demangle --simplified | cut -c1-200
import collections, re, sys

callgrind, calls_file, count, top = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
refcounting = ["swift_retain", "swift_release", "swift_bridgeObjectRetain", "swift_bridgeObjectRelease",
               "swift_retain_n", "swift_release_n", "swift_bridgeObjectRetain_n", "swift_bridgeObjectRelease_n"]

# Callgrind's file names a function once, "(id) name", in an fn= or a cfn= line, and by "(id)" after.
names = {}
def name(value):
    match = re.match(r"\((\d+)\)(?: (.*))?$", value.strip())
    if not match:
        return value.strip()
    if match.group(2):
        names[match.group(1)] = match.group(2)
    return names.get(match.group(1), value.strip())

totals = collections.Counter()  # calls of each function
runs = collections.Counter()  # times each call site (address) ran
callee = pending = None
with open(callgrind) as lines:
    for line in lines:
        if line.startswith("fn="):
            name(line[3:])
        elif line.startswith("cfn="):
            callee = name(line[4:])
        elif line.startswith("calls="):
            pending = int(line.split()[0][6:])
        elif pending is not None:  # the line after calls=: the call site's address first
            totals[callee] += pending
            runs[int(line.split()[0], 16)] += pending
            pending = None

print(f"retain and release calls: {sum(totals[f] for f in refcounting):,} ({count} notices)")
print("  " + ", ".join(f"{f} {totals[f]:,}" for f in refcounting))
print(f"malloc calls: {totals['malloc']:,}")

# A type's outlined copy, e.g. $s10GongwenKit8SentenceVWOc; its destroys end in WOh, WOe or WOs.
copy = re.compile(r"<(\$s.*?)(WOc|WOy)(Tm)?>$")
helper = re.compile(r"(WO[a-z]|Vw[a-z]{2})(Tm)?>?:?$")
# What stands between a copy and its destroy without using the value: the runtime's and an array's own growth.
bookkeeping = re.compile(r"(WO[a-z]|Vw[a-z]{2})(Tm)?>$|<swift_|<memcpy|consumeAndCreateNew|createNewBuffer")
sites = [line.rstrip("\n").split("\t") for line in open(calls_file)]
found = collections.Counter()
fate = {}  # what follows the copy at the site of each function and type that ran most
most = collections.Counter()
for i, (address, function, called) in enumerate(sites):
    match = copy.match(called)
    ran = runs.get(int(address, 16), 0)
    if not match or not ran or helper.search(function):
        continue
    key = (function.strip("<>:"), called.strip("<>"))
    found[key] += ran
    if ran <= most[key]:
        continue
    most[key] = ran
    fate.pop(key, None)
    destroy = re.compile(r"<" + re.escape(match.group(1)) + r"(WOh|WOe|WOs)(Tm)?>$")
    between = None  # the first call between the copy and its destroy that is not bookkeeping
    for _, later_function, later in sites[i + 1:i + 5]:
        if later_function != function:
            break
        if destroy.match(later):
            fate[key] = "  then let go" if between is None else f"  around a call of {between.strip('<>')}"
            break
        if between is None and not bookkeeping.search(later):
            between = later
print(f"the {top} functions and types of outlined copies that ran most (runs, the copy, in function; what follows")
print("the copy at its busiest site):")
for (function, copied), ran in found.most_common(top):
    print(f"{ran:>8,}  {copied}  in {function}{fate.get((function, copied), '')}")
EOF
