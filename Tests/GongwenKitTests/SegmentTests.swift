import Testing

@testable import GongwenKit

@Suite("Segment: GB/T 9704 elements, outline, attachments, forwarded notices")
struct SegmentTests {
    @Test(
        "Header marks read from the line's scalars, as comparing its text with the words read them: every line of every input, and edges"
    )
    func headerMarks() throws {
        var lines = try everyInputLine()
        lines += [
            "特急", "加急", "特提", "平急", "特急\u{301}", "特急件", "特", "机密★1年", "绝密★一年以内啊啊啊", "绝密★一年以内啊啊啊啊", "秘密",
            "签发人：王某", "签发人", "123456", "12345", "1234567", "", "平急 ",
        ].map { TextLine($0) }
        var marks = 0
        for line in lines {
            let text = line.text
            var expected: HeaderMark?
            if line.count == 6, line.scalars.allSatisfy(\.isASCIIDigit) {
                expected = .copyNumber
            } else if ["绝密", "机密", "秘密"].contains(where: { text.hasPrefix($0) }), line.count <= 12 {
                expected = .secrecy
            } else if ["特急", "加急", "特提", "平急"].contains(text) {
                expected = .urgency
            } else if text.hasPrefix("签发人"), LineShape.isLabelled(line) {
                expected = .signer
            }
            #expect(Segmenter.headerMark(line) == expected, "\(text.prefix(60))")
            if expected != nil { marks += 1 }
        }
        #expect(marks >= 8, "\(marks) marks")
    }

