import Testing

@testable import GongwenKit

@Suite("Submission")
struct SubmissionExtractorTests {
    @Test(
        "A sentence without 份 or 电 is passed over: every sentence's materials are those the scan of each position finds"
    )
    func materialsGate() throws {
        var sentences = try SentenceTriggersTests.allSentences()
        sentences += ["请报送纸质版一式三份。", "电子版发送至邮箱，纸质材料寄送。", "光盘电子版及U盘", "纸质版5份", "一式两份"].map {
            Sentence(line: TextLine($0))
        }
        var withMaterials = 0
        for sentence in sentences {
            var quoting = QuotingSentence(sentence)
            let found = SubmissionExtractor.materials(in: &quoting)
            #expect(found == SubmissionExtractor.scanMaterials(in: &quoting), "\(sentence.text.prefix(60))")
            if !found.isEmpty { withMaterials += 1 }
        }
        #expect(withMaterials >= 10, "\(withMaterials) sentences name materials")
    }

    @Test("Submission: channels, copies, formats and naming rules as the national notices state them")
    func submission() throws {
        let found = SubmissionExtractor.extract(
            sentences(
                """
                请访问中国质量网（www.caq.org.cn）左侧“奖项申报”页面，选择全国质量标杆申报入口，于7月15日前按要求提交申报材料。
                在线申报完成后，请将加盖公章的申报书、典型经验材料和其他证明材料的 word 版打包压缩成 RAR 格式文件，以“申报企业全称”命名，于7月15日前发送至指定邮箱，邮件主题为“申报企业全称”。
                推荐名单与企业申报书（纸质一式二份、光盘电子版一份），于 9 月 4 日前正式报送我厅。
                """))
        #expect(found.channels.map(\.kind) == [.online, .email, .delivery])
        #expect(found.channels.map(\.target) == ["www.caq.org.cn", nil, "我厅"])
        // Each delivery verb, the first of the list that stands being read where two stand at one place (报送至
        // before 报送: not "至我厅").
        for verb in SubmissionExtractor.deliveryVerbs {
            let delivery = SubmissionExtractor.extract(sentences("请于9月4日前将推荐名单\(verb)我厅。")).channels
            #expect(delivery.map(\.kind) == [.delivery] && delivery.map(\.target) == ["我厅"], "\(verb)")
        }
        // Two verbs in one sentence: the list's first that stands (报送, before 送至), wherever it stands.
        let two = SubmissionExtractor.extract(sentences("推荐表原件寄送至省厅，复印件报送我厅。")).channels
        #expect(two.map(\.target) == ["我厅"])
        #expect(found.fileFormats.map(\.format) == ["Word", "RAR"])
        // "word 版" at columns 35–40 of the second line (the space inside it folded away), "RAR" at 47–49.
        #expect(
            found.fileFormats.map { [$0.span.startLine, $0.span.startColumn, $0.span.endColumn] } == [
                [2, 35, 40], [2, 47, 49],
            ])
        #expect(found.naming.map(\.target) == [.file, .emailSubject])
        #expect(found.naming.map(\.pattern) == ["申报企业全称", "申报企业全称"])
        #expect(found.materials.map(\.form) == ["纸质", "光盘电子版"])
        #expect(found.materials.map(\.copies) == [2, 1])
        // A naming rule, and copies, each in a sentence of its own: no channel's or format's word beside them.
        let alone = SubmissionExtractor.extract(sentences("材料以“单位名称+项目名称”命名。申报书纸质一式二份。"))
        #expect(alone.naming.map(\.pattern) == ["单位名称+项目名称"] && alone.naming.map(\.target) == [.file])
        #expect(alone.materials.map(\.copies) == [2] && alone.channels.isEmpty && alone.fileFormats.isEmpty)
        // A real sentence of the corpus with two formats, and each format word of the list alone.
        let formats = SubmissionExtractor.extract(
            sentences("电子版刻录光盘:汇总表和推荐表为Excel版本,其他申报材料合并成1个PDF文件。")
        ).fileFormats
        #expect(formats.map(\.format) == ["PDF", "Excel"])
        for (word, format) in SubmissionExtractor.formats {
            let alone = SubmissionExtractor.extract(sentences("请提交\(word)。")).fileFormats
            #expect(alone.map(\.format) == [format] && alone.map(\.span.startColumn) == [4], "\(word)")
        }
    }

    @Test(
        "A body's name is told by the words themselves as by their string: every clause of every notice, and the edges")
    func bodyNames() throws {
        func isBodyByString(_ text: String) -> Bool {
            !text.isEmpty && text.unicodeScalars.count <= 60 && SentenceSubject.bodies.contains { text.hasSuffix($0) }
        }
        var pieces: [TextLine] = []
        for sentence in try SentenceTriggersTests.allSentences() {
            Sentences.forEachClause(of: sentence.line) { pieces.append(sentence.line[$0].trimmed()) }
        }
        let sixty = String(repeating: "省", count: 58) + "单位"
        pieces += ["", "单位", "位", "各有关单位", "𠮷单位", "e\u{301}单位", sixty, "省" + sixty, "我厅"].map { TextLine($0) }
        var bodies = 0
        for piece in pieces {
            #expect(SentenceSubject.isBody(piece) == isBodyByString(piece.text), "\(piece.text)")
            if SentenceSubject.isBody(piece) { bodies += 1 }
        }
        #expect(bodies > 100 && bodies < pieces.count, "\(bodies) of \(pieces.count) clauses end like a body's name")
        #expect(SentenceSubject.isBody(TextLine(sixty)) && !SentenceSubject.isBody(TextLine("省" + sixty)))
    }

    /// Real lines of the corpus: a copy count after 一式 with no form before it, forms in a bracket, a
    /// form at the line's very end; and lines that hold 一 and the forms' first characters everywhere.
    @Test("Materials: copies after a form or after 一式 alone, found only where a form or 一式 begins")
    func materials() {
        func materials(_ text: String) -> [Material] {
            var sentence = QuotingSentence(Sentence(line: TextLine(text)))
            return SubmissionExtractor.materials(in: &sentence)
        }
        let alone = materials("各县（市）区择优推荐不超过1家，企业申报材料一式三份")
        #expect(alone.map(\.form) == [nil] && alone.map(\.copies) == [3])
        #expect(alone.map(\.span.startColumn) == [23] && alone.map(\.span.endColumn) == [26], "一式三份")
        // 电子版 is not listed here (no 报送, 及 or 和 in the sentence): the 光盘 after it is, with its count.
        let bracketed = materials("推荐企业申报材料(纸质版一式三份,电子版光盘一份,附件3)等资料")
        #expect(bracketed.map(\.form) == ["纸质版", "光盘"] && bracketed.map(\.copies) == [3, 1])
        #expect(materials("件4）和申报材料纸质版1份").map(\.copies) == [1], "as normalized: the space before 1 is gone")
        #expect(materials("申报材料报送纸质版").isEmpty, "a form with no count, and no electronic copy")
        #expect(materials("报送电子版").map(\.form) == ["电子版"], "an electronic copy listed, without a count")
        // Hostile: 一 and the forms' first characters at every position, and a line that ends on them.
        #expect(materials(String(repeating: "一", count: 5_000)).isEmpty)
        #expect(materials(String(repeating: "纸光U电", count: 2_000) + "一式").isEmpty)
        #expect(materials("一").isEmpty && materials("").isEmpty && materials("一式").isEmpty)
    }
}
