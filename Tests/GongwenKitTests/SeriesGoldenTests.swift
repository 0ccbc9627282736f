import Foundation
import Testing

/// `gongwen series Notices` as the README shows it, pinned whole in Golden/series-notices.txt (read by hand:
/// every change in it was checked against the three notices; `RECORD_SNAPSHOTS=1` re-records it), and the
/// README's excerpt held to it line by line.
@Suite("The series of Notices/, pinned")
struct SeriesGoldenTests {
    static let golden = Corpus.packageRoot.appendingPathComponent("Tests/GongwenKitTests/Golden/series-notices.txt")

    /// The report as the README's command prints it (paths relative to the package, as in the README).
    static func report() throws -> String {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["series", "Notices"]
        process.currentDirectoryURL = Corpus.packageRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)  // rules changed
        return text
    }

    @Test("gongwen series Notices prints the pinned report")
    func pinned() throws {
        try assertSnapshot(try Self.report(), golden: "series-notices.txt")
    }

    @Test("The README's excerpt under \"Year over year\" is what the command prints (… marks what it leaves out)")
    func readmeExcerpt() throws {
        let readme = try String(contentsOf: Corpus.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Year over year").map { readme[$0.upperBound...] })
        let block = try #require(
            section.range(of: "```text\n").flatMap { start in
                section.range(of: "```", range: start.upperBound..<section.endIndex).map {
                    section[start.upperBound..<$0.lowerBound]
                }
            })
        let golden = try String(contentsOf: Self.golden, encoding: .utf8)
        let lines = block.split(separator: "\n")
        #expect(lines.count > 20)
        for line in lines {
            for fragment in line.components(separatedBy: "…")
            where !fragment.trimmingCharacters(in: .whitespaces).isEmpty {
                #expect(golden.contains(fragment), "README line not in the output: \(line)")
            }
        }
    }
}
