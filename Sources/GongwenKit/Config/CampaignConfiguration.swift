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

/// The campaign, the same across years and levels.
public struct CampaignIdentity: Encodable, Sendable {
    /// 16 hex digits of SHA-256 over the organizer and the campaign name: stable across years and levels.
    public var id: String
    /// The campaign's name: its own notice's title without the year, the organizer and "关于开展…的通知".
    public var name: String
    public var organizer: String
    /// The campaign year; null (and listed in `missing`) when no notice of the chain gives one.
    @Nullable public var year: Int?
}

/// Where a value was read: the file, the record (`FILE#N` for a notice forwarded inside another) and the
/// span of its words in the file.
public struct ConfigSource: Encodable, Sendable, Equatable {
    public var file: String
    public var address: String
    public var span: SourceSpan

    /// Words at `span` of a located record.
    init(_ located: LocatedRecord, _ span: SourceSpan) {
        (file, address, self.span) = (located.path, located.address, span)
    }
}

public struct ConfigDocument: Encodable, Sendable {
    public var address: String
    public var file: String
    public var sha256: String
    @Nullable public var docNumber: String?
    @Nullable public var title: String?
    @Nullable public var issuer: String?
    @Nullable public var signedOn: String?
}

/// One notice of the chain: the campaign's own, or a relay of it.
public struct CampaignLevel: Encodable, Sendable {
    public var address: String
    @Nullable public var issuer: String?
    public var issuerLevel: Issuer.Level
    /// The level this one relays (the address of the notice it forwards); null for the campaign's own.
    @Nullable public var relays: String?
    public var deadlines: [ConfigDeadline]
    /// The date an applicant who answers to this level must meet: this level's earliest due date for
    /// applications (a sentence about 申报, 推荐, 材料, 申请 or 报名; any due date when none is), or, when
    /// it sets none, the level above's.
    @Nullable public var effectiveDeadline: EffectiveDeadline?
    public var submission: SubmissionWindow
    public var quotas: [QuotaRule]
    public var contacts: [ConfigContact]
}

public struct ConfigDeadline: Encodable, Sendable {
    /// YYYY-MM-DD (YYYY-MM when only the month is given).
    public var date: String
    /// The time of day as written ("下午5点", "17:00"); null when the text gives none.
    @Nullable public var time: String?
    /// The moment it closes, in Asia/Shanghai: the time given, else the end of that day (前, 下班前).
    @Nullable public var closesAt: String?
    @Nullable public var action: String?
    @Nullable public var actor: String?
    public var text: String
    public var source: ConfigSource
}

public struct EffectiveDeadline: Encodable, Sendable {
    public var date: String
    @Nullable public var closesAt: String?
    /// The level that sets it: this one, or one above when this one sets no date.
    public var setBy: String
    public var source: ConfigSource
}

/// When submissions open and close at a level, and how they are made.
public struct SubmissionWindow: Encodable, Sendable {
    /// YYYY-MM-DD, when the text opens a window ("2021年4月12日至5月15日"); null otherwise.
    @Nullable public var opens: String?
    @Nullable public var closes: String?
    @Nullable public var closesAt: String?
    public var timeZone = "Asia/Shanghai"
    public var channels: [Channel]
    /// Where paper materials go: the address (and postcode) the level's contacts give; null when none does.
    @Nullable public var postalAddress: PostalAddress?
    public var materials: [Material]
    public var fileFormats: [FileFormat]
    public var naming: [NamingRule]
}

/// A limit a portal can enforce: at most `max` (null with `unlimited`) for the bodies named, when the
/// condition holds (null: always). A raised quota is a second rule with its condition.
public struct QuotaRule: Encodable, Sendable {
    @Nullable public var max: Int?
    public var unlimited: Bool
    public var unit: String
    public var appliesTo: [String]
    @Nullable public var condition: String?
    public var text: String
    public var source: ConfigSource
}

public struct ConfigContact: Encodable, Sendable {
    public var names: [String]
    @Nullable public var department: String?
    public var phones: [String]
    public var faxes: [String]
    public var emails: [String]
    @Nullable public var address: String?
    @Nullable public var postcode: String?
    public var source: ConfigSource
}

public struct ChecklistItem: Encodable, Sendable {
    public var text: String
    public var source: ConfigSource
}

public struct ReviewStage: Encodable, Sendable {
    /// YYYY-MM-DD or YYYY-MM.
    public var date: String
    @Nullable public var end: String?
    public var text: String
    public var source: ConfigSource
}

/// A reminder before a level's effective deadline.
public struct Reminder: Encodable, Sendable {
    /// YYYY-MM-DD.
    public var on: String
    public var daysBefore: Int
    /// The deadline it serves, and the level whose applicants it reminds.
    public var deadline: String
    public var level: String
}

public struct ConfigWarning: Encodable, Sendable {
    public var message: String
    public var levels: [String]
}

public struct MissingValue: Encodable, Sendable {
    /// The configuration field that stays empty: "levels[0].effectiveDeadline", "submission.opens" …
    public var field: String
    public var why: String
}

/// A recommending unit of the campaign's 名录.
public struct DirectoryUnit: Encodable, Sendable {
    /// 16 hex digits: of the campaign id and the unit's name the first year the campaign lists it, kept
    /// when a later year lists it again or renamed (matched as `gongwen diff` matches renamed units).
    public var id: String
    public var name: String
    /// Names this unit had in earlier years' lists, the most recent first ("山西省经济和信息化厅").
    public var formerNames: [String]
    @Nullable public var region: String?
    public var kind: DirectoryEntry.Kind
    public var source: ConfigSource
}

/// `gongwen config --series`: every campaign's configurations, year by year, and what changed between
/// successive years.
public struct ConfigurationSeries: Encodable, Sendable {
    public var schemaVersion = "1.0"
    public var campaigns: [CampaignYears]
}

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

public struct PostalAddress: Encodable, Sendable {
    public var address: String
    @Nullable public var postcode: String?
    /// The recipient the contact names: its department, or its people.
    @Nullable public var recipient: String?
    public var source: ConfigSource
}
