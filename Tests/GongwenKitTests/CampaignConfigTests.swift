import Foundation
import Testing

@testable import GongwenKit

/// `gongwen config`: the values were read by hand against Notices/ (the 2023 chain's three notices,
/// Henan's tiers, 2020's raised quota).
@Suite("Campaign configuration")
struct CampaignConfigTests {
    static func configurations(
        _ files: [String], reminderDays: [Int] = CampaignConfigurator.defaultReminderDays
    ) throws -> CampaignConfigurator.Result {
        CampaignConfigurator.configurations(try files.map { ($0, try Corpus.record($0)) }, reminderDays: reminderDays)
    }

    static func configuration(_ file: String) throws -> CampaignConfiguration {
        let result = try configurations([file])
        #expect(result.configurations.count == 1)
        return try #require(result.configurations.first)
    }

    @Test("The 2023 forwarding chain is one campaign at three levels, each with the deadline its applicants must meet")
    func forwardingChain() throws {
        let config = try Self.configuration("2023_fuzhou_forward.txt")
        #expect(
            config.campaign.name == "全国质量标杆活动" && config.campaign.organizer == "中国质量协会" && config.campaign.year == 2023)
        #expect(config.levels.map(\.issuer) == ["中国质量协会", "福建省工业和信息化厅", "福州市工业和信息化局"])
        #expect(
            config.levels.map { $0.address.split(separator: "/").last.map(String.init) } == [
                "2023_fuzhou_forward.txt#2", "2023_fuzhou_forward.txt#1", "2023_fuzhou_forward.txt",
            ])
        #expect(config.levels.map(\.relays) == [nil, config.levels[0].address, config.levels[1].address])
        // A Fuzhou company must meet the city's date, not the national one.
        #expect(config.levels.map { $0.effectiveDeadline?.date } == ["2023-09-15", "2023-09-04", "2023-08-30"])
        #expect(config.levels.map { $0.effectiveDeadline?.setBy } == config.levels.map(\.address))
        #expect(config.levels[2].effectiveDeadline?.closesAt == "2023-08-30T23:59:59+08:00")
        // 福州: "由推荐单位正式行文后，于8月30日前报送我局。" on line 13.
        let city = try #require(config.levels[2].deadlines.first)
        #expect(city.text == "由推荐单位正式行文后，于8月30日前报送我局。")
        #expect(city.source.span.startLine == 13 && city.source.address.hasSuffix("2023_fuzhou_forward.txt"))
        #expect(config.warnings.isEmpty)
        // The city's notice was signed on 2023-08-25: its 14- and 7-day reminders would fall before it.
        #expect(config.reminders.filter { $0.level == config.levels[2].address }.map(\.on) == ["2023-08-29"])
        #expect(
            config.reminders.filter { $0.level == config.levels[1].address }.map(\.on) == [
                "2023-08-21", "2023-08-28", "2023-09-03",
            ])
        #expect(
            config.levels[1].contacts.first?.names == ["陈恒"] && config.levels[1].contacts.first?.postcode == "350003")
        // Paper copies to the province go to the address its contact gives.
        let post = try #require(config.levels[1].submission.postalAddress)
        #expect(post.address == "福州市华林路76号省政府大院8号楼337室" && post.postcode == "350003" && post.recipient == "福建省工信厅科技处")
        #expect(config.levels[2].submission.postalAddress == nil)
        #expect(config.missing.map(\.field) == ["levels[*].submission.opens"])
    }

    @Test("The campaign id is the same across years and levels")
    func stableIdentity() throws {
        let result = try Self.configurations(["2020_caq.txt", "2022_caq.txt", "2023_fuzhou_forward.txt"])
        #expect(result.configurations.map(\.campaign.year) == [2020, 2022, 2023])
        #expect(Set(result.configurations.map(\.campaign.id)).count == 1)
        #expect(
            result.configurations[0].campaign.id
                == CampaignConfigurator.id(of: CampaignKey(organizer: "中国质量协会", campaign: "全国质量标杆活动")))
    }

    @Test("Recommending units keep their ids 2020 → 2022 → 2023, through renames")
    func directoryIds() throws {
        let configurations = try Self.configurations(["2020_caq.txt", "2022_caq.txt", "2023_fuzhou_forward.txt"])
            .configurations
        #expect(configurations.map(\.directory.count) == [49, 49, 48])
        func unit(_ year: Int, _ name: String) throws -> DirectoryUnit {
            try #require(configurations.first { $0.campaign.year == year }?.directory.first { $0.name == name })
        }
        // Listed again: the same id.
        #expect(try unit(2020, "北京市经济和信息化局").id == unit(2023, "北京市经济和信息化局").id)
        // Renamed in 2023 (the 2020 and 2022 lists read 山西省经济和信息化厅).
        let shanxi = try unit(2023, "山西省工业和信息化厅")
        #expect(shanxi.id == (try unit(2020, "山西省经济和信息化厅").id))
        #expect(shanxi.formerNames == ["山西省经济和信息化厅"])
        // Its name corrected in 2022 (中国石油和化学联合会 in 2020).
        #expect(try unit(2022, "中国石油和化学工业联合会").formerNames == ["中国石油和化学联合会"])
        // Every 2023 unit was in an earlier list: no new id.
        let earlier = Set(configurations.prefix(2).flatMap(\.directory).map(\.id))
        #expect(configurations[2].directory.allSatisfy { earlier.contains($0.id) })
        #expect(Set(configurations[2].directory.map(\.id)).count == 48)
        // The 2023 list is in the national notice that Fuzhou's file forwards.
        #expect(configurations[2].directory.first?.source.address.hasSuffix("2023_fuzhou_forward.txt#2") == true)
    }

    @Test("2020: the base quota and the raised quota with the condition that raises it")
    func raisedQuota() throws {
        let quotas = try Self.configuration("2020_caq.txt").levels[0].quotas
        #expect(quotas.map(\.max) == [3, 5])
        #expect(quotas.map(\.condition) == [nil, "开展过本地区、本行业质量标杆活动的推荐单位"])
        #expect(quotas.allSatisfy { $0.appliesTo == ["各推荐单位"] && $0.unit == "项" && !$0.unlimited })
        let window = try Self.configuration("2020_caq.txt").levels[0].submission
        #expect(window.opens == "2020-05-15" && window.closes == "2020-07-05")
    }

    @Test("Henan: tiered quotas per city, and the application deadline (not the cities' plans due in April)")
    func henan() throws {
        let level = try Self.configuration("2023_henan.txt").levels[0]
        #expect(level.quotas.map(\.max) == [10, 7, 4, 2])
        #expect(
            level.quotas.map(\.appliesTo) == [
                ["郑州市", "洛阳市", "新乡市"], ["其他省辖市", "济源示范区"], ["航空港区", "巩义市", "长垣市"], ["其他省直管县（市）"],
            ])
        // "活动方案于4月底前报送至省工业和信息化厅" is a plan; the applications are due 2023-05-10.
        #expect(level.deadlines.map(\.date).sorted() == ["2023-04-30", "2023-05-10"])
        #expect(level.effectiveDeadline?.date == "2023-05-10")
    }

    @Test(
        "Closing times: the time the text gives, else the end of the day",
        arguments: [
            ("下午5点", "2023-09-15T17:00:00+08:00"), ("17:00", "2023-09-15T17:00:00+08:00"),
            ("下午17:00", "2023-09-15T17:00:00+08:00"),
            ("下午五点半", "2023-09-15T17:30:00+08:00"), ("上午10时30分", "2023-09-15T10:30:00+08:00"),
            ("12时", "2023-09-15T12:00:00+08:00"),
            ("下班", "2023-09-15T23:59:59+08:00"), ("24时", "2023-09-15T23:59:00+08:00"),
            ("99点", "2023-09-15T23:59:59+08:00"),
        ])
    func closingTimes(time: String, expected: String) {
        #expect(ClosingTime.iso(date: "2023-09-15", time: time) == expected)
        #expect(ClosingTime.iso(date: "2023-09-15", time: nil) == "2023-09-15T23:59:59+08:00")
        #expect(ClosingTime.iso(date: "2023-09", time: time) == nil)
    }

    @Test("Days counted across months, years and leap days")
    func calendar() {
        #expect(CalendarDate.adding(days: -14, to: "2023-03-10") == "2023-02-24")
        #expect(CalendarDate.adding(days: -1, to: "2024-03-01") == "2024-02-29")
        #expect(CalendarDate.adding(days: -1, to: "2023-03-01") == "2023-02-28")
        #expect(CalendarDate.adding(days: -7, to: "2024-01-03") == "2023-12-27")
        #expect(CalendarDate.adding(days: 1, to: "1999-12-31") == "2000-01-01")
        #expect(CalendarDate.adding(days: 0, to: "2023-13-01") == nil)
    }

    static func record(_ text: String, path: String = "hostile.txt") throws -> (path: String, record: NoticeRecord) {
        (path, try Gongwen.parse(bytes: Array(text.utf8), path: path))
    }

    @Test("Hostile: no date at all, a relay later than the level above, a deadline before signing, no issuer")
    func hostile() throws {
        let undated = try Self.record(
            """
            中国质量协会
            关于开展全国质量标杆活动的通知
            各有关单位：
            　　请各单位积极组织申报。
            中国质量协会
            """)
        let config = try #require(CampaignConfigurator.configurations([undated]).configurations.first)
        #expect(config.campaign.year == nil)
        #expect(config.levels[0].effectiveDeadline == nil)
        #expect(config.reminders.isEmpty)
        #expect(
            Set(config.missing.map(\.field)).isSuperset(of: [
                "campaign.year", "levels[0].effectiveDeadline", "levels[*].quotas", "levels[*].contacts",
            ]))

        // A province relaying the national notice with a date after the national one. (Its "8月1日", before
        // its own signing, is read as next year's by the deadline reader, so it raises no warning here.)
        let late = try Self.record(
            """
            福建省工业和信息化厅关于转发中国质量协会关于开展2023年全国质量标杆活动的通知的通知
            各设区市工信局：
            　　现将《关于开展2023年全国质量标杆活动的通知》转发给你们，请于9月20日前报送推荐材料，于8月1日前报送推荐名单。
            附件：关于开展2023年全国质量标杆活动的通知
            福建省工业和信息化厅
            2023年8月18日
            附件
            中国质量协会
            关于开展2023年全国质量标杆活动的通知
            各有关单位：
            　　申报截止时间：2023年9月15日。
            中国质量协会
            2023年6月6日
            """)
        let relay = try #require(CampaignConfigurator.configurations([late]).configurations.first)
        #expect(relay.levels.map(\.issuer) == ["中国质量协会", "福建省工业和信息化厅"])
        let messages = relay.warnings.map(\.message)
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.first?.contains("falls after the level above's, 2023-09-15") == true, "\(messages)")

        // A date with its year, before the notice was signed: kept as written, and a warning.
        let before = try Self.record(
            """
            中国质量协会
            关于开展2023年全国质量标杆活动的通知
            各有关单位：
            　　请于2023年8月1日前报送申报材料。
            中国质量协会
            2023年8月18日
            """)
        let early = try #require(CampaignConfigurator.configurations([before]).configurations.first)
        #expect(early.levels[0].effectiveDeadline?.date == "2023-08-01")
        #expect(
            early.warnings.map(\.message) == ["deadline 2023-08-01 falls before the notice was signed (2023-08-18)"])
        #expect(early.reminders.isEmpty)  // every reminder would fall before the signing

        let nameless = try Self.record("请于5月1日前报送材料。\n")
        let result = CampaignConfigurator.configurations([nameless])
        #expect(result.configurations.isEmpty)
        #expect(result.unplaced.map(\.path) == ["hostile.txt"])
    }

    @Test("Hostile: a list of 1,000 units two years running keeps 1,000 ids")
    func thousandUnits() throws {
        func notice(_ year: Int) throws -> (path: String, record: NoticeRecord) {
            let rows = (0..<1_000).map { "\($0 + 1)\t测试单位\(String(format: "%04d", $0))\n" }.joined()
            return try Self.record(
                """
                中国质量协会
                关于开展\(year)年全国质量标杆活动的通知
                各有关单位：
                　　请于\(year)年9月15日前申报。
                附件：推荐单位名录
                中国质量协会
                \(year)年6月1日
                附件
                推荐单位名录
                序号\t单位名称
                \(rows)
                """, path: "units\(year).txt")
        }
        let configurations = CampaignConfigurator.configurations([try notice(2022), try notice(2023)]).configurations
        #expect(configurations.map(\.directory.count) == [1_000, 1_000])
        #expect(Set(configurations.flatMap(\.directory).map(\.id)).count == 1_000)
    }

    @Test("Every configuration of Notices/ validates against Schemas/campaign.schema.json; a broken one is rejected")
    func schema() throws {
        let result = try Self.configurations(Corpus.files)
        #expect(result.configurations.count == 5)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let encoder = JSONEncoder()
        for (i, configuration) in result.configurations.enumerated() {
            try encoder.encode(configuration).write(to: directory.appendingPathComponent("config\(i).json"))
        }
        let schema = Corpus.packageRoot.appendingPathComponent("Schemas/campaign.schema.json")
        let valid = try SchemaValidator.validate(directory: directory, schema: schema)
        #expect(valid.status == 0, "\(valid.output)")

        var broken = try #require(
            JSONSerialization.jsonObject(with: try encoder.encode(result.configurations[0])) as? [String: Any])
        var campaign = try #require(broken["campaign"] as? [String: Any])
        campaign["id"] = "not hex"
        broken["campaign"] = campaign
        broken["surprise"] = true
        try JSONSerialization.data(withJSONObject: broken).write(to: directory.appendingPathComponent("config0.json"))
        let rejected = try SchemaValidator.validate(directory: directory, schema: schema)
        #expect(rejected.status == 1)
        #expect(rejected.output.contains("surprise") && rejected.output.contains("not hex"))
    }

    @Test(
        "--series: the national campaign's three years, and what changed in the areas a configuration holds; valid against the schema"
    )
    func yearOverYear() throws {
        let series = CampaignConfigurator.series(try Self.configurations(Corpus.files))
        #expect(series.campaigns.map(\.name) == ["全国质量标杆活动", "工业企业质量标杆活动", "河南省质量标杆活动"])
        let national = series.campaigns[0]
        #expect(national.configurations.map(\.campaign.year) == [2020, 2022, 2023])
        #expect(national.diffs.count == 2)
        let areas = Set(national.diffs.flatMap(\.changes).map(\.area))
        #expect(areas.isSubset(of: CampaignConfigurator.configuredAreas) && !areas.contains(.sections))
        // 2020 → 2022: the window 2020-05-15 – 07-05 became a closing date, 2022-07-15.
        let deadline = try #require(national.diffs[0].changes.first { $0.area == .deadlines && $0.kind == .changed })
        #expect(deadline.old == "2020-05-15 – 2020-07-05" && deadline.new == "2022-07-15")
        // The 2023 diff is against the national notice inside Fuzhou's file.
        #expect(national.diffs[1].new.path.hasSuffix("2023_fuzhou_forward.txt#2"))
        #expect(national.diffs[0].summary.values.reduce(0, +) == national.diffs[0].changes.count)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-config-series-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try JSONEncoder().encode(series).write(to: directory.appendingPathComponent("series.json"))
        let valid = try SchemaValidator.validate(
            directory: directory,
            schema: Corpus.packageRoot.appendingPathComponent("Schemas/campaign-series.schema.json"))
        #expect(valid.status == 0, "\(valid.output)")
    }

    @Test(
        "The command: one configuration per line for a folder, --strict lists what is missing, a bad --remind is named")
    func commandLine() throws {
        let folder = try CommandLineTests.run(["config", Corpus.noticesDirectory.path])
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(folder.stdout.split(separator: "\n").count == 5)
        // The same notices listed on standard input, or found in a subfolder with --recursive: the same configurations.
        let list = Corpus.files.sorted().map(Corpus.path).joined(separator: "\n")
        let listed = try CommandLineTests.run(["config", "--files-from", "-"], stdin: Data(list.utf8))
        #expect(listed.status == 0 && listed.stdout == folder.stdout)
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Corpus.noticesDirectory, to: parent.appendingPathComponent("Notices"))
        let flat = try CommandLineTests.run(["config", parent.path])
        #expect(
            flat.status == 1 && flat.stderr.contains("no notices (.txt, .html, .htm or .shtml files) in the folder"))
        let deep = try CommandLineTests.run(["config", "--recursive", parent.path])
        #expect(deep.status == 0 && deep.stdout.split(separator: "\n").count == 5)
        let strict = try CommandLineTests.run(["config", "--strict", Corpus.path("2023_henan.txt")])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("河南省质量标杆活动 2023: missing levels[*].submission.opens"))
        let reminders = try CommandLineTests.run(["config", "--remind", "3d", Corpus.path("2020_caq.txt")])
        #expect(reminders.stdout.contains("\"on\" : \"2020-07-02\""))
        let bad = try CommandLineTests.run(["config", "--remind", "soon", Corpus.path("2020_caq.txt")])
        #expect(bad.status != 0 && bad.stderr.contains("--remind"))
        // -o: the calendar into a file, the same bytes as on standard output.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-\(UUID().uuidString).ics")
        defer { try? FileManager.default.removeItem(at: file) }
        // (SOURCE_DATE_EPOCH fixes the DTSTAMP, the moment the calendar was made.)
        let epoch = ["SOURCE_DATE_EPOCH": "1764640000"]
        let calendar = try CommandLineTests.run(
            ["config", "--format", "ics", "-o", file.path, Corpus.noticesDirectory.path], environment: epoch)
        #expect(calendar.status == 0 && calendar.stdout.isEmpty)
        let printed = try CommandLineTests.run(
            ["config", "--format", "ics", Corpus.noticesDirectory.path], environment: epoch)
        #expect(
            try String(contentsOf: file, encoding: .utf8) == printed.stdout
                && printed.stdout.hasPrefix("BEGIN:VCALENDAR"))
        #expect(printed.stdout.contains("DTSTAMP:20251202T014640Z"))
    }

    /// Reads a calendar with python's `icalendar` (a real RFC 5545 parser): one line per event, its UID,
    /// start and end dates, the days before it of its alarms, and its summary, separated by "|".
    static let calendarReader = """
        import sys, icalendar
        calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
        for event in calendar.walk("VEVENT"):
            alarms = ",".join(str(-a.get("TRIGGER").dt.days) for a in event.walk("VALARM"))
            print("|".join([str(event.get("UID")), event.get("DTSTART").dt.isoformat(), event.get("DTEND").dt.isoformat(), alarms, str(event.get("SUMMARY"))]))
        """

    @Test("--format ics: each deadline an all-day event, the reminders alarms, UIDs the same from run to run")
    func calendarFile() throws {
        let config = try Self.configuration("2023_fuzhou_forward.txt")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-\(UUID().uuidString).ics")
        defer { try? FileManager.default.removeItem(at: file) }
        let ics = CampaignCalendar.ics([config])
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(ics.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        try Data(ics.utf8).write(to: file)
        let read = try runProcess("/usr/bin/env", ["python3", "-c", Self.calendarReader, file.path])
        // (Required: without Python's icalendar, which .ci/run installs, the rest would index an empty list.)
        try #require(read.status == 0, "\(read.output)")
        let events = read.output.split(separator: "\n").map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
        try #require(events.count == 4 && events.allSatisfy { $0.count == 5 }, "\(read.output)")
        // National 09-15, the province's two 09-04 (one sentence each), the city's 08-30.
        #expect(events.map { $0[1] } == ["2023-09-15", "2023-09-04", "2023-09-04", "2023-08-30"])
        #expect(events.map { $0[2] } == ["2023-09-16", "2023-09-05", "2023-09-05", "2023-08-31"])
        // Alarms on each level's effective deadline only; the city's 14- and 7-day reminders fall before its signing.
        #expect(events.map { $0[3] } == ["14,7,1", "14,7,1", "", "1"])
        #expect(events[3][4] == "截止 全国质量标杆活动 2023（福州市工业和信息化局）：报送")
        // TEXT escapes, and control characters TEXT may not hold are dropped.
        #expect(CampaignCalendar.escape("a,b;c\\d\ne\u{1B}f\u{0B}\tg") == "a\\,b\\;c\\\\d\\nef\tg")
        // Another run (another time stamp) gives the same UIDs.
        let again = CampaignCalendar.ics([config], stamp: Date(timeIntervalSince1970: 0))
        let uids = { (text: String) in text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(again) == uids(ics) && Set(uids(ics)).count == 4)
    }
}
