import Foundation
import Testing

@testable import GongwenKit

/// The record of a notice given as text, through the whole pipeline.
private func record(_ text: String) throws -> NoticeRecord {
    try Gongwen.parse(bytes: Array(text.utf8), path: "test.txt", format: .text)
}

private func contactsOf(_ text: String) throws -> [Contact] { try record(text).contacts }

@Suite("Script: traditional folded to simplified, mirrors' pinyin dropped")
struct ScriptFoldingTests {
    @Test("A mirror's pinyin goes and the text is simplified; every character keeps its input column")
    func pinyinAndFolding() throws {
        let lines = normalizedLines("關(guān)于《2022年戰(zhàn)略性新興產(chǎn)業(yè)揭榜掛帥》公示的通知")
        let line = try #require(lines.first).line
        #expect(line.text == "关于《2022年战略性新兴产业揭榜挂帅》公示的通知")
        // 關 ( g u ā n ) 于: 于 stood in column 8.
        #expect(line.origins[0].column == 1)
        #expect(line.origins[1].column == 8)
    }

    @Test("Brackets that are not pinyin stay", arguments: ["企业(单位)申报", "附件(a)说明", "推荐(不超过3家)"])
    func notPinyin(text: String) throws {
        #expect(ScriptFolding.removePinyin(TextLine(text)).text == text)
    }

    @Test(
        "A simplified notice is not folded, even where the transform would rewrite a character", arguments: Corpus.files
    )
    func simplifiedLeftAlone(file: String) throws {
        let lines = SourceLines(Array(try Corpus.text(file).unicodeScalars)).enumerated().map {
            TextLine(original: $0.element, lineNumber: $0.offset + 1)
        }
        #expect(ScriptFolding.foldedCharacters(of: lines) == nil)
    }

    @Test(
        "The Han and traditional characters counted through the class table, and found through the flat table and a bitmap, are those the table gives one by one: every input line, the five notices in traditional script, the edges of the table, a long line"
    )
    func traditionalCharacters() throws {
        var lines: [TextLine] = []
        for file in JSONWriterTests.inputFiles { lines += try Ingest.read(path: file.path).lines }
        for file in Corpus.files {
            let traditional = try #require(ScriptFolding.traditional(try Corpus.text(file)))
            lines += traditional.split(separator: "\n").map { TextLine(String($0)) }
        }
        let edges: [UInt32] = [
            0x3007, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0xFAFF, 0xFB00, 0x1FFFF, 0x20000,
        ]
        let beyond = SimplifiedForms.pairs.map(\.0).filter { $0.value >= 0xFB00 }
        lines.append(
            TextLine(String(String.UnicodeScalarView(edges.compactMap(Unicode.Scalar.init) + beyond + beyond))))
        // A long line (both counts are kept in one word a line), and a line whose only scalar past U+1FFFF
        // is its last (a line is read again for those when its values, ORed, pass U+1FFFF).
        lines.append(TextLine(String(repeating: "國a中，", count: 40_000)))
        lines.append(TextLine("中國" + String(String.UnicodeScalarView(beyond.suffix(1)))))
        var hanCount = 0
        var traditionalCount = 0
        var characters: Set<Unicode.Scalar> = []
        for line in lines {
            for scalar in line.scalars where scalar.value >= 0x3400 && scalar.isHan {
                hanCount += 1
                guard SimplifiedForms.form(of: scalar) != nil else { continue }
                traditionalCount += 1
                characters.insert(scalar)
            }
        }
        let census = SimplifiedForms.census(of: lines)
        #expect(census.hanCount == hanCount)
        #expect(census.traditionalCount == traditionalCount)
        let found = SimplifiedForms.traditionalCharacters(in: lines)
        #expect(found.inCodePointOrder == characters.sorted { $0.value < $1.value })
        // Each scalar of the lines, and each edge, is one of them exactly when it was counted as one.
        let wrong = (lines.flatMap(\.scalars) + edges.compactMap(Unicode.Scalar.init)).filter {
            found.contains($0) != characters.contains($0)
        }
        #expect(wrong.isEmpty, "first: \(wrong.prefix(5))")
        #expect(traditionalCount > 1_000 && characters.count > 300, "\(traditionalCount), \(characters.count)")
    }

    @Test(
        "The five notices in traditional script (made with ICU) give the same values as in simplified",
        arguments: Corpus.files)
    func traditionalVersions(file: String) throws {
        let text = try Corpus.text(file)
        let traditional = try #require(ScriptFolding.traditional(text))
        #expect(traditional != text)
        let original = try Corpus.record(file)
        let folded = try Gongwen.parse(bytes: Array(traditional.utf8), path: "traditional.txt")
        let a = Corpus.flatten(original).map { FieldValues($0.record) }
        let b = Corpus.flatten(folded).map { FieldValues($0.record) }
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) { #expect(x == y) }
    }

    /// The values a user reads, in one script: simplified text, as the record gives it.
    struct FieldValues: Equatable {
        var strings: [String]
        init(_ r: NoticeRecord) {
            func s(_ text: String?) -> String {
                String(String.UnicodeScalarView(ScriptFolding.simplified(Array((text ?? "-").unicodeScalars))))
            }
            strings =
                [s(r.docNumber?.text), s(r.issuer.name), s(r.title), s(r.signedOn), "\(r.campaignYear ?? 0)"]
                + r.addressees.map(s) + r.deadlines.map { "\($0.date) \($0.actor ?? "-")" }
                + r.quotas.map { "\($0.max ?? 0)\($0.unit)" }
                + r.contacts.flatMap { $0.names.map(s) + $0.phones.map(\.number) + $0.emails }
                + r.citations.map { s($0.docNumber) + s($0.title) }
                + [
                    "\(r.attachments.count) \(r.directory.count) \(r.focusAreas.count) \(r.eligibility.count) \(r.sections.count)"
                ]
        }
    }
}

@Suite("Site furniture: what a web page puts around a notice")
struct SiteFurnitureTests {
    @Test(
        "Lines copied from real pages",
        arguments: [
            ("您现在的位置: 江门市企业质量发展促进网 >> 新闻资讯 >> 最新动态 >> 正文", SiteFurniture.Kind.breadcrumb),
            ("龙智造工业快报>政策快报>政策详情", .breadcrumb),
            ("发布日期:2022-10-13 13:44:26 信息来源: 服务体系建设处 信息来源:山东省工业和信息化厅", .metadata),
            ("时间:2021-04-14 浏览:103次 来源:", .metadata),
            ("發布日期:2020-10-27 來源:武進高新區管委會 瀏覽次數: 字號:〖大 中 小〗 |", .metadata),
            ("发文单位:济南市工业和信息化局 发布地区:山东省 发布日期:2023-02-08", .metadata),
            ("字体: [大] [中] [小]", .pageControls),
            ("【页面调色: 】", .pageControls),
            ("无障碍辅助浏览 长者助手 繁体版 简体版 市民网页", .pageControls),
            ("原文链接:http://csgy.changsha.gov.cn/XXGK/tzgg/202201/t20220118_10444025.htm", .pageControls),
            ("文章内容来自网络,如有侵权,联系删除、联系电话:023-85238885", .footer),
            ("2021-11-16", .timestamp),
            ("2019/10/12", .timestamp),
            ("2021-1-1", .timestamp),  // the shortest, eight scalars
            ("2019/10/12 15:47:20", .timestamp),
        ])
    func furniture(line: String, kind: SiteFurniture.Kind) throws {
        #expect(SiteFurniture.kind(of: normalizedLine(line)) == kind)
    }

