import GongwenKit

public struct Snippet: Sendable, Equatable, Encodable {
    public var before: String
    public var match: String
    public var after: String
    /// The input line the match stands on.
    @Nullable public var span: SourceSpan?
}
