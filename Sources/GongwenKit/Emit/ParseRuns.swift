/// The records of a run of files, as a task of the parse command hands them to the writer: the files it was given,
/// where it stopped (`end`: short of the last once its JSON reaches the budget) and the record or the error of each.
package struct ParsedRun: Sendable {
    package let files: Range<Int>
    package let end: Int
    package let results: [Result<JSONBytes, any Error>]
    /// The bytes of JSON the results hold (a failed file holds none).
    package let bytes: Int

    /// Each file of `files` in turn through `output`: the first whatever its size, each next one while the JSON of
    /// those before stays under `budget` bytes.
    package static func parse(_ files: Range<Int>, budget: Int, _ output: (Int) throws -> JSONBytes) -> ParsedRun {
        var results: [Result<JSONBytes, any Error>] = []
        var held = 0
        var end = files.lowerBound
        while end < files.upperBound, end == files.lowerBound || held < budget {
            let result = Result { try output(end) }
            if case let .success(bytes) = result { held += bytes.count }
            results.append(result)
            end += 1
        }
        return ParsedRun(files: files, end: end, results: results, bytes: held)
    }
}

/// Which files the parse command's tasks are given, a run at a time, and which runs' records are written when: the
/// order of the files, whatever order the tasks finish in, with the JSON parsed and not yet written bounded.
///
/// A run is as many files as make about `budget` bytes of JSON at the mean size of the records so far (at most
/// `longestRun`, and four until a record has been seen), so that a task parses many small notices in a row and few
/// large ones. A task costs its creation, the wake-ups of the thread that runs it and of the one that writes, and
/// the writer's values moved from one core to the other: runs of four took 0.964–0.986 of the CPU time a task a file
/// took for `Benchmarks/bench.sh`'s 3,000 notices (0.92–0.95 for one-line notices), and runs of 32 a further
/// 0.97–0.98 (Benchmarks/ROUNDS.md, the twenty-eighth round), where runs of four by count alone held at most 16
/// records.
///
/// A task stops short of its run's end once its JSON reaches the budget (`ParsedRun.parse`); the rest is cut into
/// runs again, given before any later file. New runs are given while fewer than `2 × cores` tasks run and the JSON
/// waiting to be written (done, after a run not done yet) is under `2 × cores × budget`; the run the writer waits for
/// is given whatever those say, so that the writing always goes on.
package struct RunSchedule<Payload> {
    package let files: Int
    private let cores: Int
    private let budget: Int
    /// The most files a run holds: one while there are fewer than 32 a core, so that every core has some; then up to
    /// `longestRun`.
    private let lengthLimit: Int
    package static var longestRun: Int { 32 }

    private var given = 0  // every file before this was given in a run, or is in `rests`
    private var rests: [Range<Int>] = []  // runs cut from what tasks stopped short of, in the order of their files
    private var running = 0
    private var written = 0  // every file before this was handed to the writer
    private var done: [Int: (end: Int, bytes: Int, payload: Payload)] = [:]  // by the first file of each
    private var waiting = 0  // the JSON of `done`
    private var parsedFiles = 0, parsedBytes = 0  // for the mean size of a record

    package init(files: Int, cores: Int, budget: Int) {
        self.files = files
        self.cores = max(1, cores)
        self.budget = max(1, budget)
        lengthLimit = max(1, min(Self.longestRun, files / (self.cores * 32)))
    }

    /// Every file handed to the writer.
    package var isComplete: Bool { written == files }

    /// The JSON parsed and waiting to be written: the runs done after one that is not.
    package var waitingBytes: Int { waiting }

    /// How many files a run is given now.
    package var runLength: Int {
        guard parsedFiles > 0 else { return min(4, lengthLimit) }
        let mean = max(1, parsedBytes / parsedFiles)
        return max(1, min(lengthLimit, budget / mean))
    }

    /// The next run to give a task, or nil when none is to start now.
    package mutating func nextRun() -> Range<Int>? {
        if let first = rests.first, first.lowerBound == written {  // the one the writer waits for
            return give(rests.removeFirst())
        }
        guard running < 2 * cores, waiting < 2 * cores * budget else { return nil }
        if !rests.isEmpty { return give(rests.removeFirst()) }
        guard given < files else { return nil }
        let run = given..<min(files, given + runLength)
        given = run.upperBound
        return give(run)
    }

    private mutating func give(_ run: Range<Int>) -> Range<Int> {
        running += 1
        return run
    }

    /// A task's run is done: it parsed `run` up to `end` (exclusive), `bytes` of JSON. The payloads now to be
    /// written, in the order of their files.
    package mutating func finished(_ run: Range<Int>, end: Int, bytes: Int, _ payload: Payload) -> [Payload] {
        precondition(run.lowerBound < end && end <= run.upperBound, "a run parses its first file and no file past it")
        running -= 1
        parsedFiles += end - run.lowerBound
        parsedBytes += bytes
        if end < run.upperBound {
            // The rest, cut into runs of the length the records now call for, before every later file.
            let length = runLength
            let cut = stride(from: end, to: run.upperBound, by: length).map { $0..<min(run.upperBound, $0 + length) }
            let at = rests.firstIndex { $0.lowerBound > end } ?? rests.endIndex
            rests.insert(contentsOf: cut, at: at)
        }
        done[run.lowerBound] = (end, bytes, payload)
        waiting += bytes
        var ready: [Payload] = []
        while let next = done.removeValue(forKey: written) {
            ready.append(next.payload)
            waiting -= next.bytes
            written = next.end
        }
        return ready
    }
}
