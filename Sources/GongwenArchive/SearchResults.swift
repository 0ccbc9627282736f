import GongwenKit

public struct SearchResults: Sendable, Encodable {
    public var schemaVersion = "1.0"
    @Nullable public var query: String?
    /// The canonical document number, when the query is one.
    @Nullable public var docNumber: String?
    /// How many entries match (the hits are the first `limit` of them).
    public var total: Int
    public var hits: [SearchHit]
}
