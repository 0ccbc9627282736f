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
    package init(joining lines: [TextLine], separator: Unicode.Scalar?) {
        precondition(separator?.isASCII ?? true, "the separator is one byte of UTF-8")
        let separatorLength = separator == nil ? 0 : 1
        var length = lines.isEmpty ? 0 : separatorLength * (lines.count - 1)
        for line in lines { length += line.scalars.withUnsafeBufferPointer(TextLine.utf8Length) }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for (index, line) in lines.enumerated() {
                if index > 0, let separator {
                    buffer[n] = UInt8(separator.value)
                    n += 1
                }
                n = line.scalars.withUnsafeBufferPointer { TextLine.encode($0, into: buffer, at: n) }
            }
            return n
        }
    }
}