    @Test("A timestamp with white space around it, as a line read raw holds it, is one")
    func timestampBetweenSpaces() {
        for line in ["  2021-11-16", "\u{3000}2019/10/12 15:47:20 ", "\t2021-1-1"] {
            #expect(SiteFurniture.kind(of: TextLine(line)) == .timestamp, "\(line)")
        }
        #expect(SiteFurniture.kind(of: TextLine("  2021-1-")) == nil)
    }

    @Test(
        "A notice's own lines are not furniture",
        arguments: [
            "时间:2023年9月1日至10月31日", "联系电话：0531-51782608", "各有关单位:", "2023年8月25日", "附件：1. 推荐汇总表",
            "一、申报时间", "地址:凤城八路109号市政府2号楼614室", "大力推广全国质量标杆典型经验",
            "2021-1-", "2019/10/12 15:47:20.123456",  // a digit short of a date; past the longest timestamp
        ])
    func notFurniture(line: String) throws {
        #expect(SiteFurniture.kind(of: normalizedLine(line)) == nil)
    }

    @Test(
        "The marks one pass finds along a line are what each test looked for by a pass of its own: every input line, raw and normalized, and hostile ones"
    )
    func marksOfALine() throws {
        var lines = try Self.everyLineRawAndNormalized()
        for text in [
            "", "首页>通知", "首页 > 通知公告 > 正文", "首页»新闻〉公告＞正文", "首页>通知>公告。", "首页>通知，公告>正文",
            "索引号|发布机构\t文号｜成文日期", "质量。标杆", "a>b>c", "质>量>", "  发布时间：2023-08-25", "\t索引号\t文号",
        ] {
            lines.append(TextLine(text))
        }
        var breadcrumbs = 0
        for line in lines {
            let marks = SiteFurniture.Marks(of: line)
            let s = Array(line.scalars)
            #expect(marks.breadcrumbSeparators == s.count { ">»〉＞".unicodeScalars.contains($0) }, "\(line.text)")
            #expect(marks.hasClauseMark == (s.contains("。") || s.contains("，")), "\(line.text)")
            #expect(marks.hasFullStop == s.contains("。"), "\(line.text)")
            #expect(marks.hasCellBreak == s.contains { "|｜\t".unicodeScalars.contains($0) }, "\(line.text)")
            // A line that does not begin as a label is no metadata line nor a row of labels (`kind(of:marks:)`
            // asks neither of it).
            if !marks.beginsAsLabel {
                #expect(!SiteFurniture.isMetadata(line) && SiteFurniture.labelRow(line) == nil, "\(line.text)")
            }
            if SiteFurniture.isBreadcrumb(line) { breadcrumbs += 1 }
        }
        #expect(breadcrumbs >= 4, "\(breadcrumbs) breadcrumbs")
    }

    /// The header fields pick metadata labels by their bytes (`containsExactly`): the same labels `contains` picks,
    /// for every label of every line, raw and normalized, and the first words of each line.
    @Test(
        "A metadata label is found in a list of labels by its bytes as by comparing strings: every line, raw and normalized"
    )
    func labelsComparedByBytes() throws {
        let lines = try Self.everyLineRawAndNormalized()
        var labels = lines.flatMap { SiteFurniture.fields(in: $0).map(\.label) }
        #expect(labels.count >= 50, "\(labels.count) labels")
        // And what is no label: each line's first one to five characters.
        labels += lines.flatMap { line in (1...5).map { String(line.text.prefix($0)) } }
        labels += ["", "发布", "发布时间 ", "發布時間", "e\u{301}"]
        for label in labels {
            #expect(SiteFurniture.metadataLabels.containsExactly(label) == SiteFurniture.metadataLabels.contains(label))
            #expect(["e\u{301}"].containsExactly(label) == ["e\u{301}"].contains(label), "\(label)")
        }
    }

    @Test(
        "A line is the same furniture when a long line of the body is not read for its marks: every input line, raw and normalized, and long metadata lines"
    )
    func marksReadWhereAsked() throws {
        var lines = try Self.everyLineRawAndNormalized()
        // Two real metadata lines of the corpus as one (a page's table flattened to a line of 95 scalars), and
        // with a full stop; a row of labels of 100 scalars, and after spaces; a body line as long; and lines
        // that begin after spaces with what begins a label, or begin as one does with no colon after it.
        let metadata = "发文单位:济南市工业和信息化局 发布地区:山东省 发布日期:2023-02-08 发布日期:2022-10-13 13:44:26 信息来源: 服务体系建设处 信息来源:山东省工业和信息化厅"
        let row = "索引号\t发布机构\t文号\t成文日期\t" + String(repeating: "发布日期\t", count: 16)
        let long = [
            metadata, row, "   " + row, metadata + "。", String(repeating: "请各单位按要求报送推荐材料，", count: 7),
        ]
        lines += long.map { TextLine($0) }
        lines += ["   " + metadata, "   " + metadata + "。", "发布" + String(repeating: "请各单位按要求报送推荐材料", count: 7)].map {
            TextLine($0)
        }
        var longLinesAnswered = 0
        for line in lines where !line.isEmpty && line.count <= 200 && !SiteFurniture.footerMarkList.occurs(in: line) {
            let answer = SiteFurniture.kind(of: line)
            #expect(answer == SiteFurniture.kind(of: line, marks: SiteFurniture.Marks(of: line)), "\(line.text)")
            if line.count > SiteFurniture.longestBreadcrumb, answer != nil { longLinesAnswered += 1 }
        }
        #expect(long.map { SiteFurniture.kind(of: TextLine($0)) } == [.metadata, .metadata, .metadata, nil, nil])
        // The longest breadcrumb its separators tell, and one a scalar longer.
        let breadcrumb = "首页 > 新闻中心 > 通知公告 > 政策文件 > 工业和信息化 > 质量品牌建设 > 全国质量标杆活动 > 二〇二三年度 > 正文 > 文章详细内容页面全文页"
        #expect(breadcrumb.unicodeScalars.count == SiteFurniture.longestBreadcrumb)
        #expect(SiteFurniture.kind(of: TextLine(breadcrumb)) == .breadcrumb)
        #expect(SiteFurniture.kind(of: TextLine(breadcrumb + "情")) == nil)
        #expect(longLinesAnswered >= 3, "\(longLinesAnswered) lines longer than a breadcrumb are furniture")
    }

    /// `kind(of:marks:)` answers nil at once for a line whose marks tell no label and fewer than two breadcrumb
    /// separators, and whose first scalar is none of `SiteFurniture.leads`: the premise, that each of its other
    /// tests then answers no, asked of every input line and of each kind's own lines.
    @Test(
        "A line that begins with none of the furniture's leads, and no label, is no breadcrumb, timestamp, page controls or source link: every input line, raw and normalized"
    )
    func furnitureLeads() throws {
        var lines = try Self.everyLineRawAndNormalized()
        lines += [
            "【打印本页】【关闭窗口】", "[打印] [关闭]", "（打印）", "｜分享到", "|收藏", "•打印", "/关闭", "、打印", "> 打印",
            "2023-08-25", " 2023-08-25", "\u{3000}2021-11-16", "\u{A0}2019/10/12 15:47:20", "您现在的位置：首页",
            "当前位置:首页", "原文链接：http://www.example.gov.cn/a.html", "本文链接: https://a.cn", "字体：大 中 小",
            "大 中 小", "默认 大", "扫一扫在手机上查看", "上一篇：关于…", "首页>通知>正文",
        ].map { TextLine($0) }
        var answered = 0
        for line in lines where !line.isEmpty {
            let marks = SiteFurniture.Marks(of: line)
            let source = SiteFurniture.sourceLinkLabelList.firstMatch(at: 0, in: line) != nil
            let answers =
                SiteFurniture.isBreadcrumb(line, marks: marks) || SiteFurniture.isTimestamp(line)
                || SiteFurniture.isPageControls(line) || source
            if answers, !marks.beginsAsLabel, marks.breadcrumbSeparators < 2 {
                let first = line.scalars.first!
                let isLead = SiteFurniture.leads.contains(first)
                #expect(isLead, "\(line.text) begins with \(first)")
                answered += 1
            }
        }
        #expect(answered >= 20, "\(answered) lines that the leads let through")
    }

