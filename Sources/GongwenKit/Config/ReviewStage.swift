public struct ReviewStage: Encodable, Sendable {
    /// YYYY-MM-DD or YYYY-MM.
    public var date: String
    @Nullable public var end: String?
    public var text: String
    public var source: ConfigSource
}
