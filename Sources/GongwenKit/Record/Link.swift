/// A link found in markdown residue: `[text](url)` or `<url>`. The text stays in the line; the
/// target is kept here.
public struct Link: Codable, Equatable, Sendable {
    public var text: String
    public var url: String
    public var span: SourceSpan
}
