/// What `gongwen config` prints for one campaign and year: the values a submission portal, a reviewer
/// workflow and a reminder service load, each with the words of the notice it came from. Described by
/// Schemas/campaign.schema.json.
public struct CampaignConfiguration: Encodable, Sendable {
    public var schemaVersion = "1.0"
    public var campaign: CampaignIdentity
    /// The notices the configuration comes from, from the campaign's own down to the last relay.
    public var documents: [ConfigDocument]
    /// One level per notice: the campaign's own notice first, then each relay (province, city …).
    public var levels: [CampaignLevel]
    /// The recommending units the campaign's notices list, each with an id that stays the same from year
    /// to year, through renames.
    public var directory: [DirectoryUnit]
    /// Eligibility of applicants, as a checklist, from every level.
    public var eligibility: [ChecklistItem]
    /// The dated stages that are not due dates (review, announcement, exchange), from every level.
    public var review: [ReviewStage]
    public var reminders: [Reminder]
    /// Inconsistencies an admin must see (a relay's deadline after the level above's).
    public var warnings: [ConfigWarning]
    /// What a portal needs and the notices do not state, each with why; never a default made up.
    public var missing: [MissingValue]
}
