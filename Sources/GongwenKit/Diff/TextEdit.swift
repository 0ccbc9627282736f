/// One piece of a character diff.
public struct TextEdit: Encodable, Sendable, Equatable {
    public enum Operation: String, Encodable, Sendable {
        case equal, insert, delete
    }

    public var operation: Operation
    public var text: String
}