    /// A metadata date written in digits is read from the value's first three numbers, found along it: the numbers
    /// that splitting the value at every other scalar gives first (the reading it replaced, below), on every input
    /// line raw and normalized and on values with fewer numbers, longer ones, or digits at their ends.
    @Test(
        "A metadata value's first three numbers, as splitting it at every scalar but digits finds them: every input line"
    )
    func firstThreeNumbers() throws {
        var lines = try Self.everyLineRawAndNormalized()
        lines += [
            "", "2023", "2023-08", "2023-08-25", "2023年8月25日10时", "发布日期：2022-10-13 13:44:26",
            "12345678901234567890123-1-2",
            "a1b2c3", "1-2", "--2023--08--25--", "２０２３-８-２５",
        ].map { TextLine($0) }
        var read = 0
        for line in lines {
            let numbers = line.scalars.split { !$0.isASCIIDigit }.map { Numerals.decimal($0) ?? 0 }
            let found = HeaderFieldExtractor.firstThreeNumbers(in: line)
            if numbers.count >= 3 {
                #expect(found.map { [$0.0, $0.1, $0.2] } == Array(numbers.prefix(3)), "\(line.text)")
                read += 1
            } else {
                #expect(found == nil, "\(line.text)")
            }
        }
        #expect(read >= 50, "\(read) values with three numbers")
    }

    @Test("The metadata block gives its fields; 发布日期 is publication, never the date of signing")
    func metadataFields() throws {
        let text = """
            关于组织推荐2022年国家技术创新示范企业的通知
            发布机构:广东省工业和信息化厅 文号:粤工信创新函〔2022〕12号 成文日期:2022-04-21 发布日期:2022-04-24
            各地级以上市工业和信息化主管部门:
            请于5月13日前报送。
            """
        let r = try record(text)
        #expect(r.issuer.name == "广东省工业和信息化厅")
        #expect(r.docNumber?.text == "粤工信创新函〔2022〕12号")
        #expect(r.signedOn == "2022-04-21")
        #expect(r.publishedOn == "2022-04-24")
        #expect(r.addressees == ["各地级以上市工业和信息化主管部门"])
        #expect(r.deadlines.map(\.date) == ["2022-05-13"])
    }

    /// Every line of every input file as read, and every normalized line of them.
    static func everyLineRawAndNormalized() throws -> [TextLine] {
        try JSONWriterTests.inputFiles.flatMap { file in
            try Ingest.read(path: file.path).lines + Gongwen.normalize(path: file.path).lines.map { TextLine($0.text) }
        }
    }

    func normalizedLine(_ text: String) -> TextLine {
        Normalizer.normalize([TextLine(text)]).lines[0].line
    }
}

@Suite("The header and the closing part as real pages lay them out")
struct RealLayoutTests {
    @Test("Column names, a breadcrumb and a bare date above the title; the title with a bracket tag")
    func columnNames() throws {
        let r = try record(
            """
            新闻资讯

            NEWS INFORMATION

            通知公告
            当前位置:首页 > 新闻资讯 > 通知公告
            【广东】关于开展2021年度智能制造试点示范行动的通知
            2021-11-16

            各地级以上市工业和信息化、发展改革、财政、市场监管主管部门:
            三、请于11月18日下午17时前报省工业和信息化厅(装备工业处)。
            """)
        #expect(r.title == "【广东】关于开展2021年度智能制造试点示范行动的通知")
        #expect(r.addressees == ["各地级以上市工业和信息化、发展改革、财政、市场监管主管部门"])
        #expect(r.publishedOn == "2021-11-16")
        #expect(r.deadlines.map(\.date) == ["2021-11-18"])
        #expect(r.deadlines.first?.time == "下午17时")
    }

    @Test("The title repeated under the issuer's name: the name opens the title and gives the issuer")
    func repeatedTitle() throws {
        let r = try record(
            """
            西安市工业和信息化局关于组织申报2020年国家技术创新示范企业的通知
            西安市工业和信息化局
            关于组织申报2020年国家技术创新示范企业的通知
            市工信发〔2020〕78号
            各区县、西咸新区、各开发区工业和信息化主管部门,有关企业:
            现就有关事项通知如下:
            """)
        #expect(r.issuer.name == "西安市工业和信息化局")
        #expect(r.docNumber?.text == "市工信发〔2020〕78号")
        #expect(r.title == "西安市工业和信息化局关于组织申报2020年国家技术创新示范企业的通知")
        #expect(r.addressees == ["各区县、西咸新区、各开发区工业和信息化主管部门", "有关企业"])
        #expect(r.citations.isEmpty)
    }

    @Test("A reposting site's lead gives the issuer, title and number the copy lacks")
    func repostLead() throws {
        let r = try record(
            """
            7月26日,工业和信息化部办公厅发布关于组织开展第六批国家级工业设计中心认定和第一批、第二批、第四批复核工作的通知(工信厅政法函〔2023〕199号),全文如下:
            各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门:
            根据《国家级工业设计中心认定管理办法》(工信部政法〔2023〕93号),我部决定组织开展认定工作。
            """)
        #expect(r.issuer.name == "工业和信息化部办公厅")
        #expect(r.title == "关于组织开展第六批国家级工业设计中心认定和第一批、第二批、第四批复核工作的通知")
        #expect(r.docNumber?.text == "工信厅政法函〔2023〕199号")
        #expect(r.addressees == ["各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门"])
        #expect(r.citations.compactMap(\.docNumber) == ["工信部政法〔2023〕93号"])
        // The title ends at a document-type word that a bracket, a comma or the line's end follows: not at
        // 通知 inside 通知书.
        let lead = try #require(RepostLead.read(TextLine("某厅发布关于规范通知书样式的通报（某发〔2023〕1号），全文如下：")))
        #expect(lead.title.text == "关于规范通知书样式的通报" && lead.issuer?.text == "某厅")
        #expect(lead.docNumber?.text == "某发〔2023〕1号")
        #expect(RepostLead.read(TextLine("关于通知"))?.title.text == "关于通知")
        #expect(RepostLead.read(TextLine("关于")) == nil && RepostLead.read(TextLine("关于通知书")) == nil)
    }

    @Test(
        "The number before the title in brackets, half-width; and a number written without 号",
        arguments: [
            ("(鞍工信发[2021]26号)关于转发《关于组织推荐申报2021年度国家中小企业公共服务示范平台的通知》的通知", "鞍工信发〔2021〕26号"),
            ("工业和信息化部办公厅关于印发重点培育纺织服装百家品牌名单(2022版)的通知 工信厅消费函〔2022〕309号", "工信厅消费函〔2022〕309号"),
        ])
    func numberOnTheTitleLine(title: String, number: String) throws {
        let r = try record("\(title)\n各县(市)区、开发区中小企业主管部门:\n现将有关事项通知如下。")
        #expect(r.docNumber?.text == number)
        #expect(r.title?.hasSuffix("的通知") == true)
        #expect(!r.citations.contains { $0.docNumber == number })
    }

