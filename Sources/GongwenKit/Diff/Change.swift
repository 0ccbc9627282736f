/// One change of a rule between two notices.
public struct Change: Encodable, Sendable {
    public enum Area: String, Encodable, Sendable, CaseIterable {
        case header, deadlines, schedule, quotas, focusAreas, eligibility, sections, directory, contacts, submission,
            citations
    }

    public enum Kind: String, Encodable, Sendable {
        case unchanged, changed, reworded, moved, renamed, added, removed
    }

    public var area: Area
    public var kind: Kind
    /// What changed, in a few words: "申报 due date", "quota of 各推荐单位", "重点领域 item 2".
    public var subject: String
    @Nullable public var old: String?
    @Nullable public var new: String?
    @Nullable public var oldSpan: SourceSpan?
    @Nullable public var newSpan: SourceSpan?
    /// For reworded and renamed items: how alike the two texts are (0–1).
    @Nullable public var similarity: Double?
    /// For reworded texts: the character edits, cleaned to read well.
    public var edits: [TextEdit]
}
