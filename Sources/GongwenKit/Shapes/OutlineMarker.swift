/// The number that opens an item of the body's outline, as GB/T 9704 lays it out:
/// "一、", "（一）", "1." / "1．" / "1、", "（1）", and circled "①".
package struct OutlineMarker: Equatable, Sendable {
    package enum Kind: Hashable, Sendable {
        case chineseEnumerated  // 一、
        case chineseParenthesized  // （一） or (一)
        case arabicEnumerated  // 1. 1． 1、
        case arabicParenthesized  // （1） or (1)
        case circled  // ①
        case markdownHeading(UInt8)  // an unnumbered "## Heading", by its level (1–6)
    }

    package var kind: Kind
    /// The marker's scalars as written, packed: 21 bits each, three to a word, the first in the low bits
    /// of `writtenLow`, the rest zero (no marker holds U+0000). `parse` reads none longer than five
    /// ("（十二）" is four). The string is made only when asked for: most markers parsed are asked only
    /// whether there is one, or its kind and number, and a string made at each parse was 250
    /// instructions.
    private var writtenLow: UInt64
    private var writtenHigh: UInt64
    // Every item of an outline holds one: the number and the start in 32 bits (a line is shorter than
    // 2 GiB, the most `IngestLimits` lets be read), so that a marker takes 32 bytes, not 48.
    private var storedNumber: Int32
    private var storedContentStart: Int32

    /// The item's number (一 = 1).
    package var number: Int { Int(storedNumber) }
    /// Where the item's own words begin in the line (after the marker and any space).
    package var contentStart: Int { Int(storedContentStart) }

    /// The most scalars a marker's text holds.
    static let longestText = 6

    package init(kind: Kind, number: Int, text: some Collection<Unicode.Scalar>, contentStart: Int) {
        self.kind = kind
        var low: UInt64 = 0
        var high: UInt64 = 0
        var k: UInt64 = 0
        for scalar in text {
            if k < 3 {
                low |= UInt64(scalar.value) << (21 &* k)
            } else {
                high |= UInt64(scalar.value) << (21 &* (k &- 3))
            }
            k &+= 1
        }
        precondition(k <= Self.longestText, "an outline marker is at most six scalars")
        (writtenLow, writtenHigh) = (low, high)
        storedNumber = Int32(clamping: number)
        storedContentStart = Int32(clamping: contentStart)
    }

    /// The marker as written, e.g. "（一）" or "1．". Its UTF-8 is encoded on the stack and made a string
    /// at once: a marker of up to 15 bytes ("（一百二）", the longest `parse` reads, is 15) is a small
    /// string, held in place with no allocation. (Appended a scalar at a time to a string's scalars, each
    /// section's number took an allocation and 300 instructions when the record was written.)
    package var text: String {
        // (Encoded from scalars, so valid: `String(encodedUTF8:)` does not validate it again, as decoding it did,
        // half of the getter.)
        String(encodedUTF8: 4 * Self.longestText) { bytes in
            var count = 0
            for k in 0..<Self.longestText {
                let word = k < 3 ? writtenLow : writtenHigh
                let value = UInt32(truncatingIfNeeded: word >> (21 * (k % 3)) & 0x1F_FFFF)
                guard value != 0, let scalar = Unicode.Scalar(value) else { break }
                UTF8.encode(scalar) { byte in
                    bytes[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// Whether `line` begins with a scalar a marker may begin with: true for every line `parse` reads a
    /// marker on (`OutlineTests` holds it to that), and for few others.
    package static func mayBegin(_ line: TextLine) -> Bool {
        guard let first = line.scalars.first else { return false }
        return mayBegin(with: first)
    }

    /// Whether a line beginning with `first` may begin with a marker (`mayBegin`).
    package static func mayBegin(with first: Unicode.Scalar) -> Bool {
        first == "（" || first == "(" || (0x2460...0x2473).contains(first.value) || first.isASCIIDigit
            || (ChineseNumerals.isNumeral(first) && first != "〇" && first != "O" && first != "0")
    }

    /// The marker at the start of `line`, if any. A digit right after "1." is read as a decimal
    /// ("1.5倍"), not an item, unless `allowDigitAfter` (lists of titles such as "1.2023年度…").
    package static func parse(_ line: TextLine, allowDigitAfter: Bool = false) -> OutlineMarker? {
        let s = line.scalars
        guard let first = s.first else { return nil }
        func finish(_ kind: Kind, _ number: Int, _ end: Int) -> OutlineMarker? {
            var start = end
            while start < s.count, s[start].isLineSpace { start += 1 }
            guard start < s.count else { return nil }  // a bare number is not an item
            // (The marker's scalars read from the line's buffer: a line cut for them cut its source points
            // too, and a walk of a stretch retains its storage.)
            return s.withUnsafeBufferPointer {
                OutlineMarker(
                    kind: kind, number: number, text: UnsafeBufferPointer(rebasing: $0[0..<end]), contentStart: start)
            }
        }
        if first == "（" || first == "(" {
            var i = 1
            while i < s.count, i <= 4, s[i] != "）", s[i] != ")" { i += 1 }
            guard i < s.count, i > 1, s[i] == "）" || s[i] == ")" else { return nil }
            let inside = s[1..<i]
            if let n = ChineseNumerals.value(of: inside), inside.allSatisfy({ ChineseNumerals.isNumeral($0) }), n > 0 {
                return finish(.chineseParenthesized, n, i + 1)
            }
            if inside.allSatisfy({ $0.isASCIIDigit }), let n = Numerals.decimal(inside) {
                return finish(.arabicParenthesized, n, i + 1)
            }
            return nil
        }
        if (0x2460...0x2473).contains(first.value) {
            return finish(.circled, Int(first.value - 0x2460) + 1, 1)
        }
        if ChineseNumerals.isNumeral(first) && first != "〇" && first != "O" && first != "0" {
            var i = 0
            while i < s.count, i < 4, ChineseNumerals.isNumeral(s[i]) { i += 1 }
            // "一、" as GB/T 9704 sets it; "一." and "一．" as web pages often write it.
            guard i < s.count, s[i] == "、" || s[i] == "." || s[i] == "．", let n = ChineseNumerals.value(of: s[0..<i]),
                n > 0
            else { return nil }
            if s[i] != "、", i + 1 < s.count, s[i + 1].isASCIIDigit || ChineseNumerals.isNumeral(s[i + 1]) { return nil }
            return finish(.chineseEnumerated, n, i + 1)
        }
        if first.isASCIIDigit {
            var i = 0
            while i < s.count, s[i].isASCIIDigit { i += 1 }
            guard i <= 3, i < s.count, s[i] == "." || s[i] == "．" || s[i] == "、",
                let n = Numerals.decimal(s[0..<i]), n > 0
            else { return nil }
            let after = i + 1
            if !allowDigitAfter, after < s.count, s[after].isASCIIDigit { return nil }
            return finish(.arabicEnumerated, n, after)
        }
        return nil
    }
}
