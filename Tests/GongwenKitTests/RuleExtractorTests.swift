import Testing

@testable import GongwenKit

/// The sentences of a piece of body text, as the extractors see them.
func sentences(_ text: String) -> [Sentence] {
    normalizedLines(text).flatMap { Sentences.split($0.line) }.map { Sentence(line: $0, headings: []) }
}

/// The body sections of a piece of text, as the segmenter builds them.
func bodySections(_ text: String) -> [Section] {
    Outline.build(normalizedLines(text)[...]).sections
}

func context(
    year: Int?, signed: (Int, Int, Int)? = nil, issuer: String? = nil, level: Issuer.Level = .other
) -> ExtractionContext {
    ExtractionContext(year: year, signedOn: signed, issuerName: issuer, issuerLevel: level)
}

@Suite("Deadlines and schedule")
struct DeadlineTests {
    @Test(
        "Due dates as notices write them",
        arguments: [
            ("由推荐单位正式行文后，于8月30日前报送我局。", 2023, "2023-08-30", "报送"),
            ("申报企业应于9月4日前完成网上在线申报，逾期我厅不再受理。", 2023, "2023-09-04", "完成"),
            ("（1）申报时间：2023年9月15日截止申报。", 2023, "2023-09-15", "申报"),
            ("申报截止时间：2022年7月15日。", 2022, "2022-07-15", "申报"),
            ("申报企业应于九月四日前完成网上申报。", 2023, "2023-09-04", "完成"),
            ("请于２０２３年１１月３０日前报送材料。", 2023, "2023-11-30", "报送"),
            ("活动方案于 4月底前报送至省工业和信息化厅。", 2023, "2023-04-30", "报送"),
            ("材料于2024年2月底前报送。", 2024, "2024-02-29", "报送"),
            ("请务必于5月20日（含）前报送。", 2023, "2023-05-20", "报送"),
            ("请于5月20日(含当日)前提交。", 2023, "2023-05-20", "提交"),
        ])
    func dueDates(sentence: String, year: Int, date: String, action: String) throws {
        let result = DeadlineExtractor.extract(sentences(sentence), context: context(year: year))
        let deadline = try #require(result.deadlines.first)
        #expect(result.deadlines.count == 1)
        #expect(deadline.date == date)
        #expect(deadline.action == action)
        #expect(result.schedule.isEmpty)
    }

    @Test("A window's end is the due date, its start kept; a missing year comes from the start")
    func windows() throws {
        let result = DeadlineExtractor.extract(sentences("1. 申报时间：2021年4月12日至5月15日。"), context: context(year: nil))
        let deadline = try #require(result.deadlines.first)
        #expect((deadline.start, deadline.date) == ("2021-04-12", "2021-05-15"))
        // "1. 申报时间：" takes columns 1–8; the window "2021年4月12日至5月15日" columns 9–24.
        let span = deadline.span
        #expect((span.startColumn, span.endColumn) == (9, 24))
    }

    @Test("A window that crosses a year end ends in the next year")
    func yearEnd() throws {
        let result = DeadlineExtractor.extract(sentences("申报时间：2023年12月1日至1月15日。"), context: context(year: 2023))
        #expect(result.deadlines.first.map { ($0.start, $0.date) } ?? (nil, "") == ("2023-12-01", "2024-01-15"))
    }

