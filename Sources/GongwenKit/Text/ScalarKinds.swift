/// A value for each scalar of a `ScalarSet` of the Basic Multilingual Plane, read without a branch: the set's
/// bitmap, the number of its scalars before each of the bitmap's words, and the values in code-point order —
/// a scalar's value is at the count of scalars before it (those of its word below its bit, and all before its
/// word). For a loop that visits the scalars of a set (`ScalarSet.forEachMember`) and asks what each one is: a
/// `switch` over them, or one test after another, went one way or the other at each scalar.
package struct ScalarKinds: Sendable {
    private let bits: [UInt64]
    private let before: [UInt16]
    private let values: [UInt32]

    /// The value of each scalar of `set` (which holds none past the BMP, and fewer than 65,536).
    package init(_ set: ScalarSet, value: (Unicode.Scalar) -> UInt32) {
        let members = set.members
        precondition(members.allSatisfy { $0.value < 0x10000 }, "a scalar past the BMP")
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for scalar in members { bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63) }
        var before = [UInt16](repeating: 0, count: bits.count)
        var count = 0
        for word in bits.indices {
            before[word] = UInt16(count)
            count += bits[word].nonzeroBitCount
        }
        (self.bits, self.before, self.values) = (bits, before, members.map(value))
    }

    /// The value of `scalar`, which must be one of the set's (checked in debug builds and tests: for another, the
    /// count would point at another scalar's value, or past the last).
    @inline(__always)
    package subscript(member scalar: Unicode.Scalar) -> UInt32 {
        let word = Int(scalar.value >> 6)
        assert(scalar.value < 0x10000 && bits[word] >> UInt64(scalar.value & 63) & 1 != 0, "\(scalar) is not a member")
        return bits.withUnsafeBufferPointer { bits in
            before.withUnsafeBufferPointer { before in
                values.withUnsafeBufferPointer { values in
                    let below = bits[word] & ((1 &<< UInt64(scalar.value & 63)) &- 1)
                    return values[Int(before[word]) &+ below.nonzeroBitCount]
                }
            }
        }
    }
}
