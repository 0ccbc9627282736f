/// Whom applicants ask: the people, their department and how to reach them (phones already with area codes).
public struct ConfigContact: Encodable, Sendable {
    public var names: [String]
    @Nullable public var department: String?
    public var phones: [String]
    public var faxes: [String]
    public var emails: [String]
    @Nullable public var address: String?
    @Nullable public var postcode: String?
    public var source: ConfigSource
}
