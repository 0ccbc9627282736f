/// Recommendation quotas: "择优推荐不超过1家", "可择优推荐3项经验", "可适度放宽至5项经验", and tiers
/// ("郑州市、洛阳市、新乡市不超过10个，其他省辖市、济源示范区不超过7个"). Copies of materials
/// ("一式三份") are not quotas.
package enum QuotaExtractor {
    static let units: ScalarSet = ["项", "家", "个", "名", "件", "户"]
    /// Words that put a limit on the number after them.
    static let limits = ["不超过", "不能超过", "不得超过", "不多于", "最多", "至多", "限报", "限推荐", "放宽至", "放宽到", "推荐"]
    static let limitList = WordList(limits)
    /// A sentence that sets a quota holds one of these; the others are passed over after one scan.
    static let quotaWords = WordList(["推荐", "名额", "放宽", "超过", "不多于", "限报", "不限"])
    /// "推荐数量不限", "名额不限", "不限名额": where the notice says it sets no limit (the first that
    /// stands in a sentence, in this order).
    static let unlimitedPhrases = WordList(["推荐数量不限", "申报数量不限", "推荐名额不限", "名额不限", "数量不限", "不限名额", "不限数量"])
    /// Where the named bodies end in a quota clause: the verb phrase that sets the limit. (Not the bare
    /// 推荐, which also stands inside the noun 推荐单位.)
    static let subjectStops = [
        "可择优推荐", "择优推荐", "可推荐", "可适度", "可放宽", "不超过", "不能超过", "不得超过", "不多于", "最多", "至多", "限报", "限推荐", "可",
    ]
    /// The stops found in one pass over a clause, where each was looked for in a pass of its own.
    static let subjectStopList = WordList(subjectStops)

    package static func extract(_ sentences: [Sentence]) -> [Quota] {
        var quotas: [Quota] = []
        let words = quotaWords  // (read once, not at each sentence: a constant's every read checks it was made)
        for index in sentences.indices
        where sentences[index].triggers.contains(.quotaWord) && words.occurs(in: sentences[index].line) {
            let sentence = sentences[index]
            let line = sentence.line
            if let range = unlimited(in: line) {
                quotas.append(
                    Quota(
                        max: nil, unlimited: true, unit: "", appliesTo: SentenceSubject.find(line).map { [$0] } ?? [],
                        condition: nil, text: sentence.quote(range), span: line.span(range)))
                continue
            }
            // The sentence's limits, read in one pass: one without any sets no quota, and its clauses are
            // not cut. (A limit word, its number and unit hold no clause punctuation: each lies in one clause.)
            let limited = limitedNumbers(in: line)
            guard !limited.isEmpty else { continue }
            let quotasBefore = quotas.count
            var pendingCondition: String?
            // Each clause as it is cut (at ，；： outside brackets), in no array of them.
            Sentences.forEachClause(of: line) { clause in
                let words = line[clause]
                guard let (number, numberRange) = limit(of: clause, among: limited) else {
                    if isCondition(words) { pendingCondition = conditionText(words) }
                    return
                }
                var appliesTo = subject(words, before: numberRange.lowerBound)
                if appliesTo.isEmpty, let subject = SentenceSubject.find(line) { appliesTo = [subject] }
                let condition = pendingCondition
                if condition != nil, appliesTo.isEmpty, let previous = quotas.last { appliesTo = previous.appliesTo }
                if appliesTo.isEmpty, condition == nil, quotas.count > quotasBefore, let previous = quotas.last {
                    appliesTo = previous.appliesTo
                }
                // A number of the clause and its unit (`range` in the clause) as a limit for the bodies named.
                func add(_ max: Int, at range: Range<Int>) {
                    let absolute = (clause.lowerBound + range.lowerBound)..<(clause.lowerBound + range.upperBound)
                    quotas.append(
                        Quota(
                            max: max, unit: String(line.scalars[absolute.upperBound - 1]), appliesTo: appliesTo,
                            condition: condition, text: sentence.quote(absolute), span: line.span(absolute)))
                }
                add(number, at: numberRange)
                // "分别不超过5个和3个": a second limit for the second of the things named.
                if let (second, secondRange) = pairedNumber(in: words, after: numberRange.upperBound) {
                    add(second, at: secondRange)
                }
                pendingCondition = nil
            }
        }
        return quotas
    }

    /// A number after a limit word and before a unit: which limit word (its index in `limits`), the
    /// number, and where the number and unit stand.
    typealias LimitedNumber = (word: Int, value: Int, range: Range<Int>)

    /// The limit of a clause, from its sentence's `limitedNumbers`: the first that lies in the clause (by
    /// the limit words' order, then left to right), its range counted from the clause's start.
    static func limit(of clause: Range<Int>, among limited: [LimitedNumber]) -> (Int, Range<Int>)? {
        guard let found = limited.first(where: { clause.contains($0.range.lowerBound) }) else { return nil }
        return (
            found.value, (found.range.lowerBound - clause.lowerBound)..<(found.range.upperBound - clause.lowerBound)
        )
    }

    /// Every number after a limit word and before a unit in `line` ("不超过 2 项" → 2, the range of "2项"):
    /// by the limit words' order in `limits`, then left to right, the order a clause's limit is chosen in.
    /// (Found in the line's order and sorted, in one array: a list of positions for each word was an
    /// array each.)
    static func limitedNumbers(in line: TextLine) -> [LimitedNumber] {
        let s = line.scalars
        var found: [LimitedNumber] = []
        limitList.forEachOccurrence(in: line) { at, word in
            if let counted = countedNumber(after: at + limitList.length(word), in: s) {
                found.append((word, counted.value, counted.range))
            }
        }
        found.sort { ($0.word, $0.range.lowerBound) < ($1.word, $1.range.lowerBound) }
        return found
    }

    /// The number and its unit that follow a limit word ending at `end`, spaces allowed around the number
    /// ("不超过 2 项" → 2, the range of "2项"); nil when no number of at least 1 and a unit follow.
    static func countedNumber(after end: Int, in s: Scalars) -> (value: Int, range: Range<Int>)? {
        var i = end
        while i < s.count, s[i].isLineSpace { i += 1 }
        let start = i
        while i < s.count, s[i].isASCIIDigit || ChineseNumerals.isNumeral(s[i]) { i += 1 }
        let numberEnd = i
        while i < s.count, s[i].isLineSpace { i += 1 }
        guard numberEnd > start, i < s.count, units.contains(s[i]), let value = Numerals.count(s[start..<numberEnd]),
            value > 0
        else { return nil }
        return (value, start..<(i + 1))
    }

    /// "推荐数量不限", "名额不限", "不限名额", "数量不限": where the notice says it sets no limit.
    static func unlimited(in line: TextLine) -> Range<Int>? {
        // Every phrase holds 不限: a sentence without it (most that set a quota) is not read for them.
        guard line.firstIndex(of: "不限") != nil else { return nil }
        let first = unlimitedPhrases.firstPositions(in: line)
        for index in unlimitedPhrases.words.indices {
            if let at = first[index] { return at..<(at + unlimitedPhrases.length(index)) }
        }
        return nil
    }

    /// The number after "和", "、" or "及" that pairs with the limit just read ("5个和3个" → 3).
    static func pairedNumber(in words: TextLine, after index: Int) -> (Int, Range<Int>)? {
        let s = words.scalars
        guard index < s.count, "和、及与".unicodeScalars.contains(s[index]) else { return nil }
        var i = index + 1
        while i < s.count, s[i].isLineSpace { i += 1 }
        let start = i
        while i < s.count, s[i].isASCIIDigit || ChineseNumerals.isNumeral(s[i]) { i += 1 }
        guard i > start, i < s.count, units.contains(s[i]),
            let value = Numerals.count(s[start..<i]),
            value > 0
        else { return nil }
        return (value, start..<(i + 1))
    }

    /// The bodies named before the limit in the same clause: "各县（市）区择优推荐…" → 各县（市）区;
    /// "郑州市、洛阳市、新乡市不超过10个" → the three cities.
    static func subject(_ words: TextLine, before index: Int) -> [String] {
        var end = index
        if let at = subjectStopList.firstPosition(in: words), at < end { end = at }
        var prefix = words[0..<end].trimmed()
        if let marker = OutlineMarker.parse(prefix) { prefix = prefix[marker.contentStart..<prefix.count] }
        if let please = prefix.firstIndex(of: "请") { prefix = prefix[(please + 1)..<prefix.count] }
        prefix = withoutVerbPhrase(prefix)
        guard !prefix.isEmpty, prefix.count <= 40, !prefix.hasPrefix("从"), !prefix.hasPrefix("在"),
            !prefix.hasPrefix("对")
        else { return [] }
        return splitNames(prefix)
    }

    /// The bodies without what the clause says of them: "原则上每个单位推荐" → 每个单位, "每个地市推荐数量" →
    /// 每个地市, "各地推荐企业数量原则上" → 各地, "…、中央管理企业各" (each) → …、中央管理企业, "每家中央企业申报的
    /// 优秀场景和示范工厂分别" → 每家中央企业. (推荐 as the noun's first word stays: 各推荐单位.)
    static func withoutVerbPhrase(_ words: TextLine) -> TextLine {
        var words = words
        if words.hasPrefix("原则上") { words = words[3..<words.count] }
        var from = 0
        while let at = words.firstIndex(of: "推荐", from: from) {
            if at > 0, !["单位", "机构", "组织"].contains(where: { words.hasPrefix($0, at: at + 2) }) {
                return words[0..<at].trimmed()
            }
            from = at + 1
        }
        // "X申报的Y": what body X puts forward; X is the body.
        if let at = words.firstIndex(of: "申报的"), at > 0 { return words[0..<at].trimmed() }
        // (Each tail asked whether the words end with it first: most end with none, and its length, counted
        // through the string's scalar view, is not needed.)
        for tail in subjectTails where words.hasSuffix(tail) {
            let length = tail.unicodeScalars.count
            if words.count > length { words = words[0..<(words.count - length)] }
        }
        return words.trimmed()
    }

    /// What a clause says after the bodies it names, taken off their end in this order.
    static let subjectTails = ["原则上", "数量", "名额", "分别", "各自", "均", "各"]

    private static let enumerationComma = TextLine.Separators(["、"])

    private static func splitNames(_ words: TextLine) -> [String] {
        words.ranges(separatedBy: enumerationComma).map { words[$0].text }
    }

    /// "对于开展过…的推荐单位", "本地区（行业）已开展了质量标杆活动的推荐单位": a clause that picks out
    /// some of the bodies.
    static func isCondition(_ words: TextLine) -> Bool {
        words.hasPrefix("对于") || words.hasPrefix("凡") || words.hasPrefix("如")
            || (words.contains("的") && ["单位", "企业", "地区", "部门"].contains(where: { words.hasSuffix($0) }))
    }

    static func conditionText(_ words: TextLine) -> String {
        var text = words.trimmed()
        for lead in ["对于", "凡是", "凡"] where text.hasPrefix(lead) {
            text = text[lead.unicodeScalars.count..<text.count]
            break
        }
        return text.text
    }
}
