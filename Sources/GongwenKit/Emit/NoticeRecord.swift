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
    public var sections: [SectionRecord]
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

public struct IssuerRecord: Encodable, Sendable {
    @Nullable public var name: String?
    public var level: Issuer.Level
    @Nullable public var span: SourceSpan?
}

public struct SectionRecord: Encodable, Sendable {
    @Nullable public var number: String?
    @Nullable public var heading: String?
    public var text: String
    public var span: SourceSpan
    public var children: [SectionRecord]
}

/// An attachment, as the 附件说明 lists it and, when the notice carries it, with its body:
/// an outline (`sections`) or, for a forwarded notice, the index of its record in `embedded`.
public struct AttachmentRecord: Encodable, Sendable {
    @Nullable public var index: Int?
    @Nullable public var title: String?
    @Nullable public var span: SourceSpan?
    public var appended: Bool
    public var sections: [SectionRecord]
    @Nullable public var embeddedRecord: Int?
    /// The file the title links to, when the page gives the attachment as a link.
    @Nullable public var url: String?
}

/// A GB/T 9704 element outside the body: where it stands and what it says.
public struct ElementRecord: Encodable, Sendable {
    public enum Kind: String, Encodable, Sendable {
        case copyNumber, secrecy, urgency, signer, masthead, docNumber, title, addressee, attachmentNote, signature,
            date,
            annotation, attachmentMarker, attachmentTitle, copyTo, printedBy,
            /// Outside GB/T 9704: a header line that is none of its elements, and a web page's furniture.
            preamble, furniture
    }

    public var kind: Kind
    public var text: String
    public var span: SourceSpan
}

public struct Diagnostic: Encodable, Sendable, Equatable {
    public enum Severity: String, Encodable, Sendable {
        case info, warning, error
    }

    public var severity: Severity
    public var message: String
    @Nullable public var span: SourceSpan?
}
