/// The sentence a reposting site puts above a notice it copies: "7月26日，工业和信息化部办公厅发布关于
/// 组织开展…工作的通知（工信厅政法函〔2023〕199号），全文如下：". It names the issuer, the title and the
/// document number that the copy itself may have lost.
struct RepostLead {
    var issuer: TextLine?
    var title: TextLine
    var docNumber: DocNumber?

    /// Verbs between the issuer's name and the title.
    static let verbs = ["印发", "发布", "下发", "发出", "出台", "公布"]

    /// The document-type words a title ends with, for finding them at a position.
    static let endingList = WordList(TitleShape.endings)
    /// What follows the end of a title in a lead: a bracket, a comma, a colon, a closing 》.
    static let titleFollowers = ScalarSet(of: "（(，,。：:》")

    static func read(_ line: TextLine) -> RepostLead? {
        guard let about = line.firstIndex(of: "关于") else { return nil }
        // The title ends at the first document-type word after 关于 that a bracket, a comma or the
        // end of the line follows. (Tried through the endings' word list: a position that begins none
        // is passed over with one bit test, where each ending was compared there.)
        let endings = endingList
        var titleEnd: Int?
        var k = about + 2
        while k < line.count, titleEnd == nil {
            titleEnd = endings.firstMatch(at: k, in: line) { ending in
                let after = k + endings.length(ending)
                return after == line.count || titleFollowers.contains(line.scalars[after]) ? after : nil
            }
            k += 1
        }
        guard let titleEnd else { return nil }
        let title = line[about..<titleEnd]
        let docNumber = DocNumberScanner.matches(in: line)
            .first { $0.range.lowerBound >= titleEnd && $0.range.lowerBound <= titleEnd + 1 }?.docNumber(in: line)
        // The issuer: the words between the last clause break and the verb before 关于.
        var issuerEnd = about
        for verb in verbs where line.hasSuffix(verb, before: about) {
            issuerEnd = about - verb.unicodeScalars.count
            break
        }
        var issuerStart = issuerEnd
        while issuerStart > 0, !"，,。：:；;）)".unicodeScalars.contains(line.scalars[issuerStart - 1]) { issuerStart -= 1 }
        let issuer = issuerEnd > issuerStart ? line[issuerStart..<issuerEnd].trimmed() : nil
        return RepostLead(issuer: issuer, title: title, docNumber: docNumber)
    }
}
