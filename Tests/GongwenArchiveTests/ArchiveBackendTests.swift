import Testing

@Suite("The archive on SQLite")
struct SQLiteArchiveTests {
    @Test func idempotentReingest() async throws { try await ArchiveContract.idempotentReingest(.sqlite) }
    @Test func changedFileReplaced() async throws { try await ArchiveContract.changedFileReplaced(.sqlite) }
    @Test func failuresLeaveNothing() async throws { try await ArchiveContract.failuresLeaveNothing(.sqlite) }
    @Test func concurrentIngests() async throws { try await ArchiveContract.concurrentIngests(.sqlite) }
    @Test func search() async throws { try await ArchiveContract.searchFindsExactlyTheEntriesHoldingTheWords(.sqlite) }
    @Test func filters() async throws { try await ArchiveContract.filters(.sqlite) }
    @Test func hostileQueries() async throws { try await ArchiveContract.hostileQueries(.sqlite) }
    @Test func documentNumbers() async throws { try await ArchiveContract.documentNumbers(.sqlite) }
    @Test func citationGraph() async throws { try await ArchiveContract.citationGraph(.sqlite) }
    @Test func queryForms() async throws { try await ArchiveContract.queryForms(.sqlite) }
    @Test func readingMissingArchive() async throws { try await ArchiveContract.readingMissingArchive(.sqlite) }
}

@Suite(
    "The archive on PostgreSQL",
    .enabled(
        if: TestPostgres.url != nil, "set GONGWEN_TEST_POSTGRES=postgres://user:password@host/database (.ci/run does)"))
struct PostgresArchiveTests {
    @Test func idempotentReingest() async throws { try await ArchiveContract.idempotentReingest(.postgres) }
    @Test func changedFileReplaced() async throws { try await ArchiveContract.changedFileReplaced(.postgres) }
    @Test func failuresLeaveNothing() async throws { try await ArchiveContract.failuresLeaveNothing(.postgres) }
    @Test func concurrentIngests() async throws { try await ArchiveContract.concurrentIngests(.postgres) }
    @Test func search() async throws {
        try await ArchiveContract.searchFindsExactlyTheEntriesHoldingTheWords(.postgres)
    }
    @Test func filters() async throws { try await ArchiveContract.filters(.postgres) }
    @Test func hostileQueries() async throws { try await ArchiveContract.hostileQueries(.postgres) }
    @Test func documentNumbers() async throws { try await ArchiveContract.documentNumbers(.postgres) }
    @Test func citationGraph() async throws { try await ArchiveContract.citationGraph(.postgres) }
    @Test func queryForms() async throws { try await ArchiveContract.queryForms(.postgres) }
    @Test func readingMissingArchive() async throws { try await ArchiveContract.readingMissingArchive(.postgres) }
}
