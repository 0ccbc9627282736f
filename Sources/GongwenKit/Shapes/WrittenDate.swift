/// A calendar date as written in a notice.
public struct WrittenDate: Equatable, Sendable {
    public var year: Int?
    public var month: Int
    public var day: Int?
    /// Scalar range in the line.
    public var range: Range<Int>

    /// "2023-08-25" when the year and day are known.
    public var iso: String? {
        guard let year, let day else { return nil }
        return ISODate.string(year: year, month: month, day: day)
    }
}
