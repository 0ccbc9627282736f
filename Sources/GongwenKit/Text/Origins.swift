/// Where each scalar of a line stood in the input, kept as runs: a run is a stretch of scalars that
/// stood side by side on one input line, so it needs only its first position. A line as read has one
/// run; folding, stripping and joining add one where the text was cut. A position is 16 bytes a run
/// instead of 8 bytes a scalar (the positions of a 50 MB notice took 136 MB, twice its scalars).
///
/// The runs are kept canonical (a run begins only where a scalar does not follow the one before it on
/// the same input line), so two equal sequences of positions have equal runs.
package struct Origins: RandomAccessCollection, Sendable, Equatable {
    struct Run: Sendable, Equatable {
        var start: Int32  // index of the run's first scalar in the line
        var line: Int32
        var column: Int32
    }

    /// The first run, kept inline: most lines are one run, and then their positions need no heap
    /// allocation of their own (a third of all allocations were single-run arrays). Meaningless when
    /// `count` is 0, and then always all zeros, so that equal positions have equal fields.
    private var firstRun = Run(start: 0, line: 0, column: 0)
    /// The number of positions. 32 bits, as a run's are (a line is shorter than 2 GiB: the most
    /// `IngestLimits` lets be read), so that the positions of a line take 24 bytes with their first run.
    private var storedCount: Int32 = 0
    /// The runs after the first; nil when there are none (never an empty array, so that equal positions
    /// have equal fields). Most lines are one run, and a copy of a line then retains nothing for its
    /// positions: a retain of the empty array's storage still went through the runtime's slow path, and
    /// such retains and releases were two in five of all a parse made.
    private var laterRuns: [Run]?

    package var count: Int { Int(storedCount) }

    package init() {}

    /// `count` scalars that stood side by side from `first` on.
    init(from first: SourcePoint, count: Int) {
        guard count > 0 else { return }
        firstRun = Run(start: 0, line: first.line, column: first.column)
        storedCount = Int32(count)
    }

    package init<S: Sequence>(_ points: S) where S.Element == SourcePoint {
        for point in points { append(point) }
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    /// The number of runs.
    var runCount: Int { count == 0 ? 0 : 1 + (laterRuns?.count ?? 0) }

    /// Run `r` (`0..<runCount`).
    @inline(__always)
    private func run(_ r: Int) -> Run { r == 0 ? firstRun : laterRuns![r - 1] }

    /// Where run `r` (`0..<runCount`) begins.
    func start(ofRun r: Int) -> Int { Int(run(r).start) }

    /// Where run `r` ends: the next run's start, or `count` for the last.
    @inline(__always)
    private func end(ofRun r: Int) -> Int {
        guard let laterRuns, r < laterRuns.count else { return count }
        return Int(laterRuns[r].start)
    }

    package subscript(index: Int) -> SourcePoint {
        precondition(index >= 0 && index < count, "origin index out of range")
        return point(in: run(run(containing: index)), at: index)
    }

    /// The index of the run that holds scalar `index`: the last that starts at or before it.
    private func run(containing index: Int) -> Int {
        var low = 0
        var high = runCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(run(middle).start) <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private func point(in run: Run, at index: Int) -> SourcePoint {
        SourcePoint(line: run.line, column: run.column &+ Int32(truncatingIfNeeded: index - Int(run.start)))
    }

    /// `length` scalars from `first` on, joined to the last run when they go on from it.
    private mutating func appendRun(from first: SourcePoint, length: Int) {
        guard length > 0 else { return }
        let new = Run(start: storedCount, line: first.line, column: first.column)
        defer { storedCount += Int32(length) }
        guard count > 0 else {
            firstRun = new
            return
        }
        let last = laterRuns?.last ?? firstRun
        if last.line == first.line, Int(last.column) + (count - Int(last.start)) == Int(first.column) { return }
        if laterRuns == nil { laterRuns = [] }
        laterRuns!.append(new)
    }

    package mutating func append(_ point: SourcePoint) { appendRun(from: point, length: 1) }

    /// `count` positions side by side from `first` on: what appending each of them gives.
    package mutating func append(run first: SourcePoint, count: Int) { appendRun(from: first, length: count) }

    package mutating func append(contentsOf other: Origins, range: Range<Int>) {
        guard !range.isEmpty else { return }
        precondition(range.lowerBound >= 0 && range.upperBound <= other.count, "origin range out of bounds")
        var r = other.run(containing: range.lowerBound)
        var i = range.lowerBound
        while i < range.upperBound {
            let runEnd = Swift.min(other.end(ofRun: r), range.upperBound)
            appendRun(from: other.point(in: other.run(r), at: i), length: runEnd - i)
            i = runEnd
            r += 1
        }
    }

    package mutating func append(contentsOf other: Origins) { append(contentsOf: other, range: 0..<other.count) }

    package subscript(range: Range<Int>) -> Origins {
        var slice = Origins()
        // A line of one run (most lines) is cut without a search: the slice is the same run, from a
        // later column.
        if laterRuns == nil, !range.isEmpty {
            precondition(range.lowerBound >= 0 && range.upperBound <= count, "origin range out of bounds")
            slice.firstRun = Run(
                start: 0, line: firstRun.line, column: firstRun.column &+ Int32(truncatingIfNeeded: range.lowerBound))
            slice.storedCount = Int32(truncatingIfNeeded: range.count)
            return slice
        }
        // Room for the runs after the first that the range spans, made at once: grown by doubling from
        // one, the runs of a sentence cut from a re-flowed paragraph were allocated two or three times.
        if !range.isEmpty {
            let later = run(containing: range.upperBound - 1) - run(containing: range.lowerBound)
            if later > 0 {
                var runs: [Run] = []
                runs.reserveCapacity(later)
                slice.laterRuns = runs
            }
        }
        slice.append(contentsOf: self, range: range)
        if slice.laterRuns?.isEmpty == true { slice.laterRuns = nil }  // (none was needed after all)
        return slice
    }

    /// Walks the runs in order: a pass over a line's positions costs no search.
    package struct Iterator: IteratorProtocol {
        fileprivate let origins: Origins
        fileprivate var index = 0
        fileprivate var run = 0

        package mutating func next() -> SourcePoint? {
            guard index < origins.count else { return nil }
            while origins.end(ofRun: run) <= index { run += 1 }
            defer { index += 1 }
            return origins.point(in: origins.run(run), at: index)
        }
    }

    package func makeIterator() -> Iterator { Iterator(origins: self) }
}
