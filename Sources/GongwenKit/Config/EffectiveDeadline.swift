/// The date by which a level's applicants must submit: its own, or the nearest one set above it.
public struct EffectiveDeadline: Encodable, Sendable {
    public var date: String
    @Nullable public var closesAt: String?
    /// The level that sets it: this one, or one above when this one sets no date.
    public var setBy: String
    public var source: ConfigSource
}
