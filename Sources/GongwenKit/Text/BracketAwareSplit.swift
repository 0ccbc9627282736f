extension TextLine {
    static let openingBrackets: ScalarSet = ["（", "(", "《", "“", "‘", "〔", "【", "["]
    static let closingBrackets: ScalarSet = ["）", ")", "》", "”", "’", "〕", "】", "]"]

    /// The stretches of the line between separators that stand outside brackets and quotes
    /// ("各县（市）区工信局，高新区经发局" cut at ， keeps "（市）" whole). With
    /// `keepingSeparators`, each stretch ends with the separator that closed it (sentences keep
    /// their 。). Empty stretches are left out.
    func ranges(separatedBy separators: ScalarSet, keepingSeparators: Bool = false) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        forEachRange(separatedBy: separators, keepingSeparators: keepingSeparators) { ranges.append($0) }
        return ranges
    }

    /// Each stretch `ranges(separatedBy:keepingSeparators:)` gives, handed over as it is found, in no
    /// array: cutting every paragraph into sentences grew an array of ranges for each, a seventh of
    /// all the allocations of a parse.
    func forEachRange(
        separatedBy separators: ScalarSet, keepingSeparators: Bool = false, _ body: (Range<Int>) -> Void
    ) {
        var depth = 0
        var start = 0
        // The sets read once, not at each scalar, and the scalars read from their buffer.
        let opening = Self.openingBrackets
        let closing = Self.closingBrackets
        // An ideograph, most of a line, is no bracket and (in the sets the library cuts at) no separator.
        let passesIdeographs = !separators.holdsIdeographs
        scalars.withUnsafeBufferPointer { scalars in
            for (i, scalar) in scalars.enumerated() {
                if passesIdeographs, ScalarSet.isIdeograph(scalar) { continue }
                if opening.contains(scalar) {
                    depth += 1
                } else if closing.contains(scalar) {
                    depth = Swift.max(0, depth - 1)
                } else if depth == 0, separators.contains(scalar) {
                    let end = keepingSeparators ? i + 1 : i
                    if end > start { body(start..<end) }
                    start = i + 1
                }
            }
        }
        if start < count { body(start..<count) }
    }
}
