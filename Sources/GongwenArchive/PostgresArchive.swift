import Foundation
import GongwenKit
import Logging
import PostgresNIO

/// The archive on a PostgreSQL server (placeholder: filled in below).
public final class PostgresArchive: ArchiveStore {
    static func open(_ address: PostgresAddress) async throws -> PostgresArchive {
        throw ArchiveOpenError.cannotOpen(location: address.description, reason: "not yet")
    }
    public func storedDigests() async throws -> [String: String] { [:] }
    public func store(_ file: ArchivedFile) async throws -> StoreOutcome { .unchanged }
    public func search(_ query: SearchQuery) async throws -> SearchResults { SearchResults(query: nil, docNumber: nil, total: 0, hits: []) }
    public func entries(docNumber: String?, address: String?) async throws -> [EntrySummary] { [] }
    public func citations(from address: String) async throws -> [CitationLink] { [] }
    public func citations(toNumber docNumber: String?, title: String?) async throws -> [CitationLink] { [] }
    public func counts() async throws -> ArchiveCounts { ArchiveCounts(sources: 0, entries: 0, citations: 0) }
    public func close() async throws {}
}
