/// What a search cannot run with, said before any SQL is run.
public enum ArchiveQueryError: Error, CustomStringConvertible, Equatable {
    case tooShort(String)
    case tooLong(count: Int)
    case nothingAsked

    public static let maximumQueryLength = 200

    public var description: String {
        switch self {
        case let .tooShort(query):
            return
                "search: \"\(query)\" is one character; the search finds two or more (e.g. \(query)X), or use a filter (--issuer, --year, --level, --campaign, --doc-number)"
        case let .tooLong(count):
            return "search: the query has \(count) characters; at most \(Self.maximumQueryLength)"
        case .nothingAsked:
            return
                "search: give words to find, a document number, or a filter (--issuer, --year, --level, --campaign, --doc-number)"
        }
    }
}
