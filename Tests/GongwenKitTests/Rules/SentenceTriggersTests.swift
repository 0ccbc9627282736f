import Foundation
import Testing

@testable import GongwenKit

@Suite("Sentence triggers: what the rules look for first, found in one pass")
struct SentenceTriggersTests {
    /// Lines that sit on the edges of each trigger: numbers one digit short of unreadable and at it, in
    /// digits, numerals and the numerals' Latin look-alike; numeric dates with three and four digits
    /// before the separator; document numbers, titles and attachments written every way the rules read.
    static let edgeLines = [
        "", "。", "推荐123456789012345项", "推荐1234567890123456项", "推荐一二三四五六七八九〇一二三四五六项",
        "推荐OOOOOOOOOOOOOOOO项", "推荐一二三四五六七八九〇一二三四五六七项", "123456789012345６项", "请于2023-09-01前报送",
        "请于2023.9.1前报送", "请于2023/9/1前报送", "请于223-09-01前报送", "电话：0371-65500000", "12345-6",
        "请于9月1日前报送", "国办发〔2019〕5号", "国质检质〔2016512號", "国家发展改革委令第34号", "《质量强国建设纲要》",
        "见附件1", "以“申报企业全称”命名", "邮件主题为“申报材料”", "二〇二三年九月一日", "名额不限", "不多于3项",
        "PDF", "扫描件", "Excel表", "超", "送至", "e", "推",
        // Runs and dates across the 64-scalar blocks the set's scalars are found in, and scalars past the BMP.
        String(repeating: "质", count: 55) + "推荐1234567890123456项", String(repeating: "a", count: 60) + "2023-09-01",
        String(repeating: "质", count: 62) + "12345" + String(repeating: "量", count: 70) + "6789-1",
        String(repeating: "一", count: 70), "𠀀2023-09-01𠀀月", "𠀀" + String(repeating: "8", count: 63) + "𠀀电",
    ]

    /// Every sentence of every notice, fixture and corpus file the tests have, and the edge lines.
    static func allSentences() throws -> [Sentence] {
        var lines: [TextLine] = []
        for file in JSONWriterTests.inputFiles {
            for line in try Gongwen.normalize(path: file.path).lines { lines += Sentences.split(TextLine(line.text)) }
        }
        lines += edgeLines.map { TextLine($0) }
        return lines.map { Sentence(line: $0) }
    }

