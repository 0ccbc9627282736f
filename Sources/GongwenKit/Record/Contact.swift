/// One contact block: the people, their department, how to reach them.
public struct Contact: Encodable, Sendable, Equatable {
    public var names: [String]
    @Nullable public var department: String?
    public var phones: [Phone]
    public var emails: [String]
    @Nullable public var address: String?
    @Nullable public var postcode: String?
    /// The block's lines.
    public var text: String
    public var span: SourceSpan
}
