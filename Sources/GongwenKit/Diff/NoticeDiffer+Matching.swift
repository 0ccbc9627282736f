/// Pairing two lists of items by similarity, within a budget a hostile input cannot exhaust.
extension NoticeDiffer {
    /// Pairs compared by similarity at most, per list: beyond it (a hostile input with thousands of
    /// items) only items with the same text are matched, and the diff says so in its notes.
    static let comparisonBudget = 250_000

    /// Pairs two lists: first items with the same text (in comparison form), then the rest greedily
    /// by a score, best pairs first; what is left is added or removed. The result follows the new
    /// list's order, removed items after.
    static func pair<T>(
        _ a: [T], _ b: [T], _ what: String, _ notes: Notes, text: (T) -> String,
        score: (T, T) -> Double
    ) -> [(T?, T?)] {
        match(a.map(text), b.map(text), what, notes, threshold: .leastNonzeroMagnitude) { score(a[$0], b[$1]) }
            .map { i, j, _ in (i.map { a[$0] }, j.map { b[$0] }) }
    }

    /// Matches two lists: items with the same text (in comparison form) first, then the rest by a
    /// score (at least `threshold`), best pairs first, ties to the pair nearest in position:
    /// (old index, new index, score), in the new list's order, removed ones after.
    static func match(
        _ old: [String], _ new: [String], _ what: String, _ notes: Notes, threshold: Double,
        score: (Int, Int) -> Double
    ) -> [(Int?, Int?, Double)] {
        var matchOf: [Int: (Int, Double)] = [:]
        var usedOld = Set<Int>()
        var byText: [[Unicode.Scalar]: [Int]] = [:]
        for (j, text) in new.enumerated() { byText[TextDiff.canonical(text), default: []].append(j) }
        for (i, text) in old.enumerated() {
            let key = TextDiff.canonical(text)
            // The nearest in position of the new items with this text.
            guard let candidates = byText[key], let j = candidates.min(by: { abs($0 - i) < abs($1 - i) }) else {
                continue
            }
            byText[key]!.removeAll { $0 == j }
            matchOf[j] = (i, score(i, j))
            usedOld.insert(i)
        }
        let restOld = old.indices.filter { !usedOld.contains($0) }
        let restNew = new.indices.filter { matchOf[$0] == nil }
        if restOld.count * restNew.count > comparisonBudget {
            notes.add(
                "\(what): \(restOld.count) old and \(restNew.count) new items differ in their text, too many to compare by similarity; only items with the same text are matched"
            )
        } else {
            var candidates: [(Int, Int, Double)] = []
            for i in restOld { for j in restNew { candidates.append((i, j, score(i, j))) } }
            candidates.sort { $0.2 > $1.2 || ($0.2 == $1.2 && abs($0.0 - $0.1) < abs($1.0 - $1.1)) }
            for (i, j, s) in candidates where s >= threshold && !usedOld.contains(i) && matchOf[j] == nil {
                usedOld.insert(i)
                matchOf[j] = (i, s)
            }
        }
        var result: [(Int?, Int?, Double)] = new.indices.map { j in (matchOf[j]?.0, j, matchOf[j]?.1 ?? 0) }
        result += old.indices.filter { !usedOld.contains($0) }.map { ($0, nil, 0) }
        return result
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

/// What a diff could not do in full, said in its output.
final class Notes {
    private(set) var lines: [String] = []
    func add(_ line: String) { lines.append(line) }
}
