/// A configuration field left empty, and why: the notice does not give the value.
public struct MissingValue: Encodable, Sendable {
    /// The configuration field that stays empty: "levels[0].effectiveDeadline", "submission.opens" …
    public var field: String
    public var why: String
}
