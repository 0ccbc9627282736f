/// How and in what form materials are to be submitted.
public struct Submission: Encodable, Sendable, Equatable {
    public var channels: [Channel]
    public var materials: [Material]
    public var fileFormats: [FileFormat]
    public var naming: [NamingRule]
}

extension Submission {
    /// No channel, material, file format or naming rule: what a notice that says nothing of them gives.
    package init() {
        self.init(channels: [], materials: [], fileFormats: [], naming: [])
    }
}
