import Testing

@testable import GongwenKit

@Suite("Extract: document numbers, dates, addressees, issuers")
struct HeaderFieldTests {
    @Test(
        "Document numbers in every bracket style, with stray spaces",
        arguments: [
            ("中国质协字〔2023〕71号", "中国质协字", 2023, 71),
            ("榕工信技术〔2023〕47号", "榕工信技术", 2023, 47),
            ("工信厅科函〔2023〕152 号", "工信厅科函", 2023, 152),
            ("国办发[2019]5号", "国办发", 2019, 5),
            ("豫工信办创新（2023）43号", "豫工信办创新", 2023, 43),
            ("鲁工信字【2021】7号", "鲁工信字", 2021, 7),
            ("中国质协字 〔2021〕 35 号", "中国质协字", 2021, 35),
            ("鲁工信技〔2023〕第12号", "鲁工信技", 2023, 12),  // 第 before the serial, as many notices write it
            ("川经信技质函〔2023〕第 8 号", "川经信技质函", 2023, 8),
        ])
    func docNumbers(line: String, agency: String, year: Int, serial: Int) throws {
        let number = try #require(DocNumberScanner.wholeLine(TextLine(line)))
        #expect(number.agency == agency)
        #expect(number.year == year)
        #expect(number.serial == serial)
        #expect(number.text == "\(agency)〔\(year)〕\(serial)号")
        #expect(number.span.startColumn == 1 && number.span.endColumn == line.unicodeScalars.count)
    }

    @Test("Document numbers cited inside sentences are found with their spans")
    func citedNumbers() {
        let line = TextLine("落实《工业和信息化部关于促进制造业产品和服务质量提升的实施意见》（工信部科〔2019〕188号）《办公厅通知》（工信厅科函〔2023〕152号）")
        let found = DocNumberScanner.matches(in: line).map(\.canonical)
        #expect(found == ["工信部科〔2019〕188号", "工信厅科函〔2023〕152号"])
        #expect(DocNumberScanner.wholeLine(line) == nil)
    }

    /// The numbers found from each 号 or 號 the fast search finds are those found asking every scalar: on
    /// every input line, and lines with 号 at either end, doubled, in both scripts, and past the sixteenth
    /// scalar.
    @Test(
        "Every document number, and every one written wrong, is found from the 号 and 號 a search sixteen scalars at a time finds"
    )
    func docNumbersFromEachHao() throws {
        var lines = try everyInputLine()
        lines += [
            "号", "号号", "工信部科〔2019〕188号号", "國質檢〔2016〕512號", String(repeating: "质", count: 17) + "工信部科〔2019〕188号",
            "工信部科〔2019〕188号工信厅科函〔2023〕152号", "第34号令", "",
            // Written wrong: the closing bracket lost, the serial lost; one after another, past the sixteenth scalar.
            "国质检质〔2016512号", "湘工信科技〔2023〕號", "国质检质〔2016512号湘工信科技〔2023〕号",
            String(repeating: "质", count: 16) + "国质检质〔2016512号号",
        ].map { TextLine($0) }
        var found = 0
        var malformed = 0
        for line in lines {
            var expected: [DocNumberScanner.Match] = []
            var expectedMalformed: [String] = []
            for i in 0..<line.count where line.scalars[i] == "号" || line.scalars[i] == "號" {
                if let match = DocNumberScanner.match(endingAt: i, in: line.scalars) { expected.append(match) }
                if let number = DocNumberScanner.malformed(endingAt: i, in: line) {
                    expectedMalformed.append("\(number.text) \(number.range) \(number.reason)")
                }
            }
            #expect(DocNumberScanner.matches(in: line) == expected, "\(line.text.prefix(60))")
            let read = DocNumberScanner.malformed(in: line).map { "\($0.text) \($0.range) \($0.reason)" }
            #expect(read == expectedMalformed, "\(line.text.prefix(60))")
            found += expected.count
            malformed += expectedMalformed.count
        }
        #expect(found >= 50, "\(found) document numbers")
        #expect(malformed >= 5, "\(malformed) written wrong")
    }

