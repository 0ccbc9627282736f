/// The header of a notice as real pages lay it out: between the first line and the addressee
/// (主送机关) stand the masthead, the document number and the title, and on pages copied from the web
/// also a site's column names ("政策文件", "通知公告"), a repeated title or a reposting site's lead
/// ("7月26日，某部发布关于…的通知（…号），全文如下："). The addressee anchors the header; without
/// one, the title does.
struct HeaderZone {
    var masthead: NormalizedLine?
    var docNumber: NormalizedLine?
    var title: [NormalizedLine] = []
    var addressee: NormalizedLine?
    /// Lines of the header that are none of the elements: set aside, never read as the body.
    var preamble: [NormalizedLine] = []
    /// Where the body begins.
    var end: Int
    /// The rest of a line that opened with the addressee ("各有关单位：根据…"): the body's first line.
    var bodyHead: NormalizedLine?

    /// How far down an addressee or a title is looked for.
    static let depth = 16

    static func read(_ lines: ArraySlice<NormalizedLine>, from start: Int, end: Int) -> HeaderZone {
        // The body begins at the first numbered item or sentence; the header is above it.
        var anchor: Int?
        var bodyStart = start
        while bodyStart < end, bodyStart < start + depth {
            let line = lines[bodyStart]
            if Segmenter.isAddressee(line) {
                anchor = bodyStart
                break
            }
            if isBodyLike(line) { break }
            bodyStart += 1
        }
        let zoneEnd = anchor ?? bodyStart
        var zone = HeaderZone(end: start)

        // The title: the last line in the zone that ends in a document type, with the lines above it
        // that begin it ("…办公室关于" + "组织填报…的通知").
        var titleRange: Range<Int>?
        for k in stride(from: zoneEnd - 1, through: start, by: -1) where isTitleEnd(lines[k]) {
            var first = k
            while first > start, continuesTitle(lines[first - 1], into: lines[first], atEnd: lines[k]) { first -= 1 }
            titleRange = first..<(k + 1)
            break
        }
        if titleRange == nil, let anchor, anchor > start, isBareTitle(lines[anchor - 1]) {
            titleRange = (anchor - 1)..<anchor  // a title without a document-type word, right above the addressee
        }
        if let titleRange { zone.title = Array(lines[titleRange]) }

        var lastPlaced = start - 1
        var preamble: [Int] = []
        for k in start..<zoneEnd {
            if let titleRange, titleRange.contains(k) {
                lastPlaced = k
                continue
            }
            let line = lines[k]
            if zone.docNumber == nil, DocNumberScanner.headerLine(line.line) != nil {
                zone.docNumber = line
                lastPlaced = k
            } else if zone.masthead == nil, titleRange.map({ k < $0.lowerBound }) ?? true, isMastheadShaped(line) {
                zone.masthead = line
                lastPlaced = k
            } else if zone.masthead == nil, zone.docNumber == nil, let (masthead, number) = mastheadAndNumber(line) {
                zone.masthead = masthead  // "中国质量协会文件 中国质协字〔2023〕71号" on one line
                zone.docNumber = number
                lastPlaced = k
            } else {
                preamble.append(k)
            }
        }
        if let anchor {
            zone.addressee = lines[anchor]
            zone.end = anchor + 1
        } else if bodyStart < end, let (addressee, rest) = inlineAddressee(lines[bodyStart]) {
            zone.addressee = addressee
            zone.bodyHead = rest
            zone.end = bodyStart + 1
        } else {
            // Without an addressee, what follows the last element belongs to the body.
            preamble = preamble.filter { $0 < lastPlaced }
            zone.end = lastPlaced + 1
        }
        zone.preamble = preamble.map { lines[$0] }
        return exchange(&zone, with: HeaderZone(end: start))  // (`return zone` copied the zone and let it go)
    }

    /// A line that opens with the addressee and goes on with the body, as pages that lose line
    /// breaks set it: "各有关单位：根据《…》…". The addressee (with its colon) and the rest.
    static func inlineAddressee(_ line: NormalizedLine) -> (NormalizedLine, NormalizedLine)? {
        let text = line.line
        guard let colon = text.scalars.prefix(60).firstIndex(where: { $0 == "：" || $0 == ":" }), colon >= 2 else {
            return nil
        }
        var restStart = colon + 1
        while restStart < text.count, text.scalars[restStart].isLineSpace { restStart += 1 }
        guard restStart < text.count else { return nil }
        var head = line
        head.line = text[0..<(colon + 1)]
        guard Segmenter.isAddressee(head) else { return nil }
        var rest = line
        rest.line = text[restStart..<text.count]
        return (head, rest)
    }

