/// A count written with more digits than any number can hold ("推荐" + twenty digits + "项"): the
/// readers leave it unread (`Numerals` returns nil rather than trap), the sentence keeps it as
/// written, and the record says so in a diagnostic.
package struct UnreadableNumber: Sendable, Equatable {
    /// The digits and the unit after them, as written.
    package var text: String
    /// Where they stand in the line.
    package var range: Range<Int>
}

package enum UnreadableNumbers {
    /// The units a count of candidates, copies or people ends with.
    static let units: ScalarSet = ["项", "家", "个", "名", "件", "户", "份", "人", "篇", "本"]
    /// The fewest digits a number too large to read has: `Numerals.largestCount` has sixteen.
    static let shortestRun = 16

    /// Runs of digits (Arabic or Chinese) before a unit whose value is larger than `Numerals.largestCount`.
    package static func find(in line: TextLine) -> [UnreadableNumber] {
        let s = line.scalars
        // Read once, not at each scalar (a constant's every read checks that it was made).
        let numerals = ChineseNumerals.numerals
        var found: [UnreadableNumber] = []
        var i = 0
        while i < s.count {
            guard s[i].isASCIIDigit || numerals.contains(s[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < s.count, s[i].isASCIIDigit || numerals.contains(s[i]) { i += 1 }
            let end = i
            var unit = i
            while unit < s.count, s[unit].isLineSpace { unit += 1 }
            // Only a number with as many digits as the largest count can be out of range.
            if end - start >= shortestRun, unit < s.count, units.contains(s[unit]),
                Numerals.count(s[start..<end]) == nil,
                s[start..<end].allSatisfy({ $0.isASCIIDigit })
                    || s[start..<end].allSatisfy({ ChineseNumerals.digit($0) != nil })
            {
                found.append(UnreadableNumber(text: line[start..<(unit + 1)].text, range: start..<(unit + 1)))
            }
        }
        return found
    }
}
