/// The header fields of a notice, each traced to where it was read.
package struct HeaderFields: Sendable {
    package var docNumber: DocNumber?
    package var issuer: Issuer
    package var title: String?
    package var addressees: [(name: String, span: SourceSpan)]
    package var signedOn: (date: String, span: SourceSpan)?
    /// When the page that carried the notice published it (发布时间, 发布日期): never the date of signing.
    package var publishedOn: (date: String, span: SourceSpan)?
    package var campaignYear: Int?
}

/// Pure functions from a segmented notice to its header fields.
package enum HeaderFieldExtractor {
    /// (`bodySentences`: the sentences of the body, which the other readers cut too: the issuer is
    /// looked for in them when nothing else names it.)
    package static func extract(_ notice: SegmentedNotice, bodySentences: [Sentence]) -> HeaderFields {
        let metadata = SiteFurniture.fields(in: notice.furniture.filter { $0.furniture == .metadata })
        let lead = notice.title.isEmpty ? notice.preamble.lazy.compactMap { RepostLead.read($0.line) }.first : nil
        let docNumber =
            notice.docNumber.flatMap { DocNumberScanner.headerLine($0.line) }
            ?? notice.title.lazy.compactMap { titleDocNumber($0.line) }.first
            ?? metadata.lazy.filter { ["文号", "发文字号"].containsExactly($0.label) }.compactMap {
                DocNumberScanner.wholeLine($0.value)
            }.first
            ?? lead?.docNumber
        var title =
            notice.title.isEmpty
            ? nil : notice.title.compactMap { TitleShape.titleText($0.line)?.text ?? $0.text }.joined()
        if title == nil { title = lead?.title.text }
        var signedOn = notice.date.flatMap { line -> (String, SourceSpan)? in
            guard let date = DateScanner.signingDate(line.line), let iso = date.iso else { return nil }
            return (iso, line.line.span(date.range))
        }
        if signedOn == nil, let written = metadata.first(where: { ["成文日期"].containsExactly($0.label) })?.value {
            signedOn = metadataDate(written)
        }
        let published =
            metadata.filter { ["发布时间", "发布日期", "更新时间", "发表时间", "发布", "时间", "日期"].containsExactly($0.label) }.map(
                \.value)
            + notice.furniture.filter { $0.furniture == .timestamp }.map(\.line)
        let publishedOn = published.lazy.compactMap { metadataDate($0) }.first
        return HeaderFields(
            docNumber: docNumber,
            issuer: issuer(notice, metadata: metadata, lead: lead?.issuer, bodySentences: bodySentences),
            title: title,
            addressees: notice.addressee.map { addressees($0.line) } ?? [],
            signedOn: signedOn,
            publishedOn: publishedOn,
            campaignYear: campaignYear(
                title: notice.title, docNumber: docNumber, signedOn: signedOn?.0 ?? publishedOn?.0)
        )
    }

    /// The document number written on the title line, before or after the title.
    static func titleDocNumber(_ line: TextLine) -> DocNumber? {
        let text = line.trimmed()
        guard let match = DocNumberScanner.matches(in: text).first,
            match.range.lowerBound <= 1 || match.range.upperBound == text.count
        else { return nil }
        return match.docNumber(in: text)
    }

    /// A date in a metadata block or a publication line: "2023-02-08", "2023年2月8日", "2016/12/2 15:47".
    static func metadataDate(_ value: TextLine) -> (String, SourceSpan)? {
        if let date = DateScanner.firstDate(in: value), let iso = date.iso { return (iso, value.span(date.range)) }
        guard let (year, month, day) = firstThreeNumbers(in: value), (1949...2199).contains(year),
            (1...12).contains(month), (1...31).contains(day), let span = value.span
        else { return nil }
        return (ISODate.string(year: year, month: month, day: day), span)
    }

    /// The first three runs of ASCII digits of `value` read as numbers (0 for one too long for an `Int`), or nil
    /// when it holds fewer: read along the line up to the third, not split into an array of every run.
    static func firstThreeNumbers(in value: TextLine) -> (Int, Int, Int)? {
        let s = value.scalars
        var numbers = (0, 0, 0)
        var found = 0
        var i = 0
        while found < 3, i < s.count {
            guard s[i].isASCIIDigit else {
                i += 1
                continue
            }
            let start = i
            while i < s.count, s[i].isASCIIDigit { i += 1 }
            let number = Numerals.decimal(s[start..<i]) ?? 0
            switch found {
            case 0: numbers.0 = number
            case 1: numbers.1 = number
            default: numbers.2 = number
            }
            found += 1
        }
        return found == 3 ? numbers : nil
    }

    /// The issuer, from the most to the least reliable source: the masthead ("中国质量协会文件" →
    /// 中国质量协会), the signature (or the name before the date on the date line), the name that
    /// opens the title ("福建省工业和信息化厅关于…"), a government site's metadata (发文机关, 发布机构),
    /// the page's 来源 line, a reposting site's lead ("…，某部办公厅发布关于…的通知"), and last the body
    /// the notice sends materials to (see ReportingTarget), which a diagnostic then names.
    /// Of several names side by side, the first.
    static func issuer(
        _ notice: SegmentedNotice, metadata: [(label: String, value: TextLine)], lead: TextLine?,
        bodySentences: [Sentence]
    ) -> Issuer {
        func named(_ text: TextLine) -> Issuer? {
            let trimmed = text.trimmed()
            let name = OrganizationName.names(in: trimmed).first ?? (OrganizationName.isShaped(trimmed) ? trimmed : nil)
            return name.map { Issuer(name: $0.text, level: IssuerLevels.level(of: $0.text), span: $0.span) }
        }
        if let masthead = notice.masthead {
            var line = masthead.line.trimmed()
            if line.hasSuffix("文件") { line = line[0..<(line.count - 2)] }
            if let issuer = named(line) { return issuer }
        }
        if let signature = notice.signature, let issuer = named(signature.line) { return issuer }
        if let line = notice.date?.line, let date = DateScanner.signingDate(line), date.range.lowerBound > 0,
            let issuer = named(line[0..<date.range.lowerBound])
        {
            return issuer
        }
        for line in notice.title.map(\.line) {
            let cut = ["关于", "转发"].compactMap { line.firstIndex(of: $0) }.min() ?? line.count
            if let issuer = named(line[0..<cut]) { return issuer }
        }
        for labels in [["发文机关", "发文单位", "发布机构", "发布单位"], ["来源", "信息来源", "文章来源"]] {
            for field in metadata where labels.containsExactly(field.label) {
                if let issuer = named(field.value) { return issuer }
            }
        }
        if let lead, let issuer = named(lead) { return issuer }
        if let target = ReportingTarget.issuer(in: bodySentences) {
            return Issuer(
                name: target.text, level: IssuerLevels.level(of: target.text), span: target.span,
                inferredFromRecipient: true)
        }
        return Issuer(name: nil, level: .other, span: nil)
    }

    static let addresseeSplit = TextLine.Separators(ScalarSet(of: "、，,；;"))

    /// Splits the addressee line where 、 or ， separate bodies, never inside brackets, and keeps
    /// together places that share one head noun: "各省辖市、济源示范区、…工业和信息化主管部门" is one
    /// addressee, "各市工业和信息化局，有关企业" two.
    package static func addressees(_ line: TextLine) -> [(name: String, span: SourceSpan)] {
        var text = line.trimmed()
        if let last = text.scalars.last, last == "：" || last == ":" { text = text[0..<(text.count - 1)] }
        let parts = text.ranges(separatedBy: addresseeSplit)

        var result: [(name: String, span: SourceSpan)] = []
        var pendingStart: Int?
        var groupOpensWithEach = false  // the group of names opened with 各 ("each")
        var starts: [Int] = []  // where each addressee in `result` begins
        for part in parts {
            let words = text[part].trimmed()
            // "各有关协会、单位、个人", "各市（区）质监局、市场监管局": after 各, short common nouns joined
            // by 、 share its 各 and stay one addressee. (Commas still separate addressees.)
            let separator = part.lowerBound > 0 ? text.scalars[part.lowerBound - 1] : nil
            if separator == "、", groupOpensWithEach, pendingStart == nil, words.count <= 5, !words.hasPrefix("各"),
                !result.isEmpty, let start = starts.last
            {
                let range = start..<part.upperBound
                result[result.count - 1] = (text[range].text, text.span(range))
                continue
            }
            if separator != "、" { groupOpensWithEach = words.hasPrefix("各") }
            if names(words) {
                let from = pendingStart ?? part.lowerBound
                let range = from..<part.upperBound
                result.append((text[range].text, text.span(range)))
                starts.append(from)
                pendingStart = nil
            } else if pendingStart == nil {
                pendingStart = part.lowerBound
            }
        }
        if let pendingStart {  // places with no body after them: keep them as they are
            let range = pendingStart..<text.count
            result.append((text[range].text, text.span(range)))
        }
        return result
    }

    /// Whether words name a body that can receive a notice (it ends like an organisation or a
    /// group of them), rather than a place ("济源示范区") that shares the next part's head noun.
    static func names(_ words: TextLine) -> Bool {
        bodyEndings.endsAny(words)
    }

    /// How the name of a body or of a group of them ends: the groups' endings, and the organisations'
    /// but 处 and 室. (One list, its last scalars looked up first: it was asked word by word, for each part.)
    static let bodyEndings = SuffixList(
        ["单位", "组织", "企业", "部门", "机构", "机关", "团体", "个人", "会员"]
            + OrganizationName.suffixes.filter { $0 != "处" && $0 != "室" })

    /// The year the notice is about: the year its title names ("关于开展2023年…"), else its document
    /// number's year, else the year it was signed (or, unsigned, published).
    static func campaignYear(title: [NormalizedLine], docNumber: DocNumber?, signedOn: String?) -> Int? {
        for line in title {
            let s = line.line.scalars
            var i = 0
            while i + 4 < s.count {
                if s[i...(i + 3)].allSatisfy(\.isASCIIDigit), s[i + 4] == "年", i == 0 || !s[i - 1].isASCIIDigit,
                    let year = Numerals.decimal(s[i...(i + 3)]), (1949...2199).contains(year)
                {
                    return year
                }
                i += 1
            }
        }
        if let docNumber { return docNumber.year }
        return signedOn.flatMap { Int($0.prefix(4)) }
    }
}
