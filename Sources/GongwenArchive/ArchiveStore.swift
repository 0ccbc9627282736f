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

struct PreparedQuery: Sendable {
    var words: String?
    var grams: [String]
    var docNumber: String?
    var filters: SearchQuery
}
