/// Where materials go: an online system, an e-mail address, or a body they are delivered to.
public struct Channel: Encodable, Sendable, Equatable {
    public enum Kind: String, Encodable, Sendable {
        case online, email, delivery
    }

    public var kind: Kind
    /// The system's address, the e-mail address, or the receiving body; null when the text says
    /// only "指定邮箱".
    @Nullable public var target: String?
    public var text: String
    public var span: SourceSpan
}
