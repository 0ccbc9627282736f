/// The indices of a list's words filed under one scalar of each (its first, or its last), in the list's order:
/// the indices under a scalar found by a binary search over the few dozen distinct scalars, where a dictionary
/// hashed the scalar at every place asked. `WordList` files its words by their first scalars, `SuffixList` by
/// their last.
struct WordsByScalar: Sendable {
    /// The distinct scalars words are filed under, in increasing order, and for the `k`th of them the words
    /// filed under it: `indices[starts[k]..<starts[k + 1]]`. (Flat arrays read by index: a word's own array was
    /// retained and released at each use, on lists the threads that parse at once all read.)
    private let values: [UInt32]
    private let starts: [Int]
    private let indices: [Int]

    /// The words' indices filed under `keys[index]` (none for a nil key).
    init(keys: [Unicode.Scalar?]) {
        let byKey = Dictionary(grouping: keys.indices.filter { keys[$0] != nil }) { keys[$0]!.value }
        values = byKey.keys.sorted()
        var starts = [0]
        var indices: [Int] = []
        for value in values {
            indices += byKey[value]!  // (grouping keeps the list's order)
            starts.append(indices.count)
        }
        self.starts = starts
        self.indices = indices
    }

    /// Where the words filed under `scalar` stand (read each with `self[k]`). Asked only of a scalar some word is
    /// filed under, which the lists' sets of first or last scalars tell with one bit test.
    @inline(__always)
    func range(of scalar: Unicode.Scalar) -> Range<Int> {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < scalar.value { low = middle + 1 } else { high = middle }
        }
        // (Checked in debug builds and tests: a release build trusts the caller's set, and the check in the search
        // kept the contact reader's label test from being inlined, 0.5 M instructions more on 300 notices.)
        assert(low < values.count && values[low] == scalar.value, "no word is filed under \(scalar)")
        return starts[low]..<starts[low + 1]
    }

    /// The index of the `k`th word filed, `k` in a `range(of:)`.
    @inline(__always)
    subscript(k: Int) -> Int { indices[k] }

    /// The scalars of `words` one after another, and where each word's begin: word `k` is
    /// `scalars[starts[k]..<starts[k + 1]]` (what `WordList` and `SuffixList` compare a line with, read by index).
    static func flat(_ words: [[Unicode.Scalar]]) -> (scalars: [Unicode.Scalar], starts: [Int]) {
        (words.flatMap { $0 }, words.reduce(into: [0]) { starts, word in starts.append(starts.last! + word.count) })
    }
}
