import Foundation
import GongwenKit

/// One notice as the archive stores it: a file's own notice, or a notice forwarded inside it (its own
/// entry, linked to the notice that embeds it). The searchable columns are read off the record; the
/// record itself is kept whole, as `gongwen parse` prints it.
public struct ArchiveEntry: Sendable, Equatable {
    /// The path, or the path and "#N" for the N-th notice of the file (as `diff` and `series` address it).
    public var address: String
    public var sourcePath: String
    /// 0 for the file's own notice, then each embedded notice depth-first.
    public var position: Int
    public var parentAddress: String?
    public var docNumber: String?
    public var docAgency: String?
    public var docYear: Int?
    public var docSerial: Int?
    public var issuer: String?
    public var level: String
    public var title: String?
    public var signedOn: String?
    public var publishedOn: String?
    /// The campaign as `config` and `series` name it: the id `config` gives, organizer and campaign name.
    public var campaignID: String?
    public var campaign: String?
    public var campaignYear: Int?
    /// The year a `--year` filter compares: the campaign year, else the year signed, else the number's.
    public var year: Int?
    /// JSON arrays, as in the record.
    public var addresseesJSON: String
    public var deadlinesJSON: String
    /// The normalized text, one logical line per line, site furniture left out.
    public var body: String
    /// The input span of each line of `body`: `[[startLine, startColumn, endLine, endColumn], …]`.
    public var lineSpansJSON: String
    public var recordJSON: String
    public var citations: [ArchiveCitation]
}

/// A document an entry cites, or forwards (a notice it embeds): by number, resolved against the
/// archive's numbers, or by title only, resolved against its titles.
public struct ArchiveCitation: Sendable, Equatable {
    public enum Kind: String, Sendable, Encodable {
        /// Named in the text: 《title》, a document number, or both.
        case cites
        /// Forwarded whole: the notice is embedded in the citing one (a relay's 转发).
        case forwards
    }

    public var kind: Kind
    public var docNumber: String?
    public var title: String?
    public var text: String
    public var span: SourceSpan
}

/// A file as the archive holds it: its digest and its entries.
public struct ArchivedFile: Sendable {
    public var path: String
    public var sha256: String
    public var format: String
    public var encoding: String
    public var byteCount: Int
    public var entries: [ArchiveEntry]
}

extension ArchivedFile {
    /// The file's notice and every notice embedded in it, each with the text of its own lines (site
    /// furniture left out).
    package init(_ analyzed: AnalyzedNotice, path: String, byteCount: Int) throws {
        let located = LocatedRecord.flatten(analyzed.record, path: path)
        let content = analyzed.lines.filter { $0.furniture == nil }
        // Each line belongs to the innermost notice whose lines cover it: a forwarded notice's lines are
        // its own entry's, not those of the notice that forwards it.
        let ranges = located.map { Self.lineRange(of: $0.record) }
        var linesOf = [[NormalizedLine]](repeating: [], count: located.count)
        for line in content {
            let owner = (1..<located.count).last { ranges[$0]?.contains(line.span.startLine) ?? false } ?? 0
            linesOf[owner].append(line)
        }
        var entries: [ArchiveEntry] = []
        for (i, item) in located.enumerated() {
            let parent = i == 0 ? nil : Self.parent(of: i, in: located)
            entries.append(try ArchiveEntry(item, parentAddress: parent, lines: linesOf[i]))
        }
        let source = analyzed.record.source
        self.init(
            path: path, sha256: source.sha256, format: source.format.rawValue, encoding: source.encoding,
            byteCount: byteCount, entries: entries)
    }

    /// The input lines a record's elements, sections and attachments cover.
    static func lineRange(of record: NoticeRecord) -> ClosedRange<Int>? {
        var spans = record.elements.map(\.span) + record.sections.map(\.span)
        spans += record.attachments.flatMap { $0.sections.map(\.span) + ($0.span.map { [$0] } ?? []) }
        guard let covering = SourceSpan.covering(spans) else { return nil }
        return covering.startLine...covering.endLine
    }

    /// The notice that embeds the `index`-th one (depth-first order): the nearest notice before it whose
    /// embedded notices, counted with theirs, reach it.
    static func parent(of index: Int, in located: [LocatedRecord]) -> String {
        func size(_ record: NoticeRecord) -> Int { 1 + record.embedded.map(size).reduce(0, +) }
        var candidate = index - 1
        while candidate > 0, candidate + size(located[candidate].record) <= index { candidate -= 1 }
        return located[candidate].address
    }
}

extension ArchiveEntry {
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try Gongwen.jsonData(value, pretty: false), as: UTF8.self)
    }

    init(_ located: LocatedRecord, parentAddress: String?, lines: [NormalizedLine]) throws {
        let record = located.record
        let key = CampaignKey.of(record)
        self.init(
            address: located.address, sourcePath: located.path, position: located.index, parentAddress: parentAddress,
            docNumber: record.docNumber?.text, docAgency: record.docNumber?.agency, docYear: record.docNumber?.year,
            docSerial: record.docNumber?.serial, issuer: record.issuer.name, level: record.issuer.level.rawValue,
            title: record.title, signedOn: record.signedOn, publishedOn: record.publishedOn,
            campaignID: key.map(CampaignConfigurator.id(of:)), campaign: key?.campaign,
            campaignYear: record.campaignYear,
            year: record.campaignYear ?? record.signedOn.flatMap { Int($0.prefix(4)) } ?? record.docNumber?.year,
            addresseesJSON: try Self.json(record.addressees), deadlinesJSON: try Self.json(record.deadlines),
            body: lines.map(\.text).joined(separator: "\n"),
            lineSpansJSON: try Self.json(
                lines.map { [$0.span.startLine, $0.span.startColumn, $0.span.endLine, $0.span.endColumn] }),
            recordJSON: try Self.json(record),
            citations: record.citations.map {
                ArchiveCitation(kind: .cites, docNumber: $0.docNumber, title: $0.title, text: $0.text, span: $0.span)
            }
                + record.embedded.compactMap { forwarded in
                    guard
                        let span = ArchivedFile.lineRange(of: forwarded).map({
                            SourceSpan(
                                start: SourcePoint(line: $0.lowerBound, column: 1),
                                end: SourcePoint(line: $0.upperBound, column: 1))
                        })
                    else { return nil }
                    return ArchiveCitation(
                        kind: .forwards, docNumber: forwarded.docNumber?.text, title: forwarded.title,
                        text: forwarded.title ?? forwarded.docNumber?.text ?? "", span: span)
                })
    }
}
