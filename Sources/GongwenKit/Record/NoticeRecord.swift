/// The record of one notice: what `gongwen parse` prints, described by Schemas/notice.schema.json.
/// Optional fields are written as `null`, never left out, so every record has every key.
public struct NoticeRecord: Encodable, Sendable {
    public var schemaVersion = "1.0"
    public var source: SourceInfo
    @Nullable public var docNumber: DocNumber?
    public var issuer: IssuerRecord
    @Nullable public var title: String?
    public var addressees: [String]
    @Nullable public var signedOn: String?
    /// When the web page that carried the notice published it (its 发布时间 or 发布日期), YYYY-MM-DD.
    @Nullable public var publishedOn: String?
    @Nullable public var campaignYear: Int?
    @SectionTree public var sections: [SectionRecord]
    public var deadlines: [Deadline]
    public var schedule: [ScheduleItem]
    public var quotas: [Quota]
    public var focusAreas: [ListItem]
    public var eligibility: [ListItem]
    public var contacts: [Contact]
    public var directory: [DirectoryEntry]
    public var citations: [Citation]
    public var submission: Submission
    public var attachments: [AttachmentRecord]
    public var embedded: [NoticeRecord]
    /// The GB/T 9704 elements outside the body, each with the lines it occupies.
    public var elements: [ElementRecord]
    /// Links to files (.doc, .pdf, .rar …): the attachments as the page offers them.
    public var attachmentLinks: [Link]
    /// Other links.
    public var urls: [Link]
    public var diagnostics: [Diagnostic]
}

extension NoticeRecord {
    /// The outline as the record holds it: records, or the segmented items (see `SectionTree`).
    package var sectionTree: SectionTree {
        get { _sections }
        set { _sections = newValue }
    }
}
