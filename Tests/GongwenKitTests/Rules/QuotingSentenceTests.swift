import Testing

@testable import GongwenKit

@Suite("Quoting a sentence")
struct QuotingSentenceTests {
    /// Each quote, asked in any order and again, is what `Sentence.quote` makes of the same range — on
    /// every sentence the tests have and on sentences either side of the longest one quoted whole.
    @Test("A sentence's shared quotes are Sentence.quote's, whole or cut, at each length")
    func sameAsSentenceQuote() throws {
        var sentences = try SentenceTriggersTests.allSentences()
        for length in [1, 999, 1_000, 1_001, 5_000] {
            let text = String(repeating: "报", count: length - 1) + "。"
            sentences.append(Sentence(line: TextLine(text)))
        }
        var cut = 0
        for sentence in sentences where !sentence.line.isEmpty {
            let count = sentence.line.count
            let ranges = [0..<1, (count / 2)..<count, 0..<count, (count - 1)..<count, 0..<1]
            var quoting = QuotingSentence(sentence)
            for range in ranges {
                let quote = quoting.quote(range)
                #expect(quote == sentence.quote(range), "\(range) of \(sentence.text.prefix(40))")
                if quote.hasPrefix("…") || quote.hasSuffix("…") { cut += 1 }
            }
        }
        #expect(cut >= 4, "\(cut) quotes were cut")  // (the 1,001 and 5,000 scalars' sentences' quotes are)
        // The bound itself: 1,000 scalars are quoted whole, 1,001 in part.
        for (length, whole) in [(1_000, true), (1_001, false)] {
            let text = String(repeating: "报", count: length)
            var quoting = QuotingSentence(Sentence(line: TextLine(text)))
            #expect((quoting.quote(0..<1) == text) == whole, "\(length) scalars")
        }
    }
}