    @Test("A number written without 号 on a line of its own is kept as written, without an invented 号")
    func withoutHao() throws {
        let r = try record("广东省工业和信息化厅关于组织推荐2022年国家技术创新示范企业的通知\n便函[2022]1476\n各地级以上市工业和信息化主管部门(不含深圳):\n请于5月13日前报送我厅。")
        #expect(r.docNumber?.text == "便函〔2022〕1476")
        #expect(r.addressees == ["各地级以上市工业和信息化主管部门(不含深圳)"])
    }

    @Test("An addressee that opens the body's only line is split from it")
    func inlineAddressee() throws {
        let r = try record("關于組織開展2020年度江蘇省首臺(套)重大裝備推薦申報工作的通知 |\n武進國家高新區企業: 近期江蘇省工信廳下發了通知,并于10月29日前將申請表報送。")
        #expect(r.addressees == ["武进国家高新区企业"])
        #expect(r.sections.first?.text.hasPrefix("近期江苏省工信厅下发了通知") == true)
        #expect(r.deadlines.map(\.date) == ["2020-10-29"])  // the year the title names
    }

    @Test("A signature without a date, and joint signatures, end the notice")
    func signatureWithoutDate() throws {
        let r = try record(
            """
            各市经信委:
            一、请于2015年5月10日前报送省经信委。
            附件:1、工业和信息化部办公厅关于开展2015年智能制造试点示范项目推荐的通知
            2、2015年智能制造试点示范项目基本信息表
            江苏省经济和信息化委员会
            """)
        #expect(r.issuer.name == "江苏省经济和信息化委员会")
        #expect(r.attachments.count == 2)
        #expect(r.diagnostics.allSatisfy { !$0.message.contains("not placed") })
    }

    @Test(
        "The signature and the date on one line; the date with an attachment link glued on",
        arguments: [
            ("深圳市经济贸易和信息化委员会 2017年12月19日 |", "深圳市经济贸易和信息化委员会", "2017-12-19"),
            ("深圳市工业和信息化局\n2021年12月15日附件:2022年战略性新兴产业揭榜挂帅(高端装备)榜单(征求意见稿).pdf", "深圳市工业和信息化局", "2021-12-15"),
        ])
    func signatureAndDate(closing: String, issuer: String, date: String) throws {
        let r = try record("各有关单位:\n请于公示期内以书面形式提出。\n\(closing)")
        #expect(r.issuer.name == issuer)
        #expect(r.signedOn == date)
    }

    @Test(
        "Attachment lists as pages write them",
        arguments: [
            ("附件:\n1.中山市2019年市级企业技术中心拟认定名单.xlsx\n2.中工信【2019】249号 关于开展2019年市级企业技术中心认定申报的通知.zip", 2),
            ("附:1、国家制造业单项冠军培育库名单\n2、湖南省制造业单项冠军培育库名单\n3、重点领域目录", 3),
            ("附件省工信厅《关于组织开展2022年国家服务型制造申报推荐和评估工作的通知》.pdf", 1),
            ("附件1:2021年度工业稳增长和转型升级成效明显市(州)拟入选推荐名单.docx\n附件2:2021年度建设信息基础设施和推进产业数字化成效明显市(州)拟入选推荐名单.docx", 2),
        ])
    func attachmentLists(list: String, count: Int) throws {
        let r = try record("各有关单位:\n请按要求报送。\n\(list)\n某某市工业和信息化局\n2022年1月12日")
        #expect(r.attachments.count == count)
        #expect(r.signedOn == "2022-01-12")
    }

    @Test("Attachments named only in sentences; another document's attachments are not the notice's")
    func inlineAttachments() throws {
        #expect(try record("各有关企业:\n填写《认定申请表》(附件1)和《认定申报汇总表》(附件2),并于10月29日前报送。").attachments.map(\.index) == [1, 2])
        #expect(try record("各有关单位:\n填写《汇总表》(见附件),于2月8日前发送。").attachments.count == 1)
        #expect(try record("各有关单位:\n分别填报《通知》附件6和附件7的推荐汇总表。").attachments.isEmpty)
    }
}

@Suite("Contacts written every which way (lines from real notices)")
struct RealContactTests {
    @Test(
        "People, phones, e-mails and postcodes",
        arguments: [
            (
                "联系人:装备工业处 谭清锰 025-83398238\n产业投资处 刘 培 025-86639827", ["谭清锰", "刘培"], ["025-83398238", "025-86639827"],
                []
            ),
            (
                "(联系人:房钦、刘笑,电话:020-83135943、83387376,邮箱:zhuangbei@gdei.gov.cn)", ["房钦", "刘笑"],
                ["020-83135943", "020-83387376"], ["zhuangbei@gdei.gov.cn"]
            ),
            (
                "投诉处理处室:深圳市经济贸易和信息化委员会技术创新处 投诉联系人:张斌 投诉联系电话:88102084 地址:深圳市福田区福中三路 邮编:518035 特此通知。", ["张斌"],
                ["88102084"], []
            ),
            ("联系人及电话:陈恒,0591-87553258", ["陈恒"], ["0591-87553258"], []),
            (
                "电话:0531-86126236 86016301\n邮箱:sjxwxxhtj@shandong.cn", [], ["0531-86126236", "0531-86016301"],
                ["sjxwxxhtj@shandong.cn"]
            ),
            ("市科技局咨询电话:招商与合作处 2802552 13933354229", [], ["2802552", "13933354229"], []),
            ("(联系人:钟培原,电话:88101637;芦娉婷,电话:88102095)", ["钟培原", "芦娉婷"], ["88101637", "88102095"], []),
            (
                "联系人:李正 周轶\n电 话:010-85093788(传真)85093757\n邮 箱:lizheng@mofcom.gov.cn\nzhouyilt@mofcom.gov.cn",
                ["李正", "周轶"],
                ["010-85093788", "010-85093757"], ["lizheng@mofcom.gov.cn", "zhouyilt@mofcom.gov.cn"]
            ),
            ("三、联系方式 经济发展局:杨开松 86220122 邮箱:727858553@qq.com |", ["杨开松"], ["86220122"], ["727858553@qq.com"]),
            (
                "联系人:王忠宇;联系电话:025-86635720\n邮 箱:wangzy@jseic.gov.cn\n1906874435@", ["王忠宇"], ["025-86635720"],
                ["wangzy@jseic.gov.cn"]
            ),
            ("咨询电话:88329004,监督电话:88236281(派驻纪检监察组)、88260286(局机关纪委)", [], ["88329004", "88236281", "88260286"], []),
        ])
    func contacts(text: String, names: [String], phones: [String], emails: [String]) throws {
        let found = try contactsOf("各有关单位:\n\(text)")
        #expect(found.flatMap(\.names) == names)
        #expect(found.flatMap(\.phones).map(\.number) == phones)
        #expect(found.flatMap(\.emails) == emails)
    }

