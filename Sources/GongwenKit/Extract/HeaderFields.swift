/// The header fields of a notice, each traced to where it was read.
public struct HeaderFields: Sendable {
    public var docNumber: DocNumber?
    public var issuer: Issuer
    public var title: String?
    public var addressees: [(name: String, span: SourceSpan)]
    public var signedOn: (date: String, span: SourceSpan)?
    public var campaignYear: Int?
}

/// Pure functions from a segmented notice to its header fields.
public enum HeaderFieldExtractor {
    public static func extract(_ notice: SegmentedNotice) -> HeaderFields {
        let docNumber = notice.docNumber.flatMap { DocNumberScanner.headerLine($0.line) }
        let title = notice.title.isEmpty ? nil : notice.title.map(\.text).joined()
        let signedOn = notice.date.flatMap { line -> (String, SourceSpan)? in
            guard let date = DateScanner.wholeLineDate(line.line), let iso = date.iso else { return nil }
            return (iso, line.span)
        }
        return HeaderFields(
            docNumber: docNumber,
            issuer: issuer(notice),
            title: title,
            addressees: notice.addressee.map { addressees($0.line) } ?? [],
            signedOn: signedOn,
            campaignYear: campaignYear(title: notice.title, docNumber: docNumber, signedOn: signedOn?.0)
        )
    }

    /// The masthead's name ("中国质量协会文件" → 中国质量协会), else the signature, else the name that
    /// opens the title ("福建省工业和信息化厅关于…").
    static func issuer(_ notice: SegmentedNotice) -> Issuer {
        if let masthead = notice.masthead {
            var line = masthead.line
            if line.hasSuffix("文件") { line = line[0..<(line.count - 2)] }
            let name = line.trimmed()
            return Issuer(name: name.text, level: IssuerLevels.level(of: name.text), span: name.span)
        }
        if let signature = notice.signature {
            let name = signature.line.trimmed()
            return Issuer(name: name.text, level: IssuerLevels.level(of: name.text), span: name.span)
        }
        for line in notice.title.map(\.line) {
            let cut = ["关于", "转发"].compactMap { line.firstIndex(of: $0) }.min() ?? line.count
            let prefix = line[0..<cut].trimmed()
            if OrganizationName.isShaped(prefix) {
                return Issuer(name: prefix.text, level: IssuerLevels.level(of: prefix.text), span: prefix.span)
            }
        }
        return Issuer(name: nil, level: .other, span: nil)
    }

    /// Splits the addressee line where 、 or ， separate bodies, never inside brackets, and keeps
    /// together places that share one head noun: "各省辖市、济源示范区、…工业和信息化主管部门" is one
    /// addressee, "各市工业和信息化局，有关企业" two.
    public static func addressees(_ line: TextLine) -> [(name: String, span: SourceSpan)] {
        var text = line.trimmed()
        if let last = text.scalars.last, last == "：" || last == ":" { text = text[0..<(text.count - 1)] }
        let parts = text.ranges(separatedBy: ["、", "，", ",", "；", ";"])

        var result: [(name: String, span: SourceSpan)] = []
        var pendingStart: Int?
        for part in parts {
            let words = text[part].trimmed()
            if names(words) {
                let from = pendingStart ?? part.lowerBound
                let range = from..<part.upperBound
                result.append((text[range].text, text.span(range)))
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
    private static func names(_ words: TextLine) -> Bool {
        let groupEndings = ["单位", "组织", "企业", "部门", "机构", "机关", "团体", "个人", "会员"]
        return groupEndings.contains(where: { words.hasSuffix($0) })
            || OrganizationName.suffixes.contains(where: { words.hasSuffix($0) && $0 != "处" && $0 != "室" })
    }

    /// The year the notice is about: the year its title names ("关于开展2023年…"), else its document
    /// number's year, else the year it was signed.
    static func campaignYear(title: [NormalizedLine], docNumber: DocNumber?, signedOn: String?) -> Int? {
        for line in title {
            let s = line.line.scalars
            var i = 0
            while i + 4 < s.count {
                if s[i...(i + 3)].allSatisfy(\.isASCIIDigit), s[i + 4] == "年", i == 0 || !s[i - 1].isASCIIDigit,
                   let year = Int(String(String.UnicodeScalarView(s[i...(i + 3)]))), (1949...2199).contains(year) {
                    return year
                }
                i += 1
            }
        }
        if let docNumber { return docNumber.year }
        return signedOn.flatMap { Int($0.prefix(4)) }
    }
}
