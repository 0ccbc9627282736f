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
