/// A notice's record in a few lines, for a person at a terminal (`gongwen parse --format summary`): what the
/// notice is, its deadlines, and how many values each field holds, so that one can see at a glance what
/// was read before asking for the JSON.
///
///     Notices/2022_caq.txt
///       关于开展2022年全国质量标杆活动的通知
///       中国质量协会 (association) · no document number · signed 2022-06-06
///       deadline 2022-07-15 申报
///       1 quota · 5 focus areas · 3 eligibility rules · 2 contacts · 4 citations · 2 attachments
///
/// Embedded notices (转发) follow their host, indented. Long lines are folded with a hanging indent when a
/// width is given.
package enum NoticeSummary {
    package static func text(of record: NoticeRecord, path: String, width: Int? = nil) -> String {
        var lines = [Line(indent: 0, phrases: [path])]
        append(record, indent: 2, to: &lines)
        return lines.map { $0.rendered(width: width) }.joined(separator: "\n") + "\n"
    }

    /// A line of phrases joined by " · ", folded between phrases (a phrase is cut only when it is wider
    /// than the line by itself), each continuation line two columns further in.
    private struct Line {
        var indent: Int
        var phrases: [String]

        func rendered(width: Int?) -> String {
            let margin = String(repeating: " ", count: indent)
            guard let width else { return margin + phrases.joined(separator: " · ") }
            var lines: [String] = []
            var current = margin
            var currentWidth = indent
            var empty = true
            for (n, phrase) in phrases.enumerated() {
                let separator = n + 1 < phrases.count ? " ·" : ""
                let phraseWidth = TerminalWrap.columns(of: phrase) + separator.count
                if !empty && currentWidth + 1 + phraseWidth > width {
                    lines.append(current)
                    current = margin + "  "
                    currentWidth = indent + 2
                    empty = true
                }
                if !empty {
                    current += " "
                    currentWidth += 1
                }
                current += phrase + separator
                currentWidth += phraseWidth
                empty = false
            }
            lines.append(current)
            return lines.map { TerminalWrap.wrap($0, width: width, hangingIndent: indent + 2) }.joined(separator: "\n")
        }
    }

    private static func append(_ record: NoticeRecord, indent: Int, to lines: inout [Line]) {
        lines.append(Line(indent: indent, phrases: [record.title ?? "(no title)"]))
        let issuer = record.issuer.name.map { "\($0) (\(record.issuer.level.rawValue))" } ?? "no issuer"
        let number = record.docNumber?.text ?? "no document number"
        let date = record.signedOn.map { "signed \($0)" } ?? record.publishedOn.map { "published \($0)" } ?? "no date"
        lines.append(Line(indent: indent, phrases: [issuer, number, date]))
        for deadline in record.deadlines {
            let window = deadline.start.map { "\($0) – " } ?? ""
            let time = deadline.time.map { " \($0)" } ?? ""
            lines.append(
                Line(
                    indent: indent,
                    phrases: ["deadline \(window)\(deadline.date)\(time)" + (deadline.action.map { " \($0)" } ?? "")]))
        }
        let counts: [(Int, String, String)] = [
            (record.quotas.count, "quota", "quotas"),
            (record.focusAreas.count, "focus area", "focus areas"),
            (record.eligibility.count, "eligibility rule", "eligibility rules"),
            (record.contacts.count, "contact", "contacts"),
            (record.directory.count, "unit in the directory", "units in the directory"),
            (record.citations.count, "citation", "citations"),
            (record.attachments.count, "attachment", "attachments"),
            (record.embedded.count, "embedded notice", "embedded notices"),
        ]
        let held = counts.filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
        lines.append(Line(indent: indent, phrases: held.isEmpty ? ["no rules read"] : held))
        let warnings = record.diagnostics.filter { $0.severity != .info }
        if let first = warnings.first {
            let more = warnings.count > 1 ? " (and \(warnings.count - 1) more)" : ""
            lines.append(Line(indent: indent, phrases: ["\(first.severity.rawValue): \(first.message)" + more]))
        }
        for embedded in record.embedded {
            lines.append(Line(indent: indent, phrases: ["embeds:"]))
            append(embedded, indent: indent + 2, to: &lines)
        }
    }
}
