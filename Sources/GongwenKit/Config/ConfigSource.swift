/// Where a value was read: the file, the record (`FILE#N` for a notice forwarded inside another) and the
/// span of its words in the file.
public struct ConfigSource: Encodable, Sendable, Equatable {
    public var file: String
    public var address: String
    public var span: SourceSpan

    /// Words at `span` of a located record.
    init(_ located: LocatedRecord, _ span: SourceSpan) {
        (file, address, self.span) = (located.path, located.address, span)
    }
}
