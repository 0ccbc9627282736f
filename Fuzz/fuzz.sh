#!/usr/bin/env bash
# Builds Gongwen's libFuzzer harness (Sources/GongwenFuzz) with the fuzzer and address sanitizers and
# runs it. Usage:
#   Fuzz/fuzz.sh [SECONDS] [TARGET ...]   fuzz each target for SECONDS (default 60); targets:
#                                         parse-text parse-html normalize diff config (default: all five)
#   Fuzz/fuzz.sh --regressions            run every saved input once (the unit tests' reproducers and
#                                         Fuzz/Regressions/TARGET), and stop
# A crash, a timeout (an input taking more than 1 s, and again when run alone) or an out-of-memory
# (over 2 GB) stops the run with exit 1 and leaves the input in Fuzz/Findings/TARGET/; copy it into
# Fuzz/Regressions/TARGET/ once it is fixed, and add a unit test for it. The growing corpus is kept in Fuzz/Corpus/TARGET/ (not in git).
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
scratch=${GONGWEN_FUZZ_BUILD:-$here/.build}
binary=$scratch/gongwen-fuzz
targets=(parse-text parse-html normalize diff config)

# SwiftPM links executables with `--defsym main=…`, which clashes with libFuzzer's own main: build the
# harness as a static library and link it here, with libFuzzer's main.
# (Without the parser's profile, GONGWEN_NO_PROFILE in Package.swift: a sanitized build finds faults, its speed is
# not measured, and it is built as it was before the profile.)
build() {
    GONGWEN_NO_PROFILE=1 swift build -c release --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
        -Xcc -fsanitize=fuzzer-no-link,address >&2
    swiftc -sanitize=fuzzer,address -parse-as-library -o "$binary" \
        -Xlinker --whole-archive "$scratch/release/libGongwenFuzz.a" -Xlinker --no-whole-archive \
        -lFoundation -lFoundationEssentials -lFoundationInternationalization -lxml2 -licui18n -licuuc \
        2> >(grep -v "Cannot export local symbol" >&2)
}

# The seed corpus: the five notices, the 36 real notices of the accuracy corpus, the HTML fixtures
# and the reliability reproducers.
seeds() {
    local target=$1 dir=$here/Corpus/$1
    mkdir -p "$dir"
    local pattern='*.txt'
    [ "$target" = parse-html ] && pattern='*.htm*'
    [ "$target" = normalize ] && pattern='*'
    find ../Notices ../Tests/GongwenKitTests/Corpus/notices ../Tests/GongwenKitTests/Fixtures -type f -name "$pattern" \
        -exec cp -n {} "$dir/" \;
    echo "$dir"
}

# The Swift backtracer and ASan hang each other on a crash; ASan reports it.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

build
if [ "${1:-}" = "--regressions" ]; then
    # The reproducers of the unit tests (Tests/GongwenKitTests/Fixtures/Reliability) and the inputs
    # saved from fuzzing (Fuzz/Regressions/TARGET).
    reproducers=../Tests/GongwenKitTests/Fixtures/Reliability
    status=0
    for target in "${targets[@]}"; do
        inputs=()
        case $target in
            parse-text) inputs+=("$reproducers"/*.txt) ;;
            parse-html) inputs+=("$reproducers"/*.html) ;;
        esac
        [ -d "Regressions/$target" ] && inputs+=("Regressions/$target"/*)
        files=()
        for f in "${inputs[@]}"; do
            if [ -f "$f" ]; then files+=("$f"); fi
        done
        [ ${#files[@]} -gt 0 ] || continue
        echo "== $target: ${#files[@]} saved inputs" >&2
        # A looser time limit than fuzzing's 1 s: the 61 KB many-dates reproducer takes 0.6 s under ASan here.
        GONGWEN_FUZZ_TARGET=$target "$binary" -timeout=3 -rss_limit_mb=2048 "${files[@]}" || status=1
    done
    exit $status
fi

seconds=${1:-60}
shift || true
[ $# -gt 0 ] && targets=("$@")

# Whether the input at $2 takes longer than fuzzing's 1 s in $1 when run alone, in any of three runs. Our
# code is deterministic: a slow path is slow every time; a unit that ran past the limit once and never
# again met a stall of the machine (a busy CI host, ICU's data paged in for a charset's first use).
slow_again() {
    local target=$1 input=$2
    for _ in 1 2 3; do
        GONGWEN_FUZZ_TARGET=$target "$binary" -timeout=1 -timeout_exitcode=70 "$input" >/dev/null 2>&1 || return 0
    done
    return 1
}

status=0
for target in "${targets[@]}"; do
    findings=$here/Findings/$target
    mkdir -p "$findings"
    echo "== $target for $seconds s" >&2
    deadline=$((SECONDS + seconds)) stalls=0
    while :; do
        left=$((deadline - SECONDS))
        [ $left -gt 0 ] || break
        code=0
        GONGWEN_FUZZ_TARGET=$target "$binary" "$(seeds "$target")" \
            -dict="$here/notice.dict" -max_len=65536 -timeout=1 -timeout_exitcode=70 -rss_limit_mb=2048 \
            -max_total_time="$left" -print_final_stats=1 -artifact_prefix="$findings/" || code=$?
        [ $code -eq 0 ] && break
        # A crash, an out-of-memory or a leak: the run stops here.
        if [ $code -ne 70 ]; then status=1; break; fi
        unit=$(ls -t "$findings"/timeout-* | head -n 1)
        if slow_again "$target" "$unit"; then
            echo "== $target: $unit takes more than 1 s again when run alone: a slow path" >&2
            status=1
            break
        fi
        stalls=$((stalls + 1))
        echo "== $target: $unit ran past 1 s once but not in three runs alone: a stall of the machine," \
            "not of the code (kept in Findings/$target/); fuzzing goes on" >&2
        # A machine that stalls every few seconds is not one to judge speed on.
        if [ $stalls -ge 3 ]; then
            echo "== $target: three stalls in one smoke; stopping it as a failure" >&2
            status=1
            break
        fi
    done
done
exit $status
