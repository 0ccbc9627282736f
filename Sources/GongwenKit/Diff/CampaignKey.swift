/// What makes notices one series: the same organizer running the same campaign, year after year.
public struct CampaignKey: Hashable, Sendable, Encodable {
    public var organizer: String
    public var campaign: String

    /// The key of a record: its issuer, and its title with the year, the issuer's own name, the
    /// opening verb ("关于开展", "关于做好…工作") and the closing "的通知" taken away. Nil when the
    /// record has no issuer or no title (it cannot be placed in a series).
    public static func of(_ record: NoticeRecord) -> CampaignKey? {
        guard let issuer = record.issuer.name, let title = record.title else { return nil }
        let campaign = campaignName(title: title, issuer: issuer)
        return campaign.isEmpty ? nil : CampaignKey(organizer: issuer, campaign: campaign)
    }

    static func campaignName(title: String, issuer: String) -> String {
        var text = String(scalars: TextDiff.canonical(title))
        if text.hasPrefix(issuer) { text.removeFirst(issuer.count) }
        if text.hasPrefix("关于") { text.removeFirst(2) }
        for verb in ["组织开展", "开展", "做好", "举办", "组织", "启动"] where text.hasPrefix(verb) {
            text.removeFirst(verb.count)
            break
        }
        for suffix in ["的通知", "通知"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        if text.hasSuffix("工作") && text.count > 2 { text.removeLast(2) }
        // The year: "2022年", "2022年度".
        var scalars = Array(text.unicodeScalars)
        var i = 0
        while i + 4 < scalars.count {
            if scalars[i..<(i + 4)].allSatisfy(\.isASCIIDigit), scalars[i + 4] == "年",
                i == 0 || !scalars[i - 1].isASCIIDigit
            {
                var end = i + 5
                if end < scalars.count, scalars[end] == "度" { end += 1 }
                scalars.removeSubrange(i..<end)
            } else {
                i += 1
            }
        }
        return String(scalars: scalars)
    }
}
