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
