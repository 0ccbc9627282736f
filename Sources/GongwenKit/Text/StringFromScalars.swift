extension String {
    /// The string of `scalars`, encoded as UTF-8 in one pass where they lie in memory side by side (an
    /// array, a line's scalars and stretches of them): building a `String.UnicodeScalarView` from
    /// them appends them a scalar at a time, at several times the cost.
    package init<C: Collection<Unicode.Scalar>>(scalars: C) {
        if let string = scalars.withContiguousStorageIfAvailable(TextLine.string) {
            self = string
        } else {
            self = Array(scalars).withUnsafeBufferPointer(TextLine.string)
        }
    }
}

extension String {
    /// The text of `lines` with `separator` (an ASCII scalar, or none) between them, encoded in one pass
    /// into storage of its exact size: joining the lines' strings made a string for each line first.
    package init(joining lines: some Collection<TextLine>, separator: Unicode.Scalar?) {
        precondition(separator?.isASCII ?? true, "the separator is one byte of UTF-8")
        let separator = separator.map { UInt8($0.value) }
        self.init(encodedUTF8: TextLine.utf8Length(joining: lines, separator: separator)) {
            TextLine.encode(joining: lines, separator: separator, into: $0)
        }
    }

    /// The string of the UTF-8 that `encode` writes into a buffer of `count` bytes (returning how many it wrote:
    /// `count`, or fewer when `count` was a bound), encoded from scalars and so valid by construction. Up to
    /// `uncheckedLength` bytes they are written on the stack and copied in without being validated again: the string
    /// made in place (`init(unsafeUninitializedCapacity:)`) validates every byte, ~1% of a parse. Longer ones, rare,
    /// are made in place: a second buffer of a huge notice's section would raise its memory peak.
    init(encodedUTF8 count: Int, _ encode: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        guard count <= Self.uncheckedLength else {
            self.init(unsafeUninitializedCapacity: count, initializingUTF8With: encode)
            return
        }
        self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            let written = encode(buffer)
            return StringUTF8.string(ofValid: UnsafeBufferPointer(rebasing: buffer[..<written]))
        }
    }

    static let uncheckedLength = 1024
}

extension TextLine {
    /// The UTF-8 length of `lines` with `separator` (one byte, or none) between them.
    static func utf8Length(joining lines: some Collection<TextLine>, separator: UInt8?) -> Int {
        var length = lines.isEmpty || separator == nil ? 0 : lines.count - 1
        for line in lines { length += line.scalars.withUnsafeBufferPointer(utf8Length) }
        return length
    }

    /// Writes the UTF-8 of `lines` with `separator` between them into `buffer` (of at least
    /// `utf8Length(joining:separator:)` bytes); returns the number of bytes written.
    static func encode(
        joining lines: some Collection<TextLine>, separator: UInt8?, into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var n = 0
        for (index, line) in lines.enumerated() {
            if index > 0, let separator {
                buffer[n] = separator
                n += 1
            }
            n = line.scalars.withUnsafeBufferPointer { encode($0, into: buffer, at: n) }
        }
        return n
    }
}