    @Test(
        "A window within one month stays in its year (only a window that ends in an earlier month crosses a year end)",
        arguments: [
            ("申报时间：2023年5月10日至5月20日。", 2023, "2023-05-10", "2023-05-20"),
            ("申报时间：5月10日至5月20日。", 2023, "2023-05-10", "2023-05-20"),
            ("申报时间：2023年5月10日至6月20日。", 2023, "2023-05-10", "2023-06-20"),
        ])
    func sameMonthWindow(sentence: String, year: Int, start: String, end: String) throws {
        let deadline = try #require(
            DeadlineExtractor.extract(sentences(sentence), context: context(year: year)).deadlines.first)
        #expect(deadline.start == start)
        #expect(deadline.date == end)
    }

    @Test(
        "A window followed by a verb of handing in is the time to do it, due at its end; an event's window is the schedule",
        arguments: [
            ("请于5月10日至5月20日报送。", "2023-05-10", "2023-05-20", "报送"),
            ("请于2023年5月10日至5月20日期间登录系统申报。", "2023-05-10", "2023-05-20", "申报"),
            ("请各单位于5月10日—5月20日报送材料。", "2023-05-10", "2023-05-20", "报送"),
            ("请于5月10日至20日报送。", "2023-05-10", "2023-05-20", "报送"),
            ("申报时间：2023年5月10日至20日。", "2023-05-10", "2023-05-20", "申报"),
        ])
    func windowToHandIn(sentence: String, start: String, end: String, action: String) throws {
        let result = DeadlineExtractor.extract(sentences(sentence), context: context(year: 2023))
        let deadline = try #require(result.deadlines.first, "no deadline in \(sentence)")
        #expect((deadline.start, deadline.date, deadline.action) == (start, end, action))
        #expect(result.schedule.isEmpty)
    }

    @Test(
        "Not a deadline: an event's window, a verb in another clause, 完成 (the issuer's own steps use it)",
        arguments: [
            "7月至8月组织专家开展评审。", "5月10日至5月20日，各地报送材料。", "9月至10月完成现场评审。", "会议定于5月10日至12日举行。",
        ])
    func eventWindow(sentence: String) {
        let result = DeadlineExtractor.extract(sentences(sentence), context: context(year: 2023))
        #expect(result.deadlines.isEmpty)
        #expect(result.schedule.count == 1)
    }

    @Test(
        "A day alone after a window's first date takes its month: 5月10日至20日; 10日 after 20日, or a 40th day, is not one")
    func dayOnlyEnd() throws {
        let window = try #require(DateExpressions.scan(normalizedLines("会议定于5月10日至12日举行。")[0].line).first)
        #expect(window.start?.day == 10 && window.end.month == 5 && window.end.day == 12)
        #expect((window.range.lowerBound, window.range.upperBound) == (4, 13))  // "5月10日至12日": scalars 4 to 12
        for text in ["5月20日至10日", "5月10日至40日", "2月10日至30日", "5月10日至123日"] {
            #expect(DateExpressions.scan(normalizedLines(text)[0].line).allSatisfy { $0.start == nil }, "\(text)")
        }
        // Hostile: ten thousand such windows in one sentence are read in linear time.
        let many = String(repeating: "5月1日至2日、", count: 10_000)
        let expressions = DateExpressions.scan(normalizedLines(many)[0].line)
        #expect(expressions.count == 10_000 && expressions.allSatisfy { $0.start?.day == 1 && $0.end.day == 2 })
    }

    @Test("A due date without a year never falls before the date of signing")
    func afterSigning() throws {
        let result = DeadlineExtractor.extract(
            sentences("请于1月10日前报送。"), context: context(year: 2023, signed: (2023, 12, 20)))
        #expect(result.deadlines.map(\.date) == ["2024-01-10"])
    }

    @Test(
        "Review periods and activities are schedule, not deadlines",
        arguments: [
            ("2023年9至10月，中国质协将组织专家开展评审工作。", "2023-09", "2023-10"),
            ("中国质协将于2020年7月至8月组织专家开展评审工作。", "2020-07", "2020-08"),
            ("省工信厅将于2021年5月至6月组织专家评审。", "2021-05", "2021-06"),
            ("2023年10月12日举办全国质量标杆经验交流活动。", "2023-10-12", nil),
        ])
    func schedule(sentence: String, date: String, end: String?) {
        let result = DeadlineExtractor.extract(sentences(sentence), context: context(year: 2023))
        #expect(result.deadlines.isEmpty)
        #expect(result.schedule.map(\.date) == [date])
        #expect(result.schedule.first?.end == end)
    }

    @Test("The same date due twice for the same actor is one deadline; another actor's is another")
    func duplicates() {
        let text = """
            申报截止时间：2022年7月15日。
            请访问中国质量网，于7月15日前按要求提交申报材料。
            请各市工信局于7月15日前报送推荐文件。
            """
        let result = DeadlineExtractor.extract(sentences(text), context: context(year: 2022))
        #expect(result.deadlines.map(\.date) == ["2022-07-15", "2022-07-15"])
        #expect(result.deadlines.map(\.actor) == [nil, "各市工信局"])
        #expect(result.deadlines[0].mentions.count == 1)
    }
}

