// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gongwen",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GongwenKit", targets: ["GongwenKit"]),
        .executable(name: "gongwen", targets: ["gongwen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libxml2's HTML parser, from Debian's libxml2-dev.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // A small C facade over ICU (charset detection, conversion, normalization), from
        // Debian's libicu-dev: ICU's renaming macros keep its C API out of Swift's reach.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
        ),
        .target(
            name: "GongwenKit",
            dependencies: ["CLibXML2", "CICU"]
        ),
        .executableTarget(
            name: "gongwen",
            dependencies: [
                "GongwenKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GongwenKitTests",
            dependencies: ["GongwenKit"],
            resources: [.copy("Golden")]
        ),
    ]
)
