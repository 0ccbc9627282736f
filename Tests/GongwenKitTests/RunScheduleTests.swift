import Testing

@testable import GongwenKit

/// The parse command's runs (`RunSchedule`), played out without threads: tasks finish in an order the test chooses
/// (first given first, last given first, or at random), each parsing its run as `ParsedRun.parse` does — its first
/// file, then on while its JSON stays under the budget.
struct RunScheduleTests {
    /// What playing out a schedule gave: the files in the order they were handed to the writer, the runs given, the
    /// most tasks running at once and the most JSON waiting to be written.
    struct Played {
        var written: [Int] = []
        var runs: [Range<Int>] = []
        var mostRunning = 0
        var mostWaiting = 0
        var complete = false
    }

    enum Order {
        case firstGivenFirst, lastGivenFirst
        case random(seed: UInt64)
    }

    static func play(files: Int, cores: Int, budget: Int, order: Order, size: (Int) -> Int) -> Played {
        var schedule = RunSchedule<Range<Int>>(files: files, cores: cores, budget: budget)
        var played = Played()
        var running: [Range<Int>] = []
        // (Seeded, `NoLineLostTests`' generator: the same order on every run of the tests.)
        var random = NoLineLostTests.SeededGenerator(state: { if case .random(let seed) = order { seed } else { 0 } }())
        func startMore() {
            while let run = schedule.nextRun() {
                running.append(run)
                played.runs.append(run)
            }
            played.mostRunning = max(played.mostRunning, running.count)
        }
        startMore()
        while !running.isEmpty {
            let index: Int
            switch order {
            case .firstGivenFirst: index = 0
            case .lastGivenFirst: index = running.count - 1
            case .random: index = Int.random(in: 0..<running.count, using: &random)
            }
            let run = running.remove(at: index)
            var end = run.lowerBound
            var bytes = 0
            while end < run.upperBound, end == run.lowerBound || bytes < budget {
                bytes += size(end)
                end += 1
            }
            for parsed in schedule.finished(run, end: end, bytes: bytes, run.lowerBound..<end) {
                played.written += parsed
            }
            played.mostWaiting = max(played.mostWaiting, schedule.waitingBytes)
            startMore()
        }
        played.complete = schedule.isComplete
        return played
    }

    static let orders: [Order] = [.firstGivenFirst, .lastGivenFirst] + (1...6).map { .random(seed: $0) }

