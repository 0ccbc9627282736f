import Foundation
import Testing

@testable import GongwenKit

/// The property behind "no silent loss": every line the normalizer reads from a notice is somewhere in
/// its record — in an element, a section (of the body or an attachment), an embedded notice, or a
/// diagnostic that names it — for the real notices and for random mutations of them, text and HTML.
@Suite("No line lost: every normalized line is in the record")
struct NoLineLostTests {
    /// SplitMix64: a small seeded generator, so that a failing mutation can be made again.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Lines and words a mutation inserts: the tokens the readers look for.
    static let tokens = [
        "附件：", "附件1", "一、", "（一）", "1.", "联系人：张三", "电话：010-12345678", "2023年9月15日", "抄送：", "各有关单位：",
        "关于开展质量标杆活动的通知", "中国质协字〔2023〕1号", "发布时间：2023-09-01", "索引号：", "推荐不超过3项", "〔", "号", "：", "　　",
    ]

    /// One random edit of a notice's lines: drop, duplicate, swap, truncate, cut a line, or insert a token.
    static func mutate(_ lines: [String], using generator: inout SeededGenerator) -> [String] {
        var lines = lines
        guard !lines.isEmpty else { return tokens }
        let i = Int.random(in: 0..<lines.count, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: lines.remove(at: i)
        case 1: lines.insert(lines[i], at: Int.random(in: 0...lines.count, using: &generator))
        case 2: lines.swapAt(i, Int.random(in: 0..<lines.count, using: &generator))
        case 3: lines = Array(lines.prefix(max(1, i)))
        case 4:
            let scalars = Array(lines[i].unicodeScalars)
            let cut = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &generator)
            lines[i] = String(String.UnicodeScalarView(scalars[..<cut]))
            lines.insert(String(String.UnicodeScalarView(scalars[cut...])), at: i + 1)
        default:
            let token = tokens.randomElement(using: &generator)!
            if Bool.random(using: &generator) {
                lines.insert(token, at: i)
            } else {
                let scalars = Array(lines[i].unicodeScalars)
                let at = Int.random(in: 0...scalars.count, using: &generator)
                lines[i] =
                    String(String.UnicodeScalarView(scalars[..<at])) + token
                    + String(String.UnicodeScalarView(scalars[at...]))
            }
        }
        return lines
    }

    /// The normalized lines that no part of the record covers (by their first input line).
    static func lostLines(_ bytes: [UInt8], path: String) throws -> [String] {
        let document: IngestedDocument
        // An input refused with a reason loses nothing silently.
        do { document = try Ingest.ingest(bytes: bytes, path: path) } catch is IngestError { return [] }
        let normalized = Normalizer.normalize(
            document.lines, headingLevels: document.headingLevels, links: document.links)
        let record = Gongwen.record(of: document)
        var covered = Set<Int>()
        func cover(_ span: SourceSpan?) {
            guard let span else { return }
            covered.formUnion(span.startLine...span.endLine)
        }
        func add(_ section: SectionRecord) {
            cover(section.span)
            for child in section.children { add(child) }
        }
        func add(_ record: NoticeRecord) {
            for element in record.elements { cover(element.span) }
            for section in record.sections { add(section) }
            for section in record.attachments.flatMap(\.sections) { add(section) }
            for diagnostic in record.diagnostics { cover(diagnostic.span) }
            for embedded in record.embedded { add(embedded) }
        }
        add(record)
        return normalized.lines.filter { line in
            LayoutCoverage.hasText(line.text) && !covered.contains(line.span.startLine)
        }.map { "\(line(of: $0)): \($0.text)" }

        func line(of line: NormalizedLine) -> Int { line.span.startLine }
    }

    static var notices: [(name: String, bytes: [UInt8])] {
        get throws {
            var result = try Corpus.files.map { ($0, try Corpus.bytes($0)) }
            let corpus = try #require(
                Bundle.module.url(forResource: "notices", withExtension: nil, subdirectory: "Corpus"))
            for url in try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil).sorted(
                by: { $0.path < $1.path })
            {
                result.append((url.lastPathComponent, [UInt8](try Data(contentsOf: url))))
            }
            let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            for url in try FileManager.default.contentsOfDirectory(at: fixtures, includingPropertiesForKeys: nil)
                .sorted(by: { $0.path < $1.path })
            where url.pathExtension == "html" {
                result.append((url.lastPathComponent, [UInt8](try Data(contentsOf: url))))
            }
            return result
        }
    }

    @Test("The five notices, the 36 real notices and the HTML fixtures, as they are")
    func realNotices() throws {
        for (name, bytes) in try Self.notices {
            let lost = try Self.lostLines(bytes, path: name)
            #expect(lost.isEmpty, "\(name): \(lost.prefix(5))")
        }
    }

    @Test("Ten random mutations of each (seeded), text and HTML alike", .slow("nearly a thousand inputs"))
    func mutations() throws {
        var generator = SeededGenerator(state: 20_261_201)
        var checked = 0
        for (name, bytes) in try Self.notices {
            let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            for round in 0..<10 {
                var mutated = lines
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    mutated = Self.mutate(mutated, using: &generator)
                }
                let lost = try Self.lostLines(Array(mutated.joined(separator: "\n").utf8), path: name)
                #expect(lost.isEmpty, "\(name), mutation \(round): \(lost.prefix(5))")
                checked += 1
            }
        }
        #expect(checked >= 400)
    }
}
