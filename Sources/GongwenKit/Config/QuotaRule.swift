/// A limit a portal can enforce: at most `max` (null with `unlimited`) for the bodies named, when the
/// condition holds (null: always). A raised quota is a second rule with its condition.
public struct QuotaRule: Encodable, Sendable {
    @Nullable public var max: Int?
    public var unlimited: Bool
    public var unit: String
    public var appliesTo: [String]
    @Nullable public var condition: String?
    public var text: String
    public var source: ConfigSource
}
