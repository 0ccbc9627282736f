/// A list of words compiled once for finding them at a position of a line: the words' scalars, and
/// for each first scalar the words that begin with it, in the list's order. A position whose scalar
/// begins no word is passed over with one bit test, where trying each word there decoded each of
/// them again (the label tables are tried at every position of every line).
public struct WordList: Sendable {
    /// The words, in the order given: the first that stands at a position is the one found there.
    public let words: [String]
    private let scalars: [[Unicode.Scalar]]
    private let initials: ScalarSet
    private let byInitial: [Unicode.Scalar: [Int]]

    public init(_ words: [String]) {
        self.words = words
        scalars = words.map { Array($0.unicodeScalars) }
        initials = ScalarSet(scalars.compactMap(\.first))
        var byInitial: [Unicode.Scalar: [Int]] = [:]
        for (index, word) in scalars.enumerated() {
            if let first = word.first { byInitial[first, default: []].append(index) }
        }
        self.byInitial = byInitial
    }

    /// The length of word `index` in scalars.
    public func length(_ index: Int) -> Int { scalars[index].count }

    /// Whether some word begins with `scalar`.
    public func mayBegin(with scalar: Unicode.Scalar) -> Bool { initials.contains(scalar) }

    /// The indices of the words that stand at position `i` of `line`, in the list's order.
    public func matches(at i: Int, in line: TextLine) -> LazyFilterSequence<[Int]> {
        guard i >= 0, i < line.count, initials.contains(line.scalars[i]), let candidates = byInitial[line.scalars[i]] else { return [].lazy.filter { _ in false } }
        return candidates.lazy.filter { stands($0, at: i, in: line) }
    }

    /// The index of the first word in the list that stands at position `i` of `line`.
    public func firstMatch(at i: Int, in line: TextLine) -> Int? {
        guard i >= 0, i < line.count, initials.contains(line.scalars[i]), let candidates = byInitial[line.scalars[i]] else { return nil }
        return candidates.first { stands($0, at: i, in: line) }
    }

    /// Whether any of the words stands anywhere in `line`: one pass over the line, where asking for
    /// each word in turn scanned the line once a word.
    public func occurs(in line: TextLine) -> Bool {
        line.scalars.indices.contains { firstMatch(at: $0, in: line) != nil }
    }

    private func stands(_ index: Int, at i: Int, in line: TextLine) -> Bool {
        let word = scalars[index]
        guard i + word.count <= line.count else { return false }
        for k in 1..<word.count where line.scalars[i + k] != word[k] { return false }
        return true
    }
}