    @Test("A fax is kept, as fax")
    func fax() throws {
        let phones = try contactsOf("各有关单位:\n联系方式:010-68205105\n传 真:010-66038830").flatMap(\.phones)
        #expect(phones.map(\.number) == ["010-68205105", "010-66038830"])
        #expect(phones.map(\.kind) == [.landline, .fax])
        #expect(
            try contactsOf("各有关单位:\n电 话:010-85093788(传真)85093757").flatMap(\.phones).map(\.kind) == [.fax, .landline])
    }

    @Test("A postcode inside an address; the address whole, digits and all")
    func postcodeInAddress() throws {
        let contact = try #require(try contactsOf("各有关单位:\n四、报送地址:北京市西城区百万庄大街22号,邮编:100037,请注明“申报材料”。").first)
        #expect(contact.postcode == "100037")
        #expect(contact.address == "北京市西城区百万庄大街22号")
    }

    @Test("Numbers that are not phones: dates, amounts, counts, document numbers, URLs, a site's footer")
    func notPhones() throws {
        let text = """
            各有关单位:
            一、网上申报截止时间为10月31日下午17:00,奖励资金3000000元,共12345678家企业参加。
            二、详见(粤科函规财字〔2016〕1652号)及http://pro.gdstc.gov.cn/12345678,编号20230815。
            文章内容来自网络,如有侵权,联系删除、联系电话:023-85238885
            """
        #expect(try contactsOf(text).isEmpty)
    }

    @Test("A name without a label needs a surname and a number after it")
    func unlabelledNames() throws {
        #expect(try contactsOf("各有关单位:\n材料报送联系电话:010-68205231").flatMap(\.names).isEmpty)
        #expect(try contactsOf("各有关单位:\n三、联系方式\n经济发展局:杨开松 86220122").flatMap(\.names) == ["杨开松"])
    }
}

@Suite("Deadlines, quotas, citations and addressees on real lines")
struct RealRuleTests {
    @Test(
        "Due dates with a time of day, a weekday, a 公示 period",
        arguments: [
            ("网上申报截止时间为10月31日下午17:00。", "2016-10-31", "下午17:00"),
            ("请各县(市、区)科技局在11月6日17:00前登录平台。", "2016-11-06", "17:00"),
            ("于11月18日下午17时前报省工业和信息化厅。", "2016-11-18", "下午17时"),
            ("请于9月1日(星期五)前报送。", "2016-09-01", nil),
            ("请于8月30日下班前报送。", "2016-08-30", "下班"),
            ("请于8月30日下午5点前报送。", "2016-08-30", "下午5点"),
            ("现予以公示,公示期为2016年11月23日至11月27日。", "2016-11-27", nil),
            ("公示时间:2016年4月26日至5月5日", "2016-05-05", nil),
        ])
    func deadlines(sentence: String, date: String, time: String?) throws {
        let r = try record("各有关单位:\n\(sentence)\n某某局\n2016年1月4日")
        let deadline = try #require(r.deadlines.first)
        #expect(deadline.date == date)
        #expect(deadline.time == time)
    }

    @Test("A recurring date and the issuer's own step are not the recipients' deadlines")
    func notDeadlines() throws {
        let r = try record(
            """
            各设区市经信委:
            一、每年4月底前通过公开渠道进行自我声明。
            二、请各地于6月9日前上报推荐企业申请书。省经信委于6月23日前完成评估论证。我厅将于7月1日前公布名单。
            三、省经信委将于6月30日前组织专家评审。
            江苏省经济和信息化委员会
            2017年5月23日
            """)
        #expect(r.deadlines.map(\.date) == ["2017-06-09"])
        #expect(r.schedule.map(\.date).contains("2017-06-23"))
        // (The issuer's short name before a word of its own step, 将: the word taken off before the name is read.)
        #expect(r.schedule.map(\.date).contains("2017-06-30"))
    }

    @Test("Without a signature the year comes from the cited documents")
    func yearFromCitations() throws {
        let r = try record(
            "各县(市、区)科技局:\n现将《关于组织申报2017年度省科技发展专项资金项目的通知》(粤科函规财字〔2016〕1652号)转发给你们,请于11月11日下午17:00前将书面申报书分送我局。")
        #expect(r.deadlines.map(\.date) == ["2016-11-11"])
    }

    @Test("Paired limits and limits without 推荐 in their sentence")
    func quotas() throws {
        #expect(try record("各有关单位:\n请各地级以上市推荐的优秀场景和示范工厂申报主体分别不超过5个和3个。").quotas.map(\.max) == [5, 3])
        #expect(try record("各有关单位:\n择优推荐。广州市不超过3家企业,其他各地市不超过2家企业。").quotas.map(\.max) == [3, 2])
        #expect(try record("各有关单位:\n提出活动主题和口号建议,每条一般不超过20字。").quotas.isEmpty)
    }

    @Test(
        "Agency codes stop at words of running text; decrees; brackets of every kind",
        arguments: [
            ("《山东省人民政府关于贯彻国发〔2016〕28号文件深化制造业与互联网融合发展的实施意见》", ["国发〔2016〕28号"]),
            ("根据《国家企业技术中心认定管理办法》(国家发展改革委令第34号)", ["国家发展改革委令第34号"]),
            ("根据《工业和信息化部科技司关于征集2020年工业质量品牌建设重点项目的函》(工科函[2020]213号)", ["工科函〔2020〕213号"]),
            ("按照工信部相关文件(中工信【2019】249号)规定", ["中工信〔2019〕249号"]),
        ])
    func citations(sentence: String, numbers: [String]) throws {
        #expect(try record("各有关单位:\n\(sentence)。").citations.compactMap(\.docNumber) == numbers)
    }

    @Test(
        "After 各, 、 joins short common nouns into one addressee; commas separate addressees",
        arguments: [
            (
                "市教育局,各市(区)质监局、市场监管局,新会出入境检验检疫局、开平出入境检验检疫局,各有关协会、单位、个人:",
                ["市教育局", "各市(区)质监局、市场监管局", "新会出入境检验检疫局", "开平出入境检验检疫局", "各有关协会、单位、个人"]
            ),
            ("各省屬高校、企業(yè)、科研院所,各市科技局:\n為提高我省提名國家科學技術獎項目的質量,請各單位高度重視", ["各省属高校、企业、科研院所", "各市科技局"]),
            ("各设区市工信局、平潭综合实验区经发局:", ["各设区市工信局", "平潭综合实验区经发局"]),
        ])
    func addressees(line: String, expected: [String]) throws {
        #expect(try record("\(line)\n现将有关事项通知如下。").addressees == expected)
    }
}

@Suite("Noise that mirrors and forums add")
struct TextNoiseTests {
    @Test("Garbled entities and anti-copy runs go; what remains keeps its columns")
    func noise() throws {
        #expect(TextNoise.cleaned(TextLine("苏中小科技﹝2017﹞334号&苍产蝉辫;"))?.text == "苏中小科技﹝2017﹞334号")
        #expect(TextNoise.cleaned(TextLine("重点推荐&濒诲辩耻辞;叁高&谤诲辩耻辞;公司"))?.text == "重点推荐叁高公司")
        #expect(TextNoise.cleaned(TextLine("A&amp;B&nbsp;C"))?.text == "A&B C")
        let line = try #require(TextNoise.cleaned(TextLine("* B+ U0 r* v4 d: j各省工业和信息化主管部门:) G( A* [7 ~, R8 W* h- J")))
        #expect(line.text == "各省工业和信息化主管部门:")
        #expect(line.origins.first?.column == 19)
        // The shortest run that is noise: four tokens, three spaces.
        #expect(TextNoise.cleaned(TextLine("质量G( A* r1 v4标杆"))?.text == "质量标杆")
        // …at the line's end, its last token one scalar (the third space the one before the line's last scalar).
        #expect(TextNoise.cleaned(TextLine("质量标杆G( A* r1 v"))?.text == "质量标杆")
    }

