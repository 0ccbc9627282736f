/// Something an administrator should check before loading the configuration, and the levels it concerns.
public struct ConfigWarning: Encodable, Sendable {
    public var message: String
    public var levels: [String]
}
