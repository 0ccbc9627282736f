/// The diff for people reading a terminal or a Markdown page: one line per change, grouped by area,
/// reworded texts with their insertions and deletions marked in place.
struct TextReport {
    enum Style {
        /// Plain text: deletions as [-…-], insertions as {+…+} (wdiff's marks).
        case plain
        /// Terminal colours: deletions red and struck through, insertions green.
        case ansi
        /// Markdown, with <del> and <ins> (emphasis marks do not hold next to Chinese punctuation).
        case markdown
    }

    var style: Style
    var showUnchanged: Bool
    /// Fold long lines to this width with a hanging indent (the terminal formats).
    var width: Int?
    /// Each diff as its counts by area.
    var summaryOnly = false

    init(style: Style, showUnchanged: Bool, width: Int? = nil, summaryOnly: Bool = false) {
        self.style = style
        self.showUnchanged = showUnchanged
        self.width = style == .markdown ? nil : width
        self.summaryOnly = summaryOnly
    }

    init(_ format: ReportFormat, _ options: ReportOptions) {
        self.init(
            style: format == .markdown ? .markdown : options.colour ? .ansi : .plain,
            showUnchanged: options.showUnchanged, width: options.width, summaryOnly: options.summaryOnly)
    }

    func series(_ report: SeriesReport) -> String {
        var out = ""
        for (n, series) in report.series.enumerated() {
            if n > 0 { out += "\n" }
            out += heading(1, "\(series.organizer) — \(series.campaign)")
            for notice in series.notices {
                out += item(
                    "\(notice.campaignYear.map(String.init) ?? "????")  \(code(notice.path))"
                        + (notice.docNumber.map { "  \($0)" } ?? "") + (notice.title.map { "  \($0)" } ?? ""))
            }
            for relay in series.relays {
                out += item(
                    "relay \(relay.notice.campaignYear.map(String.init) ?? "????")  \(code(relay.notice.path))"
                        + (relay.notice.docNumber.map { "  \($0)" } ?? "")
                        + (relay.notice.title.map { "  \($0)" } ?? "")
                        + "  (forwards \(code(relay.relays)))")
            }
            for gap in series.gaps {
                let cited =
                    gap.citedBy.isEmpty
                    ? "no notice in the corpus cites it"
                    : "cited by "
                        + gap.citedBy.map {
                            "\(code("\($0.path):\($0.span.startLine):\($0.span.startColumn)")) \(escape($0.citation))"
                        }.joined(separator: "; ")
                out += item(emphasis("missing \(gap.year)") + ": " + cited)
            }
            if series.notices.count == 1 { out += item("one notice: nothing to compare") }
            for diff in series.diffs { out += "\n" + self.diff(diff, level: 2) }
        }
        if !report.unplaced.isEmpty {
            out += "\n" + heading(1, ReportLabels.english.notInSeries)
            for notice in report.unplaced { out += item("\(code(notice.path)): \(notice.reason)") }
        }
        if !report.duplicates.isEmpty {
            out += "\n" + heading(1, ReportLabels.english.readOnce)
            for copy in report.duplicates {
                out += item("\(code(copy.path)): \(ReportLabels.english.sameAs) \(code(copy.sameAs))")
            }
        }
        return out
    }

    func diff(_ diff: NoticeDiff, level: Int = 1) -> String {
        var out = heading(level, "\(DiffReport.name(diff.old)) → \(DiffReport.name(diff.new)): \(counts(diff.summary))")
        if level == 1 {
            out += item("old: \(code(diff.old.path))" + (diff.old.title.map { "  \($0)" } ?? ""))
            out += item("new: \(code(diff.new.path))" + (diff.new.title.map { "  \($0)" } ?? ""))
        }
        for note in diff.notes { out += item(emphasis("note") + ": " + escape(note)) }
        let shown = diff.changes.filter { showUnchanged || $0.kind != .unchanged }
        if shown.isEmpty { out += item("no changes of rules") }
        for area in Change.Area.allCases {
            let changes = shown.filter { $0.area == area }
            guard !changes.isEmpty else { continue }
            if summaryOnly {
                var counts: [String: Int] = [:]
                for change in changes { counts[change.kind.rawValue, default: 0] += 1 }
                out += item("\(ReportLabels.english.area(area)): \(self.counts(counts))")
                continue
            }
            out += heading(level + 1, ReportLabels.english.area(area))
            for change in changes { out += item(line(change)) }
        }
        return out
    }

