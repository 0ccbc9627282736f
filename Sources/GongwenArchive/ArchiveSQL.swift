/// A value bound to a statement's parameter.
enum SQLValue: Sendable, Equatable {
    case text(String)
    case int(Int)
    case null
    /// PostgreSQL only (the bigrams of a query).
    case textArray([String])

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
}

/// A statement and its parameters, written once and spelled for one backend (`?` or `$n`).
struct SQLStatement: Sendable {
    let dialect: SQLDialect
    var sql = ""
    var binds: [SQLValue] = []

    init(_ dialect: SQLDialect) { self.dialect = dialect }

    /// A parameter's placeholder, its value bound.
    mutating func bind(_ value: SQLValue) -> String {
        binds.append(value)
        return dialect == .sqlite ? "?" : "$\(binds.count)"
    }

    /// True when `needle` (a parameter) stands in `column`: no LIKE, so `%` and `_` are plain characters.
    func contains(_ column: String, _ needle: String) -> String {
        dialect == .sqlite ? "instr(\(column), \(needle)) > 0" : "strpos(\(column), \(needle)) > 0"
    }
}

/// The queries both backends run, written once.
enum ArchiveSQL {
    /// The columns of an `EntrySummary`, in its order (`e` is `entries`).
    static let summaryColumns =
        "e.address, e.parent_address, e.doc_number, e.issuer, e.level, e.title, e.signed_on, e.year, e.campaign_id, e.campaign"

    /// The filters of a query, as conditions joined by AND (each after " AND ").
    static func filters(_ query: SearchQuery, into statement: inout SQLStatement) -> String {
        var conditions: [String] = []
        if let issuer = query.issuer {
            conditions.append(statement.contains("e.issuer", statement.bind(.text(issuer))))
        }
        if let year = query.year { conditions.append("e.year = \(statement.bind(.int(year)))") }
        if let level = query.level { conditions.append("e.level = \(statement.bind(.text(level)))") }
        if let campaign = query.campaign {
            let id = statement.bind(.text(campaign))
            conditions.append(
                "(e.campaign_id = \(id) OR \(statement.contains("e.campaign", statement.bind(.text(campaign)))))")
        }
        if let number = query.docNumber { conditions.append("e.doc_number = \(statement.bind(.text(number)))") }
        return conditions.map { " AND " + $0 }.joined()
    }

    /// Entries whose title or text holds the words, best first: the `limit` first, or (`count`) how many.
    /// The matches are ranked first (SQLite: in the full-text index alone, unless filters or a check of
    /// the text need the entries), then only the hits shown are joined to their texts.
    static func textSearch(_ query: PreparedQuery, dialect: SQLDialect, count: Bool) -> SQLStatement {
        var s = SQLStatement(dialect)
        let words = query.words ?? ""
        let filtered = query.filters.hasFilter
        var matches: String
        switch dialect {
        case .sqlite:
            let phrase = "\"" + query.grams.joined(separator: " ") + "\""
            let verify = SearchGrams.needsVerification(words)
            matches =
                "SELECT entry_search.rowid AS id" + (count ? "" : ", -bm25(entry_search, 10.0, 1.0) AS score")
                + " FROM entry_search"
            if filtered || verify { matches += " JOIN entries e ON e.id = entry_search.rowid" }
            if verify { matches += " JOIN entry_texts t ON t.entry_id = entry_search.rowid" }
            matches += " WHERE entry_search MATCH \(s.bind(.text(phrase)))"
            if verify {
                let w = s.bind(.text(words))
                let v = s.bind(.text(words))
                matches += " AND (\(s.contains("t.body", w)) OR \(s.contains("e.title", v)))"
            }
        case .postgres:
            // The GIN index finds the entries that hold every bigram of the query: exactly those that hold
            // the words when the query is one bigram; for longer queries each is checked against its text.
            // Without BM25 statistics the order is: the words in the title first, then the newest.
            let grams = Array(Set(query.grams)).sorted()
            let folded = words.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
            let w = s.bind(.text(folded ? words.lowercased() : words))
            let title = folded ? "lower(coalesce(e.title, ''))" : "coalesce(e.title, '')"
            matches =
                "SELECT e.id"
                + (count
                    ? "" : ", (CASE WHEN strpos(\(title), \(w)) > 0 THEN 1 ELSE 0 END) AS score, e.year, e.signed_on")
                + " FROM entries e"
            let verify = query.grams.count > 1 || SearchGrams.needsVerification(words)
            if verify { matches += " JOIN entry_texts t ON t.entry_id = e.id" }
            matches += " WHERE e.search_grams @> \(s.bind(.textArray(grams)))::text[]"
            if verify {
                let body = folded ? "lower(t.body)" : "t.body"
                matches += " AND (strpos(\(body), \(w)) > 0 OR strpos(\(title), \(w)) > 0)"
            }
        }
        matches += filters(query.filters, into: &s)
        if count {
            s.sql = "SELECT count(*) FROM (\(matches)) m"
            return s
        }
        let (inner, outer) =
            dialect == .sqlite
            ? ("score DESC, id", "m.score DESC, m.id")
            : (
                "score DESC, year DESC NULLS LAST, signed_on DESC NULLS LAST, id",
                "m.score DESC, e.year DESC NULLS LAST, e.signed_on DESC NULLS LAST, m.id"
            )
        matches += " ORDER BY \(inner) LIMIT \(s.bind(.int(query.filters.limit)))"
        s.sql =
            "SELECT \(summaryColumns), t.body, t.line_spans, m.score FROM (\(matches)) m JOIN entries e ON e.id = m.id"
            + " JOIN entry_texts t ON t.entry_id = m.id ORDER BY \(outer)"
        return s
    }

