/// Classifies issuers by the administrative divisions of GB/T 2260 and the words that name
/// associations. Reference data only: no name from any particular notice.
package enum IssuerLevels {
    /// The provincial-level divisions of GB/T 2260, as they begin an issuer's name.
    package static let provincialDivisions = [
        "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省",
        "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区",
        "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区",
        "新疆维吾尔自治区", "台湾省", "香港特别行政区", "澳门特别行政区", "新疆生产建设兵团",
    ]

    /// Words that end the name of an association, federation or society.
    package static let associationEndings = ["协会", "学会", "联合会", "商会", "促进会", "研究会", "基金会", "联盟", "总会"]

    /// National bodies: the State Council and its ministries, commissions and administrations.
    static let nationalPrefixes = ["国务院", "国家", "中华人民共和国", "全国人民代表大会", "中共中央", "中央"]

    /// The provincial-level division `name` begins with, if any. (Its first character is looked up
    /// first: most names begin with none of the divisions', and only the divisions that begin with it
    /// are compared — each of the 35 was, for every name that began like one.) The divisions are read where
    /// they stand in the list, by their first characters (`divisionInitials`): a dictionary of them grouped by
    /// that character handed out a copy of a group at each question, its array retained and released — on two
    /// cores, by both threads, a count in memory that each core took from the other (1,142 a 300 notices).
    package static func province(beginning name: String) -> String? {
        guard let first = StringUTF8.firstScalar(of: name), provincialInitials.contains(first) else { return nil }
        let initials = divisionInitials
        for k in initials.indices where initials[k] == first && name.hasPrefix(provincialDivisions[k]) {
            return provincialDivisions[k]
        }
        return nil
    }

    /// The first character of each of `provincialDivisions`, in its order.
    private static let divisionInitials = provincialDivisions.map { $0.unicodeScalars.first! }

    /// Whether `name` ends like an association's (its last character looked up first).
    package static func endsLikeAssociation(_ name: String) -> Bool {
        guard let last = StringUTF8.lastScalar(of: name), associationFinals.contains(last) else { return false }
        return associationEndings.contains { name.hasSuffix($0) }
    }

    /// The scalars of `name` after `prefix`, which it begins with byte for byte (`hasPrefix`): cut where the
    /// prefix's bytes end, where dropping its characters counted them a grapheme at a time (with the
    /// array made of what was left, a fifth of the unit directory's time). (A combining mark right after the
    /// prefix stays with the rest, as `hasPrefix` leaves it; dropping characters took it with the prefix.)
    static func scalars(of name: String, after prefix: String) -> Substring.UnicodeScalarView {
        name.unicodeScalars[name.utf8.index(name.utf8.startIndex, offsetBy: prefix.utf8.count)...]
    }

    private static let provincialInitials = ScalarSet(provincialDivisions.compactMap(\.unicodeScalars.first))
    private static let associationFinals = ScalarSet(associationEndings.compactMap(\.unicodeScalars.last))

    package static func level(of name: String) -> Issuer.Level {
        if endsLikeAssociation(name) { return .association }
        if let province = province(beginning: name) {
            return prefectureLength(in: name, fromUTF8: province.utf8.count) != nil ? .municipal : .provincial
        }
        if nationalPrefixes.contains(where: { name.hasPrefix($0) }) { return .national }  // before 国家市场…
        if prefectureLength(in: name) != nil { return .municipal }
        // A ministry ("工业和信息化部") or its general office ("工业和信息化部办公厅").
        if name.hasSuffix("部") || name.contains("部办公厅") { return .national }
        return .other
    }

    /// `prefectureLength` of the scalars of `name` from its UTF-8 byte `offset` on (0, or where a province it begins
    /// with ends), of which it decodes the first `prefectureReach` from the string's bytes onto the stack: the
    /// whole rest of a name was decoded into an array, counted and then copied (half the cost of classifying a
    /// directory's entry), and its scalar view's iterator took a hundred instructions a scalar.
    static func prefectureLength(in name: String, fromUTF8 offset: Int = 0) -> Int? {
        StringUTF8.withBytes(of: name) { bytes in
            withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: prefectureReach) { head in
                var count = 0
                var k = offset
                while k < bytes.count, count < prefectureReach {
                    let (value, length) = StringUTF8.scalar(in: bytes, at: k)
                    head.initializeElement(at: count, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    count += 1
                    k += length
                }
                return prefectureLength(UnsafeBufferPointer(rebasing: head[..<count]))
            }
        }
    }

    /// The most scalars `prefectureLength` reads: seven Han characters, then 地区.
    static let prefectureReach = 9

    /// How many scalars the prefecture-level division that opens `s` takes ("福州市…" → 3, "延边朝鲜族自治州…",
    /// "锡林郭勒盟…": two to seven Han characters before 市, 州, 盟 or 地区), or nil.
    static func prefectureLength(_ s: [Unicode.Scalar]) -> Int? {
        s.withUnsafeBufferPointer { prefectureLength($0) }
    }

    private static func prefectureLength(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        for length in 2...7 where length < s.count {
            guard s[0..<length].allSatisfy(\.isHan) else { return nil }
            let next = s[length]
            if next == "市" || next == "州" || next == "盟" { return length + 1 }
            if next == "地", length + 1 < s.count, s[length + 1] == "区" { return length + 2 }
        }
        return nil
    }
}