    /// "changed 申报 due date: 2020-07-05 → 2022-07-15 (40:5 → 38:7)"
    func line(_ change: Change) -> String {
        let mark: String
        switch change.kind {
        case .added: mark = paint("added", .green)
        case .removed: mark = paint("removed", .red)
        case .unchanged: mark = "unchanged"
        default: mark = paint(change.kind.rawValue, .yellow)
        }
        var text = "\(mark) \(escape(change.subject))"
        switch change.kind {
        case .reworded, .renamed:
            text +=
                ": "
                + (change.edits.isEmpty
                    ? escape(change.old ?? "—") + " → " + escape(change.new ?? "—") : inlineWithPrefixes(change))
            if let similarity = change.similarity { text += " (similarity \(similarity))" }
        case .changed, .moved:
            text += ": " + escape(change.old ?? "—") + " → " + escape(change.new ?? "—")
        case .added:
            if let new = change.new, new != change.subject { text += ": " + escape(new) }
        case .removed:
            if let old = change.old, old != change.subject { text += ": " + escape(old) }
        case .unchanged:
            if let new = change.new, new != change.subject, new.unicodeScalars.count < 60 { text += ": " + escape(new) }
        }
        let places = [DiffReport.place(change.oldSpan), DiffReport.place(change.newSpan)]
        if places.contains(where: { $0 != nil }) {
            text += " " + code("[" + places.map { $0 ?? "—" }.joined(separator: " → ") + "]")
        }
        return text
    }

    /// The edits, with what stands before them in each value ("（二） → （三）" for a section).
    func inlineWithPrefixes(_ change: Change) -> String {
        let prefixes = change.editPrefixes
        let prefix =
            TextDiff.sameText(prefixes.old, prefixes.new)
            ? escape(prefixes.new)
            : inline(
                [TextEdit(operation: .delete, text: prefixes.old), TextEdit(operation: .insert, text: prefixes.new)]
                    .filter { !$0.text.isEmpty })
        return prefix + inline(change.edits)
    }

    func inline(_ edits: [TextEdit]) -> String {
        edits.map { edit in
            switch (edit.operation, style) {
            case (.equal, _): return escape(edit.text)
            case (.delete, .plain): return "[-\(edit.text)-]"
            case (.insert, .plain): return "{+\(edit.text)+}"
            case (.delete, .ansi): return "\u{1B}[31;9m\(edit.text)\u{1B}[0m"
            case (.insert, .ansi): return "\u{1B}[32;4m\(edit.text)\u{1B}[0m"
            case (.delete, .markdown): return "<del>\(escape(edit.text))</del>"
            case (.insert, .markdown): return "<ins>\(escape(edit.text))</ins>"
            }
        }.joined()
    }

    func counts(_ summary: [String: Int]) -> String {
        let order: [Change.Kind] = [.changed, .reworded, .renamed, .moved, .added, .removed]
        var parts = order.compactMap { kind in summary[kind.rawValue].map { "\($0) \(kind.rawValue)" } }
        if parts.isEmpty { parts = ["no changes"] }
        if let unchanged = summary[Change.Kind.unchanged.rawValue] { parts.append("\(unchanged) unchanged") }
        return parts.joined(separator: ", ")
    }

    // MARK: - Style

    enum Colour: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
    }

    func paint(_ text: String, _ colour: Colour) -> String {
        style == .ansi ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    func heading(_ level: Int, _ text: String) -> String {
        let indent = String(repeating: "  ", count: level - 1)
        switch style {
        case .markdown: return String(repeating: "#", count: level) + " " + escape(text) + "\n\n"
        case .ansi:
            return folded(
                (level == 1 ? "\u{1B}[1;4m" : "\u{1B}[1m") + indent + text + "\u{1B}[0m", indent: indent.count + 2)
                + "\n"
        case .plain: return folded(indent + (level == 1 ? "== \(text) ==" : text), indent: indent.count + 2) + "\n"
        }
    }

    func item(_ text: String) -> String {
        style == .markdown ? "- \(text)\n" : folded("    - \(text)", indent: 6) + "\n"
    }

    /// A line folded to the terminal's width, its continuation lines indented (as it is without a width).
    func folded(_ line: String, indent: Int) -> String {
        width.map { TerminalWrap.wrap(line, width: $0, hangingIndent: indent) } ?? line
    }

    func code(_ text: String) -> String {
        style == .markdown ? "`\(text)`" : text
    }

    func emphasis(_ text: String) -> String {
        switch style {
        case .markdown: return "**\(text)**"
        case .ansi: return "\u{1B}[1m\(text)\u{1B}[0m"
        case .plain: return text.uppercased()
        }
    }

    /// Markdown's own characters in notice text ("*", "_", "<" …) are escaped so they print as written.
    func escape(_ text: String) -> String {
        guard style == .markdown else { return text }
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|": out += "\\\(character)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(character)
            }
        }
        return out
    }
}
