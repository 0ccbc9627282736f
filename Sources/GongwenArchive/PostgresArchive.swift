import Foundation
import GongwenKit
import Logging
import PostgresNIO

/// The archive on a PostgreSQL server, shared by several users and machines: the same schema and
/// queries as `SQLiteArchive` (`ArchiveSchema`, `ArchiveSQL`); search through a GIN index over each
/// entry's bigrams, each candidate checked against the text (`strpos`), so that two-character
/// queries use the index too (pg_trgm cannot index a substring shorter than three characters).
/// Concurrent ingests are safe: the migrations and each file's transaction take an advisory lock.
public final class PostgresArchive: ArchiveStore {
    let connection: PostgresConnection
    let logger: Logger

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    static func open(_ address: PostgresAddress, create: Bool) async throws -> PostgresArchive {
        let logger = Logger(label: "gongwen.archive", factory: { _ in SwiftLogNoOpLogHandler() })
        let configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user,
            password: address.password, database: address.database,
            tls: address.requireTLS ? .require(try .init(configuration: .makeClientConfiguration())) : .disable)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw ArchiveOpenError.cannotOpen(location: address.description, reason: Self.reason(error))
        }
        let archive = PostgresArchive(connection: connection, logger: logger)
        do {
            if let schema = address.schema {  // a checked identifier: letters, digits, _
                // Created (if missing) by the migration, under its lock: two processes may open a new one at once.
                try await connection.query(PostgresQuery(unsafeSQL: "SET search_path TO \(schema)"), logger: logger)
            }
            if !create, try await !archive.exists() {
                try? await connection.close()
                throw ArchiveOpenError.noArchive(path: address.description)
            }
            // A command that only reads writes nothing when the archive is up to date: a role that may only
            // read the archive's tables (no CREATE on its schema) may search it.
            var upToDate = false
            if !create { upToDate = try await Self.pendingMigrations(connection, logger: logger).isEmpty }
            if !upToDate { try await archive.migrate(schema: address.schema) }
            // The search's bitmap scan of the GIN index over the bigrams is exact and touches small rows;
            // for a common bigram the planner would rather read every row and test its array (detoasting
            // each): 231 ms against 9 ms for 企业 on 10,000 notices.
            try await connection.query("SET enable_seqscan = off", logger: logger)
        } catch let error as ArchiveOpenError {
            throw error
        } catch {
            try? await connection.close()
            throw ArchiveOpenError.cannotOpen(location: address.description, reason: Self.reason(error))
        }
        return archive
    }

    /// The server's own words for what went wrong (postgres-nio hides them from `description`), also
    /// when they come out of a transaction.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PostgresTransactionError,
            let cause = error.closureError ?? error.beginError ?? error.commitError
        {
            return reason(cause)
        }
        if let error = error as? PSQLError {
            if error.code == .authMechanismRequiresPassword {
                return
                    "the server asks for a password: give it in the URL (postgres://user:password@host/database) or in PGPASSWORD"
            }
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }

    /// True when the database (in the schema searched) holds an archive: its version table.
    func exists() async throws -> Bool {
        for try await found in try await connection.query(
            "SELECT to_regclass('archive_schema_version') IS NOT NULL", logger: logger
        ).decode(Bool.self) {
            return found
        }
        return false
    }

    /// The archive's migrations the database (one with the version table) has not had yet.
    static func pendingMigrations(_ connection: PostgresConnection, logger: Logger) async throws -> [ArchiveMigration] {
        var applied = Set<Int>()
        for try await version in try await connection.query(
            "SELECT version FROM archive_schema_version", logger: logger
        )
        .decode(Int.self) {
            applied.insert(version)
        }
        return ArchiveSchema.migrations.filter { !applied.contains($0.version) }
    }

    func migrate(schema: String?) async throws {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtext('gongwen archive schema'))", logger: logger)
            if let schema {  // a checked identifier: letters, digits, _
                try await connection.query(
                    PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
            }
            try await connection.query(PostgresQuery(unsafeSQL: ArchiveSchema.versionTable), logger: logger)
            for migration in try await Self.pendingMigrations(connection, logger: logger) {
                for statement in migration.statements(.postgres) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    """
                    INSERT INTO archive_schema_version (version, name, applied_at) VALUES (\(migration.version), \(migration.name), \(ArchiveSchema.timestamp()))
                    """, logger: logger)
            }
        }
    }

    public func storedDigests() async throws -> [String: String] {
        var digests: [String: String] = [:]
        for try await (path, digest) in try await connection.query("SELECT path, sha256 FROM sources", logger: logger)
            .decode((String, String).self)
        {
            digests[path] = digest
        }
        return digests
    }

    public func store(_ files: [ArchivedFile]) async throws -> [Result<StoreOutcome, ArchiveStoreError>] {
        let now = ArchiveSchema.timestamp()
        // Paths in order: two processes storing overlapping batches take their locks in the same order.
        let order = files.indices.sorted { files[$0].path < files[$1].path }
        do {
            return try await connection.withTransaction(logger: logger) { connection in
                var results = [Result<StoreOutcome, ArchiveStoreError>](
                    repeating: .success(.unchanged), count: files.count)
                for index in order {
                    let file = files[index]
                    // Each file in a savepoint of its own: one that fails leaves nothing, the others are kept.
                    try await connection.query("SAVEPOINT file", logger: logger)
                    do {
                        results[index] = .success(try await store(file, now: now, connection))
                        try await connection.query("RELEASE SAVEPOINT file", logger: logger)
                    } catch {
                        try await connection.query("ROLLBACK TO SAVEPOINT file", logger: logger)
                        results[index] = .failure(ArchiveStoreError(reason: Self.reason(error)))
                    }
                }
                return results
            }
        } catch let error as PostgresTransactionError {
            throw ArchiveStoreError(
                reason: Self.reason(error.closureError ?? error.beginError ?? error.commitError ?? error))
        }
    }

    func store(_ file: ArchivedFile, now: String, _ connection: PostgresConnection) async throws -> StoreOutcome {
        // One writer per path at a time, whichever process it is in (held to the end of the transaction).
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(file.path)))", logger: logger)
        var stored: String?
        for try await digest in try await connection.query(
            "SELECT sha256 FROM sources WHERE path = \(file.path)", logger: logger
        ).decode(String.self) {
            stored = digest
        }
        if stored == file.sha256 { return .unchanged }
        if stored != nil { try await connection.query("DELETE FROM sources WHERE path = \(file.path)", logger: logger) }
        try await insert(file, now: now, connection)
        return stored == nil ? .added : .updated
    }

    func insert(_ file: ArchivedFile, now: String, _ connection: PostgresConnection) async throws {
        try await connection.query(
            """
            INSERT INTO sources (path, sha256, format, encoding, byte_count, ingested_at)
            VALUES (\(file.path), \(file.sha256), \(file.format), \(file.encoding), \(file.byteCount), \(now))
            """, logger: logger)
        for entry in file.entries {
            var grams = Set(SearchGrams.distinct(entry.body))
            grams.formUnion(SearchGrams.distinct(entry.title ?? ""))
            // One statement for the entry, its text and its citations (a round trip for each made the
            // writer wait); arrays cannot hold a null here, so a missing number or title travels as "" (never a
            // real value).
            let citations = entry.citations
            try await connection.query(
                """
                WITH e AS (
                    INSERT INTO entries (address, source_path, position, parent_address, doc_number, doc_agency, doc_year, doc_serial,
                        issuer, level, title, signed_on, published_on, campaign_id, campaign, campaign_year, year, addressees, deadlines,
                        search_grams)
                    VALUES (\(entry.address), \(entry.sourcePath), \(entry.position), \(entry.parentAddress), \(entry.docNumber),
                        \(entry.docAgency), \(entry.docYear), \(entry.docSerial), \(entry.issuer), \(entry.level), \(entry.title),
                        \(entry.signedOn), \(entry.publishedOn), \(entry.campaignID), \(entry.campaign), \(entry.campaignYear), \(entry.year),
                        \(entry.addresseesJSON), \(entry.deadlinesJSON), \(grams.sorted()))
                    RETURNING id
                ), t AS (
                    INSERT INTO entry_texts (entry_id, body, line_spans, record)
                    SELECT id, \(entry.body), \(entry.lineSpansJSON), \(entry.recordJSON) FROM e
                )
                INSERT INTO citations (entry_id, position, kind, doc_number, title, text, start_line, start_column, end_line, end_column)
                SELECT e.id, position, kind, NULLIF(doc_number, ''), NULLIF(title, ''), text, start_line, start_column, end_line, end_column
                FROM e, unnest(\(Array(citations.indices)), \(citations.map(\.kind.rawValue)), \(citations.map { $0.docNumber ?? "" }),
                    \(citations.map { $0.title ?? "" }), \(citations.map(\.text)), \(citations.map(\.span.startLine)),
                    \(citations.map(\.span.startColumn)), \(citations.map(\.span.endLine)), \(citations.map(\.span.endColumn)))
                    AS c(position, kind, doc_number, title, text, start_line, start_column, end_line, end_column)
                """, logger: logger)
        }
    }

    public func search(_ query: SearchQuery) async throws -> SearchResults {
        try await ArchiveSearch.run(try query.prepared(), dialect: .postgres) { try await self.rows($0) }
    }

    public func entries(docNumber: String?, address: String?) async throws -> [EntrySummary] {
        try await rows(ArchiveSQL.entries(docNumber: docNumber, address: address, dialect: .postgres)).map {
            EntrySummary($0, at: 0)
        }
    }

    public func citations(from address: String) async throws -> [CitationLink] {
        ArchiveSearch.citationLinks(try await rows(ArchiveSQL.citations(fromAddress: address, dialect: .postgres)))
    }

    public func citations(toNumber docNumber: String?, title: String?) async throws -> [CitationLink] {
        ArchiveSearch.citationLinks(
            try await rows(ArchiveSQL.citations(toNumber: docNumber, title: title, dialect: .postgres)))
    }

    public func counts() async throws -> ArchiveCounts {
        var counts = ArchiveCounts(sources: 0, entries: 0, citations: 0)
        let query: PostgresQuery =
            "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM entries), (SELECT count(*) FROM citations)"
        for try await (sources, entries, citations) in try await connection.query(query, logger: logger).decode(
            (Int, Int, Int).self)
        {
            counts = ArchiveCounts(sources: sources, entries: entries, citations: citations)
        }
        return counts
    }

    public func close() async throws {
        try await connection.close()
    }

    /// Runs a statement of `ArchiveSQL` and reads its rows.
    func rows(_ statement: SQLStatement) async throws -> [StoredRow] {
        var bindings = PostgresBindings()
        for value in statement.binds {
            switch value {
            case let .text(text): bindings.append(text)
            case let .int(int): bindings.append(int)
            case .null: bindings.appendNull()
            case let .textArray(array): bindings.append(array)
            }
        }
        var result: [StoredRow] = []
        do {
            for try await row in try await connection.query(
                PostgresQuery(unsafeSQL: statement.sql, binds: bindings), logger: logger)
            {
                result.append(
                    StoredRow(
                        cells: try row.map { cell -> StoredRow.Cell in
                            guard cell.bytes != nil else { return .null }
                            switch cell.dataType {
                            case .int2, .int4, .int8: return .int(try cell.decode(Int.self))
                            case .float4, .float8, .numeric: return .double(try cell.decode(Double.self))
                            default: return .text(try cell.decode(String.self))
                            }
                        }))
            }
        } catch let error as PSQLError {
            throw ArchiveStoreError(reason: Self.reason(error))
        }
        return result
    }

}
