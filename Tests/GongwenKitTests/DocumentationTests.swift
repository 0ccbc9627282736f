import Foundation
import Testing

/// The documentation as code: the snippets (Snippets/, built by `swift build` and `swift test` against the
/// library's public interface only) run and print what they say, and every Swift example of the DocC
/// articles is the shown part of a snippet, word for word.
@Suite("Documentation: snippets and the DocC articles")
struct DocumentationTests {
    static let snippets = Corpus.packageRoot.appendingPathComponent("Snippets")
    static let catalog = Corpus.packageRoot.appendingPathComponent("Sources/GongwenKit/GongwenKit.docc")

    /// The lines of a snippet between `// snippet.show` and `// snippet.end`.
    static func shownPart(of name: String) throws -> String {
        let text = try String(contentsOf: snippets.appendingPathComponent("\(name).swift"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "// snippet.show"))
        let end = try #require(lines.firstIndex(of: "// snippet.end"))
        return lines[(start + 1)..<end].joined(separator: "\n")
    }

    /// The ```swift blocks of an article.
    static func swiftBlocks(of article: String) throws -> [String] {
        let text = try String(contentsOf: catalog.appendingPathComponent(article), encoding: .utf8)
        return text.components(separatedBy: "```swift\n").dropFirst().compactMap {
            $0.components(separatedBy: "\n```").first
        }
    }

    @Test(
        "Each article's example is a snippet's shown part",
        arguments: [
            ("TheRecord.md", "ParseANotice"), ("ReadingADiff.md", "CompareTwoYears"),
        ])
    func articleQuotesSnippet(article: String, snippet: String) throws {
        let blocks = try Self.swiftBlocks(of: article)
        #expect(blocks == [try Self.shownPart(of: snippet)], "\(article) drifted from Snippets/\(snippet).swift")
    }

    @Test(
        "The snippets run from the package's root and print what they say",
        arguments: [
            (
                "ParseANotice",
                ["关于开展2022年全国质量标杆活动的通知", "due 2022-07-15, 申报: line 29, columns 10–19", "at most 3 项 for 各推荐单位"]
            ),
            ("CompareTwoYears", ["deadlines changed: 申报 due date: 2020-05-15 – 2020-07-05 → 2022-07-15"]),
        ])
    func snippetRuns(name: String, expected: [String]) throws {
        let executable = CommandLineTests.executable.deletingLastPathComponent().appendingPathComponent(name)
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "\(name) is built by swift test")
        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = Corpus.packageRoot
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = text.split(separator: "\n").map(String.init)
        for line in expected { #expect(lines.contains(line), "\(name) printed:\n\(text)") }
    }
}
