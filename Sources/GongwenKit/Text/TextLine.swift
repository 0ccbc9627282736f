import CScan

/// A line of text whose every scalar remembers where it stood in the original input.
///
/// Every stage works on these: ingest makes one per input line, normalization rewrites them
/// (folding, stripping markup, joining hard-wrapped lines) and keeps `origins` in step, so any
/// value cut from a line can name the words it came from.
package struct TextLine: Sendable, Equatable {
    /// The line's scalars; a line cut from another shares its storage.
    package private(set) var scalars: Scalars
    package private(set) var origins: Origins

    package init() {
        scalars = Scalars()
        origins = Origins()
    }

    /// A line as it stands in the input: scalar `i` sits at column `i + 1` of line `lineNumber`.
    package init<S: Sequence>(original scalars: S, lineNumber: Int) where S.Element == Unicode.Scalar {
        self.scalars = Scalars(scalars)
        self.origins = Origins(from: SourcePoint(line: lineNumber, column: 1), count: self.scalars.count)
    }

    package init(scalars: [Unicode.Scalar], origins: [SourcePoint]) {
        self.init(scalars: scalars, origins: Origins(origins))
    }

    package init(scalars: [Unicode.Scalar], origins: Origins) {
        self.init(scalars: Scalars(scalars), origins: origins)
    }

    package init(scalars: Scalars, origins: Origins) {
        precondition(scalars.count == origins.count, "every scalar needs an origin")
        self.scalars = scalars
        self.origins = origins
    }

    package var count: Int { scalars.count }
    package var isEmpty: Bool { scalars.isEmpty }
    package var text: String { scalars.withUnsafeBufferPointer(Self.string) }

    /// The string of some scalars, encoded as UTF-8 in one pass (appending them to a
    /// `String.UnicodeScalarView` one by one costs several times as much), into storage of its exact
    /// size: a string keeps the capacity it was made with, and four bytes a scalar held a Chinese
    /// text's strings a third larger than they are, an ASCII one's four times. Up to a quarter of
    /// `String.uncheckedLength` scalars are encoded onto the stack in room for their widest UTF-8, and copied
    /// in from there, without their length counted first (most of a record's strings: the count was a third
    /// of the cost of making one).
    static func string(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        let widest = 4 &* scalars.count
        guard widest <= String.uncheckedLength else {
            return String(encodedUTF8: utf8Length(scalars)) { encode(scalars, into: $0, at: 0) }
        }
        return String(encodedUTF8: widest) { encode(scalars, into: $0, at: 0) }
    }

    /// The UTF-8 length of some scalars (`UTF8.width` of each, without a call a scalar): one byte, and
    /// one more for each bound the scalar reaches, summed without a branch so that the loop is vectorized
    /// (the nested choice of 1, 2, 3 or 4 was a branch a scalar).
    static func utf8Length(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        var length = 0
        for scalar in scalars {
            let value = scalar.value
            // (`(bound &- value) >> 31` is 1 when value passes bound: a scalar value is below 2^31.)
            length &+= 1 &+ Int((0x7F &- value) >> 31) &+ Int((0x7FF &- value) >> 31) &+ Int((0xFFFF &- value) >> 31)
        }
        return length
    }

    /// Writes the UTF-8 of `scalars` into `buffer` from `start` on; returns where it stopped. Four
    /// scalars at a time where all four are Chinese characters (three bytes each), ASCII or a mix of the
    /// two, by a C loop on SSE2 (`gw_utf8_encode`): a scalar at a time, its three bytes asked for first,
    /// the record's text took 3.7% of a parse's instructions, 2.3% after.
    static func encode(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        guard let source = scalars.baseAddress, let target = buffer.baseAddress else { return start }
        precondition(start <= buffer.count, "the bytes begin inside the buffer")
        // (A scalar is its UInt32 value, and is read as one.)
        let written = source.withMemoryRebound(to: UInt32.self, capacity: scalars.count) {
            gw_utf8_encode($0, scalars.count, target + start, buffer.count - start)
        }
        return start + written
    }

    /// Room for `capacity` scalars: a line built a scalar at a time from another is allocated once.
    package mutating func reserveCapacity(_ capacity: Int) {
        scalars.reserveCapacity(capacity)
    }

    /// Room for `more` scalars after the line's, grown twofold at least (see `Scalars.reserveRoom(for:)`).
    package mutating func reserveRoom(for more: Int) {
        scalars.reserveRoom(for: more)
    }

    /// Lets go of room reserved beyond the line's scalars (see `Scalars.shrinkToFit`).
    package mutating func shrinkToFit() {
        scalars.shrinkToFit()
    }

    package mutating func append(_ scalar: Unicode.Scalar, from origin: SourcePoint) {
        scalars.append(scalar)
        origins.append(origin)
    }

    /// `scalars` that stood side by side in the input from `first` on: one run of positions.
    package mutating func append(contentsOf scalars: UnsafeBufferPointer<Unicode.Scalar>, from first: SourcePoint) {
        self.scalars.append(contentsOf: scalars)
        origins.append(run: first, count: scalars.count)
    }

    package mutating func append(_ other: TextLine) {
        append(contentsOf: other, range: 0..<other.count)
    }

    package mutating func append(contentsOf other: TextLine, range: Range<Int>) {
        other.scalars.stretch(range).withUnsafeBufferPointer { scalars.append(contentsOf: $0) }
        origins.append(contentsOf: other.origins, range: range)
    }

    /// The scalars in `range` as a line of their own, sharing this line's storage.
    package subscript(range: Range<Int>) -> TextLine {
        TextLine(scalars: scalars.stretch(range), origins: origins[range])
    }

    /// The span of the scalars in `range` (which must not be empty).
    package func span(_ range: Range<Int>) -> SourceSpan {
        SourceSpan(start: origins[range.lowerBound], end: origins[range.upperBound - 1])
    }

    /// The span of the whole line; nil for an empty line.
    package var span: SourceSpan? { isEmpty ? nil : span(0..<count) }

    /// The same line without leading and trailing white space (tabs included).
    package func trimmed() -> TextLine { trimmed(to: trimmedRange) }

    /// `trimmed()`, told its `trimmedRange` (found already for another question about the line).
    package func trimmed(to trimmedRange: Range<Int>) -> TextLine {
        trimmedRange.count == count ? self : self[trimmedRange]
    }

    /// Trims the line where it is, to its `trimmedRange` (found already): a line with no white space at its
    /// ends, most lines, is left as it is (`line = line.trimmed(to:)` copied it, and let the line go).
    package mutating func trim(to trimmedRange: Range<Int>) {
        if trimmedRange.count != count { self = self[trimmedRange] }
    }

    /// Trims the line where it is: `trim(to: trimmedRange)`.
    package mutating func trim() { trim(to: trimmedRange) }

    /// Where the line's scalars lie without leading and trailing white space: what `trimmed()` keeps, for
    /// a question about its length or its first scalar that needs no line made (and copied) to answer.
    package var trimmedRange: Range<Int> { trimmedRange(within: 0..<count) }

    /// `range` without the white space at its ends: where `self[range].trimmed()` lies in the line.
    package func trimmedRange(within range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, scalars[start].isLineSpace { start += 1 }
        while end > start, scalars[end - 1].isLineSpace { end -= 1 }
        return start..<end
    }

    /// True when the input had white space between scalar `index - 1` and scalar `index` that
    /// normalization removed (their source columns are not adjacent). Used to recover spacing
    /// that separates names ("路正红 别 致") after CJK spacing was folded away.
    package func hadGap(before index: Int) -> Bool {
        // (A line of one run has no gap: the contact tokenizer asks at each ideograph of a line.)
        guard index > 0, index < count, origins.hasSeveralRuns else { return false }
        let previous = origins[index - 1]
        let current = origins[index]
        return previous.line != current.line || current.column - previous.column > 1
    }

    /// The positions where `hadGap(before:)` is true, in order. Within a run of source points each follows
    /// the one before on its input line, so a gap can stand only where a run begins: asked there, once a run,
    /// not at each position (each ask looks up two source points among the runs).
    package var gapPositions: [Int] { origins.gapStarts }

    package func hasPrefix(_ prefix: String) -> Bool { hasPrefix(prefix, at: 0) }

    /// Whether `prefix` stands at scalar `index`. (The word's UTF-8 is read in place: see `StringUTF8`.)
    package func hasPrefix(_ prefix: String, at index: Int) -> Bool {
        StringUTF8.withBytes(of: prefix) { word in
            scalars.withUnsafeBufferPointer { s in
                var i = index
                var k = 0
                while k < word.count {
                    guard i >= 0, i < s.count else { return false }
                    let (value, length) = StringUTF8.scalar(in: word, at: k)
                    guard s[i].value == value else { return false }
                    i += 1
                    k += length
                }
                return true
            }
        }
    }

    package func hasSuffix(_ suffix: String) -> Bool { hasSuffix(suffix, before: count) }

    /// Whether `suffix` ends right before scalar `index`.
    package func hasSuffix(_ suffix: String, before index: Int) -> Bool {
        guard index <= count else { return false }
        return StringUTF8.withBytes(of: suffix) { word in
            scalars.withUnsafeBufferPointer { s in
                var i = index
                var k = word.count
                while k > 0 {
                    guard i > 0 else { return false }
                    let start = StringUTF8.scalarStart(in: word, before: k)
                    guard s[i - 1].value == StringUTF8.scalar(in: word, at: start).value else { return false }
                    i -= 1
                    k = start
                }
                return true
            }
        }
    }

    /// The index of the first occurrence of `needle` at or after `from`, or nil: the scalars are
    /// scanned for the needle's first one, and the rest compared only there.
    package func firstIndex(of needle: String, from: Int = 0) -> Int? {
        StringUTF8.withBytes(of: needle) { word in
            guard !word.isEmpty else { return nil }
            let (first, firstLength) = StringUTF8.scalar(in: word, at: 0)
            return scalars.withUnsafeBufferPointer { s in
                // (The word's first scalar found sixteen at a time, `Scalars.firstIndex(of:or:in:from:)`.)
                var i = Swift.max(from, 0)
                while let found = Scalars.firstIndex(of: first, or: first, in: s, from: i) {
                    var j = found + 1
                    var k = firstLength
                    while k < word.count {
                        let (value, length) = StringUTF8.scalar(in: word, at: k)
                        guard j < s.count, s[j].value == value else { break }
                        j += 1
                        k += length
                    }
                    if k == word.count { return found }
                    i = found + 1
                }
                return nil
            }
        }
    }

    /// The first position from `start` on whose scalar is `first` or `second`, or nil (sixteen compared at
    /// a time: `Scalars.firstIndex(of:or:in:from:)`).
    package func firstIndex(of first: Unicode.Scalar, or second: Unicode.Scalar, from start: Int = 0) -> Int? {
        scalars.withUnsafeBufferPointer { Scalars.firstIndex(of: first.value, or: second.value, in: $0, from: start) }
    }

    package func contains(_ needle: String) -> Bool { firstIndex(of: needle) != nil }

    /// The index of the last occurrence of `needle`, or nil.
    func lastIndex(of needle: String) -> Int? {
        guard !needle.isEmpty else { return nil }
        var i = count - 1
        while i >= 0 {
            if hasPrefix(needle, at: i) { return i }
            i -= 1
        }
        return nil
    }

    /// Width in monospace columns as a CJK layout sets it: wide and full-width characters take two.
    package var displayWidth: Int { displayWidth(of: 0..<count) }

    /// The display width of the scalars in `range`.
    /// (Read from the buffer: through the collection, each scalar was a checked subscript of its own.)
    package func displayWidth(of range: Range<Int>) -> Int {
        scalars.withUnsafeBufferPointer { scalars in
            var width = 0
            for scalar in scalars[range] { width &+= scalar.isWide ? 2 : 1 }
            return width
        }
    }
}
