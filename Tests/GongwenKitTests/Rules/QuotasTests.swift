import Testing

@testable import GongwenKit

@Suite("Quotas")
struct QuotasTests {
    /// The bodies a clause names, without what it says of them after: each tail taken off in the list's order, and
    /// never the whole of the words.
    @Test(
        "A quota's subject loses the clause's tails in order, never all of its words",
        arguments: [
            ("每个地市推荐数量", "每个地市"), ("原则上每个单位推荐", "每个单位"), ("各地推荐企业数量原则上", "各地"), ("中央管理企业各", "中央管理企业"),
            ("各地名额数量", "各地"), ("各地数量名额", "各地数量"), ("各市州均", "各市州"), ("数量", "数量"), ("各", "各"), ("各自", "各自"),
            ("每家中央企业申报的优秀场景和示范工厂分别", "每家中央企业"), ("各推荐单位数量", "各推荐单位"),
        ])
    func subjectTails(words: String, subject: String) {
        #expect(QuotaExtractor.withoutVerbPhrase(TextLine(words)).text == subject)
    }

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
            // 009_2020_miit_jscx_sfqy: 各 after the names is "each", not a name's last word.
            ("计划单列市、新疆生产建设兵团、中央管理企业各择优推荐1家企业。", ["计划单列市", "新疆生产建设兵团", "中央管理企业"]),
            // 019_2021_guangdong_gxt_znzz_joint: the body is who puts the things forward.
            ("每家中央企业申报的优秀场景和示范工厂分别不超过6个和3个。", ["每家中央企业"]),
            ("各单位均可推荐不超过2项。", ["各单位"]),
            ("申报的项目不超过3个。", ["申报的项目"]),  // no body before 申报的: the words stay
            ("各申报企业不超过1项。", ["各申报企业"]),  // 申报 inside the noun stays
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

    /// A clause's limit as it was read before (the clause scanned for limit words on its own): the first
    /// number after a limit word and before a unit, by the limit words' order, then left to right.
    private static func clauseLimit(_ words: TextLine) -> (Int, Range<Int>)? {
        for limit in QuotaExtractor.limits {
            var from = 0
            while let at = words.firstIndex(of: limit, from: from) {
                from = at + 1
                if let counted = QuotaExtractor.countedNumber(after: at + limit.unicodeScalars.count, in: words.scalars)
                {
                    return counted
                }
            }
        }
        return nil
    }

    /// The sentence's limits are read once, and each clause takes the first that lies in it: the same
    /// limit as scanning the clause alone, on every clause of every sentence of every input and on edge
    /// lines (a limit word ending a clause, two in one clause, limits in brackets, spaces before the unit).
    @Test("Each clause's limit, taken from the sentence's, is the one the clause alone gives")
    func clauseLimitsFromTheSentence() throws {
        var lines = try SentenceTriggersTests.allSentences().map(\.line)
        lines += [
            "推荐，3项", "择优推荐不超过，2项；限报 3 项", "推荐（不超过2项，最多3家）各1项", "不超过2项最多3家不超过4项", "最多3家不超过2项",
            "可放宽至  5  个，推荐二十名", "推荐0项，推荐1项", "推荐", "", "限推荐3项",
        ].map { TextLine($0) }
        var withLimits = 0
        for line in lines {
            let limited = QuotaExtractor.limitedNumbers(in: line)
            if !limited.isEmpty { withLimits += 1 }
            Sentences.forEachClause(of: line) { clause in
                let expected = Self.clauseLimit(line[clause])
                let found = QuotaExtractor.limit(of: clause, among: limited)
                #expect(found?.0 == expected?.0 && found?.1 == expected?.1, "\(line[clause].text)")
            }
        }
        #expect(withLimits > 20, "\(withLimits) sentences with a limit")
    }

    @Test("The first stop of a quota's bodies, found in one pass, is where looking for each stop finds the first")
    func subjectStopsInOnePass() throws {
        var lines = try SentenceTriggersTests.allSentences().map(\.line)
        lines += ["可择优推荐3项", "各地可", "限推荐不超过2项", ""].map { TextLine($0) }
        var stopped = 0
        for line in lines {
            let expected = QuotaExtractor.subjectStops.compactMap { line.firstIndex(of: $0) }.min()
            #expect(QuotaExtractor.subjectStopList.firstPosition(in: line) == expected, "\(line.text)")
            if expected != nil { stopped += 1 }
        }
        #expect(stopped > 50, "\(stopped) sentences hold a stop")
    }

    /// `unlimited(in:)` reads for the phrases only a sentence that holds 不限: each of them holds it.
    @Test("Every phrase that sets no limit holds 不限, and each is found where the phrase list finds it")
    func unlimitedPhrasesHoldBuXian() throws {
        for phrase in QuotaExtractor.unlimitedPhrases.words { #expect(phrase.contains("不限"), "\(phrase)") }
        var lines = try SentenceTriggersTests.allSentences().map(\.line)
        lines += QuotaExtractor.unlimitedPhrases.words.map { TextLine("各单位" + $0 + "。") } + [TextLine("不限")]
        var found = 0
        for line in lines {
            let positions = QuotaExtractor.unlimitedPhrases.firstPositions(in: line)
            let expected = QuotaExtractor.unlimitedPhrases.words.indices.lazy.compactMap { index in
                positions[index].map { $0..<($0 + QuotaExtractor.unlimitedPhrases.length(index)) }
            }.first
            #expect(QuotaExtractor.unlimited(in: line) == expected, "\(line.text)")
            if expected != nil { found += 1 }
        }
        #expect(found >= QuotaExtractor.unlimitedPhrases.words.count, "\(found) sentences set no limit")
    }
}
