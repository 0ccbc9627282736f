/// Where a record came from.
public struct SourceInfo: Codable, Equatable, Sendable {
    public var path: String
    public var format: InputFormat
    public var encoding: String
    public var sha256: String
}
