/// A notice found again in a corpus: the same title and the same body text as one read before (a page saved as
/// .txt and as .html, a national notice on its own and forwarded inside a province's).
public struct DuplicateNotice: Encodable, Sendable, Equatable {
    /// The copy left out.
    public var path: String
    /// The address of the copy read (the first in path order; a file's own notice before those it embeds).
    public var sameAs: String
}
