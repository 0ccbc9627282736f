// swift-tools-version:6.0
import Foundation  // (the profile's digest read from Benchmarks/gongwen.profdata.sources)
import PackageDescription

// The condition of the settings below: they are for release builds on Linux.
let releaseOnLinux = BuildSettingCondition.when(platforms: [.linux], configuration: .release)

// The release build of an executable on Linux links the Swift libraries in (the standard library, Foundation,
// Dispatch): it runs where Swift is not installed, and starts without the dynamic loader's look-ups of their symbols
// (16–17 ms → about 11 ms for a one-line notice; 0.959 of the CPU time for 3,000 notices: Benchmarks/ROUNDS.md, the
// fifteenth round). Its module is compiled against the toolchain's static resource folder too, so that its link
// names what the static Foundation needs (CoreFoundation, its ICU); LLVM's linker, which the toolchain ships, links
// it without GNU ld's warning about Foundation's `mktemp`. Debug builds (and `swift test`) keep the shared
// libraries, as do other systems, and a release build made with GONGWEN_SHARED_SWIFT_LIBRARIES set
// (`Benchmarks/bench.sh --refcounts` counts the retains and releases of such a build: a preloaded library sees only
// calls through the dynamic linker). `-static-stdlib` asks the linker to export every symbol of the executable's own
// code (`-export-dynamic`, for `dladdr` and plugins: 39,361 here, the packages' too); `--no-export-dynamic` after it
// exports only what the shared libraries it loads call (`malloc` and `free`), so that the dynamic loader's look-ups
// of ICU's and libxml2's symbols no longer pass through a table of forty thousand, nor page it in: `--version` 6.5 →
// 5.7 ms of CPU time, a one-line parse 9.8 → 8.8 ms (medians of 200 by turns; Benchmarks/ROUNDS.md, the twenty-fifth
// round). Nothing of gongwen looks its own symbols up, and a release build's traps print no stack either way.
let linkedInRelease: (swiftSettings: [SwiftSetting], linkerSettings: [LinkerSetting]) =
    Context.environment["GONGWEN_SHARED_SWIFT_LIBRARIES"] != nil
    ? ([], [])
    : (
        [.unsafeFlags(["-static-stdlib"], releaseOnLinux)],
        [
            .unsafeFlags(
                ["-static-stdlib", "-use-ld=lld", "-Xlinker", "--no-export-dynamic"],
                releaseOnLinux
            )
        ]
    )

// Profile-guided optimization of the parser (Benchmarks/ROUNDS.md, the thirtieth round): the release build of
// GongwenKit and CScan is compiled with the counts of Benchmarks/gongwen.profdata — how often each branch went which
// way and which functions ran, recorded by Benchmarks/profile.sh from an instrumented build running every command over
// the repository's own notices (Notices/, the test corpus and fixtures) — so that the compiler lays the likely paths
// out straight, inlines where calls are hot and keeps what never ran out of the way (0.92 of the CPU time of a parse).
// The profile is read only by the compiler that recorded it (its format follows LLVM's version; a function changed
// since is compiled without counts, never wrongly), on Linux, in release builds; GONGWEN_NO_PROFILE=1 builds without it,
// and GONGWEN_PROFILE_GENERATE=DIRECTORY builds the instrumented one that Benchmarks/profile.sh runs.
let profileDirectory = Context.environment["GONGWEN_PROFILE_GENERATE"]
#if compiler(>=6.3) && !compiler(>=6.4)
let profileMatchesCompiler = true
#else
let profileMatchesCompiler = false
#endif
let recordedProfile =
    profileDirectory == nil && Context.environment["GONGWEN_NO_PROFILE"] == nil && profileMatchesCompiler
    ? Context.packageDirectory + "/Benchmarks/gongwen.profdata" : nil
