// swift-tools-version:6.0
// libFuzzer harnesses for Gongwen. Not built by `swift build` at the top level: run ./fuzz.sh, which
// builds this package with the fuzzer and address sanitizers and links the harness itself.
import PackageDescription

let package = Package(
    name: "GongwenFuzz",
    products: [
        .library(name: "GongwenFuzz", type: .static, targets: ["GongwenFuzz"])
    ],
    dependencies: [
        .package(name: "Gongwen", path: "..")
    ],
    targets: [
        .target(
            name: "GongwenFuzz",
            dependencies: [.product(name: "GongwenKit", package: "Gongwen")]
        )
    ]
)
