/// Who issued a notice.
public struct Issuer: Equatable, Sendable {
    public enum Level: String, Codable, Sendable {
        case national, provincial, municipal, association, other
    }

    public var name: String?
    public var level: Level
    /// Where the name was read: the masthead, the signature, or the title.
    public var span: SourceSpan?
    /// True when no element names the issuer and the name is that of the body the notice sends its
    /// materials to ("向商务部报送").
    public var inferredFromRecipient = false

    public init(name: String?, level: Level, span: SourceSpan?, inferredFromRecipient: Bool = false) {
        self.name = name
        self.level = level
        self.span = span
        self.inferredFromRecipient = inferredFromRecipient
    }
}
