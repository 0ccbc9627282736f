/// A notice that cites a year the series is missing: where it is and the words of the citation.
public struct CitingNotice: Encodable, Sendable {
    public var path: String
    public var citation: String
    public var span: SourceSpan
}