@Suite("Quotas")
struct QuotaTests {
    @Test(
        "Quotas as notices write them",
        arguments: [
            ("各县（市）区择优推荐不超过1家，企业申报材料一式三份。", [1], ["各县（市）区"], "家"),
            ("受推荐名额限制，各单位可择优推荐不超过 2 项。", [2], ["各单位"], "项"),
            ("各推荐单位可择优推荐3项。", [3], ["各推荐单位"], "项"),
            ("每个单位可推荐不超过两项。", [2], ["每个单位"], "项"),
            ("请各市工信局参照《全国质量标杆遴选管理办法》(附件4)，从往年的全省质量标杆中择优推荐1项申报2021年全国质量标杆。", [1], ["各市工信局"], "项"),
        ])
    func forms(sentence: String, maxima: [Int], appliesTo: [String], unit: String) {
        let quotas = QuotaExtractor.extract(sentences(sentence))
        #expect(quotas.map(\.max) == maxima)
        #expect(quotas.first?.appliesTo == appliesTo)
        #expect(quotas.first?.unit == unit)
    }

    @Test("A quota's span is its number and unit, to the column (2022_caq.txt line 37: 各推荐单位可择优推荐3项经验。)")
    func span() throws {
        // "各推荐单位可择优推荐" is columns 1–10; "3项" columns 11–12.
        let quota = try #require(QuotaExtractor.extract(sentences("各推荐单位可择优推荐3项经验。")).first)
        #expect((quota.span.startLine, quota.span.startColumn, quota.span.endColumn) == (1, 11, 12))
        // In the notice the line begins "5." (columns 1–2): "3项" is 37:13–14; the relaxed "5项", after the
        // 29 characters "本地区（行业）…可适度放宽至", 37:47–48.
        let quotas = try Gongwen.parse(path: Corpus.path("2022_caq.txt")).quotas
        #expect(
            quotas.map { [$0.span.startLine, $0.span.startColumn, $0.span.endLine, $0.span.endColumn] } == [
                [37, 13, 37, 14], [37, 47, 37, 48],
            ])
    }

    @Test(
        "The bodies a quota applies to, without what the clause says of them (subjects as the corpus writes them)",
        arguments: [
            ("原则上每个单位推荐不超过3家企业。", ["每个单位"]),
            ("每个地市推荐数量不超过3个。", ["每个地市"]),
            ("各地推荐企业数量原则上不超过5家。", ["各地"]),
            ("各省、自治区、直辖市推荐企业不超过3家。", ["各省", "自治区", "直辖市"]),
            ("计划单列市推荐数量不超过2个。", ["计划单列市"]),
            ("各推荐单位可择优推荐3项。", ["各推荐单位"]),  // 推荐 as the noun's first word stays
        ])
    func appliesTo(sentence: String, bodies: [String]) throws {
        let quota = try #require(QuotaExtractor.extract(sentences(sentence)).first)
        #expect(quota.appliesTo == bodies)
    }

    @Test("A relaxed quota carries its condition and the bodies of the quota before it")
    func condition() {
        let quotas = QuotaExtractor.extract(sentences("各推荐单位可择优推荐3项经验。本地区（行业）已开展了质量标杆活动的推荐单位，可适度放宽至5项经验。"))
        #expect(quotas.map(\.max) == [3, 5])
        #expect(quotas[1].condition == "本地区（行业）已开展了质量标杆活动的推荐单位")
        #expect(quotas[1].appliesTo == ["各推荐单位"])
    }

    @Test("Tiers give one quota each, with their units")
    func tiers() {
        let quotas = QuotaExtractor.extract(
            sentences("择优推荐，郑州市、洛阳市、新乡市不超过 10个，其他省辖市、济源示范区不超过 7个，航空港区、巩义市、长垣市不超过 4个，其他省直管县（市）不超过 2个，多报无效。"))
        #expect(quotas.map(\.max) == [10, 7, 4, 2])
        #expect(
            quotas.map(\.appliesTo) == [
                ["郑州市", "洛阳市", "新乡市"], ["其他省辖市", "济源示范区"], ["航空港区", "巩义市", "长垣市"], ["其他省直管县（市）"],
            ])
    }

    @Test(
        "Copies of materials, events and lengths are not quotas",
        arguments: [
            "企业申报材料一式三份。", "纸质一式二份、光盘电子版一份。", "举办4期全国质量标杆经验交流活动。", "质量标杆名称（40字以内）。",
        ])
    func notQuotas(sentence: String) {
        #expect(QuotaExtractor.extract(sentences(sentence)).isEmpty)
    }
}

