import Foundation
import Testing

@testable import GongwenKit

/// Paths and helpers shared by the tests.
enum Corpus {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let noticesDirectory = packageRoot.appendingPathComponent("Notices")
    /// The hand-read gold of Notices/: the copy committed with the tests (../shared/gold/seeds.json is the
    /// original; `SeedsCopyTests` checks that they agree where the original is present).
    static let seeds = packageRoot.appendingPathComponent("Tests/GongwenKitTests/Corpus/seeds.json")
    static let sharedSeeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/gold/seeds.json")
    static let files = [
        "2020_caq.txt", "2021_shandong.txt", "2022_caq.txt", "2023_henan.txt", "2023_fuzhou_forward.txt",
    ]

    static func path(_ file: String) -> String { noticesDirectory.appendingPathComponent(file).path }

    static func bytes(_ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: noticesDirectory.appendingPathComponent(file)))
    }

    static func text(_ file: String) throws -> String {
        String(decoding: try bytes(file), as: UTF8.self)
    }

    static func record(_ file: String) throws -> NoticeRecord {
        try Gongwen.parse(path: path(file))
    }

    /// The record and every record embedded in it, depth first, with their depths.
    static func flatten(_ record: NoticeRecord, depth: Int = 0) -> [(depth: Int, record: NoticeRecord)] {
        [(depth, record)] + record.embedded.flatMap { flatten($0, depth: depth + 1) }
    }
}

extension TextLine {
    /// A line as the input would hold it, on line `number`.
    init(_ text: String, line number: Int = 1) {
        self.init(original: text.unicodeScalars, lineNumber: number)
    }
}

/// Logical lines of a piece of text, as the normalizer makes them.
func normalizedLines(_ text: String) -> [NormalizedLine] {
    let lines = SourceLines(Array(text.unicodeScalars)).enumerated().map {
        TextLine(original: $0.element, lineNumber: $0.offset + 1)
    }
    return Normalizer.normalize(lines).lines
}

/// Every normalized line of every input file (`JSONWriterTests.inputFiles`), each a line of its own: the
/// real lines a scanning rule is held to, beside its edge cases.
func everyInputLine() throws -> [TextLine] {
    try JSONWriterTests.inputFiles.flatMap { file in
        try Gongwen.normalize(path: file.path).lines.map { TextLine($0.text) }
    }
}

/// A new empty folder under the system's temporary folder, named `gongwen-<purpose>-<UUID>` (the caller removes it).
func temporaryFolder(for purpose: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "gongwen-\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Runs a program to its end: its exit status, and standard output and error together.
func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = Pipe()
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

extension Trait where Self == ConditionTrait {
    /// A test that takes seconds to minutes in a debug build, for `why`: skipped, and reported as skipped
    /// with the reason, when GONGWEN_FAST_TESTS is set (`GONGWEN_FAST_TESTS=1 swift test`, README "Running
    /// the tests"). The full `swift test`, and CI, run them.
    static func slow(_ why: String) -> Self {
        .disabled(
            if: ProcessInfo.processInfo.environment["GONGWEN_FAST_TESTS"] != nil,
            "\(why): slow, skipped as GONGWEN_FAST_TESTS is set")
    }

    /// A test on a large input (tens of megabytes, or a size that would take minutes were its path
    /// quadratic).
    static var largeInput: Self { slow("a large input") }
}

/// Compares `actual` with the golden file at `path` (under Tests/GongwenKitTests/Golden/), as
/// argument-parser's `assertSnapshot` does: a missing file is written and the test fails (read it, then
/// run again); `RECORD_SNAPSHOTS=1` rewrites every golden file the same way. A difference names the
/// first line that differs.
func assertSnapshot(
    _ actual: String, golden path: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let file = Corpus.packageRoot.appendingPathComponent("Tests/GongwenKitTests/Golden/\(path)")
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !recording, let pinned = try? String(contentsOf: file, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record(
            "recorded Golden/\(path): read it, then run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard actual != pinned else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let pinnedLines = pinned.split(separator: "\n", omittingEmptySubsequences: false)
    let first =
        zip(actualLines, pinnedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(actualLines.count, pinnedLines.count)
    let line = { (lines: [Substring]) in first < lines.count ? String(lines[first]) : "(end)" }
    Issue.record(
        """
        differs from Golden/\(path) at line \(first + 1) (RECORD_SNAPSHOTS=1 re-records it):
          pinned: \(line(pinnedLines))
          actual: \(line(actualLines))
        """, sourceLocation: sourceLocation)
}