    @Test(
        "Text that looks like noise but is not",
        arguments: [
            "GB/T 19004—2011", "1. 2. 3. 4.", "A B C D", "附件1 附件2", "电话: (010) 68416386", "Q/GDW 1 2 3", "a+b c-d",
        ])
    func notNoise(text: String) throws {
        #expect(TextNoise.cleaned(TextLine(text)) == nil)  // (nil: the line is kept as it is)
    }
}

@Suite("Hostile input to the new readers")
struct RealWorldHostileTests {
    @Test(
        "Floods of what the new readers look for end in bounded time with bounded results",
        arguments: [
            String(repeating: "&苍产蝉辫;", count: 5_000),
            String(repeating: "* B+ U0 r* ", count: 5_000),
            String(repeating: "關(guān)", count: 5_000) + "(ā",
            "联系人:" + String(repeating: "王", count: 20_000),
            "电话:" + String(repeating: "0", count: 5_000),
            "电话:" + String(repeating: "83387376、", count: 2_000),
            "详见" + String(repeating: "附件1", count: 5_000),
            String(repeating: "国家发展改革委令第", count: 2_000) + "34号",
            String(repeating: "来源:", count: 5_000),
            String(repeating: "首页>", count: 5_000),
            String(repeating: "99999999999999999999", count: 250) + "月1日前报送",
        ])
    func floods(line: String) throws {
        let r = try record("各有关单位:\n\(line)\n某某局\n2023年1月1日")
        #expect(r.attachments.count <= 99)
        #expect(r.contacts.flatMap(\.phones).count <= 2_000)
        #expect(r.signedOn == "2023-01-01")
    }

    @Test("Furniture only, or a header with no body, still gives a record that keeps every line")
    func furnitureOnly() throws {
        let r = try record("您现在的位置:首页 > 通知公告\n发布时间:2023-01-01\n字体:[大][中][小]\n分享到:")
        #expect(r.title == nil)
        #expect(r.publishedOn == "2023-01-01")
        #expect(r.sections.isEmpty)
    }
}

@Suite("HTML pages as real sites set them")
struct RealHTMLTests {
    static func page(body: String, related: Int) -> String {
        let links = (1...max(related, 1)).map { "<li><a href=\"/n\($0).html\">关于印发第\($0)批质量管理相关政策文件的通知（示范文本）</a></li>" }
        return """
            <html><head><meta charset="utf-8"><title>通知</title></head><body>
            <div class="nav"><a href="/">首页</a><a href="/news">新闻</a></div>
            <div class="article"><h1>关于开展2024年质量标杆活动的通知</h1>
            <div class="text">\(body)</div>
            <div class="related"><ul>\(related > 0 ? links.joined() : "")</ul></div></div></body></html>
            """
    }

    @Test("Paragraphs marked only by newlines and ideographic indents inside one element stay paragraphs")
    func newlineParagraphs() throws {
        let body =
            "各有关单位：\n\u{3000}\u{3000}根据《实施意见》（工信部科〔2019〕188号），现将有关事项通知如下：\n\u{3000}\u{3000}一、请于2024年5月10日前报送材料。\n\u{3000}\u{3000}联系人：张三，电话：0591-87553258\n\u{3000}\u{3000}邮箱：abc@example.com\n"
        let r = try Gongwen.parse(
            bytes: Array(Self.page(body: body, related: 0).utf8), path: "page.html", format: .html)
        #expect(r.addressees == ["各有关单位"])
        #expect(r.deadlines.map(\.date) == ["2024-05-10"])
        #expect(r.contacts.flatMap(\.names) == ["张三"])
        #expect(r.contacts.flatMap(\.emails) == ["abc@example.com"])
        #expect(r.citations.compactMap(\.docNumber) == ["工信部科〔2019〕188号"])
    }

    @Test("Newlines that only space the source join as before")
    func newlineSpacing() throws {
        let body = "<p>各有关单位：</p><p>根据有关要求，\n现将有关事项\n通知如下。</p>"
        let r = try Gongwen.parse(
            bytes: Array(Self.page(body: body, related: 0).utf8), path: "page.html", format: .html)
        #expect(r.sections.first?.text == "根据有关要求，现将有关事项通知如下。")
    }

    @Test("Forty related links after the body are dropped however long the block")
    func relatedLinks() throws {
        let body = "<p>各有关单位：</p><p>请于2024年5月10日前报送材料。</p>"
        let r = try Gongwen.parse(
            bytes: Array(Self.page(body: body, related: 40).utf8), path: "page.html", format: .html)
        #expect(r.urls.isEmpty)
        #expect(r.citations.isEmpty)
        #expect(r.sections.map(\.text) == ["请于2024年5月10日前报送材料。"])
    }
}

@Suite("More shapes from the genre")
struct GenreShapeTests {
    @Test("A government site's metadata table: a row of labels over the row of their values")
    func metadataTable() throws {
        let r = try record(
            """
            索引号 | 发布机构 | 文号 | 成文日期 | 发布日期 | 主题分类
            11350000-01-2023 | 福建省工业和信息化厅 | 闽工信函〔2023〕12号 | 2023-03-01 | 2023-03-05 | 工业
            关于开展2023年质量标杆活动的通知
            各设区市工信局：
            请于4月1日前报送。
            """)
        #expect(r.issuer.name == "福建省工业和信息化厅")
        #expect(r.docNumber?.text == "闽工信函〔2023〕12号")
        #expect(r.signedOn == "2023-03-01")
        #expect(r.publishedOn == "2023-03-05")
        #expect(r.title == "关于开展2023年质量标杆活动的通知")
        #expect(r.deadlines.map(\.date) == ["2023-04-01"])
    }

    @Test("A forwarding title that ends in the forwarded title's 》")
    func titleEndingInBracket() throws {
        let r = try record("福州市工业和信息化局转发《福建省工业和信息化厅关于做好2023年全国质量标杆推荐工作的通知》\n各县（市）区工信局：\n现将文件转发给你们。")
        #expect(r.title == "福州市工业和信息化局转发《福建省工业和信息化厅关于做好2023年全国质量标杆推荐工作的通知》")
        #expect(r.issuer.name == "福州市工业和信息化局")
    }

    @Test("A page's 附件下载 list is not the notice's attachments")
    func downloads() throws {
        let r = try record("各有关单位：\n请于4月1日前报送。\n某某市工业和信息化局\n2023年3月1日\n附件下载：申报表.doc")
        #expect(r.attachments.isEmpty)
    }

    @Test("不能超过 and 不得超过 are limits")
    func moreLimits() throws {
        #expect(try record("各有关单位：\n每个地市推荐数量不能超过5家。").quotas.map(\.max) == [5])
        #expect(try record("各有关单位：\n各单位申报项目不得超过2个。").quotas.map(\.max) == [2])
    }

