/// Who made a report, when, and from what: printed in the page so that a report passed along can be traced.
public struct ReportProvenance: Sendable {
    /// ISO 8601 with the offset ("2026-12-02T10:57:00+08:00").
    public var generatedAt: String
    public var version: String
    /// The files or folders the report was made from, as given.
    public var inputs: [String]

    public init(generatedAt: String, version: String, inputs: [String]) {
        self.generatedAt = generatedAt
        self.version = version
        self.inputs = inputs
    }
}