// The profile's SHA-256, as Benchmarks/profile.sh wrote it beside it, defined for both targets so that a new profile
// changes their flags and they are compiled again (SwiftPM does not read the profile as an input of theirs).
let profileDigest =
    (try? String(contentsOfFile: Context.packageDirectory + "/Benchmarks/gongwen.profdata.sources", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("Benchmarks/gongwen.profdata ") }?.split(separator: " ").last
    .map { String($0.prefix(16)) } ?? "none"
// A file-local function is known to the profile by its file's name and its own, not by the file's whole path (which
// names the build folder or the clone: the profile is recorded in .build-profile and read in .build, here and in CI).
// And each object file is made again whenever the module is compiled: the compiler otherwise keeps one whose IR is the
// same as before, and the IR it compares is the profile's input, not its result (a new profile, or these flags
// changed, left the objects of the old in place).
let profileFlags = [
    "-Xllvm", "-static-func-full-module-prefix=false", "-Xfrontend", "-disable-incremental-llvm-codegen",
]
let profiledSwift: [SwiftSetting] =
    if let profileDirectory {
        [
            .unsafeFlags(
                ["-Xfrontend", "-ir-profile-generate=\(profileDirectory)"] + profileFlags,
                releaseOnLinux)
        ]
    } else if let recordedProfile {
        [
            .unsafeFlags(
                ["-Xfrontend", "-ir-profile-use=\(recordedProfile)"] + profileFlags,
                releaseOnLinux),
            .define("GONGWEN_PROFILE_\(profileDigest)", releaseOnLinux),
        ]
    } else { [] }
// (Clang warns of a C function changed since the profile was recorded; Swift's compiler passes over one silently.
// Both compile it as they would without a profile: Benchmarks/profile.sh records a new one.)
let profiledC: [CSetting] =
    if let profileDirectory {
        [
            .unsafeFlags(
                ["-fprofile-generate=\(profileDirectory)", "-mllvm", "-static-func-full-module-prefix=false"],
                releaseOnLinux)
        ]
    } else if let recordedProfile {
        [
            .unsafeFlags(
                [
                    "-fprofile-use=\(recordedProfile)", "-mllvm", "-static-func-full-module-prefix=false",
                    "-Wno-profile-instr-out-of-date", "-Wno-profile-instr-unprofiled",
                ],
                releaseOnLinux),
            .define("GONGWEN_PROFILE", to: profileDigest, releaseOnLinux),
        ]
    } else { [] }
// An instrumented executable is linked with the profile's runtime, which writes the counts at exit.
let profileRuntime: [LinkerSetting] =
    profileDirectory == nil
    ? []
    : [.unsafeFlags(["-Xclang-linker", "-fprofile-generate"], releaseOnLinux)]

// The executables' malloc and free: a per-thread cache of freed small blocks in front of glibc's (Sources/CMallocCache;
// 0.960–0.977 of the CPU time of `gongwen parse` on two cores: Benchmarks/ROUNDS.md, the twenty-fourth round). Not in the build for
// preloaded counters (GONGWEN_SHARED_SWIFT_LIBRARIES): a counter that wraps `free` must see every call, and the
// executable's own `free` comes before a preloaded one.
let mallocCache: [Target.Dependency] =
    Context.environment["GONGWEN_SHARED_SWIFT_LIBRARIES"] != nil ? [] : ["CMallocCache"]

let package = Package(
    name: "Gongwen",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GongwenKit", targets: ["GongwenKit"]),
        .executable(name: "gongwen", targets: ["gongwen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The archive: SQLite (embedded, the default) through GRDB, PostgreSQL (shared) through postgres-nio.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // SHA-256 of every input (BoringSSL's, with the CPU's SHA instructions); postgres-nio builds it anyway.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // libxml2 from Debian's libxml2-dev: this target only carries its pkg-config flags to CHTML.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // A small C facade over libxml2's HTML parser. Swift must not import libxml2's headers:
        // they bring the system ICU's types, which clash with Foundation's private ICU.
        .target(
            name: "CHTML",
            dependencies: ["CLibXML2", "CScan"]
        ),
        // A small C facade over ICU (charset detection, conversion, normalization), from
        // Debian's libicu-dev: ICU's renaming macros keep its C API out of Swift's reach.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
        ),
        // What the command asks of its process that Swift cannot call: the terminal's width for its human output
        // (ioctl is variadic), and the C library's allocator settings (mallopt's names are not declared).
        .target(name: "CProcess"),
        // Byte loops that clang vectorizes, where Swift's SIMD types compile to a lane at a time.
        .target(name: "CScan", cSettings: profiledC),
        // A per-thread cache of freed small blocks in front of glibc's malloc and free (`mallocCache`, above): it
        // replaces `malloc` and `free` in the process that links it.
        .target(name: "CMallocCache"),
        .target(
            name: "GongwenKit",
            dependencies: ["CHTML", "CICU", "CScan", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: profiledSwift
        ),
        // The archive: records stored with searchable columns, Chinese substring search, the citation graph.
        .target(
            name: "GongwenArchive",
            dependencies: [
                "GongwenKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "gongwen",
            dependencies: [
                "GongwenKit",
                "GongwenArchive",
                "CProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + mallocCache,
            swiftSettings: linkedInRelease.swiftSettings,
            linkerSettings: linkedInRelease.linkerSettings + profileRuntime
        ),
        // The archive's benchmark (Benchmarks/archive-bench.sh): search latency, and parsing alone.
        .executableTarget(
            name: "ArchiveBenchmark",
            dependencies: ["GongwenArchive", "GongwenKit"] + mallocCache,
            path: "Benchmarks/ArchiveBenchmark",
            swiftSettings: linkedInRelease.swiftSettings,
            linkerSettings: linkedInRelease.linkerSettings + profileRuntime
        ),
        // Parsing on one thread, for Cachegrind's exact instruction counts (Benchmarks/instructions.sh) and the count
        // of heap allocations (Benchmarks/bench.sh): on the C library's malloc alone, which a preloaded counter sees.
        .executableTarget(
            name: "ParseInOrder",
            dependencies: ["GongwenKit"],
            path: "Benchmarks/ParseInOrder",
            swiftSettings: linkedInRelease.swiftSettings,
            linkerSettings: linkedInRelease.linkerSettings + profileRuntime
        ),
        .testTarget(
            name: "GongwenKitTests",
            dependencies: ["GongwenKit"],
            resources: [.copy("Golden"), .copy("Fixtures"), .copy("Corpus")]
        ),
        // (On Linux the test targets are linked into one executable: every test runs on the cache.)
        .testTarget(name: "MallocCacheTests", dependencies: ["CMallocCache"]),
        .testTarget(
            name: "GongwenArchiveTests",
            dependencies: ["GongwenArchive", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
    ]
)
