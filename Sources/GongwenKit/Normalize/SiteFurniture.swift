/// What a web page puts around a notice, in HTML and in text copied from it: breadcrumbs, the
/// publication line ("发布时间：… 来源：… 浏览：…"), page controls (字号 大 中 小, 分享到, 打印), the
/// government-site metadata block (索引号 | 发布机构 | 文号 | 成文日期) and the site footer.
///
/// Such a line is kept (a metadata block is a source of header fields) but is never joined to the
/// text around it, and the segmenter sets it aside instead of reading it as a title, an addressee
/// or a contact.
package enum SiteFurniture {
    package enum Kind: String, Codable, Sendable {
        /// "您现在的位置：首页 > 新闻资讯 > 正文".
        case breadcrumb
        /// "发布时间：2021-06-11 来源：本网 浏览次数：120", "索引号：… 发布机构：…".
        case metadata
        /// "字体：[大] [中] [小]", "分享到：", "打印本页", "相关附件：".
        case pageControls
        /// "版权所有 …", "…ICP备…", "如有侵权，联系删除".
        case footer
        /// A bare publication date: "2021-11-16", "2019/10/12 15:47:20".
        case timestamp
    }

    /// Labels of a page's publication line and of a government site's metadata block.
    static let metadataLabels = [
        "发布时间", "发布日期", "更新时间", "发表时间", "信息来源", "文章来源", "来源", "作者", "浏览次数", "浏览量", "浏览", "点击数",
        "点击量", "点击", "阅读数", "阅读量", "阅读", "访问量", "字号", "字体", "发文单位", "发文机关", "发布机构", "发布单位",
        "发布地区", "索引号", "发文字号", "文号", "成文日期", "主题分类", "主题词", "责任编辑", "发布", "时间", "日期", "所属机构",
        "有效性", "公开方式", "信息分类",
    ]
    /// Labels that mark a publication line by themselves; the others ("时间", "日期", "发布", "作者")
    /// only with a second label or a web-style timestamp, since a notice's own text uses them too.
    static let weakLabels: Set<String> = ["时间", "日期", "发布", "作者", "字体", "有效性"]

    /// Words of page controls and site navigation; a line made only of these is furniture.
    static let controlWords = [
        "您现在的位置", "当前位置", "您的位置", "所在位置", "字体放大", "字体缩小", "字体", "字号", "分享到", "分享", "打印本页", "打印",
        "关闭窗口", "关闭", "收藏此文章", "收藏", "查看原文", "网站地图", "返回顶部", "上一篇", "下一篇", "相关附件", "相关链接",
        "资料下载", "附件下载", "原文链接", "热门政策", "页面调色", "无障碍辅助浏览", "无障碍", "长者助手", "繁体版", "简体版",
        "市民网页", "扫一扫", "在手机上查看", "大", "中", "小", "默认",
    ]

    static let footerMarkList = WordList(footerMarks)
    static let footerMarks = [
        "ICP备", "ICP证", "版权所有", "Copyright", "如有侵权", "联系删除", "技术支持：", "技术支持:", "公网安备",
        "网站标识码", "主办单位：", "主办单位:", "承办单位：", "承办单位:",
    ]

    package static func kind(of line: TextLine) -> Kind? {
        guard !line.isEmpty, line.count <= 200 else { return nil }
        if footerMarkList.occurs(in: line) { return .footer }
        // The marks are read where a test below asks them: in a line short enough to be a breadcrumb, and in
        // one that begins as a metadata line or a row of labels does. A longer line of the body (two in five
        // of a notice's scalars) is not read for them: none of its tests asks.
        let marks = line.count <= longestBreadcrumb || mayBeginWithLabel(line) ? Marks(of: line) : Marks()
        return kind(of: line, marks: marks)
    }

    /// `kind(of:)` of a line that holds none of a footer's words, told the line's marks (or none, where
    /// no test below asks them).
    static func kind(of line: TextLine, marks: Marks) -> Kind? {
        // Each test below but the two the marks answer (a breadcrumb's separators, a label's first scalar) wants
        // a line that begins with one of `leads`: most lines of a notice begin with none, and are answered
        // here, not by each test in turn (600 instructions a line).
        guard marks.beginsAsLabel || marks.breadcrumbSeparators >= 2 || leads.contains(line.scalars.first ?? "a")
        else { return nil }
        if isBreadcrumb(line, marks: marks) { return .breadcrumb }
        if isTimestamp(line) { return .timestamp }
        // (Both tests want a label at the line's start: most lines begin with no label's first scalar.)
        if !marks.hasFullStop, marks.beginsAsLabel,
            isMetadata(line) || labelRow(line, hasCellBreak: marks.hasCellBreak) != nil
        {
            return .metadata
        }
        if isPageControls(line) { return .pageControls }
        // "原文链接：http://…": the page's own link to where it copied the notice from.
        if sourceLinkLabelList.firstMatch(at: 0, in: line) != nil, line.contains("http") || line.contains("www.") {
            return .pageControls
        }
        return nil
    }

    static let sourceLinkLabelList = WordList(["原文链接", "原文地址", "来源链接", "本文链接"])

    /// What a line begins with when it is a breadcrumb that its lead words tell, a timestamp (a digit, or white
    /// space before one), page controls (a control word, a separator, white space) or a source link.
    static let leads = ScalarSet(union: [
        breadcrumbLeadList.initials, ScalarSet(of: "0123456789"),
        ScalarSet((0...0x3000).lazy.compactMap(Unicode.Scalar.init).filter(\.isLineSpace)),
        controlWordList.initials, controlSeparators, sourceLinkLabelList.initials,
    ])

    /// Where a publication line begins that a page set on the same line as the notice's own words
    /// ("福州市工业和信息化局 发布时间：2023-08-25 来源：本网"): a label (not one of the weak ones) after
    /// a space or a bar, with the rest of the line metadata. Nil when the line has none.
    static func trailingMetadataStart(in line: TextLine) -> Int? {
        guard line.count <= 200, var colon = line.firstIndex(of: "：", or: ":") else { return nil }
        let labels = labelList  // (read once, not at each position: a constant's every read checks it was made)
        let (shortest, longest) = labelLengths
        // A label is followed by its colon, after white space or none: the places asked are those a label's
        // length before each colon (past its white space), in order, not every place of the line (a bit test
        // each, most of a line's scalars). Each colon's places come after the last colon's.
        var next = 1  // the first place not asked yet
        while true {
            var labelEnd = colon
            while labelEnd > 0, line.scalars[labelEnd - 1].isLineSpace { labelEnd -= 1 }
            var i = max(next, labelEnd - longest)
            while i <= labelEnd - shortest {
                // (The label first: whether the input had a space before a place looks up two source points.)
                if labels.mayBegin(with: line.scalars[i]), let found = label(at: i, in: line),
                    !weakLabels.contains(found.name),
                    line.hadGap(before: i) || [" ", "|", "｜"].contains(line.scalars[i - 1])
                {
                    let rest = line[i..<line.count]
                    let head = line[0..<i].trimmed()
                    if !head.isEmpty, isMetadata(rest), !head.text.hasSuffix("："), !head.text.hasSuffix(":") {
                        return i
                    }
                }
                i += 1
            }
            next = max(next, labelEnd - shortest + 1)
            guard let following = line.firstIndex(of: "：", or: ":", from: colon + 1) else { return nil }
            colon = following
        }
    }

    /// The fewest and the most scalars a metadata label holds.
    static let labelLengths = (
        metadataLabels.map(\.unicodeScalars.count).min()!, metadataLabels.map(\.unicodeScalars.count).max()!
    )

    /// The label–value pairs of a page's metadata lines, in order: "label：value" lines, and a row of
    /// labels ("索引号 | 发布机构 | 文号 | 成文日期") over the row of their values.
    package static func fields(in lines: [NormalizedLine]) -> [(label: String, value: TextLine)] {
        var result: [(label: String, value: TextLine)] = []
        var k = 0
        while k < lines.count {
            let line = lines[k].line
            if let labels = labelRow(line) {
                if k + 1 < lines.count, lines[k + 1].furniture == .metadata, labelRow(lines[k + 1].line) == nil {
                    let values = cells(of: lines[k + 1].line)
                    if values.count == labels.count { result += zip(labels, values).map { ($0, $1) } }
                    k += 2
                    continue
                }
            } else {
                result += fields(in: line)
            }
            k += 1
        }
        return result
    }

    /// | ｜ or a tab: what parts a flattened table row's cells (a switch: a literal's scalars were decoded
    /// at each ask).
    static func isCellBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "|", "｜", "\t": return true
        default: return false
        }
    }

    /// The cells of a table row as pages flatten it: apart by "|", "｜" or tabs.
    static func cells(of line: TextLine) -> [TextLine] {
        var result: [TextLine] = []
        var start = 0
        for i in 0...line.count where i == line.count || isCellBreak(line.scalars[i]) {
            let cell = line[start..<i].trimmed()
            if !cell.isEmpty { result.append(cell) }
            start = i + 1
        }
        return result
    }

    /// What the tests of `kind(of:)` look for along a line, found in one pass over it (each test read
    /// the line for its own, three passes of most lines).
    struct Marks {
        /// How many of ">", "»", "〉", "＞" it holds: what parts a breadcrumb's steps.
        var breadcrumbSeparators = 0
        /// Whether it holds "。" or "，", which no breadcrumb holds.
        var hasClauseMark = false
        /// Whether it holds "。", which no metadata line holds.
        var hasFullStop = false
        /// Whether it holds a cell break (`isCellBreak`): a row of labels has some.
        var hasCellBreak = false
        /// Whether it begins, after white space or not, with a scalar a metadata label begins with
        /// (`mayBeginWithLabel`): a metadata line and a row of labels do.
        var beginsAsLabel = false

        /// None: what a line that is not read for them is told (see `kind(of:)`: a line that does not begin
        /// as a label does).
        init() {}

        init(of line: TextLine) {
            beginsAsLabel = mayBeginWithLabel(line)
            line.scalars.withUnsafeBufferPointer { scalars in
                // (An ideograph, most of a line, is none of them: passed over with one comparison.)
                for scalar in scalars where !ScalarSet.isIdeograph(scalar) {
                    switch scalar {  // (a switch: a literal's scalars were decoded at each scalar)
                    case ">", "»", "〉", "＞": breadcrumbSeparators += 1
                    case "。":
                        hasClauseMark = true
                        hasFullStop = true
                    case "，": hasClauseMark = true
                    default: if isCellBreak(scalar) { hasCellBreak = true }
                    }
                }
            }
        }
    }

    /// The labels of a row made only of metadata labels (two or more), or nil.
    static func labelRow(_ line: TextLine) -> [String]? {
        labelRow(line, hasCellBreak: line.scalars.contains(where: isCellBreak))
    }

    /// `labelRow(_:)`, told whether the line holds a cell break.
    static func labelRow(_ line: TextLine, hasCellBreak: Bool) -> [String]? {
        // (The cells' bars or tabs first: most lines have none.)
        guard hasCellBreak else { return nil }
        let trimmed = line.trimmed()
        guard label(at: 0, in: trimmed) != nil || labelList.mayBegin(with: trimmed.scalars.first ?? " ") else {
            return nil
        }
        let labels = cells(of: line).map { cell -> String in
            var text = cell.text
            if text.hasSuffix("：") || text.hasSuffix(":") { text.removeLast() }
            return text
        }
        guard labels.count >= 2, labels.allSatisfy({ metadataLabels.contains($0) }) else { return nil }
        return labels
    }

    /// The label–value pairs of a metadata line: "发布机构：福建省工业和信息化厅" → (发布机构, 福建省…).
    package static func fields(in line: TextLine) -> [(label: String, value: TextLine)] {
        var starts: [(label: String, labelStart: Int, valueStart: Int)] = []
        var i = 0
        while i < line.count {
            // A label begins the line, follows what is no Han character (a bar, a colon, the digits or Latin of a
            // value: "2022-04-24浏览:556"), the last label's colon, or a space the input had. (Bars, colons, digits
            // and letters were also asked for one by one, each already answered by the Han test.)
            if i == 0 || !line.scalars[i - 1].isHan || starts.last.map({ $0.valueStart == i }) == true
                || line.hadGap(before: i),
                let label = label(at: i, in: line)
            {
                starts.append((label.name, i, label.valueStart))
                i = label.valueStart
                continue
            }
            i += 1
        }
        return starts.enumerated().map { k, start in
            let end = k + 1 < starts.count ? starts[k + 1].labelStart : line.count
            var value = line[start.valueStart..<end].trimmed()
            while let last = value.scalars.last, "|｜".unicodeScalars.contains(last) {
                value = value[0..<(value.count - 1)].trimmed()
            }
            return (start.label, value)
        }
    }

    /// The labels compiled for finding them at a position: most positions of a line start none.
    static let labelList = WordList(metadataLabels)

    /// A metadata label at `i` followed by a colon.
    static func label(at i: Int, in line: TextLine) -> (name: String, valueStart: Int)? {
        labelList.firstMatch(at: i, in: line) { index in
            var j = i + labelList.length(index)
            while j < line.count, line.scalars[j].isLineSpace { j += 1 }
            guard j < line.count, line.scalars[j] == "：" || line.scalars[j] == ":" else { return nil }
            return (metadataLabels[index], j + 1)
        }
    }

    static func isMetadata(_ line: TextLine) -> Bool {
        guard label(at: 0, in: line) != nil else { return false }
        let found = fields(in: line)
        guard let first = found.first, line.hasPrefix(first.label) else { return false }
        if found.count >= 2 { return true }
        if !weakLabels.contains(first.label) { return first.value.count <= 60 }
        return isWebTimestamp(first.value)
    }

    /// "首页 > 新闻资讯 > 正文", "您现在的位置：…", "龙智造工业快报>政策快报>政策详情".
    static func isBreadcrumb(_ line: TextLine) -> Bool {
        isBreadcrumb(line, marks: Marks(of: line))
    }

    /// `isBreadcrumb(_:)`, told the line's marks: two steps or more apart by separators, and no clause.
    static func isBreadcrumb(_ line: TextLine, marks: Marks) -> Bool {
        if breadcrumbLeadList.firstMatch(at: 0, in: line) != nil { return true }
        return line.count <= longestBreadcrumb && !marks.hasClauseMark && marks.breadcrumbSeparators >= 2
    }

    /// The longest breadcrumb told by its separators alone, in scalars.
    static let longestBreadcrumb = 80

    /// Whether the line begins (after white space or not) with a scalar a metadata label begins with: what
    /// `isMetadata` and `labelRow` ask first (the label at 0 of the line, or of the trimmed line).
    static func mayBeginWithLabel(_ line: TextLine) -> Bool {
        guard let first = line.scalars.first, !labelList.mayBegin(with: first) else { return true }
        let start = line.trimmedRange.lowerBound
        return start < line.count && labelList.mayBegin(with: line.scalars[start])
    }

    static let breadcrumbLeadList = WordList(["您现在的位置", "当前位置", "您的位置", "所在位置", "现在的位置"])

    /// A line that is only a date (and time) as web pages write it: "2021-11-16", "2019/10/12 15:47".
    static func isTimestamp(_ line: TextLine) -> Bool {
        // (Most lines are too long or begin with no digit: answered before the trimmed line is made, and most
        // before its ends are found, from their first scalar.)
        guard let first = line.scalars.first, first.isASCIIDigit || first.isLineSpace else { return false }
        let range = line.trimmedRange
        guard timestampLengths.contains(range.count), line.scalars[range.lowerBound].isASCIIDigit else { return false }
        // (The line itself when nothing is trimmed: no positions cut, and no copy made of it.)
        return range.count == line.count ? isWebTimestamp(line) : isWebTimestamp(line[range])
    }

    /// How long a web timestamp may be, in scalars: "2021-1-1" is eight, and 24 leaves room for a time
    /// with seconds after the date ("2019/10/12 15:47:20" is 19).
    private static let timestampLengths = 8...24

    private static func isWebTimestamp(_ value: TextLine) -> Bool {
        let s = value.scalars
        guard timestampLengths.contains(s.count), s.first?.isASCIIDigit == true else { return false }
        var digits = 0
        for c in s {
            if c.isASCIIDigit {
                digits += 1
                continue
            }
            switch c {  // (a switch: a literal's scalars were decoded at each scalar)
            case "-", "/", ":", ".", " ": continue
            default: return false
            }
        }
        let year = Numerals.decimal(s.prefix(4))
        return digits >= 6 && year.map { (1990...2199).contains($0) } == true
    }

    /// A line made only of control words, brackets, bullets and separators.
    static let controlWordList = WordList(controlWords)
    static let controlSeparators = ScalarSet(of: "[]【】〖〗()（）:：|｜•·/、,，>")

    static func isPageControls(_ line: TextLine) -> Bool {
        guard line.count <= 80 else { return false }
        var i = 0
        var words = 0
        let s = line.scalars
        while i < s.count {
            if s[i].isLineSpace || controlSeparators.contains(s[i]) {
                i += 1
                continue
            }
            guard let word = controlWordList.firstMatch(at: i, in: line) else { return false }
            i += controlWordList.length(word)
            words += 1
        }
        return words > 0
    }
}
