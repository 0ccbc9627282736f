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
