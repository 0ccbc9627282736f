#!/usr/bin/env bash
# Builds GongwenKit's documentation (Sources/GongwenKit/GongwenKit.docc and the doc comments of its public
# interface) with the toolchain's docc, failing on any warning: a link to a symbol that does not exist, an
# article that is not reachable. The site goes to .build/docs (open .build/docs/index.html through a web
# server, or `docc preview` the catalog).
#
#     Scripts/docs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --target GongwenKit >&2
bin=$(swift build --show-bin-path)
graphs=.build/symbol-graphs
rm -rf "$graphs" && mkdir -p "$graphs"
swift-symbolgraph-extract -module-name GongwenKit -target "$(uname -m)-unknown-linux-gnu" \
    -I "$bin/Modules" -minimum-access-level public -output-dir "$graphs" \
    -Xcc -fmodule-map-file="$bin/CICU.build/module.modulemap" -Xcc -ISources/CICU/include \
    -Xcc -fmodule-map-file="$bin/CHTML.build/module.modulemap" -Xcc -ISources/CHTML/include \
    -Xcc -fmodule-map-file="$bin/CScan.build/module.modulemap" -Xcc -ISources/CScan/include
docc convert Sources/GongwenKit/GongwenKit.docc --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name GongwenKit --fallback-bundle-identifier org.gongwen.GongwenKit \
    --output-path .build/docs --warnings-as-errors
