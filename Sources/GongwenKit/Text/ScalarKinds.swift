/// A value for each scalar of a `ScalarSet` of the Basic Multilingual Plane, read without a branch: the set's
/// bitmap, the number of its scalars before each of the bitmap's words, and the values in code-point order —
/// a scalar's value is at the count of scalars before it (those of its word below its bit, and all before its
/// word). For a loop that visits the scalars of a set (`ScalarSet.forEachMember`) and asks what each one is: a
/// `switch` over them, or one test after another, went one way or the other at each scalar.
package struct ScalarKinds: Sendable {
    /// The set itself: its bitmap is the one read (a copy rebuilt from its scalars was a second 8 KB to keep in
    /// the cache beside the one `forEachMember` reads).
    private let set: ScalarSet
    private let before: [UInt16]
    private let values: [UInt32]

    /// The value of each scalar of `set` (which holds none past the BMP).
    package init(_ set: ScalarSet, value: (Unicode.Scalar) -> UInt32) {
        let members = set.members
        precondition(members.allSatisfy { $0.value < 0x10000 }, "a scalar past the BMP")
        var before = [UInt16](repeating: 0, count: ScalarSet.bitmapWords)
        var count = 0
        for word in before.indices {
            before[word] = UInt16(count)
            count += set.bitmapWord(word).nonzeroBitCount
        }
        (self.set, self.before, self.values) = (set, before, members.map(value))
    }

    /// The value of `scalar`, which must be one of the set's (checked in debug builds and tests: for another, the
    /// count would point at another scalar's value, or past the last).
    @inline(__always)
    package subscript(member scalar: Unicode.Scalar) -> UInt32 {
        assert(scalar.value < 0x10000 && set.contains(scalar), "\(scalar) is not a member")
        let word = Int(scalar.value >> 6)
        let below = set.bitmapWord(word) & ((1 &<< UInt64(scalar.value & 63)) &- 1)
        return before.withUnsafeBufferPointer { before in
            values.withUnsafeBufferPointer { values in values[Int(before[word]) &+ below.nonzeroBitCount] }
        }
    }
}
