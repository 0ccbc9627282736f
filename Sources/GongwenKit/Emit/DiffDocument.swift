/// A single diff as `gongwen diff` writes it in JSON.
public struct DiffDocument: Encodable, Sendable {
    public var schemaVersion = "1.0"
    public var diff: NoticeDiff
}
