import GongwenKit

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
