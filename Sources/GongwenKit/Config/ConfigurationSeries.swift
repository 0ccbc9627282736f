/// `gongwen config --series`: every campaign's configurations, year by year, and what changed between
/// successive years.
public struct ConfigurationSeries: Encodable, Sendable {
    public var schemaVersion = "1.0"
    public var campaigns: [CampaignYears]
}
