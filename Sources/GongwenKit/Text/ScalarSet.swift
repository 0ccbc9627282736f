/// A set of scalars that answers `contains` with one bit test (a bitmap over the Basic
/// Multilingual Plane), where `Set<Unicode.Scalar>` hashes every character it is asked about: the
/// separators, brackets and units the scanners test at every position of a line.
public struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var beyondBMP: Set<Unicode.Scalar> = []

    public init() {}

    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars {
            if scalar.value < 0x10000 {
                bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
            } else {
                beyondBMP.insert(scalar)
            }
        }
    }

    public init(arrayLiteral scalars: Unicode.Scalar...) { self.init(scalars) }

    /// The scalars of `characters`: `ScalarSet(of: "，。；")`.
    public init(of characters: String) { self.init(characters.unicodeScalars) }

    /// Adds `scalar`; true when it was not in the set yet.
    @discardableResult
    public mutating func insert(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value < 0x10000 else { return beyondBMP.insert(scalar).inserted }
        let word = Int(scalar.value >> 6), bit: UInt64 = 1 << UInt64(scalar.value & 63)
        guard bits[word] & bit == 0 else { return false }
        bits[word] |= bit
        return true
    }

    @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x10000 { return bits[Int(scalar.value >> 6)] & (1 << UInt64(scalar.value & 63)) != 0 }
        return beyondBMP.contains(scalar)
    }
}
