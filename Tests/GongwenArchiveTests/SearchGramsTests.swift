import Foundation
import Testing

@testable import GongwenArchive

/// The archive's bigram words, against the same words built one scalar at a time (as they were first built):
/// the index written by one build must be found by the queries of the other.
@Suite("Search grams")
struct SearchGramsTests {
    /// `text`'s indexable scalars, each pair a word, built a scalar at a time through `String.UnicodeScalarView`.
    static func pairs(_ text: String) -> [String] {
        let scalars = SearchGrams.indexable(text)
        guard scalars.count > 1 else { return [] }
        return (0..<(scalars.count - 1)).map { i in
            var gram = String.UnicodeScalarView()
            gram.append(scalars[i])
            gram.append(scalars[i + 1])
            return String(gram)
        }
    }

    static func texts() throws -> [String] {
        let notices = try FileManager.default.contentsOfDirectory(atPath: Paths.notices).sorted().map {
            try String(contentsOfFile: Paths.notices + "/" + $0, encoding: .utf8)
        }
        return notices + [
            "", "甲", "甲乙", "ＡＢC d1２", "联系电话：010-66072791，邮箱 qmb@caq.org.cn。", "𠀀𠀁 emoji 😀 ☃",
            "\u{4DFF}\u{4E00}\u{9FFF}\u{A000}", "\u{FFFD}\u{F0000}\u{10FFFF}", "\n\t \u{3000}",
        ]
    }

    @Test("A document is its bigrams apart by spaces; the distinct ones and a query's are the same words")
    func sameWords() throws {
        for text in try Self.texts() {
            let pairs = Self.pairs(text)
            let document = SearchGrams.document(text)
            if pairs.isEmpty {
                let expected = String(String.UnicodeScalarView(SearchGrams.indexable(text)))
                #expect(document == expected && document.utf8.elementsEqual(expected.utf8))
                #expect(SearchGrams.query(text) == nil)
                #expect(SearchGrams.distinct(text).isEmpty)
                continue
            }
            let joined = pairs.joined(separator: " ")
            #expect(document.utf8.elementsEqual(joined.utf8), "\(text.prefix(20))")
            #expect(SearchGrams.query(text) == pairs)
            var seen = Set<String>()
            #expect(SearchGrams.distinct(text) == pairs.filter { seen.insert($0).inserted })
        }
    }

    @Test("Every CJK Unified Ideograph of U+4E00–U+9FFF is a word character, as its general category (Lo) says")
    func ideographs() {
        for value in UInt32(0x4DF0)...0xA010 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let letterOrNumber: Bool
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
                .letterNumber, .otherNumber, .privateUse:
                letterOrNumber = true
            default: letterOrNumber = false
            }
            #expect(SearchGrams.isWordCharacter(scalar) == letterOrNumber, "U+\(String(value, radix: 16))")
        }
    }
}
