import GongwenKit

public struct SearchHit: Sendable, Equatable, Encodable {
    public enum Match: String, Sendable, Encodable {
        /// The words are in the title or the text.
        case text
        /// The notice's own number is the one asked for.
        case docNumber
        /// The notice cites the number asked for.
        case citation
        /// Only filters were given.
        case filter
    }

    public var entry: EntrySummary
    public var match: Match
    /// Higher is better; comparable within one search.
    public var score: Double
    /// The first place the words stand in the text, with some text either side.
    @Nullable public var snippet: Snippet?
}
