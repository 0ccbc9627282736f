/// How an input is read: as plain text, or as an HTML page whose article is found first.
public enum InputFormat: String, Codable, Sendable {
    case text
    case html
}