    /// A number's canonical text is the interpolation it was written as: every number of every input line, and
    /// numbers of every length, zero, and a negative one (which no scan makes: written as before).
    @Test("A document number's canonical text is written as its interpolation was")
    func canonicalText() throws {
        var matches = try everyInputLine().flatMap { DocNumberScanner.matches(in: $0) }
        #expect(matches.count >= 50, "\(matches.count) numbers")
        for (year, serial) in [
            (0, 0), (2023, 9), (2023, 10), (1949, 999_999), (12_345, 1_000_000), (-1, 5), (2023, -12),
        ] {
            for agency in ["", "工", "国办发", "豫工信办创新", "𠮷a"] {
                matches.append(DocNumberScanner.Match(agency: agency, year: year, serial: serial, range: 0..<1))
            }
        }
        for match in matches {
            #expect(match.canonical == "\(match.agency)〔\(match.year)〕\(match.serial)号")
            #expect(match.canonical.utf8.count == "\(match.agency)〔\(match.year)〕\(match.serial)号".utf8.count)
        }
    }

    /// Where an agency code begins is found as trying every running-text word at every place of its run found
    /// it (the words whose first scalar the run does not hold are not tried): before the end of every run of Han
    /// characters of every input line, and runs with two words of one first scalar, words at the run's ends, and
    /// overlapping words.
    @Test("An agency code's start is found trying only the words whose first scalar stands in its run")
    func agencyCodeStartTriesOnlyPresentWords() throws {
        let words = (DocNumberScanner.leadingWords + DocNumberScanner.innerWords).map { Array($0.unicodeScalars) }
        func tryingEveryWord(in s: Scalars, from: Int, to: Int) -> Int {
            var start = from
            for word in words {
                var k = to - word.count - 1
                while k >= start {
                    if s[k..<(k + word.count)].elementsEqual(word) {
                        start = k + word.count
                        break
                    }
                    k -= 1
                }
            }
            return start
        }
        var lines = try everyInputLine()
        lines += [
            "依据依照工信部科", "依照国办发", "关于印发国办发", "转发关于", "的的的", "根据", "和及与见", "于关于", "工信部科", "",
        ].map { TextLine($0) }
        var moved = 0
        var mismatched: [String] = []
        var seen: Set<String> = []
        for line in lines where seen.insert(line.text).inserted {
            // (Where a run of Han characters ends, as an agency code's does before its bracket: every place
            // of every line took the debug build fourteen seconds.)
            for to in 0...line.count where to == line.count || !line.scalars[to].isHan {
                let from = max(0, to - DocNumberScanner.maximumAgencyLength)
                let expected = tryingEveryWord(in: line.scalars, from: from, to: to)
                if DocNumberScanner.agencyCodeStart(in: line.scalars, from: from, to: to) != expected {
                    mismatched.append("\(line.text.prefix(60)) to \(to)")
                }
                if expected != from { moved += 1 }
            }
        }
        #expect(mismatched.isEmpty, "\(mismatched.prefix(10))")
        #expect(moved >= 1_000, "\(moved) runs held a running-text word")
    }

    @Test(
        "Not document numbers", arguments: ["〔2023〕71号", "中国质协字〔23〕71号", "第2023号", "联系电话：0531-51782608", "〔2023〕第12号"])
    func notDocNumbers(line: String) {
        #expect(DocNumberScanner.matches(in: TextLine(line)).isEmpty)
    }

    @Test(
        "Dates of signing in Arabic and Chinese numerals",
        arguments: [
            ("2023年8月25日", "2023-08-25"),
            ("2023年3月16日", "2023-03-16"),
            ("二〇二三年八月二十五日", "2023-08-25"),
            ("二○二二年六月六日", "2022-06-06"),
            ("二〇二〇年十二月三十一日", "2020-12-31"),
            ("2022年10月1日", "2022-10-01"),
        ])
    func signingDates(line: String, iso: String) throws {
        let date = try #require(DateScanner.wholeLineDate(TextLine(line)))
        #expect(date.iso == iso)
    }

