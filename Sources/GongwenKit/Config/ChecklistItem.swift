public struct ChecklistItem: Encodable, Sendable {
    public var text: String
    public var source: ConfigSource
}
