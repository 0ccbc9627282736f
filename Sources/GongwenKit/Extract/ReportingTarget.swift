/// The body a notice sends its recipients' materials or objections to: "于5月15日前向商务部报送",
/// "以书面形式反馈至工业和信息化部（规划司）". A notice that names its issuer nowhere else (a page
/// that lost the signature, a 公示 without one) was issued by that body; Gongwen takes it as the
/// issuer only then, and says so in a diagnostic.
enum ReportingTarget {
    /// Verbs after which the receiving body is named: "报送至X", "反馈至X", "报X".
    static let verbList = WordList(verbsBefore)
    static let verbsBefore = ["报送至", "报送到", "报送给", "反馈至", "反馈到", "反馈给", "提交至", "提交到", "报至", "报送", "报"]
    /// "向X报送", "向X提出", "向X反映": the body between 向 and these verbs.
    /// (Not 推荐: "向工业和信息化部推荐" is the issuer's own step towards its superior.)
    static let verbsAfter = ["报送", "提出", "反映", "提交", "申请", "反馈"]

    /// The body named most often, with where it was first named; only a body whose name says its
    /// level (a ministry, a province's or a city's department, an association), never "我厅" or "省局".
    static func issuer(in sentences: [Sentence]) -> TextLine? {
        var named: [(name: TextLine, count: Int)] = []  // in the order first named
        for sentence in sentences {
            // "我厅将…报工业和信息化部": where the issuer itself sends things, the body is its superior.
            // (The words looked for in one pass, not a pass a word.)
            if SentenceSubject.selfReferenceList.occurs(in: sentence.line) { continue }
            for name in targets(in: sentence.line) {
                if let k = named.firstIndex(where: { $0.name.text == name.text }) {
                    named[k].count += 1
                } else {
                    named.append((name, 1))
                }
            }
        }
        return named.max { $0.count < $1.count }?.name
    }

    static func targets(in line: TextLine) -> [TextLine] {
        var found: [TextLine] = []
        let verbs = verbList  // (read once, not at each position: a constant's every read checks it was made)
        var i = 0
        while i < line.count {
            if line.scalars[i] == "向", let name = name(in: line, from: i + 1, endingBefore: verbsAfter) {
                found.append(name)
            } else if verbs.mayBegin(with: line.scalars[i]), let verb = verbs.firstMatch(at: i, in: line),
                let name = name(in: line, from: i + verbs.length(verb), endingBefore: nil)
            {
                found.append(name)
                i += verbs.length(verb)
                continue
            }
            i += 1
        }
        return found
    }

    /// The Han run at `from` (up to a bracket, punctuation or, when given, one of `stops`), when it
    /// names a body of a known level.
    private static func name(in line: TextLine, from start: Int, endingBefore stops: [String]?) -> TextLine? {
        var end = start
        while end < line.count, end - start <= 20, line.scalars[end].isHan {
            if let stops, stops.contains(where: { line.hasPrefix($0, at: end) }) { break }
            end += 1
        }
        guard end - start >= 3 else { return nil }
        if let stops, !stops.contains(where: { line.hasPrefix($0, at: end) }) { return nil }
        let words = line[start..<end]
        guard OrganizationName.isShaped(words), !words.hasPrefix("我"), !words.hasPrefix("本"), !words.hasPrefix("各")
        else { return nil }
        return IssuerLevels.level(of: words.text) == .other ? nil : words
    }
}
