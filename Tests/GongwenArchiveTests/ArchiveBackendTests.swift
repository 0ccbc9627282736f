import PostgresNIO
import Testing

@testable import GongwenArchive

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

    /// A command that only reads writes nothing to an archive that is up to date: a role that may read the
    /// archive but not create in its schema searches it (the schema's check, a CREATE TABLE IF NOT EXISTS,
    /// was refused: "permission denied for schema"), and a command that writes is told so in the server's
    /// words (they came wrapped in postgres-nio's transaction error).
    @Test("A role without CREATE on the archive's schema searches it; ingest is refused in the server's words")
    func readingWithoutCreatePrivilege() async throws {
        let scratch = try ScratchArchive(.postgres)
        guard case let .postgres(address) = scratch.location, let schema = address.schema else {
            Issue.record("a scratch archive on PostgreSQL has a schema of its own")
            return
        }
        let writer = try #require(try await scratch.open() as? PostgresArchive)
        _ = try await ArchiveContract.ingest([Paths.notices], into: writer)
        // The owner gives up its own CREATE on the schema (and takes it back below).
        try await writer.connection.query(
            PostgresQuery(unsafeSQL: "REVOKE CREATE ON SCHEMA \(schema) FROM CURRENT_USER"), logger: writer.logger)
        try await writer.close()

        let reader = try #require(try await scratch.location.open(create: false) as? PostgresArchive)
        #expect(try await !reader.search(SearchQuery(text: "质量标杆", limit: 10)).hits.isEmpty)
        do {
            _ = try await scratch.location.open(create: true)
            Issue.record("the schema was written without CREATE on it")
        } catch let error as ArchiveOpenError {
            #expect("\(error)" == "\(address): cannot open the archive: permission denied for schema \(schema)")
        }
        try await reader.connection.query(
            PostgresQuery(unsafeSQL: "GRANT CREATE ON SCHEMA \(schema) TO CURRENT_USER"), logger: reader.logger)
        try await reader.close()
        try await scratch.remove()
    }
}
