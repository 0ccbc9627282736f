/// Words looked for at the end of a line, compiled once: a line whose last scalar ends none of them is
/// passed over with one bit test, where asking each word in turn compared a scalar a word (the
/// normalizer and the segmenter ask it of nearly every line).
package struct SuffixList: Sendable {
    /// The words, in the order given.
    package let words: [String]
    private let lastScalars: ScalarSet
    /// An empty word ends every line.
    private let hasEmptyWord: Bool
    /// The words' scalars one after another (word `k` is `wordScalars[wordStarts[k]..<wordStarts[k + 1]]`), and
    /// the words filed by their last scalars: a line is compared with the words that end with its scalar, not
    /// with each word of the list (an organization's endings, forty of them, most ending in 局, 厅, 会 or 委).
    private let wordScalars: [Unicode.Scalar]
    private let wordStarts: [Int]
    private let byLastScalar: WordsByScalar

    package init(_ words: [String]) {
        self.words = words
        let scalars = words.map { Array($0.unicodeScalars) }
        lastScalars = ScalarSet(scalars.compactMap(\.last))
        hasEmptyWord = words.contains("")
        (wordScalars, wordStarts) = WordsByScalar.flat(scalars)
        byLastScalar = WordsByScalar(keys: scalars.map(\.last))
    }

    /// Whether `line` ends with one of the words.
    package func endsAny(_ line: TextLine) -> Bool { endsAny(line, before: line.count) }

    /// Whether one of the words ends right before scalar `index` of `line` (0 ≤ `index` ≤ its count).
    package func endsAny(_ line: TextLine, before index: Int) -> Bool {
        if hasEmptyWord { return true }
        guard index > 0, index <= line.count, lastScalars.contains(line.scalars[index - 1]) else { return false }
        return line.scalars.withUnsafeBufferPointer { text in
            wordScalars.withUnsafeBufferPointer { scalars in
                // (The last scalar is the one the words were filed under: the others compared, back to front.)
                for k in byLastScalar.range(of: text[index - 1]) {
                    let word = byLastScalar[k]
                    let (start, end) = (wordStarts[word], wordStarts[word + 1])
                    guard end - start <= index else { continue }
                    var (i, j) = (index - 2, end - 2)
                    while j >= start, text[i] == scalars[j] { (i, j) = (i - 1, j - 1) }
                    if j < start { return true }
                }
                return false
            }
        }
    }
}