    @Test(
        "A notice is told within the first six lines of a slice, wherever the slice begins: a title over its addressee, a masthead over its number"
    )
    func looksLikeNoticeInSlices() {
        let head = ["关于开展2023年质量标杆遴选活动的通知", "各有关单位：", "为贯彻落实……，现将有关事项通知如下。"]
        let masthead = ["中国质量协会文件", "中质协字〔2023〕71号", "关于开展质量标杆活动的通知"]
        let filler = (1...8).map { "第\($0)段正文，说明有关要求。" }
        for (lead, shape) in [(head, "title"), (masthead, "masthead")] {
            for before in 0...3 {
                for after in 0...5 {
                    // `before` lines of body, then `after` more, then the notice's first lines: told while they
                    // begin within the slice's first six lines.
                    let lines = normalizedLines(
                        (filler.prefix(before) + filler.prefix(after) + lead).joined(separator: "\n\n"))
                    let slice = lines[before...]
                    #expect(
                        Segmenter.looksLikeNotice(slice) == (after + 2 <= 6),
                        "\(shape): \(before) before, \(after) after")
                }
            }
        }
        #expect(!Segmenter.looksLikeNotice(normalizedLines("关于开展活动的通知")[...]))
        #expect(!Segmenter.looksLikeNotice([NormalizedLine]()[...]))
    }

    @Test(
        "Outline markers as documents write them",
        arguments: [
            ("一、质量标杆遴选工作", OutlineMarker.Kind.chineseEnumerated, 1, "一、"),
            ("十二、其他", .chineseEnumerated, 12, "十二、"),
            ("（三）评审工作", .chineseParenthesized, 3, "（三）"),
            ("(三) 评审工作", .chineseParenthesized, 3, "(三)"),
            ("1. 具有独立法人资格", .arabicEnumerated, 1, "1."),
            ("2．申报截止时间", .arabicEnumerated, 2, "2．"),
            ("3、材料报送", .arabicEnumerated, 3, "3、"),
            ("（1）申报时间：2023年9月15日截止申报。", .arabicParenthesized, 1, "（1）"),
            ("②网络宣传", .circled, 2, "②"),
            // The longest each kind reads (a marker's scalars are kept packed, six at most).
            ("一百二十、其他", .chineseEnumerated, 120, "一百二十、"),
            ("（一百二）其他", .chineseParenthesized, 102, "（一百二）"),
            ("(120) 其他", .arabicParenthesized, 120, "(120)"),
            ("999．其他", .arabicEnumerated, 999, "999．"),
            ("⑳其他", .circled, 20, "⑳"),
        ])
    func markers(line: String, kind: OutlineMarker.Kind, number: Int, text: String) throws {
        let marker = try #require(OutlineMarker.parse(TextLine(line)))
        #expect(marker.kind == kind)
        #expect(marker.number == number)
        #expect(marker.text == text)
    }

    /// A marker's text is its scalars as given, whatever their widths: six of four bytes each (24 bytes, the
    /// most a marker holds), six of one, and the 15 and 16 bytes on either side of a small string's room.
    @Test("A marker's text is its scalars, up to six of four bytes each")
    func markerTextOfEveryWidth() {
        for text in ["𠀀𠀀𠀀𠀀𠀀𠀀", "(1234)", "（一百二）", "（一百二）a", "①", "1"] {
            let marker = OutlineMarker(
                kind: .arabicParenthesized, number: 1, text: text.unicodeScalars,
                contentStart: text.unicodeScalars.count)
            #expect(marker.text == text)
            #expect(marker.text.utf8.count == text.utf8.count)
        }
    }

    @Test(
        "Not outline markers", arguments: ["一是全面落实企业质量安全主体责任。", "2020年，中国质协将继续", "1.5倍以上", "（以下简称中国质协）", "〇、", "（一）"])
    func notMarkers(line: String) {
        #expect(OutlineMarker.parse(TextLine(line)) == nil)
    }

    @Test("OutlineMarker.mayBegin holds for every line a marker is read on: every notice's lines, and hostile ones")
    func markerMayBegin() throws {
        var lines: [TextLine] = []
        for file in JSONWriterTests.inputFiles {
            lines += try Gongwen.normalize(path: file.path).lines.map {
                TextLine(original: $0.text.unicodeScalars, lineNumber: 1)
            }
        }
        for text in [
            "①", "⑳网络", "(12)项", "（十）其他", "999.项", "1.2023年度", "一.", "两、", "〇、", "O.", "0.", "", " 一、", "十二、其他",
        ] {
            lines.append(TextLine(original: text.unicodeScalars, lineNumber: 1))
        }
        var markers = 0
        for line in lines
        where OutlineMarker.parse(line) != nil || OutlineMarker.parse(line, allowDigitAfter: true) != nil {
            markers += 1
            #expect(OutlineMarker.mayBegin(line), "\(line.text)")
            // The marker's text is the line's words up to where its content starts, but for spaces.
            for marker in [OutlineMarker.parse(line), OutlineMarker.parse(line, allowDigitAfter: true)].compactMap(
                \.self)
            {
                let written = String(String.UnicodeScalarView(line.scalars.prefix(marker.contentStart)))
                #expect(
                    !marker.text.isEmpty && marker.text == written.trimmingCharacters(in: .whitespaces),
                    "\(line.text): \(marker.text)")
            }
        }
        #expect(markers > 200, "\(markers) lines with a marker")
        // And few others: it bounds the room the outline reserves.
        let others = lines.filter { OutlineMarker.mayBegin($0) && OutlineMarker.parse($0) == nil }.count
        #expect(others < markers / 2, "\(others) lines may begin a marker and do not, for \(markers) that do")
    }

    @Test(
        "A plain body line (not begun by 附, no 月, long or with a comma) is no attachment note, appendix marker, date or signature"
    )
    func plainBodyLinesCloseNothing() throws {
        let long = String(repeating: "推荐", count: 31)
        let texts =
            try everyInputLine()
            + [
                "附件：\(long).docx", "附件1\(long)", "\(long)2023年9月15日", "中国质量协会\(long)", "2023年9月15日\(long)",
                "\(long)月", "附\(long)", "\(long.prefix(60))", "\(long.prefix(59))月", "中国质量协会", "中国质量协会，", "中国质量协会1",
                "中国\t质量协会",
            ].map { TextLine($0) }
        let lines = texts.map {
            NormalizedLine(line: $0, markdownHeadingLevel: nil, lastPhysicalWidth: 0, furniture: nil)
        }
        var plain = 0
        for line in lines where Segmenter.isPlainBodyLine(line.line) {
            plain += 1
            #expect(Segmenter.attachmentNoteStart(line.line) == nil, "\(line.text)")
            #expect(Segmenter.appendixMarker(line.line) == nil, "\(line.text)")
            #expect(DateScanner.signingDate(line.line) == nil, "\(line.text)")
            #expect(!Segmenter.isSignatureShaped(line), "\(line.text)")
        }
        #expect(plain > 500, "\(plain) plain body lines")
        // And the lines a signature may be, a date or a note may stand on, are not taken for plain ones.
        #expect(!Segmenter.isPlainBodyLine(TextLine(String(long.prefix(60)))))
        #expect(!Segmenter.isPlainBodyLine(TextLine("中国质量协会")))
        #expect(!Segmenter.isPlainBodyLine(TextLine("附\(long)")))
        #expect(!Segmenter.isPlainBodyLine(TextLine("\(long)月")))
    }

    @Test("An item's lines are the notice's own lines, not a copy of them (2022_caq.txt)")
    func sectionsShareTheLines() throws {
        let document = try Ingest.read(path: Corpus.path("2022_caq.txt"))
        let normalized = Normalizer.normalize(document.lines, headingLevels: document.headingLevels)
        #expect(normalized.lines.allSatisfy { $0.furniture == nil })
        let notice = Segmenter.segment(normalized)
        func items(_ sections: [Section]) -> [Section] { sections.flatMap { [$0] + items($0.children) } }
        let all = items(notice.body)
        #expect(all.count > 10)
        normalized.lines.withUnsafeBufferPointer { whole in
            let storage = UnsafeRawPointer(whole.baseAddress!)..<UnsafeRawPointer(whole.baseAddress! + whole.count)
            for section in all {
                section.lines.withUnsafeBufferPointer { own in
                    #expect(storage.contains(UnsafeRawPointer(own.baseAddress!)), "\(section.number ?? "opening")")
                    #expect(own.elementsEqual(whole[section.lines.indices], by: ==))
                }
            }
        }
    }

    @Test("Shandong's inconsistent markdown levels nest by their numbering")
    func shandongOutline() throws {
        let record = try Corpus.record("2021_shandong.txt")
        #expect(record.sections.map(\.number) == [nil, "一、", "二、", "三、", "四、", "五、"])
        #expect(record.sections[0].text.hasPrefix("根据《工业和信息化部办公厅关于做好2021年工业质量品牌建设工作的通知》"))
        let first = record.sections[1]
        #expect(first.heading == "全省质量标杆遴选")
        #expect(first.children.map(\.number) == ["（一）", "（二）", "（三）"])
        #expect(first.children.map(\.heading) == ["重点领域", "申报条件", "申报时间和要求"])
        #expect(first.children[0].children.map(\.number) == ["1.", "2.", "3."])
        #expect(record.sections[4].heading == "其他相关事项")
    }

    @Test("The national 2023 notice: 1./2./3. under （三） whatever their markdown level, （1）… under 1.")
    func nationalOutline() throws {
        let national = try #require(
            Corpus.flatten(try Corpus.record("2023_fuzhou_forward.txt")).first { $0.depth == 2 }?.record)
        let procedure = try #require(national.sections[1].children.first { $0.heading == "遴选程序" })
        #expect(procedure.children.map(\.heading) == ["活动申报", "评审工作", "公示与公告"])
        #expect(procedure.children[0].children.map(\.number) == ["（1）", "（2）", "（3）", "（4）"])
        #expect(procedure.children[0].children[0].text == "申报时间：2023年9月15日截止申报。")
    }

    @Test("The Fuzhou file is city ⊃ province ⊃ national: three records nested")
    func forwardingChain() throws {
        let flat = Corpus.flatten(try Corpus.record("2023_fuzhou_forward.txt"))
        #expect(flat.map(\.depth) == [0, 1, 2])
        #expect(flat.map(\.record.issuer.name) == ["福州市工业和信息化局", "福建省工业和信息化厅", "中国质量协会"])
        #expect(flat.map(\.record.issuer.level) == [.municipal, .provincial, .association])
        // Each forwarding notice's attachment is the next record.
        #expect(flat[0].record.attachments.map(\.embeddedRecord) == [0])
        #expect(flat[1].record.attachments.map(\.embeddedRecord) == [0])
        #expect(flat[2].record.embedded.isEmpty)
    }

    @Test("2020: the three listed attachments are joined to their appended bodies")
    func attachments2020() throws {
        let record = try Corpus.record("2020_caq.txt")
        #expect(record.attachments.map(\.index) == [1, 2, 3])
        #expect(record.attachments.map(\.title) == ["推荐单位名录", "2020年全国质量标杆遴选说明", "质量标杆申报材料编写说明及申报（推荐）流程"])
        #expect(record.attachments.allSatisfy { $0.appended })
        #expect(record.attachments[1].sections.map(\.heading) == ["遴选范围", "遴选标准"])
        #expect(record.attachments[1].sections[0].children.count == 5)
        let kinds = record.elements.map(\.kind)
        #expect(
            kinds == [
                .masthead, .docNumber, .title, .addressee, .attachmentNote,
                .attachmentMarker, .attachmentTitle, .attachmentMarker, .attachmentTitle, .attachmentMarker,
                .attachmentTitle,
            ])
    }

    @Test("2022: signature and date close the notice; the unnumbered 附件 is its one listed attachment")
    func closing2022() throws {
        let record = try Corpus.record("2022_caq.txt")
        let signature = try #require(record.elements.first { $0.kind == .signature })
        #expect(signature.text == "中国质量协会")
        #expect(signature.span.startLine == 79)
        #expect(record.elements.first { $0.kind == .date }?.text == "2022年6月6日")
        #expect(record.attachments.count == 1)
        #expect(record.attachments[0].appended)
        #expect(record.attachments[0].sections.count == 49)
    }
}

