import Foundation
import Testing

@testable import GongwenKit

/// The profile the release build is optimized with (Package.swift, "Profile-guided optimization"): Package.swift
/// defines the digest that Benchmarks/gongwen.profdata.sources gives for it, so that a new profile compiles the parser
/// again — SwiftPM does not read the profile as an input, and the compiler keeps an object file whose IR is unchanged.
/// A profile committed without its digest (or with another's) would leave every build made before it with the old
/// profile's objects, unseen.
@Suite("The parser's profile and its digest")
struct ProfileTests {
    static let profile = Corpus.packageRoot.appendingPathComponent("Benchmarks/gongwen.profdata")
    static let sources = Corpus.packageRoot.appendingPathComponent("Benchmarks/gongwen.profdata.sources")

    /// The lines of the sources file, by what each names: the two source folders' git trees and the profile's digest.
    static func recorded() throws -> [String: String] {
        let text = try String(contentsOf: sources, encoding: .utf8)
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            try #require(parts.count == 2, "a line of gongwen.profdata.sources is a name and a hash: \(line)")
            fields[String(parts[0])] = String(parts[1])
        }
        return fields
    }

    @Test("the sources file gives the profile's SHA-256 and the trees it was recorded from")
    func digestIsTheProfiles() throws {
        let fields = try Self.recorded()
        let bytes = try [UInt8](Data(contentsOf: Self.profile))
        #expect(fields["Benchmarks/gongwen.profdata"] == SHA256.hex(of: bytes))
        for folder in ["Sources/GongwenKit", "Sources/CScan"] {
            let tree = try #require(fields[folder], "no tree recorded for \(folder)")
            #expect(tree.count == 40 && tree.allSatisfy(\.isHexDigit), "\(folder): \(tree) is no git tree")
        }
        #expect(fields.count == 3)
    }

    /// An LLVM indexed profile, as `llvm-profdata merge` writes it (not a text or raw profile, nor a pointer file
    /// that a large-file store left in its place): it opens with the magic number "\u{FF}lprofi\u{81}".
    @Test("the profile is an indexed LLVM profile")
    func profileIsIndexed() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.profile))
        #expect(bytes.prefix(8).elementsEqual([0xFF, 0x6C, 0x70, 0x72, 0x6F, 0x66, 0x69, 0x81]))
        #expect(bytes.count > 100_000, "the whole parser's profile is ~1.4 MB; this one is \(bytes.count) bytes")
    }
}
