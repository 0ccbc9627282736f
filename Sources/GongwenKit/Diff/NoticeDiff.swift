/// What changed between two notices: the rules, not the bytes.
public struct NoticeDiff: Encodable, Sendable {
    public var old: NoticeReference
    public var new: NoticeReference
    public var changes: [Change]
    /// Changes by kind ("changed": 3 …), unchanged items included.
    public var summary: [String: Int]
    /// What the diff could not do in full (lists too long to compare item by item).
    public var notes: [String]

    /// Whether a rule changed: an item added, removed, changed, reworded, renamed or moved.
    public var hasChanges: Bool { changes.contains { $0.kind != .unchanged } }
}
