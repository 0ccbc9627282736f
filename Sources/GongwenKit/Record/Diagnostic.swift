public struct Diagnostic: Encodable, Sendable, Equatable {
    public enum Severity: String, Encodable, Sendable {
        case info, warning, error
    }

    public var severity: Severity
    public var message: String
    @Nullable public var span: SourceSpan?
}
