import Foundation
import Testing

@testable import GongwenKit

@Suite("Focus areas and eligibility")
struct ListsTests {
    @Test("Focus areas and eligibility come from the sections so headed, with leading clauses")
    func lists() throws {
        let record = try Corpus.record("2021_shandong.txt")
        #expect(record.focusAreas.map(\.index) == [1, 2, 3])
        #expect(record.focusAreas[0].summary == "企业运用大数据、两化融合、人工智能、互联网、区块链等新技术手段提升产品和服务质量")
        #expect(record.eligibility.map(\.number) == ["1.", "2.", "3."])
        #expect(record.eligibility[0].summary == "具有独立法人资格")
    }

    @Test(
        "A summary is the words up to the first clause break outside brackets: every line of every input, and the edges"
    )
    func summaries() throws {
        /// The summary as first written: the words appended a scalar at a time until the break.
        func oneByOne(_ text: String) -> String {
            var result = String.UnicodeScalarView()
            var depth = 0
            for scalar in text.unicodeScalars {
                if ListExtractor.summaryOpenings.contains(scalar) { depth += 1 }
                if ListExtractor.summaryClosings.contains(scalar) { depth = max(0, depth - 1) }
                if depth == 0, ListExtractor.summaryEnds.contains(scalar) { break }
                result.append(scalar)
            }
            return String(result)
        }
        var texts = ["", "，", "无标点", "（一，二）三，四", "“引，号”后，", "）未开先闭，后", "《书名，号》：说明", "e\u{301}，f", "𠮷𠮷；"]
        for file in JSONWriterTests.inputFiles { texts += try Gongwen.normalize(path: file.path).lines.map(\.text) }
        texts.append(texts.joined(separator: "\n"))
        var cut = 0
        for text in texts {
            #expect(ListExtractor.summary(of: text) == oneByOne(text), "\(text)")
            if ListExtractor.summary(of: text).unicodeScalars.count < text.unicodeScalars.count { cut += 1 }
        }
        #expect(cut > 100, "\(cut) texts cut")
        #expect(ListExtractor.summary(of: "（一，二）三，四") == "（一，二）三" && ListExtractor.summary(of: "，") == "")
    }
}