    /// What every play must give: each file written once, in order; at most `2 × cores` tasks running and the one
    /// the writer waits for; the JSON waiting within `2 × cores × budget`, and what the tasks given before it was
    /// reached could add (a budget and a record each).
    static func expectSound(
        _ played: Played, files: Int, cores: Int, budget: Int, largest: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(played.complete, sourceLocation: sourceLocation)
        #expect(played.written == Array(0..<files), sourceLocation: sourceLocation)
        #expect(played.mostRunning <= 2 * cores + 1, sourceLocation: sourceLocation)
        #expect(
            played.mostWaiting <= 2 * cores * budget + (2 * cores + 1) * (budget + largest),
            "\(played.mostWaiting) bytes waiting", sourceLocation: sourceLocation)
    }

    @Test("Small notices: runs of 32 once the first records are seen, every file written once and in order")
    func smallNotices() {
        for order in Self.orders {
            let played = Self.play(files: 3_000, cores: 2, budget: 1 << 20, order: order) { _ in 10_000 }
            Self.expectSound(played, files: 3_000, cores: 2, budget: 1 << 20, largest: 10_000)
            // Four runs of four before any record; then 32 a run (1 MiB at 10 KB a record would be 104).
            #expect(played.runs.prefix(4).map(\.count) == [4, 4, 4, 4])
            #expect(played.runs.dropFirst(4).dropLast().allSatisfy { $0.count == 32 })
            #expect(played.runs.count < 100)
        }
    }

    @Test("Notices over the budget each: runs of one, the first runs stopped short and their rest cut into runs")
    func largeNotices() {
        for order in Self.orders {
            let played = Self.play(files: 500, cores: 2, budget: 1 << 20, order: order) { _ in 3 << 20 }
            Self.expectSound(played, files: 500, cores: 2, budget: 1 << 20, largest: 3 << 20)
            #expect(played.runs.dropFirst(4).allSatisfy { $0.count == 1 })
            #expect(played.written.count == 500)
        }
    }

    @Test(
        "Small and large notices in turns, four cores, one, and few files: each written once, in order, within bounds")
    func mixedNotices() {
        // Stretches of 150 small records (10 KB) and 150 of a third of the budget, and a large one now and then.
        let size = { (file: Int) -> Int in file % 97 == 0 ? 5 << 20 : (file % 300 < 150 ? 10_000 : 350_000) }
        for cores in [1, 2, 4] {
            for order in Self.orders {
                let played = Self.play(files: 2_100, cores: cores, budget: 1 << 20, order: order, size: size)
                Self.expectSound(played, files: 2_100, cores: cores, budget: 1 << 20, largest: 5 << 20)
            }
        }
        // Fewer files than 32 a core: a file a run, so that every core has some.
        for order in Self.orders {
            let played = Self.play(files: 10, cores: 2, budget: 1 << 20, order: order) { _ in 10_000 }
            Self.expectSound(played, files: 10, cores: 2, budget: 1 << 20, largest: 10_000)
            #expect(played.runs.allSatisfy { $0.count == 1 })
        }
        let none = Self.play(files: 0, cores: 2, budget: 1 << 20, order: .firstGivenFirst) { _ in 1 }
        #expect(none.complete && none.runs.isEmpty && none.written.isEmpty)
    }

    @Test("The run the writer waits for is given whatever runs and waits: a stopped run's rest is parsed next")
    func theAwaitedRestGoesFirst() {
        var schedule = RunSchedule<Int>(files: 200, cores: 1, budget: 100)
        // One core: two runs at once, of four files each before any record.
        let first = schedule.nextRun()
        let second = schedule.nextRun()
        #expect(first == 0..<4 && second == 4..<8 && schedule.nextRun() == nil)
        // The second finishes first, whole: waiting, 80 bytes; the first stops short after one file of 150 bytes.
        #expect(schedule.finished(4..<8, end: 8, bytes: 80, 2).isEmpty)
        #expect(schedule.finished(0..<4, end: 1, bytes: 150, 1) == [1])
        #expect(schedule.waitingBytes == 80)
        // Its rest (files 1–3) is cut into runs of the length the records call for (230 bytes in 5 files, 46 a file:
        // 100 / 46, two files), and the first of them is given at once, the next before any file after 8.
        #expect(schedule.nextRun() == 1..<3)
        #expect(schedule.nextRun() == 3..<4)
        #expect(schedule.nextRun() == nil)  // two running: a core's two
        #expect(schedule.finished(3..<4, end: 4, bytes: 10, 3).isEmpty)
        // One running and 90 bytes waiting, under 2 × 100: a new run, of 100 / (240 / 6) files.
        #expect(schedule.nextRun() == 8..<10)
        #expect(schedule.finished(1..<3, end: 3, bytes: 20, 4) == [4, 3, 2])
        #expect(schedule.waitingBytes == 0 && !schedule.isComplete)
        // Nothing waits for the run that is out: the schedule gives the next (260 bytes in 8 files: 3 a run).
        #expect(schedule.nextRun() == 10..<13)
        // With 200 bytes waiting (files past a run not done), no run is given but the one the writer waits for.
        #expect(schedule.finished(10..<13, end: 13, bytes: 200, 6).isEmpty)
        #expect(schedule.waitingBytes == 200)
        #expect(schedule.nextRun() == nil)
        #expect(schedule.finished(8..<10, end: 9, bytes: 150, 5) == [5])
        #expect(schedule.nextRun() == 9..<10)  // the rest of 8–9, awaited, though 200 bytes wait
        #expect(schedule.nextRun() == nil)
    }
}
