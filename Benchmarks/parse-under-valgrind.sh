# Sourced by Benchmarks/instructions.sh and Benchmarks/copies.sh: the parse both count under Valgrind.
#
#     parse_under_valgrind SCRIPT COUNT TOOL [OPTION ...]
#
# Builds gongwen and ParseInOrder (release), makes COUNT text notices as Benchmarks/bench.sh does (listed in
# $work/text.list; $work is a new folder, removed on exit), parses them one after another on one thread with
# ParseInOrder (Valgrind cannot follow `gongwen parse`'s worker threads) under Valgrind's TOOL with the OPTIONs, its
# report in $work/TOOL.out, and checks its JSON Lines are `gongwen parse --files-from LIST --format jsonl`'s byte for
# byte. Hashing is seeded the same at each run (SWIFT_DETERMINISTIC_HASHING=1), so that two runs of one build count
# within a few dozen instructions of each other. SCRIPT names the caller in its messages. Needs Debian's `valgrind`.
parse_under_valgrind() {
    local script=$1 count=$2 tool=$3
    shift 3
    command -v valgrind >/dev/null || { echo "$script: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT

    swift build -c release --product gongwen >/dev/null
    swift build -c release --product ParseInOrder >/dev/null
    local seeds=(Notices)
    [ -d ../shared/corpus/notices ] && seeds+=(../shared/corpus/notices)
    python3 Benchmarks/make-corpus.py "$count" "$work/text" "${seeds[@]}" >/dev/null
    find "$work/text" -type f | sort > "$work/text.list"

    .build/release/gongwen parse --files-from "$work/text.list" --format jsonl > "$work/expected.jsonl"
    # Valgrind 3.19 cannot read the DWARF 5 debug information Swift writes: a copy without it, symbols kept.
    strip --strip-debug -o "$work/ParseInOrder" .build/release/ParseInOrder
    SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool="$tool" "--$tool-out-file=$work/$tool.out" "$@" \
        "$work/ParseInOrder" "$work/text.list" > "$work/got.jsonl" 2> "$work/valgrind.log" \
        || { tail -20 "$work/valgrind.log" >&2; echo "$script: the run under Valgrind failed" >&2; exit 1; }
    cmp -s "$work/expected.jsonl" "$work/got.jsonl" \
        || { echo "$script: ParseInOrder's output differs from gongwen parse's" >&2; exit 1; }
}
