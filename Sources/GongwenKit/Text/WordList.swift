/// A list of words compiled once for finding them at a position of a line: the words' scalars, and
/// for each first scalar the words that begin with it, in the list's order. A position whose scalar
/// begins no word is passed over with one bit test, where trying each word there decoded each of
/// them again (the label tables are tried at every position of every line).
package struct WordList: Sendable {
    /// The words, in the order given: the first that stands at a position is the one found there.
    package let words: [String]
    /// The words' scalars one after another: word `k` is `wordScalars[wordStarts[k]..<wordStarts[k + 1]]`.
    /// One flat array read by index, and the candidates read by index too, not sliced: a word's own
    /// array, or a slice, was retained and released at each use — on a list shared by the threads that
    /// parse at once, a write to memory both cores kept touching.
    private let wordScalars: [Unicode.Scalar]
    private let wordStarts: [Int]
    /// The words' first scalars.
    package let initials: ScalarSet
    /// The words filed by their first scalars: those that begin with a scalar, in the list's order.
    private let candidates: WordsByScalar
    /// A bit for each pair of scalars that opens a word of two or more, and for each one-scalar word
    /// (its scalar paired with none), hashed into `pairBits` bits: a position whose first scalar opens
    /// a word but whose first two scalars open none, as most such positions are (报 in 报告, 联 in 联合),
    /// is passed over without the search for the words that begin with its scalar.
    private let pairs: [UInt64]
    private let hasOneScalarWords: Bool
    static let pairBits = 4096

    package init(_ words: [String]) {
        self.words = words
        let scalars = words.map { Array($0.unicodeScalars) }
        (wordScalars, wordStarts) = WordsByScalar.flat(scalars)
        initials = ScalarSet(scalars.compactMap(\.first))
        candidates = WordsByScalar(keys: scalars.map(\.first))
        var pairs = [UInt64](repeating: 0, count: Self.pairBits / 64)
        for word in scalars where !word.isEmpty {
            let bit = Self.pairBit(word[0], word.count > 1 ? word[1].value : Self.noScalar)
            pairs[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.pairs = pairs
        hasOneScalarWords = scalars.contains { $0.count == 1 }
    }

    /// What stands for "no second scalar" in a one-scalar word's pair: no scalar value.
    private static let noScalar: UInt32 = 0x11_0000

    /// The bit of the pair (`first`, `second`): a multiplicative hash's top twelve bits. (Until the
    /// twenty-fifth round `… &* 0x85EB_CA77 >> 20` without the parentheses: Swift shifts before it
    /// multiplies, so the multiplier was 0x85E, an even one, and only the even half of the bits was used.)
    @inline(__always)
    static func pairBit(_ first: Unicode.Scalar, _ second: UInt32) -> Int {
        Int(truncatingIfNeeded: ((first.value &* 0x9E37_79B1 ^ second) &* 0x85EB_CA77) >> 20) & (pairBits - 1)
    }

    /// Whether some word may stand at `i` of `text`, whose scalar at `i` opens a word: its first two
    /// scalars open one (or its first is a one-scalar word).
    @inline(__always)
    private func mayStand(at i: Int, in text: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        @inline(__always) func isSet(_ bit: Int) -> Bool {
            pairs.withUnsafeBufferPointer { $0[bit >> 6] } & (1 << UInt64(bit & 63)) != 0
        }
        if i &+ 1 < text.count, isSet(Self.pairBit(text[i], text[i &+ 1].value)) { return true }
        return hasOneScalarWords && isSet(Self.pairBit(text[i], Self.noScalar))
    }

    /// The length of word `index` in scalars.
    package func length(_ index: Int) -> Int { wordStarts[index + 1] - wordStarts[index] }

    /// Whether some word begins with `scalar`.
    package func mayBegin(with scalar: Unicode.Scalar) -> Bool { initials.contains(scalar) }

    /// The first answer `body` gives (not nil) for the indices of the words that stand at position `i`
    /// of `line`, asked in the list's order. (Not a lazy sequence of them: that held its filter, and the
    /// list and the line the filter read, copied at each position asked. Inlined: called, it retained
    /// what `body` reads at each call, 530,000 retains and releases more on 3,000 notices.)
    @inline(__always)
    package func firstMatch<Answer>(at i: Int, in line: TextLine, _ body: (_ word: Int) -> Answer?) -> Answer? {
        line.scalars.withUnsafeBufferPointer { text in
            guard i >= 0, i < text.count, initials.contains(text[i]), mayStand(at: i, in: text) else { return nil }
            for k in candidateRange(of: text[i]) where stands(candidates[k], at: i, in: text) {
                if let answer = body(candidates[k]) { return answer }
            }
            return nil
        }
    }

    /// The index of the first word in the list that stands at position `i` of `line`.
    package func firstMatch(at i: Int, in line: TextLine) -> Int? {
        line.scalars.withUnsafeBufferPointer { firstMatch(at: i, in: $0) }
    }

    /// Whether any of the words stands anywhere in `line`: one pass over the line, where asking for
    /// each word in turn scanned the line once a word.
    package func occurs(in line: TextLine) -> Bool {
        firstPosition(in: line) != nil
    }

    /// Whether any of the words stands in `string`: `occurs(in:)` asked of the string's scalars, decoded onto the
    /// stack (a line made of them allocated its arrays), as a section's heading is asked for a list's headings
    /// (each word looked for in turn as a string was a pass over the heading a word).
    package func occurs(inScalarsOf string: String) -> Bool {
        StringUTF8.withBytes(of: string) { bytes in
            withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: bytes.count) { scalars in
                var count = 0
                var i = 0
                while i < bytes.count {
                    let (value, length) = StringUTF8.scalar(in: bytes, at: i)
                    scalars[count] = Unicode.Scalar(value) ?? "\u{FFFD}"  // (a string's UTF-8 is valid: never taken)
                    count += 1
                    i += length
                }
                var found = false
                forEachWord(in: UnsafeBufferPointer(rebasing: scalars[..<count])) { _, _ in
                    found = true
                    return false
                }
                return found
            }
        }
    }

    /// The index of `word` in the list (the first, for a word listed twice), compared by its bytes (see
    /// `ExactText`): a rule finds its words' indices once and reads `firstPositions` by them, where a
    /// look-up by the word hashed it at each question about each sentence.
    package func index(of word: String) -> Int {
        guard let index = words.firstIndex(where: { ExactText($0) == ExactText(word) }) else {
            preconditionFailure("\(word) is not in the word list")
        }
        return index
    }

    /// Where each word first stands in `line`: what `firstIndex(of:)` gives for each word, in one pass
    /// over the line instead of one a word.
    package func firstPositions(in line: TextLine) -> WordPositions {
        var positions = WordPositions()
        let count = words.count  // (read here: read in the closure, it copied the list, each table retained)
        var left = count
        line.scalars.withUnsafeBufferPointer { text in
            forEachWord(in: text) { i, word in
                if positions[word] == nil {
                    positions.set(word, at: i, of: count)
                    left -= 1
                }
                return left > 0
            }
        }
        return positions
    }

    /// Where the first of the words stands in `line` (the least of their `firstIndex(of:)`), or nil.
    package func firstPosition(in line: TextLine) -> Int? {
        var first: Int?
        line.scalars.withUnsafeBufferPointer { text in
            forEachWord(in: text) { i, _ in
                first = i
                return false
            }
        }
        return first
    }

    /// Calls `body` with each position of `line` where a word stands and the word, position by position
    /// (the words at one position in the list's order), overlapping ones included (报送 in 报送至): what
    /// calling `firstIndex(of:from:)` again after each find gives for each word, in one pass and no array.
    package func forEachOccurrence(in line: TextLine, _ body: (_ position: Int, _ word: Int) -> Void) {
        line.scalars.withUnsafeBufferPointer { text in
            forEachWord(in: text) { i, word in
                body(i, word)
                return true
            }
        }
    }

    /// Calls `body` with each position of `text` and each word that stands there (in the list's order),
    /// position by position, until it returns false: the one pass the questions above are answered in.
    private func forEachWord(
        in text: UnsafeBufferPointer<Unicode.Scalar>, _ body: (_ position: Int, _ word: Int) -> Bool
    ) {
        // (The places whose scalar opens a word found by the set's search, `ScalarSet.firstIndex(in:from:)`.)
        var next = 0
        while let i = initials.firstIndex(in: text, from: next) {
            if mayStand(at: i, in: text) {
                for k in candidateRange(of: text[i]) where stands(candidates[k], at: i, in: text) {
                    guard body(i, candidates[k]) else { return }
                }
            }
            next = i + 1
        }
    }

    /// The words that begin with `scalar`, as a range of `candidates`.
    @inline(__always)
    private func candidateRange(of scalar: Unicode.Scalar) -> Range<Int> {
        initials.contains(scalar) ? candidates.range(of: scalar) : 0..<0
    }

    private func firstMatch(at i: Int, in text: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        guard i >= 0, i < text.count, initials.contains(text[i]), mayStand(at: i, in: text) else { return nil }
        for k in candidateRange(of: text[i]) where stands(candidates[k], at: i, in: text) { return candidates[k] }
        return nil
    }

    /// Whether word `index`, whose first scalar is the one at `i`, stands there.
    private func stands(_ index: Int, at i: Int, in text: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        let start = wordStarts[index]
        let count = wordStarts[index + 1] - start
        guard i + count <= text.count else { return false }
        return wordScalars.withUnsafeBufferPointer { scalars in
            for k in 1..<count where text[i + k] != scalars[start + k] { return false }
            return true
        }
    }
}

/// Where each word of a `WordList` first stands in a line (`WordList.firstPositions`), nil where it does not.
/// No array until a word is found: most lines hold none, and an array made once for them all and handed out
/// was retained and released by every thread that asked.
package struct WordPositions: Sendable {
    /// Empty until the first word is found; then a position or nil for each word of the list.
    private var positions: [Int?] = []

    /// Whether no word of the list stands in the line.
    package var isEmpty: Bool { positions.isEmpty }

    package subscript(word: Int) -> Int? { positions.isEmpty ? nil : positions[word] }

    /// Records that `word` of a list of `count` words first stands at `position`.
    mutating func set(_ word: Int, at position: Int, of count: Int) {
        // (`Array(repeatElement:)`, allocated where the element type is known: `[Int?](repeating:count:)` allocates
        // through a generic path that looks the storage's type up at each call, ~650 instructions.)
        if positions.isEmpty { positions = Array(repeatElement(nil, count: count)) }
        positions[word] = position
    }
}
