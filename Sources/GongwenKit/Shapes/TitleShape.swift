/// The shape of a document's title ("关于开展2023年质量标杆遴选活动的通知"): what the normalizer must know
/// not to join a title to the line after it, the segmenter to find the title, and the extractors to read it.
enum TitleShape {
    /// Words that end a document title: a line ending with one is complete.
    static let endings = [
        "通知", "意见", "决定", "办法", "方案", "通报", "公告", "通告", "报告", "请示", "批复",
        "纪要", "规定", "细则", "名录", "名单", "说明", "流程", "指南", "函", "公示",
    ]

    static let endingList = SuffixList(endings)

    /// What stands between a page's title and the site's name after it: "…的通知-某某网".
    static let siteNameSeparators = ScalarSet(of: "-_|｜–—")

    /// The title words of a title line: without a document number in front or behind, and without
    /// a site's suffix.
    static func titleText(_ line: TextLine) -> TextLine? {
        let text = withoutDocNumber(line)
        if endsWithDocumentType(text) { return text }
        // "…的通知-k8某某", "…的通知_某某网": a page title with the site's name after it.
        // Only an ending right before a separator can end the title there: a line whose separators are a
        // date's or a telephone number's has none and is left at once (each of the 21 endings was looked
        // for from its end, 2,900 instructions a line).
        var endingBeforeSeparator = false
        for at in 1..<max(text.count, 1) where siteNameSeparators.contains(text.scalars[at]) {
            if endingList.endsAny(text, before: at) {
                endingBeforeSeparator = true
                break
            }
        }
        guard endingBeforeSeparator else { return nil }
        for ending in endings {
            guard let at = text.lastIndex(of: ending) else { continue }
            let after = at + ending.unicodeScalars.count
            if after < text.count, siteNameSeparators.contains(text.scalars[after]),
                endsWithDocumentType(text[0..<after])
            {
                return text[0..<after]
            }
        }
        return nil
    }

    /// The line trimmed, without a document number in front of it or at its end.
    static func withoutDocNumber(_ line: TextLine) -> TextLine {
        let text = line.trimmed()
        guard let number = DocNumberScanner.matches(in: text).first else { return text }
        if number.range.lowerBound <= 1 {
            var from = number.range.upperBound
            while from < text.count,
                text.scalars[from] == ")" || text.scalars[from] == "）" || text.scalars[from].isLineSpace
            { from += 1 }
            return text[from..<text.count]
        }
        return number.range.upperBound == text.count ? text[0..<number.range.lowerBound].trimmed() : text
    }

    /// A line that ends in a document type (通知, 意见, 办法 …), perhaps inside 《》 or before a
    /// bracketed note, and is no sentence.
    static func endsWithDocumentType(_ line: TextLine) -> Bool {
        // (The title's end is found as an index, not by cutting the line: a copy or a cut of it is
        // retained and released.)
        let s = line.scalars
        var end = line.count
        // "关于转发《…的通知》的通知" ends in 通知; "转发…《…的通知》" ends in the forwarded title.
        if end > 1, s[end - 1] == "》" { end -= 1 }
        // A title may end with a bracketed note: "…的通知（试行）".
        if end > 0, s[end - 1] == "）" || s[end - 1] == ")",
            let open = s[..<end].lastIndex(where: { $0 == "（" || $0 == "(" })
        {
            end = open
        }
        return end >= 4 && endingList.endsAny(line, before: end) && !s[..<end].contains("。")
    }
}