    @Test(
        "A malformed number is kept as written in a diagnostic, never a citation",
        arguments: [
            ("根据《质检总局关于开展第三届中国质量奖评选表彰工作的通知》(国质检质〔2016512号,附件)要求", "国质检质〔2016512号"),
            ("现将省厅《关于组织推荐2023年度第二批省级企业技术中心的通知》(湘工信科技〔2023〕號)转发你们", "湘工信科技〔2023〕号"),
        ])
    func malformedNumber(sentence: String, written: String) throws {
        let r = try record("各有关单位：\n\(sentence)。")
        #expect(r.citations.compactMap(\.docNumber).isEmpty)
        #expect(
            r.diagnostics.contains {
                $0.message.contains("malformed document number, kept as written: \(written)") && $0.span != nil
            })
    }

    @Test("In hard-wrapped text the signature under a long last attachment title stays the signature")
    func signatureUnderLongAttachment() throws {
        let body = (1...6).map { _ in "为深入贯彻落实质量强国建设纲要，推动企业提升质量管理水平，现就开展质量标杆活" }.joined(separator: "\n")
        let r = try record("各有关单位：\n\(body)\n动有关事项通知如下。\n附件：2023年全国质量标杆活动申报表及推荐汇总表和企业申报材料编写要求说明\n中国质量协会\n2023年3月1日")
        #expect(r.issuer.name == "中国质量协会")
        #expect(r.signedOn == "2023-03-01")
        #expect(r.attachments.count == 1)
    }
}

@Suite("Quotas that set no limit")
struct UnlimitedQuotaTests {
    @Test("推荐数量不限 is a quota without a limit, not a limit of zero", arguments: ["各单位推荐数量不限。", "本次遴选名额不限，请择优推荐。"])
    func unlimited(sentence: String) throws {
        let quotas = try record("各有关单位：\n\(sentence)").quotas
        #expect(quotas.count == 1)
        #expect(quotas.first?.max == nil)
        #expect(quotas.first?.unlimited == true)
    }

    @Test("A limit stays a limit")
    func limited() throws {
        let quotas = try record("各有关单位：\n各地推荐不超过3家。").quotas
        #expect(quotas.map(\.max) == [3])
        #expect(quotas.map(\.unlimited) == [false])
    }
}

@Suite("Publication lines set inside the notice's own lines")
struct FusedMetadataTests {
    @Test("A publication line on the masthead's line is split off it; the masthead stays")
    func splitOff() throws {
        let r = try record("福州市工业和信息化局 发布时间：2023-08-25 来源：本网\n关于做好2023年全国质量标杆推荐工作的通知\n各县（市）区工信局：\n请于8月30日前报送。")
        #expect(r.issuer.name == "福州市工业和信息化局")
        #expect(r.publishedOn == "2023-08-25")
        #expect(r.addressees == ["各县（市）区工信局"])
        #expect(r.deadlines.map(\.date) == ["2023-08-30"])
        #expect(r.title?.hasSuffix("关于做好2023年全国质量标杆推荐工作的通知") == true)
    }

    @Test("The publication line begins at its first label after a space, a bar or a removed space, and nowhere else")
    func splitPosition() throws {
        #expect(SiteFurniture.trailingMetadataStart(in: TextLine("福州市工业和信息化局 发布时间：2023-08-25 来源：本网")) == 11)
        #expect(SiteFurniture.trailingMetadataStart(in: TextLine("福州市工业和信息化局｜发布时间：2023-08-25 来源：本网")) == 11)
        // As normalized: the space between Han characters is gone, and the source columns still show it.
        let scalars = Array("福州市工业和信息化局发布时间：2023-08-25 来源：本网".unicodeScalars)
        let columns = scalars.indices.map { $0 < 10 ? $0 + 1 : $0 + 2 }  // column 11 held the space
        let cleaned = TextLine(scalars: scalars, origins: columns.map { SourcePoint(line: 1, column: $0) })
        #expect(SiteFurniture.trailingMetadataStart(in: cleaned) == 10)
        // Nothing apart before 发布时间: the line is cut only at 来源, the first label after a space.
        #expect(SiteFurniture.trailingMetadataStart(in: TextLine("福州市工业和信息化局发布时间：2023-08-25 来源：本网")) == 26)
        #expect(SiteFurniture.trailingMetadataStart(in: TextLine("福州市工业和信息化局发布时间：2023-08-25")) == nil)
    }

    /// `trailingMetadataStart` asks only the places a label's length before each colon: the same place as
    /// asking every place of the line (the search it replaced, below), on every input line raw and normalized,
    /// the lines of the tests above, and lines of labels, colons, spaces and bars put together at random.
    @Test(
        "The publication line is found from the colons at the place that asking every place finds: every input line, raw and normalized, and random ones"
    )
    func splitFoundFromColons() throws {
        var lines = try SiteFurnitureTests.everyLineRawAndNormalized()
        lines += [
            "福州市工业和信息化局 发布时间：2023-08-25 来源：本网", "福州市工业和信息化局｜发布时间：2023-08-25 来源：本网",
            "福州市工业和信息化局发布时间：2023-08-25 来源：本网", "本项目资金来源：省级财政专项资金。", "联系人：张三 来源单位请注明。",
            "：", "：：：", "a 来源：", "来源：本网", " 来源：本网", "某局 来源 ：本网", "某局 来源　　：本网 作者：某", "某局 来源　　　：本网", "某局 作者\t\t\t:某",
            "某局 时间：2023 来源：本网", "某局 发布机构:某厅 文号:某发〔2023〕1号", "某局|索引号：1|发布日期：2023-08-25",
            String(repeating: "某", count: 190) + " 来源：本网",
        ].map { TextLine($0) }
        // Random lines: pieces that labels, values and their separators are made of.
        let pieces = [
            "发布时间", "来源", "时间", "作者", "文号", "索引号", "发布", "：", ":", " ", "｜", "|", "　", "本网", "2023-08-25", "某局", "。",
        ]
        var generator = NoLineLostTests.SeededGenerator(state: 13)
        for _ in 0..<3000 {
            let count = Int.random(in: 1...14, using: &generator)
            lines.append(TextLine((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()))
        }
        var found = 0
        for line in lines {
            let answer = SiteFurniture.trailingMetadataStart(in: line)
            #expect(answer == Self.trailingMetadataStartAskingEveryPlace(in: line), "\(line.text)")
            if answer != nil { found += 1 }
        }
        #expect(found >= 80, "\(found) lines split")
    }

    /// The search `trailingMetadataStart` made before: every place of the line asked in turn.
    static func trailingMetadataStartAskingEveryPlace(in line: TextLine) -> Int? {
        guard line.count <= 200, line.firstIndex(of: "：", or: ":") != nil else { return nil }
        for i in 1..<max(1, line.count) {
            guard SiteFurniture.labelList.mayBegin(with: line.scalars[i]),
                let found = SiteFurniture.label(at: i, in: line),
                !SiteFurniture.weakLabels.contains(found.name),
                line.hadGap(before: i) || [" ", "|", "｜"].contains(line.scalars[i - 1])
            else { continue }
            let head = line[0..<i].trimmed()
            if !head.isEmpty, SiteFurniture.isMetadata(line[i..<line.count]), !head.text.hasSuffix("："),
                !head.text.hasSuffix(":")
            {
                return i
            }
        }
        return nil
    }

    @Test("A sentence that names a source is not split", arguments: ["本项目资金来源：省级财政专项资金。", "联系人：张三 来源单位请注明。"])
    func notSplit(line: String) throws {
        #expect(SiteFurniture.trailingMetadataStart(in: TextLine(line)) == nil)
    }

    @Test("Without a title year, a number or a signature, the campaign year is the year of publication")
    func campaignYearFromPublication() throws {
        let r = try record("江门市质监局关于推荐参加第三届中国质量奖评选表彰活动的通知\n更新时间:2016/12/2 15:47:20\n市教育局,各有关单位:\n请认真组织。")
        #expect(r.campaignYear == 2016)
        #expect(r.publishedOn == "2016-12-02")
        #expect(r.signedOn == nil)
    }
}

@Suite("Closing shapes and windows")
struct ClosingShapeTests {
    @Test("Attachments listed on one line are several")
    func entriesOnOneLine() throws {
        let r = try record("各有关单位：\n请报送。\n附件：1.申报书 2.推荐汇总表 3.承诺书\n某某市工业和信息化局\n2023年1月1日")
        #expect(r.attachments.map(\.title) == ["申报书", "推荐汇总表", "承诺书"])
        #expect(r.signedOn == "2023-01-01")
    }

