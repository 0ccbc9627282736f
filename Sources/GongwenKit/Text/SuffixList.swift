/// Words looked for at the end of a line, compiled once: a line whose last scalar ends none of them is
/// passed over with one bit test, where asking each word in turn compared a scalar a word (the
/// normalizer and the segmenter ask it of nearly every line).
package struct SuffixList: Sendable {
    /// The words, in the order given.
    package let words: [String]
    private let lastScalars: ScalarSet
    /// An empty word ends every line.
    private let hasEmptyWord: Bool

    package init(_ words: [String]) {
        self.words = words
        lastScalars = ScalarSet(words.compactMap(\.unicodeScalars.last))
        hasEmptyWord = words.contains("")
    }

    /// Whether `line` ends with one of the words.
    package func endsAny(_ line: TextLine) -> Bool { endsAny(line, before: line.count) }

    /// Whether one of the words ends right before scalar `index` of `line` (0 ≤ `index` ≤ its count).
    package func endsAny(_ line: TextLine, before index: Int) -> Bool {
        if hasEmptyWord { return true }
        guard index > 0, lastScalars.contains(line.scalars[index - 1]) else { return false }
        return words.contains { line.hasSuffix($0, before: index) }
    }
}
