/// A year the series skips, and the notices in the corpus that cite that year's notice.
public struct SeriesGap: Encodable, Sendable {
    public var year: Int
    public var citedBy: [CitingNotice]
}
