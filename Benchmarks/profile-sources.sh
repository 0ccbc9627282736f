#!/usr/bin/env bash
# Prints the git trees of the sources Benchmarks/gongwen.profdata is recorded from (Sources/GongwenKit, Sources/CScan)
# as they stand in the working tree, changes not yet committed included (hashed through an index of its own: git's
# index is left alone). Benchmarks/profile.sh writes them to Benchmarks/gongwen.profdata.sources; Benchmarks/bench.sh
# compares them with that file, to tell whether the profile is the code's.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_INDEX_FILE=$work/index  # (made by git: an empty file is no index to it)
git read-tree HEAD
for folder in Sources/GongwenKit Sources/CScan; do
    git add -A "$folder"
    echo "$folder $(git write-tree --prefix="$folder/")"
done
