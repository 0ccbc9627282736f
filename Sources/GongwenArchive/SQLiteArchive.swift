import Foundation
import GRDB
import GongwenKit

/// The archive in one SQLite file (the default): WAL mode, so that searches read while an ingest
/// writes, and a busy timeout, so that two ingests at once take turns instead of failing.
public final class SQLiteArchive: ArchiveStore {
    let pool: DatabasePool
    public let path: String
    /// Opened only to read (`readOnly`, with the schema up to date): nothing is written, not even at closing.
    public let isReadOnly: Bool

    /// `readOnly`: for the commands that only read (search, the citation graph). The archive is opened
    /// without write access, so that whoever may read its files may search it (an archive kept by an
    /// ingest job, on read-only media); a file that is no archive is refused, not given the archive's
    /// tables. An archive whose schema is older than this program's is opened to be brought up to date.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        if readOnly {
            let pool: DatabasePool
            let pending: [ArchiveMigration]
            do {
                pool = try Self.openPool(path: path, configuration: Self.configuration(readOnly: true))
                pending = try pool.read { db in try Self.pendingMigrations(db) }
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN
            {
                // A reader of an archive in WAL mode needs its shared-memory file beside it; where the file
                // is missing (the archive copied alone) and cannot be made, SQLite says "readonly database".
                guard FileManager.default.fileExists(atPath: path + "-shm") else {
                    throw ArchiveOpenError.cannotOpen(
                        location: path,
                        reason:
                            "SQLite reads it with \((path as NSString).lastPathComponent)-shm beside it, and cannot make "
                            + "that file in its folder: copy the archive to a folder you may write to")
                }
                throw error
            }
            if pending.isEmpty {
                self.pool = pool
                isReadOnly = true
                return
            }
            try pool.close()
            guard pending.count < ArchiveSchema.migrations.count else {
                throw ArchiveOpenError.notAnArchive(path: path)
            }
        }
        isReadOnly = false
        do {
            pool = try Self.openPool(path: path, configuration: Self.configuration(readOnly: false))
            try Self.migrate(pool)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            // (SQLite's words name the statement GRDB's pool opens with, which says nothing to the user.)
            throw ArchiveOpenError.cannotOpen(
                location: path,
                reason: "it may not be written here (its file, or its folder, where SQLite keeps its -wal and -shm "
                    + "files, is read-only for this user); the commands that only read (search, cites, cited-by) "
                    + "need no write access")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
            let folder = (path as NSString).deletingLastPathComponent
            throw ArchiveOpenError.cannotOpen(
                location: path,
                reason: "SQLite cannot open or make the file (\(error.message ?? "unable to open database file")): "
                    + "its folder \(folder.isEmpty ? "." : folder) must exist and be writable")
        }
    }

    /// Applies the migrations the archive has not had yet, in one transaction.
    private static func migrate(_ pool: DatabasePool) throws {
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try db.execute(sql: ArchiveSchema.versionTable)
                for migration in try pendingMigrations(db) {
                    for statement in migration.statements(.sqlite) { try db.execute(sql: statement) }
                    try db.execute(
                        sql: "INSERT INTO archive_schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                        arguments: [migration.version, migration.name, ArchiveSchema.timestamp()])
                }
                return .commit
            }
        }
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = true
        // WAL with synchronous=NORMAL: a commit is not synced to disk on its own (the WAL is, at each
        // checkpoint), so a power cut may lose the last files stored, never corrupt the archive; and the
        // next ingest stores them again, as their digests are not there.
        // A 64 MiB page cache: a search of a common word visits thousands of index pages.
        configuration.prepareDatabase { db in
            if !readOnly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        return configuration
    }

    /// The archive's migrations not applied to the database yet: all of them for a database without the
    /// archive's version table (a new file, or a database that is no archive).
    static func pendingMigrations(_ db: Database) throws -> [ArchiveMigration] {
        guard try db.tableExists("archive_schema_version") else { return ArchiveSchema.migrations }
        let applied = Set(try Int.fetchAll(db, sql: "SELECT version FROM archive_schema_version"))
        return ArchiveSchema.migrations.filter { !applied.contains($0.version) }
    }

    /// Opens the pool, trying again while another process holds the lock its opening needs. Two ingests
    /// starting at once on a new archive both set WAL mode as they open, and SQLite may answer one of them
    /// SQLITE_BUSY at once, without calling the busy handler (where waiting could deadlock); so the
    /// opening waits here instead, as long as the busy timeout would have.
    static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        try retryingWhileBusy(patience: 60) { try DatabasePool(path: path, configuration: configuration) }
    }

    /// `body`'s result, `body` tried again every 20 ms while it fails with SQLITE_BUSY, for `patience` seconds.
    static func retryingWhileBusy<T>(patience: TimeInterval, _ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(patience)
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    public func storedDigests() async throws -> [String: String] {
        try await pool.read { db in
            var digests: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, sha256 FROM sources") { digests[row[0]] = row[1] }
            return digests
        }
    }

    public func store(_ files: [ArchivedFile]) async throws -> [Result<StoreOutcome, ArchiveStoreError>] {
        let now = ArchiveSchema.timestamp()
        return try await pool.writeWithoutTransaction { db in
            var results: [Result<StoreOutcome, ArchiveStoreError>] = []
            try db.inTransaction(.immediate) {
                for file in files {
                    // Each file in a savepoint of its own: one that fails leaves nothing, the others are kept.
                    var outcome = StoreOutcome.added
                    do {
                        try db.inSavepoint {
                            outcome = try Self.store(file, now: now, db)
                            return .commit
                        }
                        results.append(.success(outcome))
                    } catch {
                        results.append(.failure(ArchiveStoreError(reason: "\(error)")))
                    }
                }
                return .commit
            }
            return results
        }
    }

    static func store(_ file: ArchivedFile, now: String, _ db: Database) throws -> StoreOutcome {
        let stored = try String.fetchOne(db, sql: "SELECT sha256 FROM sources WHERE path = ?", arguments: [file.path])
        if stored == file.sha256 { return .unchanged }
        if stored != nil { try remove(path: file.path, db) }
        try insert(file, now: now, db)
        return stored == nil ? .added : .updated
    }

    static func remove(path: String, _ db: Database) throws {
        // The search index is contentless: each row goes by giving the words it was indexed with.
        for row in try Row.fetchAll(
            db,
            sql:
                "SELECT e.id, e.title, t.body FROM entries e JOIN entry_texts t ON t.entry_id = e.id WHERE e.source_path = ?",
            arguments: [path])
        {
            let title: String? = row[1]
            try db.execute(
                sql: "INSERT INTO entry_search (entry_search, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                arguments: [row[0] as Int64, SearchGrams.document(title ?? ""), SearchGrams.document(row[2])])
        }
        try db.execute(sql: "DELETE FROM sources WHERE path = ?", arguments: [path])
    }

    static func insert(_ file: ArchivedFile, now: String, _ db: Database) throws {
        try db.execute(
            sql:
                "INSERT INTO sources (path, sha256, format, encoding, byte_count, ingested_at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [file.path, file.sha256, file.format, file.encoding, file.byteCount, now])
        for entry in file.entries {
            try db.execute(
                sql: """
                    INSERT INTO entries (address, source_path, position, parent_address, doc_number, doc_agency, doc_year, doc_serial,
                        issuer, level, title, signed_on, published_on, campaign_id, campaign, campaign_year, year, addressees, deadlines)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.address, entry.sourcePath, entry.position, entry.parentAddress, entry.docNumber,
                    entry.docAgency,
                    entry.docYear, entry.docSerial, entry.issuer, entry.level, entry.title, entry.signedOn,
                    entry.publishedOn,
                    entry.campaignID, entry.campaign, entry.campaignYear, entry.year, entry.addresseesJSON,
                    entry.deadlinesJSON,
                ])
            let id = db.lastInsertedRowID
            try db.execute(
                sql: "INSERT INTO entry_texts (entry_id, body, line_spans, record) VALUES (?, ?, ?, ?)",
                arguments: [id, entry.body, entry.lineSpansJSON, entry.recordJSON])
            try db.execute(
                sql: "INSERT INTO entry_search (rowid, title, body) VALUES (?, ?, ?)",
                arguments: [id, SearchGrams.document(entry.title ?? ""), SearchGrams.document(entry.body)])
            for (position, citation) in entry.citations.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO citations (entry_id, position, kind, doc_number, title, text, start_line, start_column, end_line, end_column)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, position, citation.kind.rawValue, citation.docNumber, citation.title, citation.text,
                        citation.span.startLine,
                        citation.span.startColumn, citation.span.endLine, citation.span.endColumn,
                    ])
            }
        }
    }

    public func search(_ query: SearchQuery) async throws -> SearchResults {
        let prepared = try query.prepared()
        return try await ArchiveSearch.run(prepared, dialect: .sqlite) { statement in
            try await self.pool.read { db in
                try Row.fetchAll(db, sql: statement.sql, arguments: Self.arguments(statement)).map(StoredRow.init)
            }
        }
    }

    public func entries(docNumber: String?, address: String?) async throws -> [EntrySummary] {
        let statement = ArchiveSQL.entries(docNumber: docNumber, address: address, dialect: .sqlite)
        return try await pool.read { db in
            try Row.fetchAll(db, sql: statement.sql, arguments: Self.arguments(statement)).map {
                EntrySummary(StoredRow($0), at: 0)
            }
        }
    }

    public func citations(from address: String) async throws -> [CitationLink] {
        try await citations(ArchiveSQL.citations(fromAddress: address, dialect: .sqlite))
    }

    public func citations(toNumber docNumber: String?, title: String?) async throws -> [CitationLink] {
        try await citations(ArchiveSQL.citations(toNumber: docNumber, title: title, dialect: .sqlite))
    }

    func citations(_ statement: SQLStatement) async throws -> [CitationLink] {
        try await pool.read { db in
            ArchiveSearch.citationLinks(
                try Row.fetchAll(db, sql: statement.sql, arguments: Self.arguments(statement)).map(StoredRow.init))
        }
    }

    public func counts() async throws -> ArchiveCounts {
        try await pool.read { db in
            ArchiveCounts(
                sources: try Int.fetchOne(db, sql: "SELECT count(*) FROM sources") ?? 0,
                entries: try Int.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0,
                citations: try Int.fetchOne(db, sql: "SELECT count(*) FROM citations") ?? 0)
        }
    }

    /// Folds the write-ahead log into the archive's file, then closes it: the file alone then holds every
    /// notice stored, and can be copied or moved on its own. (The pool closes its writer before its
    /// readers, and a reader, closing last, cannot checkpoint — GRDB issue 739 — so the log was left
    /// with everything an ingest wrote, and `archive.sqlite` copied without its `-wal` held none of it.)
    /// While another process reads or writes the archive, the log cannot be emptied; it is then left
    /// whole, as SQLite keeps it, for the last connection to fold in.
    public func close() async throws {
        guard !isReadOnly else { return try pool.close() }
        do {
            try await pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        {
            // (another process holds the archive: its log stays, complete)
        }
        try pool.close()
    }

    static func arguments(_ statement: SQLStatement) -> StatementArguments {
        StatementArguments(
            statement.binds.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case let .text(text): return text
                case let .int(int): return int
                case .null: return nil
                case let .textArray(array): return array.joined(separator: " ")
                }
            })
    }

}

extension StoredRow {
    init(_ row: Row) {
        self.init(
            cells: row.databaseValues.map { value in
                switch value.storage {
                case .null: return .null
                case let .int64(int): return .int(Int(int))
                case let .double(double): return .double(double)
                case let .string(text): return .text(text)
                case .blob: return .null
                }
            })
    }
}
