import Foundation

/// A `String`'s UTF-8 read in place, for comparing words given as strings with lines of scalars.
///
/// `TextLine.hasPrefix`, `hasSuffix` and `firstIndex` are asked about a word literal at many places of
/// many lines; going through the word's `unicodeScalars` (or their `reversed()`) decoded it through the
/// string's general path at each ask, about a hundred instructions a call. Its bytes are read here with
/// no copy (a small string's from the stack) and its scalars decoded by their lead bytes, which a
/// `String`'s UTF-8 always is valid for.
enum StringUTF8 {
    /// Calls `body` with the UTF-8 of `string`.
    @inline(__always)
    static func withBytes<R>(of string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = string  // (a bridged string, not made by this library: made native once)
        return copy.withUTF8(body)
    }

    /// Whether `a` and `b` hold the same bytes: `memcmp` (a generic `elementsEqual` over two buffers went a
    /// byte at a time through its iterators: 94 instructions a call for the names' prefixes and suffixes).
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let first = a.baseAddress, let second = b.baseAddress else { return true }  // (both empty)
        return memcmp(first, second, a.count) == 0
    }

    /// The string of `bytes`, valid UTF-8 (a string's own, or encoded from scalars), copied in without being
    /// validated again (a string made from them in place validates every byte).
    @inline(__always)
    static func string(ofValid bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(copying: UTF8Span(unchecked: bytes.span))
    }

    /// The value of the scalar whose UTF-8 begins at `i` of valid UTF-8 `bytes`, and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        let value =
            (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F)
        return (value, 4)
    }

    /// Where the scalar that ends right before byte `end` of valid UTF-8 `bytes` begins (`end` > 0).
    @inline(__always)
    static func scalarStart(in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
        var start = end - 1
        while bytes[start] & 0xC0 == 0x80 { start -= 1 }  // a continuation byte, 10xxxxxx
        return start
    }

    /// The first scalar of `string`, or nil when it is empty: its `unicodeScalars.first` (which went through the
    /// string's general path, a hundred instructions, asked of every name a province may begin).
    static func firstScalar(of string: String) -> Unicode.Scalar? {
        withBytes(of: string) { bytes in bytes.isEmpty ? nil : Unicode.Scalar(scalar(in: bytes, at: 0).value) }
    }

    /// The last scalar of `string`, or nil when it is empty: its `unicodeScalars.last` (two hundred instructions
    /// through the string's general path, asked of every name an association's ending may end).
    static func lastScalar(of string: String) -> Unicode.Scalar? {
        withBytes(of: string) { bytes in
            bytes.isEmpty
                ? nil : Unicode.Scalar(scalar(in: bytes, at: scalarStart(in: bytes, before: bytes.count)).value)
        }
    }
}

extension UInt8 {
    /// The byte with an ASCII capital letter made small (A–Z to a–z), any other byte as it is: file names
    /// and HTML tags compared in any case without lower-casing a string as Unicode.
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}
