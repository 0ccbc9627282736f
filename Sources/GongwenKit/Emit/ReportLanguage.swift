/// The language of a report's own words (its notices' words are theirs): Chinese for the analysts and
/// directors who read the HTML report, English as the terminal and Markdown reports have always spoken.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case zh, en
}
