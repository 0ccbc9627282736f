/// The decimal digits of a number written as bytes: the JSON writer's integers (lines and columns, most of one to
/// five digits) and a document number's canonical text.
enum DecimalDigits {
    /// How many digits `value` is written with (one for 0): counted by comparisons, not a division a digit.
    @inline(__always)
    static func count(_ value: UInt) -> Int {
        var digits = 1
        var bound: UInt = 10
        while value >= bound {
            digits += 1
            guard bound <= UInt.max / 10 else { break }
            bound &*= 10
        }
        return digits
    }

    /// Writes the `count(value)` digits of `value` from `start` on, two at a time from a table of the hundred
    /// pairs (a division a digit took half of a source span's writing); returns how many it wrote.
    @inline(__always)
    static func write(_ value: UInt, to start: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = count(value)
        var rest = value
        var at = digits
        let pairs = pairTable.utf8Start
        while rest >= 10 {
            let pair = Int(rest % 100) &* 2
            rest /= 100
            at -= 2
            start[at] = pairs[pair]
            start[at + 1] = pairs[pair + 1]
        }
        if at > 0 { start[0] = UInt8(ascii: "0") + UInt8(rest) }
        return digits
    }

    /// "00" to "99", one after another: the digits of `n` < 100 at `2 * n`.
    private static let pairTable: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
}