    @Test(
        "Not a date line",
        arguments: [
            "申报时间：2020年5月15日至7月5日。", "2023年9至10月", "2023年13月5日", "2023年2月30号",
            "2023年2月29日", "2023年4月31日",
        ])
    func notDateLines(line: String) {
        #expect(DateScanner.wholeLineDate(TextLine(line)) == nil)
    }

    @Test(
        "The date of signing as real pages set it: alone, after the issuer's name, before an attachment link",
        arguments: [
            ("2023年8月21日", "2023-08-21"), ("二〇二三年八月二十五日", "2023-08-25"),
            ("深圳市经济贸易和信息化委员会 2017年12月19日 |", "2017-12-19"), ("2021年12月15日附件：推荐表.pdf", "2021-12-15"),
        ])
    func signingDateShapes(line: String, iso: String) throws {
        #expect(try #require(DateScanner.signingDate(TextLine(line))).iso == iso)
    }

    @Test("No date of signing in a line without 月, however long, nor in a sentence that holds one")
    func noSigningDate() {
        for line in [
            "", "月", "2023-08-21", "二〇二三年", String(repeating: "年日号", count: 5_000), "公示时间:2024年12月11日至12月20日。",
        ] {
            #expect(DateScanner.signingDate(TextLine(line)) == nil, "\(line.prefix(20))")
        }
    }

    @Test(
        "A date of signing is read only from a line that ends with 日 or 号 or begins with a digit (past its whole-line date), as when every line with 月 is read for its dates: every line as read and normalized, and hostile ones"
    )
    func signingDateReadOnlyWhereItCanStand() throws {
        // Every line with 月 read for its dates, as `signingDate` read them before it looked at the line's ends.
        func everyLineRead(_ line: TextLine) -> WrittenDate? {
            guard line.scalars.contains("月") else { return nil }
            if let date = DateScanner.wholeLineDate(line) { return date }
            return DateScanner.signingDate(amongDatesOf: DateScanner.withoutTrailingBars(line))
        }
        var lines = try everyInputLine()
        lines += try JSONWriterTests.inputFiles.flatMap { try Ingest.read(path: $0.path).lines }
        for text in [
            "深圳市经济贸易和信息化委员会 2017年12月19日 |", "中国质量协会 2023年8月25日号", "中国质量协会 2023年8月25号 ｜ ",
            "2021年12月15日附件：推荐表.pdf", "2021年12月15日 附件", "于2023年8月25日前报送。", "中国质量协会2023年8月25日。",
            "中国质量协会 二〇二三年八月二十五日", "2023年8月", "8月25日", "中国质量协会 8月25日", "　2023年8月25日附件1", "月日",
        ] {
            lines.append(TextLine(text))
        }
        var signed = 0
        for line in lines {
            let date = DateScanner.signingDate(line)
            #expect(date == everyLineRead(line), "\(line.text)")
            if date != nil { signed += 1 }
        }
        #expect(signed > 40, "\(signed) lines hold a date of signing")
    }

