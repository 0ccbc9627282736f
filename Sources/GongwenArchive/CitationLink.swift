import GongwenKit

/// A citation from one archived notice, with the archived notices that carry the cited number.
public struct CitationLink: Sendable, Equatable, Encodable {
    public var from: EntrySummary
    public var kind: ArchiveCitation.Kind
    /// 1 for a notice that cites the one asked about, 2 for one that cites a notice at depth 1, …
    public var depth = 1
    @Nullable public var docNumber: String?
    @Nullable public var title: String?
    public var text: String
    public var span: SourceSpan
    /// Empty when the archive does not hold the cited notice.
    public var resolved: [EntrySummary]
}
