public struct ConfigWarning: Encodable, Sendable {
    public var message: String
    public var levels: [String]
}
