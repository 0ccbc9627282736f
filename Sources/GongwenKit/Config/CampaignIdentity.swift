/// The campaign, the same across years and levels.
public struct CampaignIdentity: Encodable, Sendable {
    /// 16 hex digits of SHA-256 over the organizer and the campaign name: stable across years and levels.
    public var id: String
    /// The campaign's name: its own notice's title without the year, the organizer and "关于开展…的通知".
    public var name: String
    public var organizer: String
    /// The campaign year; null (and listed in `missing`) when no notice of the chain gives one.
    @Nullable public var year: Int?
}
