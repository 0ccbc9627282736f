/// Who issued the notice, the level of government or association it belongs to, and where its name stands.
public struct IssuerRecord: Encodable, Sendable {
    @Nullable public var name: String?
    public var level: Issuer.Level
    @Nullable public var span: SourceSpan?
}
