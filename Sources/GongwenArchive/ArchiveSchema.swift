import Foundation

/// The SQL a backend speaks where SQLite and PostgreSQL differ; everything else is written once.
public enum SQLDialect: String, Sendable {
    case sqlite, postgres

    /// An integer key the database assigns.
    var generatedKey: String {
        self == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
    }
}

/// One step of the archive's schema. The archive records each step it has taken in
/// `archive_schema_version`; opening an archive takes the steps it lacks, in order, each in one transaction.
public struct ArchiveMigration: Sendable {
    public var version: Int
    public var name: String
    public var statements: @Sendable (SQLDialect) -> [String]
}

/// The migration set, written once for both backends (README "The archive's schema").
public enum ArchiveSchema {
    /// When a migration was applied or a file stored (`applied_at`, `ingested_at`): ISO 8601, UTC.
    static func timestamp() -> String { ISO8601DateFormatter().string(from: Date()) }

    public static let versionTable = """
        CREATE TABLE IF NOT EXISTS archive_schema_version (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """

    public static let migrations: [ArchiveMigration] = [
        ArchiveMigration(version: 1, name: "sources, entries, citations, full-text search") { dialect in
            var statements = [
                """
                CREATE TABLE sources (
                    path TEXT PRIMARY KEY,
                    sha256 TEXT NOT NULL,
                    format TEXT NOT NULL,
                    encoding TEXT NOT NULL,
                    byte_count BIGINT NOT NULL,
                    ingested_at TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE entries (
                    id \(dialect.generatedKey),
                    address TEXT NOT NULL UNIQUE,
                    source_path TEXT NOT NULL REFERENCES sources(path) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    parent_address TEXT,
                    doc_number TEXT,
                    doc_agency TEXT,
                    doc_year INTEGER,
                    doc_serial INTEGER,
                    issuer TEXT,
                    level TEXT NOT NULL,
                    title TEXT,
                    signed_on TEXT,
                    published_on TEXT,
                    campaign_id TEXT,
                    campaign TEXT,
                    campaign_year INTEGER,
                    year INTEGER,
                    addressees TEXT NOT NULL,
                    deadlines TEXT NOT NULL\(dialect == .postgres ? ",\n    search_grams TEXT[] NOT NULL" : "")
                )
                """,
                // The large columns apart, so that filtering and joining entries reads small rows.
                """
                CREATE TABLE entry_texts (
                    entry_id BIGINT PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
                    body TEXT NOT NULL,
                    line_spans TEXT NOT NULL,
                    record TEXT NOT NULL
                )
                """,
                "CREATE INDEX entries_source ON entries(source_path)",
                "CREATE INDEX entries_doc_number ON entries(doc_number)",
                "CREATE INDEX entries_issuer ON entries(issuer)",
                "CREATE INDEX entries_year ON entries(year)",
                "CREATE INDEX entries_campaign ON entries(campaign_id, campaign_year)",
                """
                CREATE TABLE citations (
                    entry_id BIGINT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    doc_number TEXT,
                    title TEXT,
                    text TEXT NOT NULL,
                    start_line INTEGER NOT NULL,
                    start_column INTEGER NOT NULL,
                    end_line INTEGER NOT NULL,
                    end_column INTEGER NOT NULL,
                    PRIMARY KEY (entry_id, position)
                )
                """,
                "CREATE INDEX citations_doc_number ON citations(doc_number)",
                "CREATE INDEX citations_title ON citations(title)",
                "CREATE INDEX entries_title ON entries(title)",
            ]
            switch dialect {
            case .sqlite:
                // Contentless: the bigrams are not stored twice; a row is deleted by giving its bigrams
                // again (SearchGrams.document of the entry's title and body).
                statements.append(
                    """
                    CREATE VIRTUAL TABLE entry_search USING fts5(
                        title, body, content='', tokenize='unicode61 remove_diacritics 0'
                    )
                    """)
            case .postgres:
                statements.append("CREATE INDEX entries_search_grams ON entries USING GIN (search_grams)")
            }
            return statements
        }
    ]
}
