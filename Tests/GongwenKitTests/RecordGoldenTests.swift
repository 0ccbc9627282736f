import Foundation
import Testing

@testable import GongwenKit

/// The whole record of every committed notice, pinned: Notices/ and the accuracy corpus, as `gongwen parse`
/// prints them (pretty JSON). They pin what the extractors give, their known flaws included (a quota's
/// "中央管理企业各"): the gold files judge what is right, these catch every change — a span a column off, a
/// section's text, a diagnostic — and show it in the diff of Golden/records/, which is read before it is
/// committed (`RECORD_SNAPSHOTS=1 swift test --filter RecordGoldenTests` writes them again).
@Suite("Golden records of Notices/ and the corpus")
struct RecordGoldenTests {
    /// The notices, by their path from the package's root (the path is in the record).
    static let notices: [String] = {
        let root = Corpus.packageRoot
        let folders = ["Notices", "Tests/GongwenKitTests/Corpus/notices"]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
                .filter { $0.hasSuffix(".txt") }.sorted().map { "\(folder)/\($0)" }
        }
    }()

    @Test("Every notice's record is as pinned", arguments: notices)
    func pinned(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Corpus.packageRoot.appendingPathComponent(path)))
        let record = try Gongwen.parse(bytes: bytes, path: path)
        let json = String(decoding: try Gongwen.jsonData(record, pretty: true), as: UTF8.self) + "\n"
        let name = path.replacingOccurrences(of: "Tests/GongwenKitTests/Corpus/notices", with: "corpus")
        try assertSnapshot(json, golden: "records/\(name.replacingOccurrences(of: ".txt", with: ".json"))")
    }

    @Test("The notices are all there: five of Notices/, 36 of the corpus")
    func count() {
        #expect(Self.notices.count == 41)
    }
}
