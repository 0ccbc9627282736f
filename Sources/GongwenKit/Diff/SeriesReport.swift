/// What `gongwen series` prints: the series found, each year against the one before, the notices that fit
/// no series and those read twice. Described by Schemas/diff.schema.json.
public struct SeriesReport: Encodable, Sendable {
    public var schemaVersion = "1.1"
    public var series: [NoticeSeries]
    public var unplaced: [UnplacedNotice]
    /// Notices found twice, read once (since 1.1).
    public var duplicates: [DuplicateNotice]

    /// Whether a rule changed between two successive years of a series.
    public var hasChanges: Bool { series.contains { $0.diffs.contains(where: \.hasChanges) } }
}