    @Test("Each trigger is set exactly when the sentence holds what it stands for")
    func triggersAreExact() throws {
        let sentences = try Self.allSentences()
        var counts: [UInt16: Int] = [:]
        /// Whether `text` holds the first scalar of one of `words` (asked of the words, not the list's set).
        func holdsAFirstScalar(of words: [String], _ text: String) -> Bool {
            words.contains { text.unicodeScalars.contains($0.unicodeScalars.first!) }
        }
        for sentence in sentences {
            let text = sentence.text
            let scalars = Array(text.unicodeScalars)
            let expected: [(SentenceTriggers, Bool)] = [
                (.month, text.contains("月")),
                (.numericDate, text.range(of: #"[0-9]{4}[-./]"#, options: .regularExpression) != nil),
                (.hao, text.contains("号") || text.contains("號")),
                (.titleOpening, text.contains("《")),
                (.fu, text.contains("附")),
                (.naming, text.contains("命") || text.contains("邮")),
                (.longNumber, Self.longestNumeralRun(scalars) >= UnreadableNumbers.shortestRun),
                (.copies, text.contains("份") || text.contains("电")),
                (.quotaWord, holdsAFirstScalar(of: QuotaExtractor.quotaWords.words, text)),
                (.submissionWord, holdsAFirstScalar(of: SubmissionExtractor.sentenceWords.words, text)),
            ]
            for (trigger, holds) in expected {
                #expect(sentence.triggers.contains(trigger) == holds, "\(trigger.rawValue) in \(text)")
                if holds { counts[trigger.rawValue, default: 0] += 1 }
            }
        }
        // Every trigger is met on real sentences and missed on others.
        for trigger in [
            SentenceTriggers.month, .numericDate, .hao, .titleOpening, .fu, .naming, .longNumber, .copies, .quotaWord,
            .submissionWord,
        ] {
            #expect((counts[trigger.rawValue] ?? 0) > 0, "\(trigger.rawValue) never set")
            #expect((counts[trigger.rawValue] ?? 0) < sentences.count, "\(trigger.rawValue) always set")
        }
    }

    @Test("A rule finds nothing in a sentence without its trigger, so passing such a sentence over changes nothing")
    func rulesNeedTheirTriggers() throws {
        var skipped = 0
        var withoutQuotaWords = 0
        var withoutSubmissionWords = 0
        for sentence in try Self.allSentences() {
            let line = sentence.line
            let triggers = sentence.triggers
            if triggers.isDisjoint(with: [.month, .numericDate]) {
                #expect(DateExpressions.scan(line).isEmpty, "\(sentence.text)")
                skipped += 1
            }
            // Without 月 no date written around it, without a numeric date's start none written in digits: the
            // expressions read from the dates a sentence's triggers call for are those read from all of them.
            if !triggers.contains(.month) { #expect(DateScanner.dates(in: line).isEmpty, "\(sentence.text)") }
            if !triggers.contains(.numericDate) {
                #expect(DateScanner.numericDates(in: line).isEmpty, "\(sentence.text)")
            }
            #expect(DateExpressions.scan(line, triggers: triggers) == DateExpressions.scan(line), "\(sentence.text)")
            if !triggers.contains(.hao) {
                #expect(DocNumberScanner.matches(in: line).isEmpty, "\(sentence.text)")
                #expect(DocNumberScanner.malformed(in: line).isEmpty, "\(sentence.text)")
                #expect(CitationExtractor.decrees(in: line).isEmpty, "\(sentence.text)")
            }
            if !triggers.contains(.titleOpening) { #expect(CitationExtractor.titleBrackets(line).isEmpty) }
            if !triggers.contains(.fu) { #expect(line.firstIndex(of: "附件") == nil, "\(sentence.text)") }
            if !triggers.contains(.longNumber) { #expect(UnreadableNumbers.find(in: line).isEmpty, "\(sentence.text)") }
            if !triggers.contains(.copies) {
                var quoting = QuotingSentence(sentence)
                #expect(SubmissionExtractor.scanMaterials(in: &quoting).isEmpty, "\(sentence.text)")
            }
            if !triggers.contains(.naming) {
                #expect(line.firstIndex(of: "命名") == nil && line.firstIndex(of: "邮件主题为") == nil, "\(sentence.text)")
            }
            if !triggers.contains(.quotaWord) {
                #expect(!QuotaExtractor.quotaWords.occurs(in: line), "\(sentence.text)")
                #expect(QuotaExtractor.extract([sentence]).isEmpty, "\(sentence.text)")
                withoutQuotaWords += 1
            }
            if !triggers.contains(.submissionWord) {
                #expect(SubmissionExtractor.sentenceWords.firstPositions(in: line).isEmpty, "\(sentence.text)")
                withoutSubmissionWords += 1
            }
        }
        #expect(skipped > 1_000, "\(skipped) sentences hold no date")
        #expect(withoutQuotaWords > 1_000, "\(withoutQuotaWords) sentences hold no quota word's first scalar")
        #expect(withoutSubmissionWords > 1_000, "\(withoutSubmissionWords) sentences hold no channel's or format's")
    }

    @Test("Edge lines: a count one digit short of unreadable is no long number, a three-digit year no numeric date")
    func edges() {
        func triggers(_ text: String) -> SentenceTriggers { Sentence(line: TextLine(text)).triggers }
        #expect(!triggers("推荐123456789012345项").contains(.longNumber))
        #expect(triggers("推荐1234567890123456项").contains(.longNumber))
        #expect(triggers("推荐OOOOOOOOOOOOOOOO项").contains(.longNumber))  // (O is read as 〇)
        #expect(UnreadableNumbers.find(in: TextLine("推荐一二三四五六七八九〇一二三四五六七项")).count == 1)
        #expect(triggers("请于2023.9.1前报送").contains(.numericDate))
        #expect(!triggers("请于223-09-01前报送").contains(.numericDate))
        // A trigger is what a rule cannot match without, not a match: an area code lets the sentence
        // through to the date scanner, which finds no year in it.
        #expect(triggers("电话：0371-65500000").contains(.numericDate))
        #expect(DateExpressions.scan(TextLine("电话：0371-65500000")).isEmpty)
        #expect(triggers("国质检质〔2016512號") == [.hao])
        #expect(triggers("二〇二三年九月一日") == [.month])
        #expect(triggers("") == [])
        // A quota word's or a channel's first scalar alone sets its trigger, wherever it stands: the rule
        // then scans the sentence as before.
        #expect(triggers("推") == [.quotaWord])
        #expect(triggers("e") == [.submissionWord])
        #expect(triggers("送至") == [.submissionWord])
        #expect(triggers("名额不限") == [.quotaWord])
        #expect(triggers("请于9月1日前报送").isSuperset(of: [.month, .submissionWord]))
        #expect(!triggers("请于9月1日前报送").contains(.quotaWord))
    }

    private static func longestNumeralRun(_ scalars: [Unicode.Scalar]) -> Int {
        var longest = 0
        var run = 0
        for scalar in scalars {
            run = scalar.isASCIIDigit || ChineseNumerals.isNumeral(scalar) ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