    /// A masthead and the document number set on one line, split into the two elements.
    /// (Split where the input had a space: the spacing of CJK text is gone by now.)
    static func mastheadAndNumber(_ line: NormalizedLine) -> (NormalizedLine, NormalizedLine)? {
        let text = line.line.trimmed()
        guard text.count <= 80, text.hasSuffix("号") else { return nil }
        for cut in 1..<text.count where text.hadGap(before: cut) || text.scalars[cut - 1].isLineSpace {
            guard DocNumberScanner.wholeLine(text[cut..<text.count]) != nil else { continue }
            var masthead = line
            var docNumber = line
            masthead.line = text[0..<cut].trimmed()
            docNumber.line = text[cut..<text.count].trimmed()
            if !masthead.line.isEmpty, isMastheadShaped(masthead) { return (masthead, docNumber) }
        }
        return nil
    }

    /// A line of the body: a numbered item, or a sentence.
    static func isBodyLike(_ line: NormalizedLine) -> Bool {
        if OutlineMarker.parse(line.line) != nil, line.markdownHeadingLevel == nil { return true }
        return line.line.scalars.contains("。")
    }

    /// A line that ends in a document type ("…的通知"), perhaps with the document number before or
    /// after it, or a site's name after it ("…的通知-某某网").
    static func isTitleEnd(_ line: NormalizedLine) -> Bool {
        guard !line.isTableRow else { return false }
        return TitleShape.titleText(line.line) != nil
    }

    /// Whether `line` begins the title that `next` goes on with: "…办公室关于" above "组织填报…的通知",
    /// "关于组织申报2022年度" above "…平台的通知", or the issuer's name above "关于…的通知".
    static func continuesTitle(_ line: NormalizedLine, into next: NormalizedLine, atEnd end: NormalizedLine) -> Bool {
        let text = line.line
        guard line.markdownHeadingLevel == next.markdownHeadingLevel, text.count <= 40, !isTitleEnd(line),
            DocNumberScanner.headerLine(text) == nil, !Reflow.endsClosed(text),
            !text.scalars.contains(where: ScalarSet.clausePunctuation.contains)
        else { return false }
        if text.hasSuffix("关于") || text.hasSuffix("转发") { return true }
        if text.hasPrefix("关于") && !next.line.contains("关于") { return true }
        if OrganizationName.isShaped(text), next.line.hasPrefix("关于") || next.line.hasPrefix("转发") {
            // The issuer's name opens the title, unless it is set apart as the masthead ("…文件").
            return !text.hasSuffix("文件")
        }
        return text.contains("关于") && !end.line.contains("关于")
    }

    /// What ends a sentence or a label, and so no bare title holds.
    static let sentenceOrLabelEnds = ScalarSet(of: "。；;：:")

    /// A title without a document-type word: short, one line, not a sentence.
    static func isBareTitle(_ line: NormalizedLine) -> Bool {
        let text = line.line
        guard text.count >= 4, text.count <= 60, !line.isTableRow, OutlineMarker.parse(text) == nil else {
            return false
        }
        if DocNumberScanner.headerLine(text) != nil || isMastheadShaped(line) { return false }
        let stops = sentenceOrLabelEnds  // (read once, not at each scalar)
        return !text.scalars.contains(where: stops.contains)
    }

    /// "中国质量协会文件", "河南省工业和信息化厅办公室", or several issuers side by side.
    static func isMastheadShaped(_ line: NormalizedLine) -> Bool {
        let text = line.line.trimmed()
        guard text.count <= 60, !text.scalars.contains(where: ScalarSet.clausePunctuation.contains) else {
            return false
        }
        if text.hasSuffix("文件") && text.count > 2 { return OrganizationName.isShaped(text[0..<(text.count - 2)]) }
        return OrganizationName.isShaped(text) || OrganizationName.names(in: text).count >= 2
    }
}
