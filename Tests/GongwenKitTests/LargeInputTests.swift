import Foundation
import Testing

@testable import GongwenKit

@Suite("Large inputs: a 50 MB file and a single 1 MB line", .serialized, .largeInput)
struct LargeInputTests {
    @Test("A 50 MB input (the 2020 notice over and over) parses, and no line is lost")
    func fiftyMegabytes() throws {
        let notice = try Corpus.bytes("2020_caq.txt")
        let copies = 50 * 1024 * 1024 / notice.count + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(notice.count * copies)
        for _ in 0..<copies { bytes.append(contentsOf: notice) }
        #expect(bytes.count >= 50 * 1024 * 1024)

        let record = try Gongwen.parse(bytes: bytes, path: "big.txt")
        #expect(record.title == "关于开展2020年全国质量标杆活动的通知")
        #expect(record.docNumber?.text == "中国质协字〔2020〕44号")

        let coverage = LayoutCoverage(record)
        let perCopy = String(decoding: notice, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let linesPerCopy = perCopy.count - 1  // the file ends with a newline
        var missing = 0
        var doubled = 0
        for copy in 0..<copies {
            for (index, line) in perCopy.enumerated() where LayoutCoverage.hasText(line) {
                switch coverage.count(line: copy * linesPerCopy + index + 1) {
                case 1: continue
                case 0: missing += 1
                default: doubled += 1
                }
            }
        }
        #expect(missing == 0)
        #expect(doubled == 0)
    }

    @Test("A single line of 1 MB is kept whole in one section, its span reaching its last column")
    func oneMegabyteLine() throws {
        let unit = "质量标杆活动的通知要求各单位积极申报，"
        var text = ""
        while text.utf8.count < 1024 * 1024 { text += unit }
        let record = try Gongwen.parse(bytes: Array(text.utf8), path: "line.txt")
        let total =
            record.sections.reduce(0) { $0 + $1.text.unicodeScalars.count }
            + record.elements.reduce(0) { $0 + $1.text.unicodeScalars.count }
        #expect(total == text.unicodeScalars.count)
        let last = try #require(record.sections.last ?? nil)
        #expect(last.span.endColumn == text.unicodeScalars.count)
        #expect(record.diagnostics.contains { $0.message.hasPrefix("no title") })
    }
}
