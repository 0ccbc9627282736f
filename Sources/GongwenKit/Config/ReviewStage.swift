/// A step of the review after submission (专家评审, 公示 …), with its date or month, for a reviewer workflow.
public struct ReviewStage: Encodable, Sendable {
    /// YYYY-MM-DD or YYYY-MM.
    public var date: String
    @Nullable public var end: String?
    public var text: String
    public var source: ConfigSource
}
