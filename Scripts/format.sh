#!/usr/bin/env bash
# Lays out the Swift code as .swift-format says (swift-format, shipped with the toolchain as `swift format`).
#
#     Scripts/format.sh          # rewrite the files in place
#     Scripts/format.sh --lint   # only check: print each finding, exit 1 if there is one (what .ci/run does)
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests Benchmarks/ArchiveBenchmark Fuzz/Package.swift Fuzz/Sources)
if [ "${1:-}" = --lint ]; then
    swift format lint --strict --recursive --parallel "${paths[@]}"
else
    swift format format --in-place --recursive --parallel "${paths[@]}"
fi
