/// One campaign's notices in year order, and the diff of each successive pair.
public struct NoticeSeries: Encodable, Sendable {
    public var organizer: String
    public var campaign: String
    public var notices: [NoticeReference]
    /// Notices that forward one of the campaign's (a province's or a city's 转发): levels of the
    /// campaign, not series of their own.
    public var relays: [RelayReference]
    public var gaps: [SeriesGap]
    public var diffs: [NoticeDiff]
}
