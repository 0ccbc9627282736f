/// The shape of a body's name: Han characters (brackets allowed) ending in a word that names an
/// organisation (厅, 局, 委员会, 协会 …).
package enum OrganizationName {
    package static let suffixes = [
        "厅", "局", "委", "委员会", "办公室", "办", "政府", "部", "院", "会", "中心", "公司", "处", "室",
        "所", "署", "集团", "部门", "单位", "组织", "企业", "机构", "学校", "大学", "银行", "馆", "站", "队", "社",
    ]

    /// Several names side by side, apart by spaces or 、 ("江门市质监局 江门出入境检验检疫局"); empty
    /// when any part is not a name.
    package static func names(in text: TextLine) -> [TextLine] {
        // Every part must be Han and brackets (`isShaped`): a line with anything else is no list of names,
        // and is not cut into parts to find that out.
        guard text.scalars.allSatisfy({ $0.isHan || nameCharacters.contains($0) || $0.isLineSpace }) else { return [] }
        var parts: [TextLine] = []
        var start = 0
        for i in 0...text.count {
            guard i == text.count || text.scalars[i] == "、" || text.scalars[i].isLineSpace || text.hadGap(before: i)
            else { continue }
            let part = text[start..<i].trimmed()
            if !part.isEmpty { parts.append(part) }
            start = (i < text.count && (text.scalars[i] == "、" || text.scalars[i].isLineSpace)) ? i + 1 : i
        }
        return parts.allSatisfy(isShaped) ? parts : []
    }

    /// Besides Han characters, what a list of names is written with: brackets and the enumeration comma.
    private static let nameCharacters = ScalarSet(of: "（）()、")

    /// （ ） ( ): asked of each scalar by a switch (a literal's scalars were decoded at each ask).
    static func isBracket(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "（", "）", "(", ")": return true
        default: return false
        }
    }

    package static func isShaped(_ text: TextLine) -> Bool {
        guard text.count >= 2, text.count <= 40 else { return false }
        guard text.scalars.allSatisfy({ $0.isHan || isBracket($0) }) else { return false }
        if text.contains("关于") { return false }
        return suffixList.endsAny(text)
    }

    private static let suffixList = SuffixList(suffixes)

    /// A line that is one issuer's name, or several side by side. (A line with no white space at its ends,
    /// most that are asked, is read as it is: `trimmed()` copied it, retained and released.)
    static func isIssuerName(_ line: TextLine) -> Bool {
        let range = line.trimmedRange
        return range.count == line.count ? isIssuerName(trimmed: line) : isIssuerName(trimmed: line[range])
    }

    private static func isIssuerName(trimmed text: borrowing TextLine) -> Bool {
        OrganizationName.isShaped(text) || !OrganizationName.names(in: text).isEmpty
    }
}
