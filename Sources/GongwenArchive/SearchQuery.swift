import GongwenKit

/// A search: words (a substring of two or more characters, or a document number), filters, or both.
public struct SearchQuery: Sendable, Equatable {
    public var text: String?
    public var issuer: String?
    public var year: Int?
    public var level: String?
    public var campaign: String?
    public var docNumber: String?
    public var limit: Int

    public init(
        text: String? = nil, issuer: String? = nil, year: Int? = nil, level: String? = nil,
        campaign: String? = nil, docNumber: String? = nil, limit: Int = 20
    ) {
        self.text = text
        self.issuer = issuer
        self.year = year
        self.level = level
        self.campaign = campaign
        self.docNumber = docNumber
        self.limit = limit
    }
}

extension SearchQuery {
    /// The query prepared for a backend: the words in the normalized text's form, the number the
    /// query is (if any), the filters; or the reason it cannot run.
    func prepared() throws(ArchiveQueryError) -> PreparedQuery {
        var prepared = PreparedQuery(words: nil, grams: [], docNumber: nil, filters: self)
        if let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let count = text.unicodeScalars.count
            guard count <= ArchiveQueryError.maximumQueryLength else { throw .tooLong(count: count) }
            if let number = QueryForm.docNumber(text) {
                prepared.docNumber = number
            } else {
                let words = QueryForm.normalized(text)
                guard let grams = SearchGrams.query(words) else { throw .tooShort(words) }
                prepared.words = words
                prepared.grams = grams
            }
        }
        if let number = docNumber {
            prepared.filters.docNumber = QueryForm.docNumber(number) ?? QueryForm.normalized(number)
        }
        // Names in the filters as the text writes them too (中國質量協會 → 中国质量协会).
        prepared.filters.issuer = issuer.map(QueryForm.normalized)
        prepared.filters.campaign = campaign.map(QueryForm.normalized)
        guard prepared.words != nil || prepared.docNumber != nil || hasFilter else { throw .nothingAsked }
        return prepared
    }

    var hasFilter: Bool { issuer != nil || year != nil || level != nil || campaign != nil || docNumber != nil }
}
