import GongwenKit

/// The archive's answers as people read them in a terminal.
public enum ArchiveTables {
    public static func search(_ results: SearchResults, colour: Bool) -> String {
        var out = ""
        let asked = results.docNumber ?? results.query.map { "\"\($0)\"" } ?? "the filters"
        let shown = results.hits.count < results.total ? " (the first \(results.hits.count))" : ""
        out += "\(results.total) notice\(results.total == 1 ? "" : "s") for \(asked)\(shown)\n"
        for (i, hit) in results.hits.enumerated() {
            out += "\n\(i + 1). \(line(hit.entry))\n"
            if let title = hit.entry.title { out += "   \(title)\n" }
            switch hit.match {
            case .docNumber: out += "   has this number\n"
            case .citation:
                out +=
                    "   cites it: \(excerpt(hit.snippet?.match ?? ""))\(hit.snippet?.span.map { " (line \($0.startLine))" } ?? "")\n"
            case .text:
                if let snippet = hit.snippet {
                    let match = colour ? "\u{1B}[1;31m\(snippet.match)\u{1B}[0m" : "【\(snippet.match)】"
                    let place = snippet.span.map { " (line \($0.startLine))" } ?? " (title)"
                    out += "   …\(snippet.before)\(match)\(snippet.after)…\(place)\n"
                }
            case .filter: break
            }
        }
        return out
    }

    public static func graph(_ graph: CitationGraph) -> String {
        var out = ""
        let name = graph.docNumber ?? graph.asked
        switch graph.direction {
        case .cites:
            for notice in graph.notices { out += "\(line(notice))\n" }
            out += "cites \(graph.citations.count) document\(graph.citations.count == 1 ? "" : "s"):\n"
            for link in graph.citations {
                let what = [link.title.map { "《\($0)》" }, link.docNumber].compactMap { $0 }.joined(separator: " ")
                let how =
                    link.kind == .forwards
                    ? "forwards it, lines \(link.span.startLine)–\(link.span.endLine)" : "line \(link.span.startLine)"
                out += "  \(what.isEmpty ? link.text : what)  (\(how))\n"
                if link.resolved.isEmpty {
                    out +=
                        "    unresolved: \(link.docNumber == nil ? "cited by title only, no archived notice has this title" : "not in the archive")\n"
                }
                for entry in link.resolved { out += "    → \(line(entry))\n" }
            }
        case .citedBy:
            out +=
                graph.notices.isEmpty
                ? "\(name) (not in the archive)\n" : graph.notices.map { "\(line($0))\n" }.joined()
            // One line for each citing notice, with each way it cites (by name, by forwarding it).
            var order: [String] = []
            var byCiter: [String: [CitationLink]] = [:]
            for link in graph.citations {
                if byCiter[link.from.address] == nil { order.append(link.from.address) }
                byCiter[link.from.address, default: []].append(link)
            }
            out += "cited by \(order.count) notice\(order.count == 1 ? "" : "s"):\n"
            for address in order {
                let links = byCiter[address]!
                let how = links.map {
                    $0.kind == .forwards ? "forwards it" : "line \($0.span.startLine): \(excerpt($0.text))"
                }
                out +=
                    String(repeating: "  ", count: links[0].depth)
                    + "\(line(links[0].from))  (\(how.joined(separator: "; ")))\n"
            }
        }
        return out
    }

    /// The first 40 characters of a citation's sentence.
    static func excerpt(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    /// "Notices/2023_caq.txt  2023-05-10  中国质量协会  中国质协字〔2023〕71号"
    static func line(_ entry: EntrySummary) -> String {
        [entry.address, entry.signedOn ?? entry.year.map(String.init), entry.issuer, entry.docNumber].compactMap { $0 }
            .joined(separator: "  ")
    }
}