@Suite("Contacts")
struct ContactTests {
    func contacts(_ text: String, issuer: String? = nil, level: Issuer.Level = .other) -> [Contact] {
        ContactExtractor.extract(bodySections(text), context: context(year: 2023, issuer: issuer, level: level))
    }

    @Test(
        "Phone forms",
        arguments: [
            ("电话：（010）66072791；（010）68416386", ["010-66072791", "010-68416386"]),
            ("联系电话：0531-86902744/18765839053/15610118686", ["0531-86902744", "18765839053", "15610118686"]),
            ("电话: (010) 68416386", ["010-68416386"]),
            ("电话：０５９１－８７８４６６２８", ["0591-87846628"]),
            ("咨询电话：400-810-1234", ["400-810-1234"]),
            ("电话：4008101234", ["400-810-1234"]),
            ("联系电话：010-68416386转8012", ["010-68416386"]),
        ])
    func phones(line: String, numbers: [String]) {
        #expect(contacts(line).flatMap(\.phones).map(\.number) == numbers)
    }

    @Test("An extension is kept apart from the number")
    func phoneExtension() throws {
        let phone = try #require(contacts("联系电话：010-68416386转8012").first?.phones.first)
        #expect(phone.extension == "8012")
    }

    @Test("A local number takes the issuer's city's area code, and says so")
    func inferredAreaCode() throws {
        let found = contacts("联系人：市工信局技术处廖世清，联系电话：83258376", issuer: "福州市工业和信息化局", level: .municipal)
        let contact = try #require(found.first)
        #expect(contact.names == ["廖世清"])
        #expect(contact.department == "市工信局技术处")
        #expect(contact.phones.map(\.number) == ["0591-83258376"])
        #expect(contact.phones.first?.areaCodeInferred == true)
        // Without a known city the number stays local.
        #expect(contacts("联系电话：83258376").first?.phones.first?.number == "83258376")
    }

    @Test(
        "Beijing's, Shanghai's, Tianjin's and Chongqing's area codes have three digits; other cities' four",
        arguments: [
            ("联系电话：021-63211234", "021-63211234"), ("联系电话：（021）63211234", "021-63211234"),
            ("联系电话：02163211234", "021-63211234"),
            ("联系电话：022-23456789", "022-23456789"), ("联系电话：010-68416386", "010-68416386"),
            ("联系电话：0371-65509936", "0371-65509936"),
            ("联系电话：0591-83258376", "0591-83258376"),
        ])
    func areaCodeLength(line: String, number: String) throws {
        #expect(contacts(line).first?.phones.map(\.number) == [number])
    }

