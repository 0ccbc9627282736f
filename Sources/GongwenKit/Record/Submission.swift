/// How and in what form materials are to be submitted.
public struct Submission: Encodable, Sendable, Equatable {
    public var channels: [Channel]
    public var materials: [Material]
    public var fileFormats: [FileFormat]
    public var naming: [NamingRule]
}
