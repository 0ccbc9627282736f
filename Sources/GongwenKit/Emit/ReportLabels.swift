/// The words a report uses around the notices' own: area and kind names, headings, notes; and the change
/// subjects the diff builds in English ("申报 due date", "unit of 山西省"), said again in Chinese.
struct ReportLabels {
    var language: ReportLanguage

    /// The terminal and Markdown reports' words.
    static let english = ReportLabels(language: .en)

    private func say(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    func area(_ area: Change.Area) -> String {
        switch area {
        case .header: return say("文头", "Header")
        case .deadlines: return say("截止时间", "Deadlines")
        case .schedule: return say("工作安排", "Schedule")
        case .quotas: return say("名额", "Quotas")
        case .focusAreas: return say("重点领域", "Focus areas")
        case .eligibility: return say("申报条件", "Eligibility")
        case .sections: return say("章节", "Sections")
        case .directory: return say("推荐单位名录", "Unit directory")
        case .contacts: return say("联系方式", "Contacts")
        case .submission: return say("材料与报送", "Materials and channels")
        case .citations: return say("引用文件", "Citations")
        }
    }

    func kind(_ kind: Change.Kind) -> String {
        guard language == .zh else { return kind.rawValue }
        switch kind {
        case .unchanged: return "未变"
        case .changed: return "变更"
        case .reworded: return "改写"
        case .moved: return "移位"
        case .renamed: return "更名"
        case .added: return "新增"
        case .removed: return "删除"
        }
    }

    /// A change's subject in the report's language: the diff names subjects in English around the
    /// notice's words ("申报 due date", "quota of 各推荐单位", "unit of 山西省", "section 一、").
    func subject(_ subject: String) -> String {
        guard language == .zh else { return subject }
        if let zh = Self.subjects[subject] { return zh }
        if subject.hasSuffix(" due date") { return String(subject.dropLast(" due date".count)) + "截止日期" }
        if subject.hasPrefix("section ") { return "章节 " + subject.dropFirst("section ".count) }
        if subject.hasPrefix("unit of ") { return subject.dropFirst("unit of ".count) + "的单位" }
        if subject.hasPrefix("quota of each body") { return "每单位名额" + subject.dropFirst("quota of each body".count) }
        if subject.hasPrefix("quota of ") { return subject.dropFirst("quota of ".count) + "名额" }
        return subject
    }

    static let subjects: [String: String] = [
        "due date": "截止日期", "section": "章节", "unit": "单位", "issuer": "发文机关", "addressees": "主送机关",
        "contact person": "联系人", "phone": "电话", "e-mail": "电子邮箱", "postcode": "邮编",
        "contact department": "联系部门", "address": "地址", "cited document": "引用文件", "channel": "报送渠道",
        "file format": "文件格式", "materials": "材料", "naming rule": "命名规则",
    ]

    var reportTitle: String { say("通知对比", "Diff") }
    var seriesTitle: String { say("通知系列对比", "Notice series") }
    var summaryOfChanges: String { say("变更摘要", "Summary of changes") }
    var noticesColumn: String { say("通知", "Notices") }
    var areaColumn: String { say("领域", "Area") }
    var relay: String { say("转发", "Relay") }
    func forwards(_ relay: String, _ target: String) -> String {
        say("\(relay) 转发 \(target)", "\(relay) forwards \(target)")
    }
    func missing(_ year: Int) -> String { say("缺少 \(year) 年的通知。", "Missing \(year).") }
    var citedByNone: String { say("语料中没有通知引用它。", "No notice in the corpus cites it.") }
    var citedBy: String { say("引用它的通知：", "Cited by ") }
    var notInSeries: String { say("未归入任何系列", "Not in any series") }
    var readOnce: String { say("重复的通知（只读一次）", "Read once (the same notice found again)") }
    var sameAs: String { say("与以下相同：", "the same as") }
    var note: String { say("说明。", "Note.") }
    func changes(_ count: Int) -> String { say("\(count) 项变更", "\(count) change\(count == 1 ? "" : "s")") }
    func unchanged(_ count: Int) -> String { say("\(count) 项未变", "\(count) unchanged") }
    var similarity: String { say("相似度", "similarity") }
    var placeTitle: String { say("原文中的行:列", "line:column in the input") }
    var oldSide: String { say("旧", "old") }
    var newSide: String { say("新", "new") }
    var unchangedNotPrinted: String { say("未变的项目不打印。", "Unchanged items are not printed.") }
    func unplacedReason(_ reason: String) -> String {
        guard language == .zh else { return reason }
        switch reason {
        case "no issuer": return "没有发文机关"
        case "no title": return "没有标题"
        case "no campaign year": return "没有活动年份"
        default: return reason
        }
    }

    func provenance(_ provenance: ReportProvenance) -> String {
        say(
            "由 Gongwen \(provenance.version) 于 \(provenance.generatedAt) 生成；输入：\(provenance.inputs.joined(separator: "、"))",
            "Made by Gongwen \(provenance.version) on \(provenance.generatedAt) from \(provenance.inputs.joined(separator: ", "))"
        )
    }
}
