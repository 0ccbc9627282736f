/// A list of words compiled once for finding them at a position of a line: the words' scalars, and
/// for each first scalar the words that begin with it, in the list's order. A position whose scalar
/// begins no word is passed over with one bit test, where trying each word there decoded each of
/// them again (the label tables are tried at every position of every line).
package struct WordList: Sendable {
    /// The words, in the order given: the first that stands at a position is the one found there.
    package let words: [String]
    private let scalars: [[Unicode.Scalar]]
    private let initials: ScalarSet
    private let byInitial: [Unicode.Scalar: [Int]]
    private let indexOfWord: [String: Int]

    package init(_ words: [String]) {
        self.words = words
        scalars = words.map { Array($0.unicodeScalars) }
        initials = ScalarSet(scalars.compactMap(\.first))
        var byInitial: [Unicode.Scalar: [Int]] = [:]
        for (index, word) in scalars.enumerated() {
            if let first = word.first { byInitial[first, default: []].append(index) }
        }
        self.byInitial = byInitial
        indexOfWord = Dictionary(words.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The length of word `index` in scalars.
    package func length(_ index: Int) -> Int { scalars[index].count }

    /// Whether some word begins with `scalar`.
    package func mayBegin(with scalar: Unicode.Scalar) -> Bool { initials.contains(scalar) }

    /// The indices of the words that stand at position `i` of `line`, in the list's order.
    package func matches(at i: Int, in line: TextLine) -> LazyFilterSequence<[Int]> {
        candidates(at: i, in: line).lazy.filter { stands($0, at: i, in: line) }
    }

    /// The index of the first word in the list that stands at position `i` of `line`.
    package func firstMatch(at i: Int, in line: TextLine) -> Int? {
        candidates(at: i, in: line).first { stands($0, at: i, in: line) }
    }

    /// The words that begin with the scalar at `i` (none past either end of the line).
    private func candidates(at i: Int, in line: TextLine) -> [Int] {
        guard i >= 0, i < line.count, initials.contains(line.scalars[i]) else { return [] }
        return byInitial[line.scalars[i]] ?? []
    }

    /// Whether any of the words stands anywhere in `line`: one pass over the line, where asking for
    /// each word in turn scanned the line once a word.
    package func occurs(in line: TextLine) -> Bool {
        line.scalars.indices.contains { firstMatch(at: $0, in: line) != nil }
    }

    /// Where each word first stands in `line`, looked up by the word: one pass over the line answers
    /// all the `firstIndex(of:)` and `contains` questions a rule asks about its words.
    package func positions(in line: TextLine) -> WordPositions {
        WordPositions(indexOfWord: indexOfWord, first: firstPositions(in: line))
    }

    /// Where each word first stands in `line` (nil where it does not): what `firstIndex(of:)` gives
    /// for each word, in one pass over the line instead of one a word.
    package func firstPositions(in line: TextLine) -> [Int?] {
        var positions = [Int?](repeating: nil, count: words.count)
        var left = words.count
        for i in line.scalars.indices where initials.contains(line.scalars[i]) {
            for index in matches(at: i, in: line) where positions[index] == nil {
                positions[index] = i
                left -= 1
            }
            if left == 0 { break }
        }
        return positions
    }

    /// Where the first of the words stands in `line` (the least of their `firstIndex(of:)`), or nil.
    package func firstPosition(in line: TextLine) -> Int? {
        line.scalars.indices.first { firstMatch(at: $0, in: line) != nil }
    }

    /// Every position where each word stands in `line`, in increasing order, overlapping ones
    /// included: what calling `firstIndex(of:from:)` again after each find gives for each word, in
    /// one pass over the line.
    package func allPositions(in line: TextLine) -> [[Int]] {
        var positions = [[Int]](repeating: [], count: words.count)
        for i in line.scalars.indices where initials.contains(line.scalars[i]) {
            for index in matches(at: i, in: line) { positions[index].append(i) }
        }
        return positions
    }

    private func stands(_ index: Int, at i: Int, in line: TextLine) -> Bool {
        let word = scalars[index]
        guard i + word.count <= line.count else { return false }
        for k in 1..<word.count where line.scalars[i + k] != word[k] { return false }
        return true
    }
}

/// The first position of each word of a `WordList` in one line.
package struct WordPositions {
    fileprivate let indexOfWord: [String: Int]
    fileprivate let first: [Int?]

    /// Where `word` (which must be in the list) first stands in the line.
    package func firstIndex(of word: String) -> Int? {
        guard let index = indexOfWord[word] else { preconditionFailure("\(word) is not in the word list") }
        return first[index]
    }

    package func contains(_ word: String) -> Bool { firstIndex(of: word) != nil }

    /// Whether none of the words stands in the line.
    package var isEmpty: Bool { first.allSatisfy { $0 == nil } }
}
