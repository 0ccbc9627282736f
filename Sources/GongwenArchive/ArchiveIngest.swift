import Foundation
import GongwenKit

/// A file the ingest could not store, and why.
public struct IngestFailure: Sendable, Encodable, Equatable {
    public var path: String
    public var reason: String
}

/// What an ingest did.
public struct IngestSummary: Sendable, Encodable {
    public var files = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var failures: [IngestFailure] = []
    /// Entries written (a file's own notice and those embedded in it), for the added and updated files.
    public var entries = 0
    public var bytes = 0
    public var seconds = 0.0

    /// Files parsed and waiting for the writer.
    public var waiting = 0

    /// Files read so far: stored, unchanged, failed, or waiting for the writer.
    public var done: Int { added + updated + unchanged + failures.count + waiting }
}

/// The archive's ingestion: every notice file under the given folders parsed (on all cores) and
/// stored (by one writer, in batches, each file in a savepoint of its own); a file whose sha256 the
/// archive already holds is not parsed again.
public enum ArchiveIngest {
    /// The extensions read as notices (HTML for .html, .htm, .shtml; text for .txt).
    public static let extensions = Gongwen.noticeExtensions

    /// The notice files under each path (a folder, walked recursively, hidden entries skipped; or a
    /// file, taken as given), in path order, each once.
    public static func files(under paths: [String]) throws(GongwenError) -> [String] {
        var found: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw .ingest(.unreadable(path: path, reason: "no such file or folder"))
            }
            guard isFolder.boolValue else {
                found.append(path)
                continue
            }
            do {
                found += try Gongwen.noticeFiles(inFolder: path, recursive: true, extensions: extensions)
            } catch .noNotices {
                continue  // an empty folder among others; none at all is said by the caller
            }
        }
        var seen = Set<String>()
        return found.filter { seen.insert(($0 as NSString).standardizingPath).inserted }
    }

    /// Files stored in one transaction (each in a savepoint of its own): committing every file alone
    /// wrote each index page again for each file, and made the one writer the bottleneck.
    public static let batchSize = 64

    /// Ingests `files` into `store`: parsed on all cores (Swift's concurrency runs one task per core),
    /// with a bounded queue of files read ahead so that parsing goes on while a batch is written, and
    /// stored by one writer in batches as they come. `progress` is called at most ten times a second, and
    /// once at the end.
    public static func run(
        files: [String], into store: any ArchiveStore, limits: IngestLimits = .standard,
        progress: (@Sendable (IngestSummary) -> Void)? = nil
    ) async throws -> IngestSummary {
        let started = Date()
        let stored = try await store.storedDigests()
        var summary = IngestSummary(files: files.count)
        var batch: [ArchivedFile] = []
        var reported = Date.distantPast
        func report(force: Bool = false) {
            let now = Date()
            guard let progress, force || now.timeIntervalSince(reported) >= 0.1 else { return }
            reported = now
            summary.seconds = now.timeIntervalSince(started)
            summary.waiting = batch.count
            progress(summary)
        }
        func write() async {
            guard !batch.isEmpty else { return }
            do {
                for (file, result) in zip(batch, try await store.store(batch)) {
                    switch result {
                    case .success(.added): summary.added += 1
                    case .success(.updated): summary.updated += 1
                    case .success(.unchanged): summary.unchanged += 1
                    case let .failure(error):
                        summary.failures.append(
                            IngestFailure(path: file.path, reason: "\(file.path): not stored: \(error)"))
                    }
                    if case .success(let outcome) = result, outcome != .unchanged {
                        summary.entries += file.entries.count
                    }
                }
            } catch {
                summary.failures += batch.map {
                    IngestFailure(path: $0.path, reason: "\($0.path): not stored: \(error)")
                }
            }
            batch.removeAll(keepingCapacity: true)
            report()
        }
        try await withThrowingTaskGroup(of: Prepared.self) { group in
            var next = 0
            func submit() {
                guard next < files.count else { return }
                let path = files[next]
                let digest = stored[path]
                group.addTask { prepare(path, storedDigest: digest, limits: limits) }
                next += 1
            }
            // At most this many files are held at once (read, parsed, or waiting for the writer).
            for _ in 0..<(ProcessInfo.processInfo.activeProcessorCount * 4 + batchSize) { submit() }
            while let prepared = try await group.next() {
                submit()
                summary.bytes += prepared.byteCount
                switch prepared.result {
                case .unchanged:
                    summary.unchanged += 1
                case let .failed(reason):
                    summary.failures.append(IngestFailure(path: prepared.path, reason: reason))
                case let .parsed(file):
                    batch.append(file)
                    if batch.count >= batchSize { await write() }
                }
                report()
            }
            await write()
            report(force: true)
        }
        summary.failures.sort { $0.path < $1.path }
        summary.seconds = Date().timeIntervalSince(started)
        summary.waiting = 0
        return summary
    }

    struct Prepared: Sendable {
        enum Result: Sendable {
            case unchanged
            case parsed(ArchivedFile)
            case failed(String)
        }
        var path: String
        var byteCount: Int
        var result: Result
    }

    /// Reads, hashes and (unless the archive holds the same digest) parses one file.
    static func prepare(_ path: String, storedDigest: String?, limits: IngestLimits) -> Prepared {
        let bytes: [UInt8]
        do { bytes = try InputReader.bytes(of: path, limits: limits) } catch {
            return Prepared(path: path, byteCount: 0, result: .failed("\(error)"))
        }
        if let storedDigest, SHA256.hex(of: bytes) == storedDigest {
            return Prepared(path: path, byteCount: bytes.count, result: .unchanged)
        }
        do {
            let analyzed = try Gongwen.analyze(bytes: bytes, path: path, format: format(of: path))
            return Prepared(
                path: path, byteCount: bytes.count,
                result: .parsed(try ArchivedFile(analyzed, path: path, byteCount: bytes.count)))
        } catch {
            return Prepared(path: path, byteCount: bytes.count, result: .failed("\(error)"))
        }
    }

    /// .shtml is HTML whatever its content looks like; other files are told apart by their bytes.
    static func format(of path: String) -> InputFormat? {
        (path as NSString).pathExtension.lowercased() == "shtml" ? .html : nil
    }
}
