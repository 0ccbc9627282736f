/// A notice as a diff names it.
public struct NoticeReference: Encodable, Sendable {
    public var path: String
    @Nullable public var title: String?
    @Nullable public var issuer: String?
    @Nullable public var campaignYear: Int?
    @Nullable public var docNumber: String?
}
