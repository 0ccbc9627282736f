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

@Suite("A closed SQLite archive is one file")
struct SQLiteClosingTests {
    @Test("After an ingest, the archive's file copied alone holds every notice stored; its write-ahead log is empty")
    func fileAloneHoldsTheArchive() async throws {
        let folder = try Paths.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/archive.sqlite"
        let store = try SQLiteArchive(path: path)
        let files = try ArchiveIngest.files(under: [Paths.notices])
        let summary = try await ArchiveIngest.run(files: files, into: store, limits: .standard, progress: nil)
        let counts = try await store.counts()
        try await store.close()
        #expect(summary.added == files.count && counts.entries > files.count, "\(counts)")
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
}
