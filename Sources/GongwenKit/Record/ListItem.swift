/// An item of a numbered list the notice sets out: a focus area, an eligibility condition.
public struct ListItem: Encodable, Sendable, Equatable {
    @Nullable public var index: Int?
    /// The number as written: "1.", "（三）".
    @Nullable public var number: String?
    public var text: String
    /// The item's leading clause: what it is about.
    public var summary: String
    public var span: SourceSpan
}
