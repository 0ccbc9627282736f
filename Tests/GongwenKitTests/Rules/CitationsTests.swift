import Testing

@testable import GongwenKit

@Suite("Citations")
struct CitationsTests {
    /// The documents seen (a `SmallSet`) are looked through while they are few and kept in a set past
    /// `mostLookedThrough`: the same answers as a set from the first, on random runs of titles and numbers (some
    /// absent, many repeated) that stay under the bound or cross it, and repeat documents seen before it after it.
    @Test("A document is cited once: the documents seen answer as a set does, before and after they are many")
    func seenDocuments() {
        var generator = NoLineLostTests.SeededGenerator(state: 2_019_188)
        let bound = SmallSet<CitationExtractor.Cited>.mostLookedThrough
        for run in 0..<40 {
            var seen = SmallSet<CitationExtractor.Cited>()
            var reference = Set<CitationExtractor.Cited>()
            let kinds = run % 2 == 0 ? bound / 2 : bound * 3  // (fewer documents than the bound, and more)
            for _ in 0..<(bound * 4) {
                let title = Int.random(in: 0..<kinds, using: &generator)
                let number = Int.random(in: 0..<3, using: &generator)
                let cited = CitationExtractor.Cited(
                    title: title % 7 == 0 ? nil : ExactText("《办法\(title)》"),
                    docNumber: number == 0 ? nil : ExactText("工信部科〔2019〕\(number)号"))
                #expect(seen.contains(cited) == reference.contains(cited), "run \(run)")
                #expect(seen.insert(cited) == reference.insert(cited).inserted, "run \(run)")
            }
        }
    }

    @Test("A title with its number in brackets, a number right after a title, a bare number, an attachment")
    func citations() {
        let found = CitationExtractor.extract(
            sentences(
                """
                落实《工业和信息化部关于促进制造业产品和服务质量提升的实施意见》（工信部科〔2019〕188 号）要求。
                中小企业（符合《中小企业划型标准规定》工信部联企业〔2011〕300 号标准）。
                根据国办发〔2019〕5号文件精神，按照《2021年工业企业质量标杆遴选说明》（附件1）执行。
                """))
        #expect(found.map(\.title) == ["工业和信息化部关于促进制造业产品和服务质量提升的实施意见", "中小企业划型标准规定", "2021年工业企业质量标杆遴选说明", nil])
        #expect(found.map(\.docNumber) == ["工信部科〔2019〕188号", "工信部联企业〔2011〕300号", nil, "国办发〔2019〕5号"])
        #expect(found[2].attachmentIndex == 1)
    }

    /// A real sentence of the corpus (a Shandong notice of 2022) that cites two documents: their quotes
    /// are one string, made once — not equal strings encoded twice.
    @Test("The citations of one sentence share its text: one string, not one made for each")
    func quotesShared() throws {
        let sentence =
            "依照《山东省中小企业公共服务示范平台认定管理办法》(鲁工信发〔2020〕4号,以下简称《管理办法》),组织开展2022年度山东省中小企业公共服务示范平台推荐工作。"
        let found = CitationExtractor.extract(sentences(sentence))
        #expect(found.map(\.title) == ["山东省中小企业公共服务示范平台认定管理办法", "管理办法"])
        #expect(found.map(\.text) == [sentence, sentence])
        var texts = found.map(\.text)
        let storage = texts.indices.map { k in texts[k].withUTF8 { UInt(bitPattern: $0.baseAddress) } }
        #expect(storage.count == 2 && storage[0] == storage[1], "the two quotes' bytes stand at \(storage)")
    }
}

@Suite("Citations in a whole notice")
struct NoticeCitationsTests {
    @Test("The body's, the 附件说明's and each appended attachment's citations, in reading order")
    func acrossTheNotice() throws {
        let record = try Gongwen.parse(
            bytes: Array(
                """
                关于开展2023年质量标杆活动的通知
                各有关单位：
                根据《质量强国建设纲要》（中发〔2023〕1号）要求，现将有关事项通知如下。
                一、请于2023年6月30日前报送材料。

                附件：1.《2022年质量标杆名单》（质协〔2022〕12号）
                      2.申报表
                中国质量协会
                2023年5月10日
                附件1
                2022年质量标杆名单
                一、依据《质量管理体系要求》（国质检〔2016〕7号）评定。
                附件2
                申报表
                一、按照《质量标杆遴选办法》（质协〔2021〕3号）填写。
                """.utf8), path: "citations.txt")
        #expect(
            record.citations.map(\.docNumber) == ["中发〔2023〕1号", "质协〔2022〕12号", "国质检〔2016〕7号", "质协〔2021〕3号"])
        #expect(record.attachments.filter(\.appended).count == 2)
    }

    /// The closers as they were found before (a stack of open 《 and a dictionary of closers).
    private static func closers(_ line: TextLine) -> [Int: Int] {
        var closing: [Int: Int] = [:]
        var open: [Int] = []
        for (i, scalar) in line.scalars.enumerated() {
            if scalar == "《" { open.append(i) }
            if scalar == "》", let opener = open.popLast() { closing[opener] = i }
        }
        return closing
    }

    @Test("Each 《 of every sentence, with its 》 (nested, unclosed, stray 》), as the stack and dictionary found them")
    func titleBrackets() throws {
        var lines = try SentenceTriggersTests.allSentences().map(\.line)
        lines += [
            "《a《b》c》", "《《《", "》》《a》", "《a》《b", "《a《b《c》", "《》", "", "根据《关于印发〈x〉的通知》（附件1）",
            String(repeating: "《", count: 3_000) + "》",
        ].map { TextLine($0) }
        // Brackets side by side and at each place around the blocks of sixteen scalars the search reads at once.
        for length in [3, 15, 16, 17, 31, 32, 33] {
            lines.append(TextLine(String(repeating: "中", count: length) + "《》《a》"))
            lines.append(TextLine("《" + String(repeating: "中", count: length) + "》》"))
        }
        var nested = 0
        for line in lines {
            let titles = CitationExtractor.titleBrackets(line)
            #expect(titles.map(\.open) == line.scalars.indices.filter { line.scalars[$0] == "《" })
            let closing = Self.closers(line)
            #expect(titles.allSatisfy { $0.close == closing[$0.open] }, "\(line.text.prefix(80))")
            if titles.contains(where: { outer in
                titles.contains { $0.open > outer.open && ($0.close ?? .max) < (outer.close ?? -1) }
            }) {
                nested += 1
            }
        }
        #expect(nested >= 1)  // 《a《b》c》 at least
    }
}
