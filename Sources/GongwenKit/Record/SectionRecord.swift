public struct SectionRecord: Encodable, Sendable {
    @Nullable public var number: String?
    @Nullable public var heading: String?
    public var text: String
    public var span: SourceSpan
    public var children: [SectionRecord]
}