@Suite("Segment: the rarer GB/T 9704 elements")
struct RareElementTests {
    /// A notice in the genre with every optional element of GB/T 9704-2012 (the names are made up).
    static let fullNotice = """
        000123
        机密★1年
        特急
        某某省工业和信息化厅文件
        某工信〔2024〕12号 签发人：王某
        关于做好2024年某项工作的通知
        各市工业和信息化局，有关单位：
        一、工作安排
        请各单位于2024年4月30日前报送材料。
        附件：1. 推荐汇总表
        某某省工业和信息化厅
        2024年3月1日
        （此件主动公开）
        附件1
        推荐汇总表
        序号\t单位
        1\t某某市工业和信息化局
        抄送：工业和信息化部科技司。
        某某省工业和信息化厅办公室 2024年3月2日印发
        """

    @Test("份号, 密级, 紧急程度, 签发人, 附注 and 版记 are elements of their own")
    func everyElement() throws {
        let record = try Gongwen.parse(bytes: Array(Self.fullNotice.utf8), path: "full.txt")
        #expect(
            record.elements.map(\.kind) == [
                .copyNumber, .secrecy, .urgency, .masthead, .docNumber, .title, .addressee,
                .attachmentNote, .signature, .date, .annotation, .attachmentMarker,
                .attachmentTitle, .copyTo, .printedBy,
            ])
        #expect(record.docNumber?.text == "某工信〔2024〕12号")
        #expect(record.issuer.name == "某某省工业和信息化厅")
        #expect(record.signedOn == "2024-03-01")
        #expect(record.attachments.count == 1)
        #expect(record.attachments[0].appended)
        #expect(record.attachments[0].sections.first?.text == "序号\t单位\n1\t某某市工业和信息化局")
        #expect(record.diagnostics.allSatisfy { $0.severity == .info })
    }

    @Test("Text after the date that nothing announces is kept as unplaced lines, with a warning")
    func unplacedTail() throws {
        let text = """
            关于做好2024年某项工作的通知
            各有关单位：
            请按要求报送材料。
            某某协会
            2024年3月1日
            这一段文字出现在日期之后，却没有附件说明。
            """
        let record = try Gongwen.parse(bytes: Array(text.utf8), path: "tail.txt")
        let unplaced = record.diagnostics.filter { $0.message.hasPrefix("line not placed") }
        #expect(unplaced.count == 1)
        #expect(unplaced.first?.severity == .warning)
        #expect(unplaced.first?.span?.startLine == 6)
        #expect(unplaced.first?.message.contains("这一段文字出现在日期之后") == true)
        #expect(record.attachments.isEmpty)
    }

    @Test("A notice whose outline is only markdown headings nests by their levels")
    func markdownOnlyOutline() throws {
        let text = """
            关于做好2024年某项工作的通知
            各有关单位：
            ## 工作目标
            提升质量。
            ### 具体任务
            开展培训。
            ## 工作要求
            按时报送。
            """
        let record = try Gongwen.parse(bytes: Array(text.utf8), path: "md.txt")
        #expect(record.sections.map(\.heading) == ["工作目标", "工作要求"])
        #expect(record.sections[0].text == "提升质量。")
        #expect(record.sections[0].children.map(\.heading) == ["具体任务"])
        #expect(record.sections[0].children[0].text == "开展培训。")
    }
}
