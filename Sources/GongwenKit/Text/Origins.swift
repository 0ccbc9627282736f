/// Where each scalar of a line stood in the input, kept as runs: a run is a stretch of scalars that
/// stood side by side on one input line, so it needs only its first position. A line as read has one
/// run; folding, stripping and joining add one where the text was cut. A position is 12 bytes a run
/// instead of 8 bytes a scalar (the positions of a 50 MB notice took 136 MB, twice its scalars).
///
/// The runs are kept canonical (a run begins only where a scalar does not follow the one before it on
/// the same input line), so two equal sequences of positions have equal runs.
///
/// A line of one run (most lines) keeps it inline, with no storage of its own. The runs of a line of
/// more are kept in an array that a line cut from it shares, read from where the cut begins, as a cut
/// line's scalars share the storage of the line it was cut from (`Scalars`): a sentence cut from a
/// paragraph joined from several input lines was an array of its own, made and let go.
package struct Origins: RandomAccessCollection, Sendable {
    struct Run: Sendable, Equatable {
        var start: Int32  // index of the run's first scalar, counted as the array of runs counts them
        var line: Int32
        var column: Int32
    }

    /// The first position (`line`, `column`; all zeros when `count` is 0), and in `start` where these
    /// positions begin among the indices the shared runs count (0 when there is one run).
    private var head = Run(start: 0, line: 0, column: 0)
    /// The number of positions. 32 bits, as a run's are (a line is shorter than 2 GiB: the most
    /// `IngestLimits` lets be read), so that the positions of a line take 24 bytes.
    private var storedCount: Int32 = 0
    /// Nil for a line of one run. For more, the runs in order, the first position's run and the last's
    /// among them (at least two of them: a cut within one run keeps it inline); the array may hold runs
    /// before and after those, of the line it was cut from.
    private var runs: [Run]?

    package var count: Int { Int(storedCount) }

    package init() {}

    /// `count` scalars that stood side by side from `first` on.
    init(from first: SourcePoint, count: Int) {
        guard count > 0 else { return }
        head = Run(start: 0, line: first.line, column: first.column)
        storedCount = Int32(count)
    }

    package init<S: Sequence>(_ points: S) where S.Element == SourcePoint {
        for point in points { append(point) }
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    /// Where these positions begin among the indices the shared runs count.
    private var offset: Int { Int(head.start) }

    /// The index in `runs` of the run that holds the scalar the runs count `index`: the last that starts
    /// at or before it.
    private static func run(containing index: Int, in runs: UnsafeBufferPointer<Run>) -> Int {
        var low = 0
        var high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(runs[middle].start) <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The position of the scalar the runs count `index`, in `run`.
    @inline(__always)
    private static func point(in run: Run, at index: Int) -> SourcePoint {
        SourcePoint(line: run.line, column: run.column &+ Int32(truncatingIfNeeded: index - Int(run.start)))
    }

    /// The first and the last of `runs` that these positions are read from (there are `runs`).
    private func window(of runs: UnsafeBufferPointer<Run>) -> (first: Int, last: Int) {
        (Self.run(containing: offset, in: runs), Self.run(containing: offset + count - 1, in: runs))
    }

    /// Whether the positions are more than one run: only then can the input have had a gap between two.
    var hasSeveralRuns: Bool { runs != nil }

    /// The number of runs.
    var runCount: Int {
        guard let runs else { return count == 0 ? 0 : 1 }
        return runs.withUnsafeBufferPointer { runs in
            let (first, last) = window(of: runs)
            return last - first + 1
        }
    }

    /// Where each run after the first begins, in order: where the input may have had a gap.
    var laterRunStarts: [Int] {
        guard let runs else { return [] }
        return runs.withUnsafeBufferPointer { runs in
            let (first, last) = window(of: runs)
            return ((first + 1)...last).map { Int(runs[$0].start) - offset }
        }
    }

    /// Where a run after the first begins past a gap in the input: its first position stands on another
    /// line than the position before it, or more than one column after it (`TextLine.hadGap(before:)`),
    /// found from the runs themselves (the runs' starts, gathered and then each asked for its two
    /// positions, were two arrays and two searches a run).
    var gapStarts: [Int] {
        guard let runs else { return [] }
        return runs.withUnsafeBufferPointer { runs in
            let (first, last) = window(of: runs)
            var gaps: [Int] = []
            for k in (first + 1)...last {
                let start = Int(runs[k].start)
                let previous = Self.point(in: runs[k - 1], at: start - 1)
                if previous.line != runs[k].line || Int(runs[k].column) - Int(previous.column) > 1 {
                    gaps.append(start - offset)
                }
            }
            return gaps
        }
    }

    package subscript(index: Int) -> SourcePoint {
        precondition(index >= 0 && index < count, "origin index out of range")
        guard let runs else { return Self.point(in: head, at: index) }
        let at = index + offset
        return runs.withUnsafeBufferPointer { runs in Self.point(in: runs[Self.run(containing: at, in: runs)], at: at) }
    }

    /// `length` scalars from `first` on, joined to the last run when they go on from it.
    private mutating func appendRun(from first: SourcePoint, length: Int) {
        guard length > 0 else { return }
        defer { storedCount += Int32(length) }
        guard count > 0 else {
            head = Run(start: 0, line: first.line, column: first.column)
            return
        }
        ownRuns()
        let last = runs?.last ?? head  // (the runs now begin at these positions' first and end at their last)
        if last.line == first.line, Int(last.column) + (count - Int(last.start)) == Int(first.column) { return }
        let new = Run(start: storedCount, line: first.line, column: first.column)
        if runs == nil {
            // Room for four at once: a line that is cut once is mostly joined or cut again (a paragraph of
            // three or four input lines grew its runs from two to four, one array made and let go).
            var two: [Run] = []
            two.reserveCapacity(4)
            two.append(head)
            two.append(new)
            runs = two
        } else {
            runs!.append(new)
        }
    }

    /// Makes `runs` hold these positions' runs and no other, counted from their first scalar, so that a run
    /// appended is read by no other line (a line cut from this one keeps the runs it shares).
    private mutating func ownRuns() {
        // Most often they are these already (a line being built, run after run): told by the last run's start, the
        // runs being in order and the first beginning at 0, not by the window's two searches and a copy of the
        // array's reference at each run appended.
        if offset == 0, let lastStart = runs?.last?.start, Int(lastStart) < count { return }
        guard let shared = runs else { return }
        let own: [Run]? = shared.withUnsafeBufferPointer { runs in
            let (first, last) = window(of: runs)
            guard offset != 0 || last != runs.count - 1 else { return nil }  // they are these already
            var own: [Run] = []
            own.reserveCapacity(last - first + 2)  // and room for the run to be appended
            own.append(Run(start: 0, line: head.line, column: head.column))
            for k in (first + 1)...last {
                own.append(Run(start: runs[k].start - head.start, line: runs[k].line, column: runs[k].column))
            }
            return own
        }
        guard let own else { return }
        runs = own
        head.start = 0
    }

    package mutating func append(_ point: SourcePoint) { appendRun(from: point, length: 1) }

    /// `count` positions side by side from `first` on: what appending each of them gives.
    package mutating func append(run first: SourcePoint, count: Int) { appendRun(from: first, length: count) }

    package mutating func append(contentsOf other: Origins, range: Range<Int>) {
        guard !range.isEmpty else { return }
        precondition(range.lowerBound >= 0 && range.upperBound <= other.count, "origin range out of bounds")
        guard let otherRuns = other.runs else {
            appendRun(from: Self.point(in: other.head, at: range.lowerBound), length: range.count)
            return
        }
        otherRuns.withUnsafeBufferPointer { runs in
            var at = range.lowerBound + other.offset
            let end = range.upperBound + other.offset
            var k = Self.run(containing: at, in: runs)
            while at < end {
                let runEnd = k + 1 < runs.count ? Swift.min(Int(runs[k + 1].start), end) : end
                appendRun(from: Self.point(in: runs[k], at: at), length: runEnd - at)
                at = runEnd
                k += 1
            }
        }
    }

    package mutating func append(contentsOf other: Origins) { append(contentsOf: other, range: 0..<other.count) }

    /// The positions in `range`: a cut within one run keeps it inline; one across runs shares them, read
    /// from where it begins (no array made: most sentences of a joined paragraph span two or more).
    package subscript(range: Range<Int>) -> Origins {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "origin range out of bounds")
        var slice = Origins()
        guard !range.isEmpty else { return slice }
        slice.storedCount = Int32(truncatingIfNeeded: range.count)
        guard let runs else {
            slice.head = Run(
                start: 0, line: head.line, column: head.column &+ Int32(truncatingIfNeeded: range.lowerBound))
            return slice
        }
        let first = range.lowerBound + offset
        let last = range.upperBound - 1 + offset
        let spansRuns = runs.withUnsafeBufferPointer { buffer in
            let k = Self.run(containing: first, in: buffer)
            let point = Self.point(in: buffer[k], at: first)
            slice.head = Run(start: 0, line: point.line, column: point.column)
            return k + 1 < buffer.count && Int(buffer[k + 1].start) <= last
        }
        if spansRuns {
            slice.head.start = Int32(truncatingIfNeeded: first)
            slice.runs = runs
        }
        return slice
    }

    /// Walks the runs in order: a pass over a line's positions costs no search.
    package struct Iterator: IteratorProtocol {
        fileprivate let origins: Origins
        fileprivate var index = 0
        /// The run of the next position (in `origins.runs`), and where the run after it begins.
        fileprivate var run = 0
        fileprivate var nextRunStart = Int.max

        fileprivate init(_ origins: Origins) {
            self.origins = origins
            guard let runs = origins.runs else { return }
            run = runs.withUnsafeBufferPointer { Origins.run(containing: origins.offset, in: $0) }
            nextRunStart = run + 1 < runs.count ? Int(runs[run + 1].start) : Int.max
        }

        package mutating func next() -> SourcePoint? {
            guard index < origins.count else { return nil }
            defer { index += 1 }
            guard let runs = origins.runs else { return Origins.point(in: origins.head, at: index) }
            let at = index + origins.offset
            while at >= nextRunStart {
                run += 1
                nextRunStart = run + 1 < runs.count ? Int(runs[run + 1].start) : Int.max
            }
            return Origins.point(in: runs[run], at: at)
        }
    }

    package func makeIterator() -> Iterator { Iterator(self) }
}

extension Origins: Equatable {
    /// Equal positions: the same count, first position and runs (canonical, so equal positions have equal
    /// runs, wherever each line's runs are kept and counted from).
    package static func == (lhs: Origins, rhs: Origins) -> Bool {
        guard lhs.count == rhs.count, lhs.head.line == rhs.head.line, lhs.head.column == rhs.head.column else {
            return false
        }
        switch (lhs.runs, rhs.runs) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false  // one run against two or more
        case let (left?, right?):
            return left.withUnsafeBufferPointer { left in
                right.withUnsafeBufferPointer { right in
                    let (leftFirst, leftLast) = lhs.window(of: left)
                    let (rightFirst, rightLast) = rhs.window(of: right)
                    guard leftLast - leftFirst == rightLast - rightFirst else { return false }
                    for k in 1...(leftLast - leftFirst) {
                        let (l, r) = (left[leftFirst + k], right[rightFirst + k])
                        guard Int(l.start) - lhs.offset == Int(r.start) - rhs.offset, l.line == r.line,
                            l.column == r.column
                        else { return false }
                    }
                    return true
                }
            }
        }
    }
}
