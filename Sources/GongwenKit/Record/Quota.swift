/// How many candidates a body may put forward.
public struct Quota: Encodable, Sendable, Equatable {
    /// The most that may be put forward; nil when the notice sets no limit ("推荐数量不限").
    @Nullable public var max: Int?
    /// "推荐数量不限", "名额不限": the notice says there is no limit (which is not a limit of zero).
    public var unlimited: Bool = false
    /// 项, 家, 个 …
    public var unit: String
    /// The bodies the limit applies to ("郑州市", "洛阳市", "新乡市"); empty when the text names none.
    public var appliesTo: [String]
    /// When the limit applies only to some: "本地区（行业）已开展了质量标杆活动的推荐单位".
    @Nullable public var condition: String?
    public var text: String
    /// The number and its unit in the input.
    public var span: SourceSpan
}
