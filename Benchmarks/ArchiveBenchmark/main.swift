import Foundation
import GongwenArchive
import GongwenKit

/// The archive's benchmark (README "Archive benchmark"; run by Benchmarks/archive-bench.sh):
///
///     archive-benchmark search DB [QUERIES]   search latency, p50 and p99, for 2-, 3- and 6-character queries
///     archive-benchmark parse FOLDER          the parsing half of an ingest alone, on all cores
///
/// The queries are substrings of the archived texts themselves, taken at places spread over them, so each
/// finds at least one notice, as an archivist's queries do; each is timed once, after a warm-up pass.
@main
struct ArchiveBenchmark {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch (arguments.first, arguments.count) {
        case ("search", 2...3):
            try await search(database: arguments[1], count: arguments.count == 3 ? Int(arguments[2]) ?? 200 : 200)
        case ("parse", 2): try await parse(folder: arguments[1])
        default:
            FileHandle.standardError.write(Data("usage: archive-benchmark search DB [QUERIES] | parse FOLDER\n".utf8))
            exit(2)
        }
    }

    static func search(database: String, count: Int) async throws {
        let store = try await ArchiveLocation(database).open(create: false)
        // Texts to take queries from: the first hits of a few common words, whole.
        var bodies: [String] = []
        for word in ["通知", "企业", "申报", "工作", "质量", "项目"] {
            for hit in try await store.search(SearchQuery(text: word, limit: 50)).hits {
                if let snippet = hit.snippet { bodies.append(snippet.before + snippet.match + snippet.after) }
            }
        }
        guard !bodies.isEmpty else {
            FileHandle.standardError.write(
                Data("archive-benchmark: \(database) holds no text to take queries from; ingest first\n".utf8))
            exit(1)
        }
        let counts = try await store.counts()
        print("archive: \(counts.entries) notices in \(counts.sources) files (\(database))")
        for length in [2, 3, 6] {
            // Places spread by two large primes: the same queries on every run of the same archive.
            var queries: [String] = []
            var i = 0
            while queries.count < count && i < count * 100 {
                i += 1
                let body = Array(bodies[(i * 7_919) % bodies.count])
                guard body.count > length else { continue }
                let start = (i * 104_729) % (body.count - length + 1)
                let query = String(body[start..<(start + length)])
                if query.unicodeScalars.allSatisfy({ $0.properties.isIdeographic || $0.properties.numericType != nil })
                {
                    queries.append(query)
                }
            }
            for query in queries.prefix(20) { _ = try await store.search(SearchQuery(text: query)) }  // warm-up
            var times: [Double] = []
            var found = 0
            for query in queries {
                let start = ContinuousClock.now
                let results = try await store.search(SearchQuery(text: query))
                let elapsed = ContinuousClock.now - start
                times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                found += results.total
            }
            times.sort()
            let p50 = times[times.count / 2]
            let p99 = times[min(times.count - 1, times.count * 99 / 100)]
            print(
                String(
                    format:
                        "%d-character queries: %d, p50 %.2f ms, p99 %.2f ms, %.0f notices found per query on average",
                    length, queries.count, p50, p99, Double(found) / Double(queries.count)))
        }
        try await store.close()
    }

    static func parse(folder: String) async throws {
        let files = try ArchiveIngest.files(under: [folder])
        let start = ContinuousClock.now
        let jobs = ProcessInfo.processInfo.activeProcessorCount
        let bytes = try await withThrowingTaskGroup(of: Int.self) { group in
            var next = 0
            var total = 0
            func submit() {
                guard next < files.count else { return }
                let path = files[next]
                next += 1
                group.addTask {
                    let bytes = try InputReader.bytes(of: path, limits: .standard)
                    _ = try ArchivedFile(Gongwen.analyze(bytes: bytes, path: path), path: path, byteCount: bytes.count)
                    return bytes.count
                }
            }
            for _ in 0..<jobs { submit() }
            while let count = try await group.next() {
                total += count
                submit()
            }
            return total
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            String(
                format: "parsed %d files (%.1f MB) in %.2f s on %d cores: %.0f files/s", files.count,
                Double(bytes) / 1_048_576, seconds, jobs,
                Double(files.count) / seconds))
    }
}
