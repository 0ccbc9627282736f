/// The record of one notice: what `gongwen parse` prints, described by Schemas/notice.schema.json.
/// Optional fields are written as `null`, never left out, so every record has every key.
public struct NoticeRecord: Encodable, Sendable {
    public static let schemaVersion = "1.0"

    public var source: SourceInfo
    public var docNumber: DocNumber?
    public var issuer: IssuerRecord
    public var title: String?
    public var addressees: [String]
    public var signedOn: String?
    public var campaignYear: Int?
    public var sections: [SectionRecord]
    /// Filled by the rule extractors (deadlines, quotas …); empty until they exist.
    public var deadlines: [Never] = []
    public var quotas: [Never] = []
    public var focusAreas: [Never] = []
    public var contacts: [Never] = []
    public var directory: [Never] = []
    public var citations: [Never] = []
    public var attachments: [AttachmentRecord]
    public var embedded: [NoticeRecord]
    /// The GB/T 9704 elements outside the body, each with the lines it occupies.
    public var elements: [ElementRecord]
    public var urls: [Link]
    public var diagnostics: [Diagnostic]

    enum CodingKeys: String, CodingKey {
        case schemaVersion, source, docNumber, issuer, title, addressees, signedOn, campaignYear, sections, deadlines,
             quotas, focusAreas, contacts, directory, citations, attachments, embedded, elements, urls, diagnostics
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(source, forKey: .source)
        try c.encode(docNumber, forKey: .docNumber)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(title, forKey: .title)
        try c.encode(addressees, forKey: .addressees)
        try c.encode(signedOn, forKey: .signedOn)
        try c.encode(campaignYear, forKey: .campaignYear)
        try c.encode(sections, forKey: .sections)
        try c.encode(deadlines, forKey: .deadlines)
        try c.encode(quotas, forKey: .quotas)
        try c.encode(focusAreas, forKey: .focusAreas)
        try c.encode(contacts, forKey: .contacts)
        try c.encode(directory, forKey: .directory)
        try c.encode(citations, forKey: .citations)
        try c.encode(attachments, forKey: .attachments)
        try c.encode(embedded, forKey: .embedded)
        try c.encode(elements, forKey: .elements)
        try c.encode(urls, forKey: .urls)
        try c.encode(diagnostics, forKey: .diagnostics)
    }
}

public struct IssuerRecord: Encodable, Sendable {
    public var name: String?
    public var level: Issuer.Level
    public var span: SourceSpan?

    enum CodingKeys: String, CodingKey { case name, level, span }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(level, forKey: .level)
        try c.encode(span, forKey: .span)
    }
}

public struct SectionRecord: Encodable, Sendable {
    public var number: String?
    public var heading: String?
    public var text: String
    public var span: SourceSpan
    public var children: [SectionRecord]

    enum CodingKeys: String, CodingKey { case number, heading, text, span, children }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(heading, forKey: .heading)
        try c.encode(text, forKey: .text)
        try c.encode(span, forKey: .span)
        try c.encode(children, forKey: .children)
    }
}

/// An attachment, as the 附件说明 lists it and, when the notice carries it, with its body:
/// an outline (`sections`) or, for a forwarded notice, the index of its record in `embedded`.
public struct AttachmentRecord: Encodable, Sendable {
    public var index: Int?
    public var title: String?
    public var span: SourceSpan?
    public var appended: Bool
    public var sections: [SectionRecord]
    public var embeddedRecord: Int?

    enum CodingKeys: String, CodingKey { case index, title, span, appended, sections, embeddedRecord }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(title, forKey: .title)
        try c.encode(span, forKey: .span)
        try c.encode(appended, forKey: .appended)
        try c.encode(sections, forKey: .sections)
        try c.encode(embeddedRecord, forKey: .embeddedRecord)
    }
}

/// A GB/T 9704 element outside the body: where it stands and what it says.
public struct ElementRecord: Encodable, Sendable {
    public enum Kind: String, Encodable, Sendable {
        case copyNumber, secrecy, urgency, signer, masthead, docNumber, title, addressee, attachmentNote, signature, date,
             annotation, attachmentMarker, attachmentTitle, copyTo, printedBy
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
    public var span: SourceSpan?

    enum CodingKeys: String, CodingKey { case severity, message, span }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(message, forKey: .message)
        try c.encode(span, forKey: .span)
    }
}
