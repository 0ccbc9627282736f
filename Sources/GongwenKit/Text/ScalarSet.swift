/// A fixed set of scalars that answers `contains` with one bit test (a bitmap over the Basic
/// Multilingual Plane), where `Set<Unicode.Scalar>` hashes every character it is asked about: the
/// separators, brackets and units the scanners test at every position of a line.
package struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    private let bits: [UInt64]
    private let beyondBMP: Set<Unicode.Scalar>

    package init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var beyondBMP: Set<Unicode.Scalar> = []
        for scalar in scalars {
            if scalar.value < 0x10000 {
                bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
            } else {
                beyondBMP.insert(scalar)
            }
        }
        self.init(bits: bits, beyondBMP: beyondBMP)
    }

    private init(bits: [UInt64], beyondBMP: Set<Unicode.Scalar>) {
        self.bits = bits
        self.beyondBMP = beyondBMP
        holdsIdeographs = bits[(0x4E00 >> 6)...(0x9FFF >> 6)].contains { $0 != 0 }
    }

    /// Whether one of the CJK Unified Ideographs (U+4E00–U+9FFF, most of a Chinese text) is in the set:
    /// a scan for a set of punctuation can pass over them without a look-up.
    package let holdsIdeographs: Bool

    /// Whether `scalar` is one of the CJK Unified Ideographs (see `holdsIdeographs`).
    @inline(__always)
    package static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool { scalar.value &- 0x4E00 < 0x5200 }

    package init(arrayLiteral scalars: Unicode.Scalar...) { self.init(scalars) }

    /// The scalars of all of `sets`.
    package init(union sets: [ScalarSet]) {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for set in sets {
            for word in bits.indices { bits[word] |= set.bits[word] }
        }
        self.init(bits: bits, beyondBMP: sets.reduce(into: []) { $0.formUnion($1.beyondBMP) })
    }

    /// The scalars of `characters`: `ScalarSet(of: "，。；")`.
    package init(of characters: String) { self.init(characters.unicodeScalars) }

    @inline(__always)
    package func contains(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x10000 {
            // The bitmap has a word for each 64 scalars of the BMP: the index is always in it.
            return bits.withUnsafeBufferPointer { $0[Int(scalar.value >> 6)] } & (1 << UInt64(scalar.value & 63)) != 0
        }
        return beyondBMP.contains(scalar)
    }
}

extension ScalarSet {
    /// The punctuation that ends a clause, full-width and half-width (，,。；;：:): where a sentence is cut
    /// into clauses, and what a heading or a numbered heading holds none of.
    package static let clausePunctuation = ScalarSet(of: "，,。；;：:")
}
