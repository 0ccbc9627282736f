import Foundation
import GongwenKit
import PostgresNIO
import Testing

@testable import GongwenArchive

enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let notices = packageRoot.appendingPathComponent("Notices").path
    static let gongwen = packageRoot.appendingPathComponent(".build/debug/gongwen").path

    /// A new empty folder under the temporary directory.
    static func scratchFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

/// The PostgreSQL server the tests use: `GONGWEN_TEST_POSTGRES` (`.ci/run` starts one on loopback and sets
/// it); the PostgreSQL suite is skipped, and says so, without it.
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["GONGWEN_TEST_POSTGRES"]
}

/// An empty archive on one backend, and how to throw it away: a SQLite file in a scratch folder, or a
/// schema of its own on the test server.
struct ScratchArchive {
    enum Backend: String, Sendable, CaseIterable { case sqlite, postgres }

    let backend: Backend
    let location: ArchiveLocation
    /// The `--db` argument for the command line.
    let argument: String

    init(_ backend: Backend) throws {
        self.backend = backend
        switch backend {
        case .sqlite:
            argument = try Paths.scratchFolder() + "/archive.sqlite"
        case .postgres:
            let base = try #require(TestPostgres.url, "GONGWEN_TEST_POSTGRES is not set")
            argument =
                base + (base.contains("?") ? "&" : "?") + "schema=test_"
                + UUID().uuidString.prefix(8).lowercased().replacingOccurrences(of: "-", with: "")
        }
        location = try ArchiveLocation(argument)
    }

    func open() async throws -> any ArchiveStore {
        try await location.open(create: true)
    }

    func remove() async throws {
        switch location {
        case let .sqlite(path):
            try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
        case let .postgres(address):
            let store = try await location.open(create: true)
            let archive = try #require(store as? PostgresArchive)
            try await archive.connection.query(
                PostgresQuery(unsafeSQL: "DROP SCHEMA \(address.schema!) CASCADE"), logger: archive.logger)
            try await archive.close()
        }
    }
}

/// The entries Notices/ gives, built without the archive: the oracle the search is checked against.
enum NoticeEntries {
    static func all() throws -> [ArchiveEntry] {
        try ArchiveIngest.files(under: [Paths.notices]).flatMap { path -> [ArchiveEntry] in
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            return try ArchivedFile(Gongwen.analyze(bytes: bytes, path: path), path: path, byteCount: bytes.count)
                .entries
        }
    }

    /// The addresses whose title or text holds `words` (ASCII letters in either case), by brute force.
    static func holding(_ words: String, in entries: [ArchiveEntry]) -> Set<String> {
        let needle = words.lowercased()
        return Set(
            entries.filter { ($0.title ?? "").lowercased().contains(needle) || $0.body.lowercased().contains(needle) }
                .map(\.address))
    }
}
