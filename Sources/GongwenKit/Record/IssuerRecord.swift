public struct IssuerRecord: Encodable, Sendable {
    @Nullable public var name: String?
    public var level: Issuer.Level
    @Nullable public var span: SourceSpan?
}
