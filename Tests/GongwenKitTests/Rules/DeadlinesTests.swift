import Testing

@testable import GongwenKit

@Suite("Deadlines and schedule")
struct DeadlinesTests {
    /// The action verbs found in one pass (申报 told by its index in the list) are those trying each verb as a
    /// string at each place finds, 申报 before a noun (申报材料, 申报企业) left out: every input line, raw and
    /// normalized, and lines of verbs and nouns side by side.
    /// The deadlines' keys (a `SmallIndex`) are looked through while they are few and kept in a dictionary past
    /// `mostLookedThrough`: the same positions as a dictionary from the first, on random runs of dates and actors
    /// (some absent, many repeated) that stay under the bound or cross it, and keys added before it asked after it.
    @Test("A deadline's date and actor are found where they were first added, before and after they are many")
    func deadlineKeys() {
        var generator = NoLineLostTests.SeededGenerator(state: 20_231_015)
        let bound = SmallSet<DeadlineExtractor.DeadlineKey>.mostLookedThrough
        for run in 0..<40 {
            var index = SmallIndex<DeadlineExtractor.DeadlineKey>()
            var reference: [DeadlineExtractor.DeadlineKey: Int] = [:]
            let kinds = run % 2 == 0 ? bound / 2 : bound * 3  // (fewer keys than the bound, and more)
            for _ in 0..<(bound * 4) {
                let day = Int.random(in: 0..<kinds, using: &generator)
                let actor = Int.random(in: 0..<3, using: &generator)
                let key = DeadlineExtractor.DeadlineKey(
                    date: ExactText("2023-09-\(day)"), actor: actor == 0 ? nil : ExactText("各市工信局\(actor)"))
                #expect(index.position(of: key) == reference[key], "run \(run)")
                if reference[key] == nil {
                    reference[key] = index.count
                    index.append(key)
                }
            }
            #expect(index.count == reference.count, "run \(run)")
        }
    }

    @Test("Action verbs where trying each verb at each place finds them, 申报 before a noun left out: every input line")
    func verbPositions() throws {
        var lines = try SiteFurnitureTests.everyLineRawAndNormalized()
        lines += [
            "申报材料", "申报", "网上申报企业应申报", "申报申报书", "完成申报、报送材料并提交", "申报表申报系统申报工作申报流程", "申",
        ].map { TextLine($0) }
        var applies = 0
        for line in lines {
            var expected: [(Int, String)] = []
            for i in 0..<line.count {
                guard
                    let verb = DeadlineExtractor.actions.first(where: { verb in
                        line.hasPrefix(verb, at: i)
                            && !(verb == "申报"
                                && DeadlineExtractor.nounsAfterApply.contains { line.hasPrefix($0, at: i + 2) })
                    })
                else { continue }
                expected.append((i, verb))
            }
            let found = DeadlineExtractor.verbPositions(in: line)
            #expect(
                found.map(\.position) == expected.map(\.0) && found.map(\.verb) == expected.map(\.1), "\(line.text)")
            applies += found.count { $0.verb == "申报" }
        }
        #expect(applies >= 20, "\(applies) verbs 申报")
    }

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
