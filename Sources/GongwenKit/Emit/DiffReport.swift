import Foundation

/// How a diff or a series is written out.
public enum ReportFormat: String, CaseIterable, Sendable {
    case terminal, markdown, json, html
}

public struct ReportOptions: Sendable {
    /// ANSI colours in the terminal format (when standard output is a terminal).
    public var colour: Bool
    /// List unchanged items in the human formats (JSON always lists them).
    public var showUnchanged: Bool
    /// The terminal format only: the terminal's width, to which long items are folded with a hanging indent.
    public var width: Int?
    /// The terminal and Markdown formats: each diff as its counts of changes by area, not item by item.
    public var summaryOnly: Bool
    /// The HTML report's language (its own words; the notices' are theirs).
    public var language: ReportLanguage
    /// Who made the HTML report, when and from what, shown in the page.
    public var provenance: ReportProvenance?

    public init(
        colour: Bool = false, showUnchanged: Bool = false, width: Int? = nil, summaryOnly: Bool = false,
        language: ReportLanguage = .zh, provenance: ReportProvenance? = nil
    ) {
        self.colour = colour
        self.showUnchanged = showUnchanged
        self.width = width
        self.summaryOnly = summaryOnly
        self.language = language
        self.provenance = provenance
    }
}

/// A single diff as `gongwen diff` writes it in JSON.
public struct DiffDocument: Encodable, Sendable {
    public var schemaVersion = "1.0"
    public var diff: NoticeDiff
}

public enum DiffReport {
    public static func render(
        _ diff: NoticeDiff, format: ReportFormat, options: ReportOptions = ReportOptions()
    ) throws -> String {
        switch format {
        case .json: return try json(DiffDocument(diff: diff))
        case .terminal, .markdown: return TextReport(format, options).diff(diff)
        case .html: return HTMLReport(options).page(diffs: [diff], series: nil)
        }
    }

    public static func render(
        _ report: SeriesReport, format: ReportFormat, options: ReportOptions = ReportOptions()
    ) throws -> String {
        switch format {
        case .json: return try json(report)
        case .terminal, .markdown: return TextReport(format, options).series(report)
        case .html: return HTMLReport(options).page(diffs: [], series: report)
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// "2020 中国质协字〔2020〕44号" — how a notice is named in a heading.
    static func name(_ notice: NoticeReference) -> String {
        [notice.campaignYear.map(String.init), notice.docNumber].compactMap { $0 }.joined(separator: " ")
    }

    /// "12:3" — where a value starts.
    static func place(_ span: SourceSpan?) -> String? {
        span.map { "\($0.startLine):\($0.startColumn)" }
    }
}
