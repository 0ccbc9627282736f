import Foundation
import GRDB
import Testing

@testable import GongwenArchive

/// Opening a SQLite archive while another process opens it: SQLite may answer SQLITE_BUSY at once, without its
/// busy handler, when two connections set WAL mode together (CI saw "database is locked - while executing
/// `PRAGMA journal_mode = WAL`" once, in the test of two ingests at once). The opening is tried again.
@Suite("Opening a SQLite archive another process is opening")
struct SQLiteOpeningTests {
    @Test("SQLITE_BUSY while opening is waited out; the result of the attempt that succeeds is returned")
    func busyIsWaitedOut() throws {
        var attempts = 0
        let value = try SQLiteArchive.retryingWhileBusy(patience: 5) { () throws -> Int in
            attempts += 1
            if attempts < 4 { throw DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked") }
            return 42
        }
        #expect(value == 42 && attempts == 4)
    }

    @Test("Past its patience, or for any other error, the error is thrown as it came")
    func otherErrorsAndPatience() {
        let start = Date()
        #expect(throws: DatabaseError.self) {
            try SQLiteArchive.retryingWhileBusy(patience: 0.2) { () throws -> Int in
                throw DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked")
            }
        }
        #expect(Date().timeIntervalSince(start) >= 0.2)
        var attempts = 0
        #expect(throws: DatabaseError.self) {
            try SQLiteArchive.retryingWhileBusy(patience: 5) { () throws -> Int in
                attempts += 1
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed")
            }
        }
        #expect(attempts == 1)
    }
}

@Suite("A SQLite archive that cannot be made")
struct SQLiteUnwritableTests {
    @Test("An archive in a folder that does not exist is refused, the folder named (not SQLite's bare 'error 14')")
    func missingFolder() async throws {
        let folder = try Paths.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/no such folder/archive.sqlite"
        do {
            _ = try await ArchiveLocation.sqlite(path: path).open(create: true)
            Issue.record("an archive was made in a folder that does not exist")
        } catch let error as ArchiveOpenError {
            #expect(
                "\(error)" == "\(path): cannot open the archive: SQLite cannot open or make the file (unable to open "
                    + "database file): its folder \(folder)/no such folder must exist and be writable")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/no such folder"))
    }
}

@Suite("A closed SQLite archive is one file")
struct SQLiteClosingTests {
    @Test("After an ingest, the archive's file copied alone holds every notice stored; its write-ahead log is empty")
    func fileAloneHoldsTheArchive() async throws {
        let folder = try Paths.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/archive.sqlite"
        let counts = try await Self.ingestNotices(into: path)
        let log = try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
        #expect(log == nil || log == 0, "the log still holds \(log ?? 0) bytes")
        // The file alone, copied where no log stands beside it.
        let copyFolder = try Paths.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: copyFolder) }
        try FileManager.default.copyItem(atPath: path, toPath: copyFolder + "/copy.sqlite")
        let copy = try SQLiteArchive(path: copyFolder + "/copy.sqlite")
        let copied = try await copy.counts()
        try await copy.close()
        #expect(copied == counts)
    }

    /// Notices/ ingested into a new SQLite archive at `path`, closed: what it holds.
    static func ingestNotices(into path: String) async throws -> ArchiveCounts {
        let store = try SQLiteArchive(path: path)
        let files = try ArchiveIngest.files(under: [Paths.notices])
        let summary = try await ArchiveIngest.run(files: files, into: store, limits: .standard, progress: nil)
        let counts = try await store.counts()
        try await store.close()
        #expect(summary.added == files.count && counts.entries > files.count, "\(counts)")
        return counts
    }
}

/// The commands that only read (search, the citation graph) open a SQLite archive without write access:
/// whoever may read its files may search it, and a search leaves the file as it was (it grew by a page
/// at each search, and a user without write access could not search at all: "attempt to write a
/// readonly database").
@Suite("A SQLite archive opened to read")
struct SQLiteReadingTests {
    @Test("A search of an ingested archive, opened to read, leaves its file byte for byte as it was")
    func searchWritesNothing() async throws {
        let folder = try Paths.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/archive.sqlite"
        let counts = try await SQLiteClosingTests.ingestNotices(into: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let reader = try await ArchiveLocation.sqlite(path: path).open(create: false)
        #expect((reader as? SQLiteArchive)?.isReadOnly == true)
        #expect(try await reader.counts() == counts)
        #expect(try await !reader.search(SearchQuery(text: "质量标杆", limit: 10)).hits.isEmpty)
        // Opened without write access: a store is refused by SQLite itself.
        await #expect(throws: (any Error).self) {
            try await (reader as! SQLiteArchive).pool.write { db in try db.execute(sql: "DELETE FROM sources") }
        }
        try await reader.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let log = try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
        #expect(log == nil || log == 0)
    }

    @Test("A SQLite database that is no archive, and an empty file, are refused and left as they were")
    func notAnArchive() async throws {
        let folder = try Paths.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let other = folder + "/other.sqlite"
        let queue = try DatabaseQueue(path: other)
        try await queue.write { db in
            try db.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x')")
        }
        try queue.close()
        let empty = folder + "/empty.sqlite"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        for path in [other, empty] {
            await #expect(throws: ArchiveOpenError.notAnArchive(path: path)) {
                _ = try await ArchiveLocation.sqlite(path: path).open(create: false)
            }
        }
        let tables = try await DatabaseQueue(path: other).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables == ["notes"])  // not given the archive's tables
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
        // A file that is no database at all: SQLite's own words, with the path.
        let text = folder + "/notes.txt"
        try "关于开展2024年质量标杆活动的通知\n".write(toFile: text, atomically: true, encoding: .utf8)
        do {
            _ = try await ArchiveLocation.sqlite(path: text).open(create: false)
            Issue.record("a text file was opened as an archive")
        } catch let error as ArchiveOpenError {
            #expect("\(error)".hasPrefix(text + ": cannot open the archive: ") && "\(error)".contains("not a database"))
        }
    }
}