    /// The dates read around each 月 the fast search finds are those read asking every scalar: on every input
    /// line, and lines with 月 at either end, doubled, next to a rejected one, dates one after another, and
    /// past the sixteenth scalar.
    @Test("Every written date is read around the 月 a search sixteen scalars at a time finds")
    func datesAroundEachMonth() throws {
        var lines = try everyInputLine()
        lines += [
            "月", "月月", "5月", "13月5月1日", "2023年13月5日", "3月5日4月6日", "2012月", "八月二十五日月",
            "2023年3月5日、2023年4月6日、5月7日", "5月7日、2023年4月6日", "4月6日至5月", "2023年4月6日", "2023年4月", "4月6日",
            String(repeating: "质", count: 17) + "2023年8月25日", String(repeating: "月", count: 40) + "9月", "",
        ].map { TextLine($0) }
        var found = 0
        for line in lines {
            var expected: [WrittenDate] = []
            var i = 0
            while i < line.count {
                if line.scalars[i] == "月", let date = DateScanner.date(around: i, in: line.scalars) {
                    expected.append(date)
                    i = date.range.upperBound
                } else {
                    i += 1
                }
            }
            #expect(DateScanner.dates(in: line) == expected, "\(line.text.prefix(60))")
            // The readers that stop early, or keep no array, read the same dates.
            let full = expected.filter { $0.year != nil && $0.day != nil }
            #expect(DateScanner.firstDate(in: line) == expected.first, "\(line.text.prefix(60))")
            #expect(DateScanner.containsDate(in: line) { $0.day != nil } == expected.contains { $0.day != nil })
            let (first, last) = DateScanner.firstAndLastFullDates(in: line)
            #expect(first == full.first && last == full.last, "\(line.text.prefix(60))")
            found += expected.count
        }
        #expect(found >= 200, "\(found) dates")
    }

    @Test("29 February exists in leap years")
    func leapDay() {
        #expect(DateScanner.wholeLineDate(TextLine("2024年2月29日"))?.iso == "2024-02-29")
    }

    @Test(
        "Addressees split where bodies are separated, never inside brackets or shared head nouns",
        arguments: [
            ("各市工业和信息化局，有关企业：", ["各市工业和信息化局", "有关企业"]),
            ("各县（市）区工信局，高新区经发局：", ["各县（市）区工信局", "高新区经发局"]),
            ("各设区市工信局、平潭综合实验区经发局：", ["各设区市工信局", "平潭综合实验区经发局"]),
            ("各省辖市、济源示范区、航空港区、各省直管县（市）工业和信息化主管部门：", ["各省辖市、济源示范区、航空港区、各省直管县（市）工业和信息化主管部门"]),
            ("各会员单位及相关组织：", ["各会员单位及相关组织"]),
            ("各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门：", ["各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门"]),
            ("国务院各部委、各直属机构：", ["国务院各部委", "各直属机构"]),
        ])
    func addressees(line: String, expected: [String]) {
        #expect(HeaderFieldExtractor.addressees(TextLine(line)).map(\.name) == expected)
    }

    @Test(
        "Issuer levels by GB/T 2260 divisions and association words",
        arguments: [
            ("中国质量协会", Issuer.Level.association),
            ("山东省企业技术创新促进会", .association),
            ("山东省工业和信息化厅", .provincial),
            ("河南省工业和信息化厅办公室", .provincial),
            ("北京市经济和信息化局", .provincial),
            ("新疆生产建设兵团工业和信息化局", .provincial),
            ("福州市工业和信息化局", .municipal),
            ("福建省福州市工业和信息化局", .municipal),
            ("延边朝鲜族自治州工业和信息化局", .municipal),
            ("工业和信息化部", .national),
            ("工业和信息化部办公厅", .national),
            ("国家市场监督管理总局", .national),
            ("某某科技有限公司", .other),
        ])
    func issuerLevels(name: String, level: Issuer.Level) {
        #expect(IssuerLevels.level(of: name) == level)
    }

    @Test("The campaign year comes from the title before the document number or the date")
    func campaignYear() throws {
        let record = try Gongwen.parse(
            bytes: Array(
                """
                某某协会文件
                某协字〔2024〕3号
                关于开展2025年质量标杆活动的通知
                各会员单位：
                一、活动安排
                二〇二四年十二月二十日
                """.utf8), path: "x.txt")
        #expect(record.campaignYear == 2025)
        #expect(record.docNumber?.year == 2024)
        #expect(record.signedOn == "2024-12-20")
    }
}
