/// A thing the applicant must hand in or meet, as the notice words it, for a submission portal's checklist.
public struct ChecklistItem: Encodable, Sendable {
    public var text: String
    public var source: ConfigSource
}
