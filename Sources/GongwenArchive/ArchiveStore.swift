import Foundation
import GongwenKit

/// What an archive backend does; `SQLiteArchive` and `PostgresArchive` do it with the same schema
/// (`ArchiveSchema`) and answer the same queries the same way.
public protocol ArchiveStore: Sendable {
    /// The sha256 of every file the archive holds, by path.
    func storedDigests() async throws -> [String: String]
    /// Stores files, each replacing what the archive held for its path, all in one transaction and each
    /// in a savepoint of its own: a file that cannot be stored leaves no row (its result says why) and the
    /// others are kept. A file whose digest the archive already holds (another process may have stored
    /// it) is left as it is. Throws when the transaction itself fails (nothing of the batch is kept).
    func store(_ files: [ArchivedFile]) async throws -> [Result<StoreOutcome, ArchiveStoreError>]
    func search(_ query: SearchQuery) async throws -> SearchResults
    /// The entries with a document number (canonical form), or at an address.
    func entries(docNumber: String?, address: String?) async throws -> [EntrySummary]
    /// What an entry cites, each resolved to the archived notices with the cited number.
    func citations(from address: String) async throws -> [CitationLink]
    /// The citations of a notice: by its number (`docNumber`), or by its title when a citation gives no number.
    func citations(toNumber docNumber: String?, title: String?) async throws -> [CitationLink]
    func counts() async throws -> ArchiveCounts
    func close() async throws
}

extension ArchiveStore {
    /// Stores one file in a transaction of its own.
    public func store(_ file: ArchivedFile) async throws -> StoreOutcome {
        try await store([file])[0].get()
    }
}

public enum StoreOutcome: String, Sendable {
    case added, updated, unchanged
}

public struct ArchiveCounts: Sendable, Equatable, Encodable {
    public var sources: Int
    public var entries: Int
    public var citations: Int
}

/// A search: words (a substring of two or more characters, or a document number), filters, or both.
public struct SearchQuery: Sendable, Equatable {
    public var text: String?
    public var issuer: String?
    public var year: Int?
    public var level: String?
    public var campaign: String?
    public var docNumber: String?
    public var limit: Int

    public init(
        text: String? = nil, issuer: String? = nil, year: Int? = nil, level: String? = nil,
        campaign: String? = nil, docNumber: String? = nil, limit: Int = 20
    ) {
        self.text = text
        self.issuer = issuer
        self.year = year
        self.level = level
        self.campaign = campaign
        self.docNumber = docNumber
        self.limit = limit
    }
}

/// A stored notice, as a search result or a citation's end names it.
public struct EntrySummary: Sendable, Equatable, Encodable {
    public var address: String
    @Nullable public var parentAddress: String?
    @Nullable public var docNumber: String?
    @Nullable public var issuer: String?
    public var level: String
    @Nullable public var title: String?
    @Nullable public var signedOn: String?
    @Nullable public var year: Int?
    @Nullable public var campaignID: String?
    @Nullable public var campaign: String?
}

public struct SearchHit: Sendable, Equatable, Encodable {
    public enum Match: String, Sendable, Encodable {
        /// The words are in the title or the text.
        case text
        /// The notice's own number is the one asked for.
        case docNumber
        /// The notice cites the number asked for.
        case citation
        /// Only filters were given.
        case filter
    }

    public var entry: EntrySummary
    public var match: Match
    /// Higher is better; comparable within one search.
    public var score: Double
    /// The first place the words stand in the text, with some text either side.
    @Nullable public var snippet: Snippet?
}

public struct Snippet: Sendable, Equatable, Encodable {
    public var before: String
    public var match: String
    public var after: String
    /// The input line the match stands on.
    @Nullable public var span: SourceSpan?
}

public struct SearchResults: Sendable, Encodable {
    public var schemaVersion = "1.0"
    @Nullable public var query: String?
    /// The canonical document number, when the query is one.
    @Nullable public var docNumber: String?
    /// How many entries match (the hits are the first `limit` of them).
    public var total: Int
    public var hits: [SearchHit]
}

/// A citation from one archived notice, with the archived notices that carry the cited number.
public struct CitationLink: Sendable, Equatable, Encodable {
    public var from: EntrySummary
    public var kind: ArchiveCitation.Kind
    /// 1 for a notice that cites the one asked about, 2 for one that cites a notice at depth 1, …
    public var depth = 1
    @Nullable public var docNumber: String?
    @Nullable public var title: String?
    public var text: String
    public var span: SourceSpan
    /// Empty when the archive does not hold the cited notice.
    public var resolved: [EntrySummary]
}

/// What a search cannot run with, said before any SQL is run.
public enum ArchiveQueryError: Error, CustomStringConvertible, Equatable {
    case tooShort(String)
    case tooLong(count: Int)
    case nothingAsked

    public static let maximumQueryLength = 200

    public var description: String {
        switch self {
        case let .tooShort(query):
            return
                "search: \"\(query)\" is one character; the search finds two or more (e.g. \(query)X), or use a filter (--issuer, --year, --level, --campaign, --doc-number)"
        case let .tooLong(count):
            return "search: the query has \(count) characters; at most \(Self.maximumQueryLength)"
        case .nothingAsked:
            return
                "search: give words to find, a document number, or a filter (--issuer, --year, --level, --campaign, --doc-number)"
        }
    }
}

extension SearchQuery {
    /// The query prepared for a backend: the words in the normalized text's form, the number the
    /// query is (if any), the filters; or the reason it cannot run.
    func prepared() throws(ArchiveQueryError) -> PreparedQuery {
        var prepared = PreparedQuery(words: nil, grams: [], docNumber: nil, filters: self)
        if let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let count = text.unicodeScalars.count
            guard count <= ArchiveQueryError.maximumQueryLength else { throw .tooLong(count: count) }
            if let number = QueryForm.docNumber(text) {
                prepared.docNumber = number
            } else {
                let words = QueryForm.normalized(text)
                guard let grams = SearchGrams.query(words) else { throw .tooShort(words) }
                prepared.words = words
                prepared.grams = grams
            }
        }
        if let number = docNumber {
            prepared.filters.docNumber = QueryForm.docNumber(number) ?? QueryForm.normalized(number)
        }
        // Names in the filters as the text writes them too (中國質量協會 → 中国质量协会).
        prepared.filters.issuer = issuer.map(QueryForm.normalized)
        prepared.filters.campaign = campaign.map(QueryForm.normalized)
        guard prepared.words != nil || prepared.docNumber != nil || hasFilter else { throw .nothingAsked }
        return prepared
    }

    var hasFilter: Bool { issuer != nil || year != nil || level != nil || campaign != nil || docNumber != nil }
}

struct PreparedQuery: Sendable {
    var words: String?
    var grams: [String]
    var docNumber: String?
    var filters: SearchQuery
}

/// A database error, in the database's own words.
public struct ArchiveStoreError: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}
