/// A dated item that is not a due date: a review period, an exchange activity, an announcement.
public struct ScheduleItem: Encodable, Sendable, Equatable {
    /// YYYY-MM-DD, or YYYY-MM when only the month is given.
    public var date: String
    /// The end of a period ("2023年9至10月" → 2023-10).
    @Nullable public var end: String?
    public var text: String
    public var span: SourceSpan
}
