import GongwenKit

/// A result row, read by column position, whichever backend it came from.
struct StoredRow: Sendable {
    enum Cell: Sendable {
        case null
        case int(Int)
        case double(Double)
        case text(String)
    }
    var cells: [Cell]

    /// The cell at `i`; null past the end, so that a short row reads as missing values, never a trap.
    func cell(_ i: Int) -> Cell { i < cells.count ? cells[i] : .null }
    func text(_ i: Int) -> String? { if case let .text(text) = cell(i) { text } else { nil } }
    func int(_ i: Int) -> Int? {
        switch cell(i) {
        case let .int(int): int
        case let .double(double): Int(exactly: double)
        default: nil
        }
    }
    func double(_ i: Int) -> Double? {
        switch cell(i) {
        case let .int(int): Double(int)
        case let .double(double): double
        default: nil
        }
    }
}

extension EntrySummary {
    /// An entry from the `ArchiveSQL.summaryColumns` that begin at column `at`.
    init(_ row: StoredRow, at i: Int) {
        self.init(
            address: row.text(i) ?? "", parentAddress: row.text(i + 1), docNumber: row.text(i + 2),
            issuer: row.text(i + 3),
            level: row.text(i + 4) ?? "other", title: row.text(i + 5), signedOn: row.text(i + 6), year: row.int(i + 7),
            campaignID: row.text(i + 8), campaign: row.text(i + 9))
    }

    static let columnCount = 10
}

/// A search, run the same way on either backend: the statements come from `ArchiveSQL`, `fetch` runs them.
enum ArchiveSearch {
    static func run(
        _ query: PreparedQuery, dialect: SQLDialect, fetch: (SQLStatement) async throws -> [StoredRow]
    ) async throws -> SearchResults {
        if let number = query.docNumber {
            return try await numberSearch(number, query, dialect: dialect, fetch: fetch)
        }
        guard let words = query.words else {
            let total =
                try await fetch(ArchiveSQL.filterSearch(query.filters, dialect: dialect, count: true)).first?.int(0)
                ?? 0
            let hits = try await fetch(ArchiveSQL.filterSearch(query.filters, dialect: dialect, count: false)).map {
                SearchHit(entry: EntrySummary($0, at: 0), match: .filter, score: 0, snippet: nil)
            }
            return SearchResults(query: nil, docNumber: nil, total: total, hits: hits)
        }
        let total = try await fetch(ArchiveSQL.textSearch(query, dialect: dialect, count: true)).first?.int(0) ?? 0
        let n = EntrySummary.columnCount
        let hits = try await fetch(ArchiveSQL.textSearch(query, dialect: dialect, count: false)).map { row in
            let entry = EntrySummary(row, at: 0)
            return SearchHit(
                entry: entry, match: .text, score: row.double(n + 2) ?? 0,
                snippet: Snippets.snippet(
                    of: words, title: entry.title, body: row.text(n) ?? "", lineSpansJSON: row.text(n + 1) ?? "[]"))
        }
        return SearchResults(query: words, docNumber: nil, total: total, hits: hits)
    }

    /// A document number asked for: the notices that carry it, then those that cite it.
    static func numberSearch(
        _ number: String, _ query: PreparedQuery, dialect: SQLDialect,
        fetch: (SQLStatement) async throws -> [StoredRow]
    ) async throws -> SearchResults {
        var filters = query.filters
        filters.docNumber = number
        var hits = try await fetch(ArchiveSQL.filterSearch(filters, dialect: dialect, count: false)).map {
            SearchHit(entry: EntrySummary($0, at: 0), match: .docNumber, score: 1, snippet: nil)
        }
        var seen = Set(hits.map(\.entry.address))
        var citing = query.filters
        citing.docNumber = nil  // the number is the cited one, not the citing notice's
        for link in citationLinks(
            try await fetch(ArchiveSQL.citations(toNumber: number, title: nil, citing: citing, dialect: dialect)))
        where seen.insert(link.from.address).inserted {
            hits.append(
                SearchHit(
                    entry: link.from, match: .citation, score: 0,
                    snippet: Snippet(before: "", match: link.text, after: "", span: link.span)))
        }
        let total = hits.count
        return SearchResults(query: nil, docNumber: number, total: total, hits: Array(hits.prefix(query.filters.limit)))
    }

    /// Rows of `ArchiveSQL.citations` (one per citation and resolved entry) as links.
    static func citationLinks(_ rows: [StoredRow]) -> [CitationLink] {
        var links: [CitationLink] = []
        var lastKey: (String, Int)?
        let n = EntrySummary.columnCount
        for row in rows {
            let from = EntrySummary(row, at: 0)
            let position = row.int(n) ?? 0
            let resolved = row.text(n + 9) == nil ? nil : EntrySummary(row, at: n + 9)
            if let lastKey, lastKey == (from.address, position), let resolved {
                links[links.count - 1].resolved.append(resolved)
                continue
            }
            lastKey = (from.address, position)
            let span = SourceSpan(
                start: SourcePoint(line: row.int(n + 5) ?? 0, column: row.int(n + 6) ?? 0),
                end: SourcePoint(line: row.int(n + 7) ?? 0, column: row.int(n + 8) ?? 0))
            links.append(
                CitationLink(
                    from: from, kind: ArchiveCitation.Kind(rawValue: row.text(n + 1) ?? "") ?? .cites,
                    docNumber: row.text(n + 2), title: row.text(n + 3), text: row.text(n + 4) ?? "",
                    span: span, resolved: resolved.map { [$0] } ?? []))
        }
        return links
    }
}
