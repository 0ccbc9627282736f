/// A reminder before a level's effective deadline.
public struct Reminder: Encodable, Sendable {
    /// YYYY-MM-DD.
    public var on: String
    public var daysBefore: Int
    /// The deadline it serves, and the level whose applicants it reminds.
    public var deadline: String
    public var level: String
}
