/// A file format asked for: Word, RAR, PDF, an editable document, a scan.
public struct FileFormat: Encodable, Sendable, Equatable {
    public var format: String
    public var text: String
    public var span: SourceSpan
}
