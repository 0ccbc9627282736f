/// An item of the body's outline (一、（一）1.（1）): its number, heading, own text and the items under it.
public struct SectionRecord: Encodable, Sendable {
    @Nullable public var number: String?
    @Nullable public var heading: String?
    /// The item's own words: the numbered line after its number (unless that line is the heading),
    /// then each following paragraph on a line of its own.
    public var text: String {
        get { ownText.string }
        set { ownText = SectionText(newValue) }
    }
    public var span: SourceSpan
    public var children: [SectionRecord]
    /// `text`, kept as a string or still in its lines (`SectionText`).
    package var ownText: SectionText

    package init(number: String?, heading: String?, text: String, span: SourceSpan, children: [SectionRecord]) {
        self.init(number: number, heading: heading, ownText: SectionText(text), span: span, children: children)
    }

    package init(number: String?, heading: String?, ownText: SectionText, span: SourceSpan, children: [SectionRecord]) {
        self.number = number
        self.heading = heading
        self.ownText = ownText
        self.span = span
        self.children = children
    }

    private enum CodingKeys: String, CodingKey {
        case number, heading, text, span, children
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(_number, forKey: .number)
        try container.encode(_heading, forKey: .heading)
        try container.encode(text, forKey: .text)
        try container.encode(span, forKey: .span)
        try container.encode(children, forKey: .children)
    }
}
