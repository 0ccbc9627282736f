/// How a diff or a series is written out.
public enum ReportFormat: String, CaseIterable, Sendable {
    case terminal, markdown, json, html
}
