/// Where paper materials go: the address, its postcode and the recipient.
public struct PostalAddress: Encodable, Sendable {
    public var address: String
    @Nullable public var postcode: String?
    /// The recipient the contact names: its department, or its people.
    @Nullable public var recipient: String?
    public var source: ConfigSource
}
