/// A document the notice cites: a 《title》, its document number when one follows, or a bare number.
public struct Citation: Encodable, Sendable, Equatable {
    @Nullable public var title: String?
    @Nullable public var docNumber: String?
    /// When the title is one of the notice's own attachments: "《…遴选说明》（附件1）" → 1.
    @Nullable public var attachmentIndex: Int?
    public var text: String
    public var span: SourceSpan
}
