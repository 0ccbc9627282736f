/// One campaign over its years: a configuration per year, and what changed from each year to the next.
public struct CampaignYears: Encodable, Sendable {
    public var id: String
    public var name: String
    public var organizer: String
    /// In campaign-year order.
    public var configurations: [CampaignConfiguration]
    /// configurations[0] → [1], [1] → [2] …: the diff of the campaigns' own notices, in the areas a
    /// configuration holds (deadlines, schedule, quotas, eligibility, directory, contacts, submission).
    public var diffs: [NoticeDiff]
}
