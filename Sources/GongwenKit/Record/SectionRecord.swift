/// An item of the body's outline (一、（一）1.（1）): its number, heading, own text and the items under it.
public struct SectionRecord: Encodable, Sendable {
    @Nullable public var number: String?
    @Nullable public var heading: String?
    public var text: String
    public var span: SourceSpan
    public var children: [SectionRecord]
}