    @Test(
        "Numbers written in groups as they are read aloud: a mobile 3-4-4, a local number split after its area code",
        arguments: [
            ("手机：138 0013 8000", "13800138000", 4, 16), ("手机：138-0013-8000", "13800138000", 4, 16),
            ("联系电话：0371-6550 9936", "0371-65509936", 6, 19), ("联系电话：0371 6550 9936", "0371-65509936", 6, 19),
            ("联系电话：010-6820 5278", "010-68205278", 6, 18), ("联系人：张三 138 0013 8000", "13800138000", 8, 20),
        ])
    func groupedNumbers(line: String, number: String, startColumn: Int, endColumn: Int) throws {
        let phone = try #require(contacts(line).first?.phones.first, "no phone in \(line)")
        #expect(phone.number == number)
        #expect((phone.span.startColumn, phone.span.endColumn) == (startColumn, endColumn))
    }

    @Test(
        "Not a grouped number: more digits after the last group, mixed separators, a letter glued to it",
        arguments: [
            "编号：138 0013 80001", "手机：138 0013-8000", "联系电话：0371-6550 99361", "网址：a138 0013 8000",
        ])
    func notGrouped(line: String) {
        #expect(
            !contacts(line).flatMap(\.phones).map(\.number).contains { $0 == "13800138000" || $0 == "0371-65509936" },
            "\(line)")
    }

    @Test(
        "Label variants and forms of address: 联系人及方式, 周八同志, 张三先生",
        arguments: [
            ("联系人及方式：冯二 13800138000", ["冯二"], ["13800138000"]),
            ("联系人及联系电话：冯二，13800138000", ["冯二"], ["13800138000"]),
            ("联系人：周八同志", ["周八"], []),
            ("联系人：张三先生、李四女士", ["张三", "李四"], []),
            ("联系人：刘志同", ["刘志同"], []),  // a name that ends like nothing in particular stays whole
        ])
    func labelVariants(line: String, names: [String], phones: [String]) {
        let found = contacts(line)
        #expect(found.flatMap(\.names) == names, "\(line)")
        #expect(found.flatMap(\.phones).map(\.number) == phones, "\(line)")
    }

    @Test("A provincial issuer's local number takes the area code of the province's capital")
    func provincialAreaCode() throws {
        let phone = try #require(
            contacts("联系电话：65509936", issuer: "河南省工业和信息化厅", level: .provincial).first?.phones.first)
        #expect(phone.number == "0371-65509936")
        #expect(phone.areaCodeInferred)
        let fujian = contacts("联系人：张三，联系电话：87654321", issuer: "福建省工业和信息化厅", level: .provincial)
        #expect(fujian.first?.phones.map(\.number) == ["0591-87654321"])
    }

    @Test(
        "Names: a list, a spaced two-character name, a department before the name",
        arguments: [
            ("联系人：冯雷、韩铁", ["冯雷", "韩铁"]),
            ("联系人：路正红 别 致", ["路正红", "别致"]),
            ("联系人：王 芳、李建国", ["王芳", "李建国"]),
            ("联系人：张三，李四", ["张三", "李四"]),
        ])
    func names(line: String, names: [String]) {
        #expect(contacts(line).first?.names == names)
    }

    @Test("Two contact blocks in one notice stay two")
    func twoBlocks() {
        let found = contacts(
            """
            五、联系方式
            （一）山东省工业和信息化厅科技处
            联系电话：0531-51782608
            （二）山东省企业技术创新促进会
            联系电话：0531-86902744/18765839053
            （三）电子邮箱：cjh20141205@163.com
            （四）邮寄地址：济南国际创新设计产业园 A 座 2023 室（济南市市中区万寿路 2 号），邮编 250002
            """)
        #expect(found.map(\.department) == ["山东省工业和信息化厅科技处", "山东省企业技术创新促进会"])
        #expect(found.map { $0.phones.count } == [1, 2])
        #expect(found[1].emails == ["cjh20141205@163.com"])
        #expect(found[1].postcode == "250002")
        #expect(found[1].address == "济南国际创新设计产业园A座2023室（济南市市中区万寿路2号）")
    }

    @Test("Numbers outside contact fields are not phones")
    func notPhones() {
        #expect(contacts("地址：济南国际创新设计产业园A座2023室，万寿路2号").flatMap(\.phones).isEmpty)
    }
}

