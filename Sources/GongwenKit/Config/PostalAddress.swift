public struct PostalAddress: Encodable, Sendable {
    public var address: String
    @Nullable public var postcode: String?
    /// The recipient the contact names: its department, or its people.
    @Nullable public var recipient: String?
    public var source: ConfigSource
}
