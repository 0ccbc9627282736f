extension TextLine {
    static let openingBrackets: ScalarSet = ["（", "(", "《", "“", "‘", "〔", "【", "["]
    static let closingBrackets: ScalarSet = ["）", ")", "》", "”", "’", "〕", "】", "]"]

    /// What a line is cut at (`ranges(separatedBy:keepingSeparators:)`): the separators, and them with
    /// the brackets in one set, made once for each list of separators.
    package struct Separators: Sendable {
        let separators: ScalarSet
        /// The separators and the brackets: a scalar outside it (most of a line — ideographs, letters,
        /// digits, the other marks) is passed over by the C search over its bitmap, one look-up a scalar and a
        /// branch that goes the same way at nearly every scalar. (Passing over ideographs first, then asking
        /// the three sets of the rest, branched one way or the other wherever ideographs and the rest took turns.)
        let stops: ScalarSet

        package init(_ separators: ScalarSet) {
            self.separators = separators
            stops = ScalarSet(union: [separators, TextLine.openingBrackets, TextLine.closingBrackets])
        }
    }

    /// The stretches of the line between separators that stand outside brackets and quotes
    /// ("各县（市）区工信局，高新区经发局" cut at ， keeps "（市）" whole). With
    /// `keepingSeparators`, each stretch ends with the separator that closed it (sentences keep
    /// their 。). Empty stretches are left out.
    func ranges(separatedBy separators: Separators, keepingSeparators: Bool = false) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        forEachRange(separatedBy: separators, keepingSeparators: keepingSeparators) { ranges.append($0) }
        return ranges
    }

    /// Each stretch `ranges(separatedBy:keepingSeparators:)` gives, handed over as it is found, in no
    /// array: cutting every paragraph into sentences grew an array of ranges for each, a seventh of
    /// all the allocations of a parse.
    func forEachRange(
        separatedBy separators: Separators, keepingSeparators: Bool = false, _ body: (Range<Int>) -> Void
    ) {
        var depth = 0
        var start = 0
        // The sets read once, not at each scalar, and the scalars read from their buffer.
        let opening = Self.openingBrackets
        let closing = Self.closingBrackets
        let (stops, ends) = (separators.stops, separators.separators)
        scalars.withUnsafeBufferPointer { scalars in
            // (From stop to stop, each found by the C loop over the set's bitmap, `ScalarSet.firstIndex(in:from:)`.)
            var next = 0
            while let i = stops.firstIndex(in: scalars, from: next) {
                let scalar = scalars[i]
                if opening.contains(scalar) {
                    depth += 1
                } else if closing.contains(scalar) {
                    depth = Swift.max(0, depth - 1)
                } else if depth == 0, ends.contains(scalar) {
                    let end = keepingSeparators ? i + 1 : i
                    if end > start { body(start..<end) }
                    start = i + 1
                }
                next = i + 1
            }
        }
        if start < count { body(start..<count) }
    }
}
