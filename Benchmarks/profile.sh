#!/usr/bin/env bash
# Records Benchmarks/gongwen.profdata, the profile the release build of GongwenKit and CScan is optimized with
# (Package.swift, "Profile-guided optimization"). Run it after changing the parser's code, and commit the profile
# with the change: a function changed since the profile was recorded is compiled without its counts.
#
#     Benchmarks/profile.sh
#
# Builds gongwen instrumented (GONGWEN_PROFILE_GENERATE, in .build-profile: a release build of everything the
# first time, ~7 minutes; ~1.5 after), runs every command of it over the repository's own notices — Notices/, the
# test corpus (Tests/GongwenKitTests/Corpus/notices) and the HTML fixtures: parse (JSON Lines on all cores, and one
# notice's pretty JSON), normalize, diff, series, config, and ingest into a new SQLite archive with a search, cites
# and cited-by —, merges the counts with the toolchain's llvm-profdata, and writes the profile and
# Benchmarks/gongwen.profdata.sources: the git trees of Sources/GongwenKit and Sources/CScan it was recorded from
# (Benchmarks/profile-sources.sh, which Benchmarks/bench.sh runs again to tell whether the profile is the code's), and
# the profile's SHA-256 (which Package.swift defines for both targets, so that a new profile compiles them again).
# Two recordings of the same sources differ in a few counts (the parse threads' timing: 99.999% of the edge counts
# alike by `llvm-profdata overlap`), and so in their digests: commit the one recorded for the change.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profdata=$(dirname "$(readlink -f "$(command -v swift)")")/llvm-profdata
[ -x "$profdata" ] || { echo "profile.sh: no llvm-profdata beside swift ($profdata)" >&2; exit 1; }

GONGWEN_PROFILE_GENERATE="$work/raw" swift build -c release --product gongwen --scratch-path .build-profile >/dev/null
bin=.build-profile/release/gongwen
# (Each process writes its own file of counts: %p is its process id.)
export LLVM_PROFILE_FILE="$work/raw/gongwen-%p.profraw"

mkdir -p "$work/notices"
cp Notices/*.txt Tests/GongwenKitTests/Corpus/notices/* Tests/GongwenKitTests/Fixtures/*.html "$work/notices/"
find "$work/notices" -type f | sort > "$work/notices.list"
"$bin" parse --files-from "$work/notices.list" --jsonl >/dev/null
"$bin" parse Notices/2023_fuzhou_forward.txt >/dev/null
"$bin" normalize Notices/2022_caq.txt >/dev/null
# (diff and series exit 1 when rules changed; config when it leaves a notice out)
"$bin" diff Notices/2020_caq.txt Notices/2022_caq.txt >/dev/null || [ $? = 1 ]
"$bin" series "$work/notices" >/dev/null || [ $? = 1 ]
"$bin" config "$work/notices" >/dev/null || [ $? = 1 ]
"$bin" ingest "$work/notices" --db "$work/archive.sqlite" --quiet
"$bin" search 质量 --db "$work/archive.sqlite" >/dev/null
"$bin" cites 榕工信技术〔2023〕47号 --db "$work/archive.sqlite" >/dev/null
"$bin" cited-by 工信部科〔2019〕188号 --db "$work/archive.sqlite" >/dev/null

counts=("$work"/raw/*.profraw)
"$profdata" merge -o Benchmarks/gongwen.profdata "${counts[@]}"
{
    Benchmarks/profile-sources.sh
    echo "Benchmarks/gongwen.profdata $(sha256sum < Benchmarks/gongwen.profdata | cut -d ' ' -f 1)"
} > Benchmarks/gongwen.profdata.sources
functions=$("$profdata" show Benchmarks/gongwen.profdata | sed -n 's/^Total functions: //p')
bytes=$(wc -c < Benchmarks/gongwen.profdata)
echo "profile.sh: ${#counts[@]} processes counted, $functions functions → Benchmarks/gongwen.profdata ($bytes bytes)"
