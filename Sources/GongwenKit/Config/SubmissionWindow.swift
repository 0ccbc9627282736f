/// When submissions open and close at a level, and how they are made.
public struct SubmissionWindow: Encodable, Sendable {
    /// YYYY-MM-DD, when the text opens a window ("2021年4月12日至5月15日"); null otherwise.
    @Nullable public var opens: String?
    @Nullable public var closes: String?
    @Nullable public var closesAt: String?
    public var timeZone = "Asia/Shanghai"
    public var channels: [Channel]
    /// Where paper materials go: the address (and postcode) the level's contacts give; null when none does.
    @Nullable public var postalAddress: PostalAddress?
    public var materials: [Material]
    public var fileFormats: [FileFormat]
    public var naming: [NamingRule]
}