    /// Entries that match the filters alone, newest first.
    static func filterSearch(_ query: SearchQuery, dialect: SQLDialect, count: Bool) -> SQLStatement {
        var s = SQLStatement(dialect)
        s.sql =
            count ? "SELECT count(*) FROM entries e WHERE 1 = 1" : "SELECT \(summaryColumns) FROM entries e WHERE 1 = 1"
        s.sql += filters(query, into: &s)
        if !count { s.sql += " ORDER BY e.year DESC, e.signed_on DESC, e.address LIMIT \(s.bind(.int(query.limit)))" }
        return s
    }

    /// Entries by their own number or address.
    static func entries(docNumber: String?, address: String?, dialect: SQLDialect) -> SQLStatement {
        var s = SQLStatement(dialect)
        s.sql = "SELECT \(summaryColumns) FROM entries e WHERE "
        if let docNumber {
            s.sql += "e.doc_number = \(s.bind(.text(docNumber)))"
        } else {
            s.sql += "e.address = \(s.bind(SQLValue(address)))"
        }
        s.sql += " ORDER BY e.address"
        return s
    }

    /// The citations from one entry, each with the entries it resolves to (one row for each): those with
    /// the cited number, or, for a citation by title only, those with the cited title.
    static func citations(fromAddress: String, dialect: SQLDialect) -> SQLStatement {
        var s = SQLStatement(dialect)
        s.sql =
            citationSelect
            + " WHERE e.address = \(s.bind(.text(fromAddress))) ORDER BY e.address, c.position, r.address"
        return s
    }

    /// The citations of one notice: by its number, or by its title where the citation gives no number.
    /// `citing`: filters the citing entries must match (a search's, for the notices citing a number).
    static func citations(
        toNumber: String?, title: String?, citing: SearchQuery? = nil, dialect: SQLDialect
    ) -> SQLStatement {
        var s = SQLStatement(dialect)
        var conditions: [String] = []
        if let toNumber { conditions.append("c.doc_number = \(s.bind(.text(toNumber)))") }
        if let title { conditions.append("(c.doc_number IS NULL AND c.title = \(s.bind(.text(title))))") }
        if conditions.isEmpty { conditions.append("1 = 0") }
        s.sql = citationSelect + " WHERE (" + conditions.joined(separator: " OR ") + ")"
        if let citing { s.sql += filters(citing, into: &s) }
        s.sql += " ORDER BY e.year, e.address, c.position, r.address"
        return s
    }

    static let citationSelect =
        "SELECT \(summaryColumns), c.position, c.kind, c.doc_number, c.title, c.text, c.start_line, c.start_column,"
        + " c.end_line, c.end_column, \(summaryColumns.replacingOccurrences(of: "e.", with: "r."))"
        + " FROM citations c JOIN entries e ON e.id = c.entry_id LEFT JOIN entries r ON r.id <> e.id"
        + " AND (r.doc_number = c.doc_number OR (c.doc_number IS NULL AND r.title = c.title))"
}