    @Test("A run of unit names at the end is not a signature")
    func namesAtTheEnd() throws {
        let names = ["北京市经济和信息化局", "天津市工业和信息化局", "河北省工业和信息化厅", "山西省工业和信息化厅", "内蒙古自治区工业和信息化厅", "辽宁省工业和信息化厅"]
        let r = try record("各有关单位：\n入选单位如下：\n" + names.joined(separator: "\n"))
        #expect(r.issuer.name == nil)
        #expect(r.elements.filter { $0.kind == .signature }.isEmpty)
    }

    @Test("Two joint issuers without a date sign the notice")
    func jointSignature() throws {
        let r = try record("各有关单位：\n请于11月18日前报送。\n广东省工业和信息化厅\n广东省发展和改革委员会")
        #expect(r.issuer.name == "广东省工业和信息化厅")
        #expect(r.elements.filter { $0.kind == .signature }.map(\.text) == ["广东省工业和信息化厅\n广东省发展和改革委员会"])
    }

    @Test("A window open from today is due at its end", arguments: ["申报时间：即日起至2023年9月15日。", "即日起至9月15日，企业可在线申报。"])
    func fromToday(sentence: String) throws {
        #expect(try record("各有关单位：\n\(sentence)\n某某局\n2023年8月1日").deadlines.map(\.date) == ["2023-09-15"])
    }

    @Test(
        "A site's footer with its host's phone is furniture",
        arguments: [
            "主办单位：某某市工业和信息化局 联系电话：0591-87654321", "网站标识码：3501000001 闽ICP备12345678号",
        ])
    func footers(line: String) throws {
        #expect(SiteFurniture.kind(of: TextLine(line)) == .footer)
        #expect(try record("各有关单位：\n请报送。\n某某局\n2023年8月1日\n\(line)").contacts.isEmpty)
    }
}

@Suite("An issuer no element names")
struct RecipientIssuerTests {
    @Test(
        "The body the notice sends materials or objections to, with a diagnostic that says so",
        arguments: [
            ("如有异议,请于公示期内将意见以书面形式反馈至工业和信息化部(规划司)。", "工业和信息化部"),
            ("有意愿申报的中央企业于4月30日前直接向商务部提出申请。请于5月15日前向商务部报送推荐名单。", "商务部"),
        ])
    func inferred(text: String, issuer: String) throws {
        let r = try record("各省、自治区、直辖市商务主管部门:\n\(text)")
        #expect(r.issuer.name == issuer)
        #expect(r.diagnostics.contains { $0.message.contains("taken to be \(issuer)") })
    }

    @Test(
        "Not the issuer's superior, not a body named only by its short form, not when an element names the issuer",
        arguments: [
            "各设区市工信局:\n于5月15日前报送至我厅(生产服务业处)。我厅将组织初步评审,择优向工业和信息化部推荐。",
            "各地级以上市市场监督管理局:\n请于5月10日前将所有申报材料报送至省局(质量发展处)。",
        ])
    func notInferred(text: String) throws {
        #expect(try record(text).issuer.name == nil)
    }

    @Test("A signature wins over the body materials go to")
    func signatureFirst() throws {
        let r = try record("各市工业和信息化局:\n请于5月15日前向工业和信息化部报送。\n山东省工业和信息化厅\n2022年5月1日")
        #expect(r.issuer.name == "山东省工业和信息化厅")
        #expect(!r.diagnostics.contains { $0.message.contains("taken to be") })
    }
}

@Suite("Last shapes: fused masthead, spaced dashes, fax labels")
struct LastShapeTests {
    @Test("The masthead and the number on one line are two elements")
    func fusedMasthead() throws {
        let r = try record("中国质量协会文件 中国质协字〔2023〕71号\n关于开展2023年全国质量标杆活动的通知\n各会员单位及相关组织：\n请于9月15日前报送。")
        #expect(r.issuer.name == "中国质量协会")
        #expect(r.docNumber?.text == "中国质协字〔2023〕71号")
        #expect(r.elements.map(\.kind) == [.masthead, .docNumber, .title, .addressee])
        #expect(r.citations.isEmpty)
    }

    @Test("A dash with spaces around it, and the labels of a fax")
    func spacedDashAndFax() throws {
        let phones = try contactsOf("各有关单位：\n联系人：王五，电话：0591 - 87846628，传真电话：0591-87846600").flatMap(\.phones)
        #expect(phones.map(\.number) == ["0591-87846628", "0591-87846600"])
        #expect(phones.map(\.kind) == [.landline, .fax])
    }

    @Test(
        "Years and dates with spaced dashes are not phones",
        arguments: ["实施期为2023 - 2025年，电话：0591-87846628", "公示期：2023 - 08 - 21至2023 - 08 - 28，电话：0591-87846628"])
    func notPhones(line: String) throws {
        #expect(try contactsOf("各有关单位：\n\(line)").flatMap(\.phones).map(\.number) == ["0591-87846628"])
    }
}

@Suite("Outline numbers as web pages write them")
struct WebOutlineTests {
    @Test("一. and 一． open items as 一、 does; 一.5 does not")
    func chineseNumeralWithPeriod() throws {
        let r = try record("各有关单位：\n一.申报条件\n企业应具有独立法人资格。\n二．申报时间\n请于2023年9月15日前报送。")
        #expect(r.sections.map(\.number) == ["一.", "二．"])
        #expect(r.sections.map(\.heading) == ["申报条件", "申报时间"])
        #expect(OutlineMarker.parse(TextLine("一.5倍于上年")) == nil)
    }
}

@Suite("Dates written in digits")
struct NumericDateTests {
    @Test(
        "A due date written in digits, with its time",
        arguments: [
            ("截止时间：2023-09-15 17:00。", "2023-09-15", "17:00"),
            ("请于2023.9.15前报送。", "2023-09-15", nil),
            ("请于2023/09/15前报送。", "2023-09-15", nil),
        ])
    func numeric(sentence: String, date: String, time: String?) throws {
        let deadline = try #require(try record("各有关单位：\n\(sentence)\n某某局\n2023年9月1日").deadlines.first)
        #expect(deadline.date == date)
        #expect(deadline.time == time)
    }

    @Test(
        "Not a date: a URL's path, a version, a longer number, an impossible day",
        arguments: [
            "详见http://www.gov.cn/2023/09/15/art.html，于9月20日前报送。", "软件版本V2023.1.2.5，于9月20日前报送。",
            "编号12023-09-15，于9月20日前报送。", "截止2023-02-30，于9月20日前报送。",
        ])
    func notNumeric(sentence: String) throws {
        #expect(try record("各有关单位：\n\(sentence)\n某某局\n2023年9月1日").deadlines.map(\.date) == ["2023-09-20"])
    }
}