@Suite("Directory")
struct DirectoryTests {
    func directory(_ text: String) -> [DirectoryEntry] {
        let normalized = normalizedLines(text)
        var notice = SegmentedNotice()
        notice.appendices = Segmenter.appendices(normalized[...], expectedCount: 1, depth: 0)
        return DirectoryExtractor.extract(notice)
    }

    @Test("A tab table split over a page break, its header repeated and a name wrapped, is one directory")
    func pageBreak() {
        let entries = directory(
            """
            附件1
            推荐单位名录
            序号\t单位名称
            1\t北京市经济和信息化局
            2\t新疆生产建设兵团工业和
            信息化局

            — 3 —

            序号\t单位名称
            3\t大连市工业和信息化局
            4\t中国机械工业联合会
            """)
        #expect(entries.map(\.index) == [1, 2, 3, 4])
        #expect(entries.map(\.name) == ["北京市经济和信息化局", "新疆生产建设兵团工业和信息化局", "大连市工业和信息化局", "中国机械工业联合会"])
        #expect(
            entries.map(\.kind) == [
                .provincialDepartment, .provincialDepartment, .plannedCityDepartment, .industryAssociation,
            ])
        #expect(entries.map(\.region) == ["北京市", "新疆生产建设兵团", "大连市", nil])
    }

    @Test("A numbered list and a markdown table give the same entries")
    func listAndMarkdown() {
        let list = directory(
            """
            附件
            推荐单位名录
            1. 河北省工业和信息化厅
            2. 青岛市工业和信息化局
            3. 福建省福州市工业和信息化局
            """)
        let table = directory(
            """
            附件
            推荐单位名录
            | 序号 | 单位名称 |
            |---|---|
            | 1 | 河北省工业和信息化厅 |
            | 2 | 青岛市工业和信息化局 |
            | 3 | 福建省福州市工业和信息化局 |
            """)
        #expect(list.map(\.name) == ["河北省工业和信息化厅", "青岛市工业和信息化局", "福建省福州市工业和信息化局"])
        #expect(table.map(\.name) == list.map(\.name))
        #expect(table.map(\.index) == [1, 2, 3])
        #expect(list.map(\.kind) == [.provincialDepartment, .plannedCityDepartment, .municipalDepartment])
        #expect(list[2].region == "福州市")
    }
}

@Suite("Citations, lists and submission")
struct CitationAndListTests {
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

    @Test("Focus areas and eligibility come from the sections so headed, with leading clauses")
    func lists() throws {
        let record = try Corpus.record("2021_shandong.txt")
        #expect(record.focusAreas.map(\.index) == [1, 2, 3])
        #expect(record.focusAreas[0].summary == "企业运用大数据、两化融合、人工智能、互联网、区块链等新技术手段提升产品和服务质量")
        #expect(record.eligibility.map(\.number) == ["1.", "2.", "3."])
        #expect(record.eligibility[0].summary == "具有独立法人资格")
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
        #expect(found.fileFormats.map(\.format) == ["Word", "RAR"])
        #expect(found.naming.map(\.target) == [.file, .emailSubject])
        #expect(found.naming.map(\.pattern) == ["申报企业全称", "申报企业全称"])
        #expect(found.materials.map(\.form) == ["纸质", "光盘电子版"])
        #expect(found.materials.map(\.copies) == [2, 1])
    }
}
