public struct CitingNotice: Encodable, Sendable {
    public var path: String
    public var citation: String
    public var span: SourceSpan
}
