/// Something a reader of the record should know: an element the notice lacks, a line the reader could not
/// place, a document number kept as written because it is malformed.
public struct Diagnostic: Encodable, Sendable, Equatable {
    public enum Severity: String, Encodable, Sendable {
        case info, warning, error
    }

    public var severity: Severity
    public var message: String
    @Nullable public var span: SourceSpan?
}
