/// A due date as a reminder service needs it: the day, the moment it closes, who acts and the words that say so.
public struct ConfigDeadline: Encodable, Sendable {
    /// YYYY-MM-DD (YYYY-MM when only the month is given).
    public var date: String
    /// The time of day as written ("下午5点", "17:00"); null when the text gives none.
    @Nullable public var time: String?
    /// The moment it closes, in Asia/Shanghai: the time given, else the end of that day (前, 下班前).
    @Nullable public var closesAt: String?
    @Nullable public var action: String?
    @Nullable public var actor: String?
    public var text: String
    public var source: ConfigSource
}
