/// The third stage: logical lines to the elements of an official document (GB/T 9704-2012).
///
/// Reading order: 发文机关标志, 发文字号, 标题 (one or more lines ending in a document type such as
/// 通知), 主送机关 (a line ending in "："), then 正文 until the first element of the closing part:
/// 附件说明 ("附件：…"), 发文机关署名 (a name right above the date), 成文日期 (a line that is only a
/// date), or an appended attachment ("附件 2"). What follows the closing part is appended
/// attachments; an attachment that is itself a notice — the forwarded one — is segmented the same
/// way, recursively.
package enum Segmenter {
    /// How deep forwarded notices may nest before the rest is kept as plain sections.
    static let maximumNesting = 8

    /// Site furniture is set aside first: it is kept in `furniture`, never read as the notice.
    package static func segment(_ document: consuming NormalizedDocument) -> SegmentedNotice {
        // Without furniture (most text files) the lines are read where they are, not copied; with it,
        // each part is copied once at its size.
        let furnitureCount = document.lines.count { $0.furniture != nil }
        guard furnitureCount > 0 else { return segment(document.lines[...], depth: 0) }
        var text: [NormalizedLine] = []
        var furniture: [NormalizedLine] = []
        text.reserveCapacity(document.lines.count - furnitureCount)
        furniture.reserveCapacity(furnitureCount)
        for line in document.lines {
            if line.furniture == nil { text.append(line) } else { furniture.append(line) }
        }
        _ = consume document  // the lines in their first order are let go before the notice is read
        var notice = segment(text[...], depth: 0)
        notice.furniture = furniture
        return notice
    }

    static func segment(_ lines: ArraySlice<NormalizedLine>, depth: Int) -> SegmentedNotice {
        var notice = SegmentedNotice()
        var i = lines.startIndex
        var end = lines.endIndex

        // 版记 closes the whole document, after any attachment: 印发 last, 抄送 above it.
        if end > i, isPrintingLine(lines[end - 1].line) {
            notice.printedBy = lines[end - 1]
            end -= 1
        }
        while end > i, isCopyToLine(lines[end - 1].line) {
            notice.copyTo.insert(lines[end - 1], at: 0)
            end -= 1
        }

        // 份号, 密级, 紧急程度, 签发人 above the masthead.
        while i < end, let mark = headerMark(lines[i].line) {
            notice.headerMarks.append((mark, lines[i]))
            i += 1
        }

        // 发文机关标志, 发文字号, 标题 and 主送机关, with what a web page puts among them.
        // (Its parts moved into the notice, not copied: each copy was retained here and released with the zone.)
        var header = HeaderZone.read(lines, from: i, end: end)
        notice.masthead = header.masthead.take()
        notice.docNumber = header.docNumber.take()
        notice.title = exchange(&header.title, with: [])
        notice.addressee = header.addressee.take()
        notice.preamble = exchange(&header.preamble, with: [])
        i = header.end

        // 正文: up to the closing part.
        var bodyEnd = i
        while bodyEnd < end, !startsClosingPart(lines, at: bodyEnd) { bodyEnd += 1 }
        var bodyLines = lines[i..<bodyEnd]
        if let head = header.bodyHead { bodyLines = ([head] + bodyLines)[...] }  // the rest of the addressee's line
        let outline = Outline.build(bodyLines)
        notice.body = outline.sections
        notice.notes += outline.notes
        i = bodyEnd

        // 附件说明, 署名, 成文日期, in the orders they come in; a bracketed note (附注) may stand among them.
        while i < end {
            let line = lines[i]
            if notice.attachmentNote.isEmpty,
                let entry = attachmentNoteStart(line.line, next: i + 1 < end ? lines[i + 1].line : nil)
            {
                notice.attachmentNote.append(line)
                if let entry { notice.attachmentNoteEntries += splitEntries(entry) }
                i += 1
                // "附件：1. …" continues with "2. …", "3. …" on lines of their own; a bare "附件：" with "1. …".
                while i < end {
                    let expected = (notice.attachmentNoteEntries.last?.index ?? 0) + 1
                    let next = lines[i].line
                    if let marker = OutlineMarker.parse(next, allowDigitAfter: true), marker.kind == .arabicEnumerated,
                        marker.number == expected
                    {
                        notice.attachmentNoteEntries += splitEntries(
                            AttachmentNoteEntry(index: marker.number, title: next[marker.contentStart..<next.count]))
                    } else if let numbered = numberedNoteEntry(next), numbered.index == expected, expected > 1,
                        notice.attachmentNote.count == notice.attachmentNoteEntries.count,
                        notice.attachmentNote.first.flatMap({ numberedNoteEntry($0.line) }) != nil
                    {
                        notice.attachmentNoteEntries.append(numbered)
                    } else {
                        break
                    }
                    notice.attachmentNote.append(lines[i])
                    i += 1
                }
            } else if notice.date == nil, DateScanner.signingDate(line.line) != nil {
                notice.date = line
                i += 1
            } else if notice.annotation == nil, isAnnotation(line.line),
                notice.date != nil || i + 1 < end && startsClosingPart(lines, at: i + 1)
            {
                notice.annotation = line
                i += 1
            } else if notice.date == nil, isSignatureShaped(line),
                i + 1 < end && DateScanner.signingDate(lines[i + 1].line) != nil
                    || isTrailingSignature(lines, at: i, end: end)
            {
                if notice.signature == nil { notice.signature = line } else { notice.jointSignatures.append(line) }
                i += 1
            } else {
                break
            }
        }

        // 附件, appended: announced by the 附件说明 or a 附件 marker, or a whole notice (forwarded).
        let rest = lines[i..<end]
        if rest.isEmpty || !notice.attachmentNote.isEmpty || appendixMarker(rest.first!.line) != nil
            || looksLikeNotice(rest)
        {
            notice.appendices = appendices(rest, expectedCount: notice.attachmentNoteEntries.count, depth: depth)
        } else {
            notice.unplaced = Array(rest)  // text after the end that nothing announces
        }
        // (Moved out, an empty notice left: `return notice` copied it, every list retained, and let it go.)
        return exchange(&notice, with: SegmentedNotice())
    }

    // MARK: - Appended attachments

    static func appendices(_ lines: ArraySlice<NormalizedLine>, expectedCount: Int, depth: Int) -> [Appendix] {
        guard !lines.isEmpty else { return [] }
        // Split where a marker carries the next expected index ("附件 1", "附件 2" …), or where a lone
        // "附件" opens the first one. Markers inside a forwarded notice keep their own numbering and
        // so stay inside it.
        var groups:
            [(marker: (line: NormalizedLine, index: Int?, inlineTitle: TextLine?)?, lines: ArraySlice<NormalizedLine>)] =
                []
        var currentStart = lines.startIndex
        var currentMarker: (line: NormalizedLine, index: Int?, inlineTitle: TextLine?)?
        var expected = 1
        for k in lines.indices {
            guard let marker = appendixMarker(lines[k].line) else { continue }
            let opensNext =
                marker.index == expected
                || (marker.index == nil && groups.isEmpty && currentMarker == nil && k == lines.startIndex)
            guard opensNext else { continue }
            if k > currentStart || currentMarker != nil {
                groups.append((currentMarker, lines[(currentMarker == nil ? currentStart : currentStart + 1)..<k]))
            }
            currentMarker = (lines[k], marker.index, marker.title)
            currentStart = k
            expected += 1
        }
        groups.append((currentMarker, lines[(currentMarker == nil ? currentStart : currentStart + 1)..<lines.endIndex]))

        return groups.map { group in
            var content = group.lines
            if depth < maximumNesting, looksLikeNotice(content) {
                return Appendix(
                    index: group.marker?.index, marker: group.marker?.line, title: nil, titleLine: nil,
                    content: .notice(segment(content, depth: depth + 1)))
            }
            var title = group.marker?.inlineTitle
            var titleLine: NormalizedLine?
            if title == nil, let first = content.first, isTitleShaped(first) {
                title = first.line
                titleLine = first
                content = content.dropFirst()
            }
            return Appendix(
                index: group.marker?.index, marker: group.marker?.line, title: title, titleLine: titleLine,
                content: .sections(Outline.build(content).sections))
        }
    }

    /// "附件", "附件 2", "附件2：推荐单位名录" on a line of their own. ("附件：1. …" is the 附件说明.)
    @inline(__always)
    static func appendixMarker(_ line: TextLine) -> (index: Int?, title: TextLine?)? {
        // (Asked of every line of the appendices: its first scalar is read where the line stands, inlined.
        // A line handed to the reading below was a copy, retained and released.)
        line.scalars.first == "附" ? readAppendixMarker(line) : nil
    }

    private static func readAppendixMarker(_ line: TextLine) -> (index: Int?, title: TextLine?)? {
        guard line.hasPrefix("附件") else { return nil }
        let s = line.scalars
        var i = 2
        while i < s.count, s[i].isLineSpace { i += 1 }
        let digitsStart = i
        while i < s.count, s[i].isASCIIDigit { i += 1 }
        let index = i > digitsStart ? Numerals.decimal(s[digitsStart..<i]) : nil
        if i == s.count { return (index, nil) }
        guard index != nil else { return nil }
        while i < s.count, s[i].isLineSpace || s[i] == "：" || s[i] == ":" { i += 1 }
        guard i < s.count else { return (index, nil) }
        return (index, line[i..<s.count])
    }

    /// Opens the 附件说明: "附件：1. 推荐单位名录", "附件：推荐单位名录", "附：1、…", "附件《…》.pdf"
    /// (no colon), or a bare "附件：" above "1. …". The first entry, nil for a bare label; nil
    /// altogether when the line is not a 附件说明.
    static func attachmentNoteStart(_ line: TextLine, next: TextLine? = nil) -> AttachmentNoteEntry?? {
        // (Each label begins with 附: a line that does not, most lines, is not read for the three.)
        guard line.scalars.first == "附" else { return nil }
        let label = line.hasPrefix("附件") ? 2 : (line.hasPrefix("附：") || line.hasPrefix("附:")) ? 1 : 0
        // "附件下载：…" is a page's list of files to download, not the notice's 附件说明.
        guard label > 0, !line.hasPrefix("附件下载") else { return nil }
        var i = label
        while i < line.count, line.scalars[i].isLineSpace { i += 1 }
        let hasColon = i < line.count && (line.scalars[i] == "：" || line.scalars[i] == ":")
        if hasColon { i += 1 }
        while i < line.count, line.scalars[i].isLineSpace { i += 1 }
        guard i < line.count else {
            // A bare "附件：" announces the numbered lines below it.
            guard hasColon, let next, let marker = OutlineMarker.parse(next, allowDigitAfter: true),
                marker.kind == .arabicEnumerated, marker.number == 1
            else { return nil }
            return .some(nil)
        }
        let rest = line[i..<line.count]
        if let marker = OutlineMarker.parse(rest, allowDigitAfter: true), marker.kind == .arabicEnumerated {
            return AttachmentNoteEntry(index: marker.number, title: rest[marker.contentStart..<rest.count])
        }
        // "附件1：….docx" above "附件2：….docx": a list of numbered entries, not an attachment's marker.
        if label == 2, let numbered = numberedNoteEntry(line), numbered.index == 1,
            LinkKinds.isFile(numbered.title.text) || next.flatMap(numberedNoteEntry)?.index == 2
        {
            return numbered
        }
        // Without a colon only a cited title or a file name is an entry ("附件省工信厅《…》.pdf").
        guard hasColon && label == 2 || rest.scalars.contains("《") || LinkKinds.isFile(rest.text) else { return nil }
        return AttachmentNoteEntry(index: nil, title: rest)
    }

    /// Entries set on one line: "1.申报书 2.推荐汇总表 3.承诺书" → three, cut where the next number
    /// stands after a space.
    static func splitEntries(_ entry: AttachmentNoteEntry) -> [AttachmentNoteEntry] {
        guard var index = entry.index else { return [entry] }
        let title = entry.title
        var entries: [AttachmentNoteEntry] = []
        var start = 0
        var k = 1
        while k < title.count {
            let apart = title.scalars[k - 1].isLineSpace || title.hadGap(before: k)
            if apart, title.scalars[k].isASCIIDigit,
                let marker = OutlineMarker.parse(title[k..<min(title.count, k + 8)], allowDigitAfter: true),
                marker.kind == .arabicEnumerated, marker.number == index + 1
            {
                entries.append(AttachmentNoteEntry(index: index, title: title[start..<k].trimmed()))
                index = marker.number
                start = k + marker.contentStart
                k = start + 1
                continue
            }
            k += 1
        }
        entries.append(AttachmentNoteEntry(index: index, title: title[start..<title.count].trimmed()))
        return entries
    }

    /// "附件2：推荐汇总表.docx": an entry with its number after 附件.
    static func numberedNoteEntry(_ line: TextLine) -> AttachmentNoteEntry? {
        guard let (index, title) = appendixMarker(line), let index, let title else { return nil }
        return AttachmentNoteEntry(index: index, title: title)
    }

    /// Names of issuers, alone on the last lines of the notice (a signature without a date).
    static func isTrailingSignature(_ lines: ArraySlice<NormalizedLine>, at k: Int, end: Int) -> Bool {
        // A few issuers at most: a longer run of names is a list (a directory), not a signature.
        end - k <= maximumJointSignatures && (k..<end).allSatisfy { OrganizationName.isIssuerName(lines[$0].line) }
    }

    /// How many issuers a joint notice signs with, at most, when no date follows them.
    static let maximumJointSignatures = 4

    // MARK: - Shapes

    /// 份号 (six digits), 密级 ("机密★1年"), 紧急程度 ("特急"), 签发人 ("签发人：王某").
    /// (Asked of the line's scalars: a string made of each line and compared with the words as strings
    /// took 4,000 instructions a line. The line is in NFC, so equal scalars are equal strings.)
    static func headerMark(_ line: TextLine) -> HeaderMark? {
        if line.count == 6, line.scalars.allSatisfy(\.isASCIIDigit) { return .copyNumber }
        if line.count <= 12, ["绝密", "机密", "秘密"].contains(where: { line.hasPrefix($0) }) { return .secrecy }
        if line.count == 2, ["特急", "加急", "特提", "平急"].contains(where: { line.hasPrefix($0) }) { return .urgency }
        if line.hasPrefix("签发人"), LineShape.isLabelled(line) { return .signer }
        return nil
    }

    /// 附注: a line wholly in brackets, right after the date.
    static func isAnnotation(_ line: TextLine) -> Bool {
        guard let first = line.scalars.first, let last = line.scalars.last, line.count >= 3 else { return false }
        return (first == "（" && last == "）") || (first == "(" && last == ")")
    }

    /// 抄送机关: "抄送：工业和信息化部科技司。"
    static func isCopyToLine(_ line: TextLine) -> Bool {
        line.hasPrefix("抄送") && line.count > 3 && (line.scalars[2] == "：" || line.scalars[2] == ":")
    }

    /// 印发机关和印发日期: "某某厅办公室 2023年8月25日印发".
    static func isPrintingLine(_ line: TextLine) -> Bool {
        line.hasSuffix("印发") && line.count <= 60
            && DateScanner.containsDate(in: line) { $0.year != nil && $0.day != nil }
    }

    /// A line not begun by 附 (附件, 附：), with no 月 for a date, and longer than a signature or holding
    /// what none holds: no attachment note, appendix marker, date of signing or signature
    /// (`SegmentTests` holds them to that).
    @inline(__always)
    static func isPlainBodyLine(_ line: TextLine) -> Bool {
        line.scalars.first != "附" && !line.scalars.contains("月")
            && (line.count > longestSignature || line.scalars.contains(where: breaksSignature))
    }

    static func startsClosingPart(_ lines: ArraySlice<NormalizedLine>, at k: Int) -> Bool {
        // Most lines of the body are answered here, read in place: each call below is asked of a copy of
        // the line (retained and released).
        if isPlainBodyLine(lines[k].line) { return false }
        // (The line read in place below too: a copy of it, for the lines that are not plain, was retained and
        // released.)
        // (Both begin with 附: the next line, copied out for the first, only for a line that does.)
        if lines[k].line.scalars.first == "附",
            attachmentNoteStart(lines[k].line, next: k + 1 < lines.endIndex ? lines[k + 1].line : nil) != nil
                || appendixMarker(lines[k].line) != nil
        {
            return true
        }
        if DateScanner.signingDate(lines[k].line) != nil { return true }
        // Both tests below want a line shaped as a signature: most lines are not, and are answered once here.
        guard isSignatureShaped(lines[k]) else { return false }
        // Names alone at the end sign the notice, unless they end a longer list of names.
        if isTrailingSignature(lines, at: k, end: lines.endIndex),
            k == lines.startIndex || !OrganizationName.isIssuerName(lines[k - 1].line)
        {
            return true
        }
        // (The next line's date is read again at the next k.)
        return k + 1 < lines.endIndex && DateScanner.signingDate(lines[k + 1].line) != nil
    }

    /// A notice begins within the first lines: a title ending in a document type right above an
    /// addressee line, or a masthead followed by a document number.
    static func looksLikeNotice(_ lines: ArraySlice<NormalizedLine>) -> Bool {
        // (The first six lines read where they stand: an array of them was made, each line copied, at each call.)
        let end = min(lines.endIndex, lines.startIndex + 6)
        for k in lines.startIndex..<end {
            if TitleShape.endsWithDocumentType(lines[k].line), k + 1 < end, isAddressee(lines[k + 1]) {
                return true
            }
            if k + 1 < end, isMasthead(lines[k], next: lines[k + 1]),
                DocNumberScanner.wholeLine(lines[k + 1].line) != nil
            {
                return true
            }
        }
        return false
    }

    /// What no masthead holds.
    static let mastheadBreaks = ScalarSet(of: "，。：；:")

    /// "中国质量协会文件", or an issuer's name set as a top-level heading ("# 山东省工业和信息化厅").
    static func isMasthead(_ line: NormalizedLine, next: NormalizedLine?) -> Bool {
        let text = line.line
        let breaks = mastheadBreaks  // (read once, not at each scalar)
        guard text.count <= 40, !text.scalars.contains(where: breaks.contains) else {
            return false
        }
        if text.hasSuffix("文件") && text.count > 2 { return OrganizationName.isShaped(text[0..<(text.count - 2)]) }
        guard OrganizationName.isShaped(text) else { return false }
        if line.markdownHeadingLevel == 1 { return true }
        return next.map { DocNumberScanner.wholeLine($0.line) != nil } ?? false
    }

    /// "各会员单位及相关组织：": ends in a colon, no sentence inside, not a labelled field or an item.
    static func isAddressee(_ line: NormalizedLine) -> Bool {
        let text = line.line
        guard let last = text.scalars.last, last == "：" || last == ":", text.count >= 3, text.count <= 150 else {
            return false
        }
        if text.scalars.contains("。") || OutlineMarker.parse(text) != nil || line.markdownHeadingLevel != nil {
            return false
        }
        if text.hasPrefix("附件") { return false }
        // A sentence that announces what follows ("…通知如下：", "…全文如下：") or cites a document.
        if text.contains("如下") || text.scalars.contains("《") || !DocNumberScanner.matches(in: text).isEmpty {
            return false
        }
        // "联系人：" is a label; an addressee names bodies, usually starting with 各 or 有关, or lists several.
        let body = text[0..<(text.count - 1)]
        if body.hasPrefix("各") || body.hasPrefix("有关") || body.hasPrefix("全国") { return true }
        if body.scalars.contains(where: { $0 == "、" || $0 == "，" || $0 == "," }) { return true }
        return OrganizationName.isShaped(body)
    }

    /// A signature: one short name (or several names side by side) without punctuation.
    static func isSignatureShaped(_ line: NormalizedLine) -> Bool {
        let text = line.line
        guard text.count >= 2, text.count <= longestSignature, line.markdownHeadingLevel == nil,
            OutlineMarker.parse(text) == nil
        else { return false }
        return !text.scalars.contains(where: breaksSignature)
    }

    /// The most scalars a signature line holds. (Computed: a stored constant's every read checks that it
    /// was made, a call the compiler cannot see into.)
    static var longestSignature: Int { 60 }

    /// What no signature holds: clause punctuation, a digit, a tab. (A switch, not a stored set: a
    /// constant's every read checks that it was made, a call the compiler cannot see into.)
    static func breaksSignature(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "。", "：", "；", ":", ";", ",", "、", "\t", "0"..."9": return true
        default: return false
        }
    }

    /// A short title line above an attachment's body.
    static func isTitleShaped(_ line: NormalizedLine) -> Bool {
        let text = line.line
        guard text.count <= 60, !line.isTableRow, OutlineMarker.parse(text) == nil else { return false }
        return !text.scalars.contains { $0 == "。" || $0 == "；" || $0 == ";" } && text.scalars.last != "："
            && text.scalars.last != ":"
    }
}
