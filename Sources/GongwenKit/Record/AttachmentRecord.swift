/// An attachment, as the 附件说明 lists it and, when the notice carries it, with its body:
/// an outline (`sections`) or, for a forwarded notice, the index of its record in `embedded`.
public struct AttachmentRecord: Encodable, Sendable {
    @Nullable public var index: Int?
    @Nullable public var title: String?
    @Nullable public var span: SourceSpan?
    public var appended: Bool
    @SectionTree public var sections: [SectionRecord]
    @Nullable public var embeddedRecord: Int?
    /// The file the title links to, when the page gives the attachment as a link.
    @Nullable public var url: String?
}

extension AttachmentRecord {
    /// The appended body's outline as the record holds it: records, or the segmented items (see
    /// `SectionTree`).
    package var sectionTree: SectionTree {
        get { _sections }
        set { _sections = newValue }
    }
}
