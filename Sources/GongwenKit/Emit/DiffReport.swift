import Foundation

/// A diff or a series as people read it: the terminal's text, Markdown, JSON (Schemas/diff.schema.json)
/// or a standalone HTML page.
public enum DiffReport {
    /// The report of one diff.
    ///
    /// - Throws: an `EncodingError` from the JSON encoder (never in practice: every value encodes).
    public static func render(
        _ diff: NoticeDiff, format: ReportFormat, options: ReportOptions = ReportOptions()
    ) throws -> String {
        switch format {
        case .json: return try json(DiffDocument(diff: diff))
        case .terminal, .markdown: return TextReport(format, options).diff(diff)
        case .html: return HTMLReport(options).page(diffs: [diff], series: nil)
        }
    }

    /// The report of a series: each year against the one before, the missing years and the notices that
    /// cite them.
    ///
    /// - Throws: an `EncodingError` from the JSON encoder (never in practice: every value encodes).
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
