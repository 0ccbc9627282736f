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
