/// A due date: what is due, by whom, and the words that say so.
public struct Deadline: Encodable, Sendable, Equatable {
    public enum Precision: String, Encodable, Sendable {
        case day, month, monthEnd
    }

    /// YYYY-MM-DD (the end of a window); YYYY-MM when only the month is given.
    public var date: String
    /// The opening day of a window ("2020年5月15日至7月5日" → 2020-05-15).
    @Nullable public var start: String?
    /// The time of day the text gives with the date, as written: "下午17:00", "下午5点", "下班".
    @Nullable public var time: String?
    public var precision: Precision
    /// The verb of what is due: 报送, 申报, 提交, 发送 …
    @Nullable public var action: String?
    /// Who must act: "各市工信局", "申报企业".
    @Nullable public var actor: String?
    /// The sentence.
    public var text: String
    /// The date expression in the input.
    public var span: SourceSpan
    /// Other sentences that give the same due date to the same actor.
    public var mentions: [Mention]
}
