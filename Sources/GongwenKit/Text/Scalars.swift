import CScan

/// The scalars of a `TextLine`: a stretch of an array, indexed from 0 like an array of its own.
///
/// Cutting a line (a sentence out of a paragraph, a value out of a sentence) shares the storage of the
/// line it was cut from instead of copying it: on a corpus of notices the copies were the commonest
/// allocation of all, and the sentences of a 20 MB notice held 24 MB. A stretch that is changed
/// (`append`) first becomes an array of its own, so a change never shows through in another line.
package struct Scalars: RandomAccessCollection, Sendable, Hashable {
    private var storage: [Unicode.Scalar]
    /// Where the stretch begins in `storage`, and its length: 32 bits each (a line is shorter than
    /// 2 GiB, the most `IngestLimits` lets be read), so that a line's scalars take 16 bytes, not 24.
    private var offset: Int32
    private var length: Int32

    package var count: Int { Int(length) }

    package init() {
        self.init([])
    }

    package init(_ array: [Unicode.Scalar]) {
        storage = array
        offset = 0
        length = Int32(array.count)
    }

    package init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        self.init(Array(scalars))
    }

    /// Whether these are the very scalars of `other`: the same stretch of the same storage (not merely
    /// equal scalars). A step that gives back the line it was given is told by it.
    package func isSameStretch(as other: Scalars) -> Bool {
        offset == other.offset && length == other.length
            && storage.withUnsafeBufferPointer { mine in
                other.storage.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress }
            }
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    @inline(__always)
    package subscript(index: Int) -> Unicode.Scalar {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "scalar index out of range")
        // Checked once, against the stretch: `storage`'s own check would be a second.
        return storage.withUnsafeBufferPointer { $0[Int(offset) &+ index] }
    }

    /// The scalars in `range`, sharing this storage (the collection's own `self[range]` is a `Slice`,
    /// indexed as this one is).
    func stretch(_ range: Range<Int>) -> Scalars {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "scalar range out of bounds")
        var cut = self
        cut.offset = offset + Int32(range.lowerBound)
        cut.length = Int32(range.count)
        return cut
    }

    /// Whether `scalar` is among these (`firstIndex(of:or:in:from:)`; `contains` took four or five
    /// instructions a scalar, asked of every line: is it a table row?).
    @inline(__always)
    package func contains(_ scalar: Unicode.Scalar) -> Bool {
        withUnsafeBufferPointer { Self.firstIndex(of: scalar.value, or: scalar.value, in: $0, from: 0) != nil }
    }

    /// The first place from `start` on in `scalars` whose value is `first` or `second`, or nil: a C loop
    /// that compares sixteen scalars at a time, then four (`gw_scalars_index_of_either`, SSE2), where a
    /// Swift loop took four to six instructions a scalar.
    static func firstIndex(
        of first: UInt32, or second: UInt32, in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int
    ) -> Int? {
        guard let base = scalars.baseAddress, start < scalars.count else { return nil }
        let from = Swift.max(start, 0)
        // (A scalar is its UInt32 value, and is read as one.)
        let found = base.withMemoryRebound(to: UInt32.self, capacity: scalars.count) {
            gw_scalars_index_of_either($0 + from, scalars.count - from, first, second)
        }
        return found < scalars.count - from ? from + found : nil
    }

    /// The first place from `start` on in `scalars` whose scalar is in `range` or is one of `others`, or nil: a C
    /// loop that tests four scalars at a time (`gw_scalars_index_in_range_or`, SSE2).
    static func firstIndex(
        in range: ClosedRange<Unicode.Scalar>,
        or others: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar),
        in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int
    ) -> Int? {
        guard let base = scalars.baseAddress, start < scalars.count else { return nil }
        let from = Swift.max(start, 0)
        let found = base.withMemoryRebound(to: UInt32.self, capacity: scalars.count) {
            gw_scalars_index_in_range_or(
                $0 + from, scalars.count - from, range.lowerBound.value, range.upperBound.value, others.0.value,
                others.1.value, others.2.value, others.3.value)
        }
        return found < scalars.count - from ? from + found : nil
    }

    /// The scalars as one contiguous buffer, without a copy.
    package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Unicode.Scalar>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { whole in
            try body(UnsafeBufferPointer(rebasing: whole[Int(offset)..<(Int(offset) + count)]))
        }
    }

    /// Walks the stretch without asking `subscript` for each scalar (which checks the index against the
    /// stretch, after the iterator has checked it against the end): the `for` loops over a line's scalars
    /// and the collection's algorithms (`contains`, `allSatisfy`, `reduce` …) go through it.
    package struct Iterator: IteratorProtocol {
        private let storage: [Unicode.Scalar]
        private var index: Int
        private let end: Int

        fileprivate init(_ scalars: Scalars) {
            storage = scalars.storage
            index = Int(scalars.offset)
            end = index + scalars.count
        }

        @inline(__always)
        package mutating func next() -> Unicode.Scalar? {
            guard index < end else { return nil }
            // (`end` lies within the storage: a stretch is made only within it.)
            let scalar = storage.withUnsafeBufferPointer { $0[index] }
            index &+= 1
            return scalar
        }
    }

    package func makeIterator() -> Iterator { Iterator(self) }

    /// The scalars are contiguous: a generic algorithm (and a `Slice` of them) may read them as a buffer.
    package func withContiguousStorageIfAvailable<R>(
        _ body: (UnsafeBufferPointer<Unicode.Scalar>) throws -> R
    ) rethrows -> R? {
        try withUnsafeBufferPointer(body)
    }

    package mutating func append(_ scalar: Unicode.Scalar) {
        ownStorage()
        storage.append(scalar)
        length += 1
    }

    package mutating func append<C: Collection>(contentsOf scalars: C) where C.Element == Unicode.Scalar {
        ownStorage()
        length += Int32(scalars.count)
        storage.append(contentsOf: scalars)
    }

    /// Room for `capacity` scalars in all, so that a line built a scalar at a time is allocated once,
    /// at its size, instead of doubling its way there with up to half of it unused.
    package mutating func reserveCapacity(_ capacity: Int) {
        ownStorage()
        storage.reserveCapacity(capacity)
    }

    /// Room for `more` scalars after these, for a line built from pieces whose number is not known: when the
    /// storage must grow, it grows to twice its room at least, as appending does (room reserved at the exact
    /// size for each piece would copy a line of many one-character pieces once a piece).
    package mutating func reserveRoom(for more: Int) {
        ownStorage()
        let needed = count + more
        if storage.capacity < needed { storage.reserveCapacity(Swift.max(needed, 2 * storage.capacity)) }
    }

    /// Copies the scalars into storage of their size when the storage holds room for more than a
    /// quarter as many again (appends grow it by doubling); a stretch of a larger array is left as it is.
    package mutating func shrinkToFit() {
        guard offset == 0, count == storage.count, storage.capacity > count + count / 4 else { return }
        // (Copied by `Array(_:)`, allocated where the element type is known: `init(unsafeUninitializedCapacity:)`
        // allocates through a generic path that looks the storage's type up at each call.)
        storage = storage.withUnsafeBufferPointer { Array($0) }
    }

    /// The room of the storage this stretch lies in (for tests).
    var storageCapacity: Int { storage.capacity }

    /// Makes `storage` hold exactly this stretch, so that appending to it changes no other line.
    private mutating func ownStorage() {
        guard offset != 0 || count != storage.count else { return }
        storage = Array(storage[Int(offset)..<(Int(offset) + count)])
        offset = 0
    }

    package static func == (lhs: Scalars, rhs: Scalars) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for scalar in self { hasher.combine(scalar) }
    }
}
