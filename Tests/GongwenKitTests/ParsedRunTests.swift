import Testing

@testable import GongwenKit

/// A run of the parse command's task stops once its records' JSON reaches the budget (what it holds until the
/// writer takes it), and never before its first file.
struct ParsedRunTests {
    struct Unreadable: Error {}

    /// The run of `files` whose file `i` makes `sizes[i - files.lowerBound]` bytes of JSON (nil: it fails), and the
    /// files the output was asked for.
    static func run(_ files: Range<Int>, sizes: [Int?], budget: Int) -> (run: ParsedRun, asked: [Int]) {
        var asked: [Int] = []
        let run = ParsedRun.parse(files, budget: budget) { index in
            asked.append(index)
            guard let size = sizes[index - files.lowerBound] else { throw Unreadable() }
            return JSONBytes(copying: [UInt8](repeating: UInt8(index), count: size))
        }
        return (run, asked)
    }

    @Test("A run stops after the file whose JSON reaches the budget, and no file after it is parsed")
    func stopsAtTheBudget() {
        let (run, asked) = Self.run(5..<9, sizes: [60, 50, 10, 10], budget: 100)
        #expect(run.files == 5..<9 && run.end == 7 && asked == [5, 6])
        #expect(run.results.map { (try? $0.get())?.count } == [60, 50])
        // Reached exactly: 100 bytes of 100 stop it too.
        #expect(Self.run(0..<3, sizes: [40, 60, 1], budget: 100).run.end == 2)
    }

    @Test("A run under its budget parses every file; a first file over it alone is parsed whole")
    func firstFileAndWholeRuns() {
        let (whole, asked) = Self.run(0..<4, sizes: [10, 10, 10, 10], budget: 100)
        #expect(whole.end == 4 && asked == [0, 1, 2, 3])
        let (huge, hugeAsked) = Self.run(7..<10, sizes: [5_000, 1, 1], budget: 100)
        #expect(huge.end == 8 && hugeAsked == [7] && huge.results.count == 1)
        let (single, _) = Self.run(3..<4, sizes: [5_000], budget: 100)
        #expect(single.end == 4)
        // Whatever the budget, a run parses its first file: a budget of nothing makes runs of one, not of none
        // (a task that parsed none would be given the same files again, and again).
        #expect(Self.run(2..<5, sizes: [0, 0, 0], budget: 0).run.end == 3)
    }

    @Test("A file that fails holds no JSON: the run goes on past it, its error kept in its place")
    func failuresHoldNothing() {
        let (run, asked) = Self.run(0..<4, sizes: [90, nil, 20, 5], budget: 100)
        #expect(run.end == 3 && asked == [0, 1, 2])
        #expect(run.results.map { (try? $0.get())?.count } == [90, nil, 20])
        let failed = run.results.map { result -> Bool in
            if case .failure(let error) = result { return error is Unreadable }
            return false
        }
        #expect(failed == [false, true, false])
    }
}
