/// A further place that says the same thing.
public struct Mention: Encodable, Sendable, Equatable {
    /// The sentence; null when it is the sentence quoted just before (the deadline's own, or the
    /// previous mention's): a date said again in the same sentence is not copied again.
    @Nullable public var text: String?
    /// The date expression in the input.
    public var span: SourceSpan
}
