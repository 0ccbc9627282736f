import Foundation
import Testing

@testable import GongwenKit

/// The national campaign as the corpus holds it: 2020, 2022, and 2023 inside the Fuzhou forwarding
/// file. Every expected value below was read in the notices themselves.
@Suite("Series and year-over-year diffs of the corpus")
struct SeriesTests {
    /// (Read once, by the first test that needs it; a failure to read is that test's failure, not a crash of the run.)
    static let report: SeriesReport = {
        do {
            return SeriesBuilder.build(try Gongwen.records(inFolder: Corpus.noticesDirectory.path).records)
        } catch {
            Issue.record("Notices/ cannot be read: \(error)")
            return SeriesReport(series: [], unplaced: [], duplicates: [])
        }
    }()

    static var national: NoticeSeries {
        if let series = report.series.first(where: { $0.organizer == "中国质量协会" }) { return series }
        Issue.record("no series of 中国质量协会 in Notices/")
        return NoticeSeries(organizer: "", campaign: "", notices: [], relays: [], gaps: [], diffs: [])
    }

    static func changes(_ diff: NoticeDiff, _ area: Change.Area) -> [Change] {
        diff.changes.filter { $0.area == area && $0.kind != .unchanged }
    }

    @Test(
        "A missing year's citations are looked up, not searched for: every cited title is read once, however many years are missing"
    )
    func gapsReadCitationsOnce() throws {
        // 100 notices of the national campaign, every other year from 1901 to 2099 (99 years missing), each
        // citing the notice of the year before it — a missing year — by title, as Shandong's cites 2021's.
        let text = try Corpus.text("2022_caq.txt")
        var records: [LocatedRecord] = []
        for year in stride(from: 1901, through: 2099, by: 2) {
            let cited = "根据《关于开展\(year - 1)年全国质量标杆活动的通知》（中国质协字〔\(year - 1)〕35号），"
            let varied = text.replacingOccurrences(of: "2022", with: String(year)).replacingOccurrences(
                of: "为贯彻《", with: cited + "为贯彻《")
            let path = "n\(year).txt"
            records += LocatedRecord.flatten(try Gongwen.parse(bytes: Array(varied.utf8), path: path), path: path)
        }
        let organizers = Set(records.compactMap { CampaignKey.of($0.record)?.organizer })
        let index = CitationIndex(records, organizers: organizers)
        let titled = records.flatMap(\.record.citations).filter {
            $0.title.map { !CitationIndex.fourDigitRuns($0).isEmpty } ?? false
        }
        // The work: one reading of each cited title with a year (the scan it replaced read them all for each of the 99 years).
        #expect(index.titlesRead == titled.count)

        let national = try #require(SeriesBuilder.build(records).series.first { $0.notices.count == 100 })
        #expect(national.gaps.count == 99)
        for gap in national.gaps {
            // The scan it replaced, as it was: every citation of the corpus for each missing year.
            var scanned: [String] = []
            for located in records {
                for citation in located.record.citations {
                    guard let title = citation.title, title.contains(String(gap.year)),
                        CampaignKey.campaignName(title: title, issuer: national.organizer) == national.campaign
                    else { continue }
                    scanned.append(located.address)
                }
            }
            #expect(gap.citedBy.map(\.path) == scanned, "\(gap.year)")
            #expect(gap.citedBy.map(\.path) == ["n\(gap.year + 1).txt"], "\(gap.year)")
        }
    }

    @Test("The national campaign is one series, 2020 → 2022 → 2023, with 2021 missing and cited by Shandong")
    func nationalSeries() throws {
        let series = Self.national
        #expect(series.campaign == "全国质量标杆活动")
        #expect(series.notices.map(\.campaignYear) == [2020, 2022, 2023])
        #expect(
            series.notices.map(\.path).map { ($0 as NSString).lastPathComponent } == [
                "2020_caq.txt", "2022_caq.txt", "2023_fuzhou_forward.txt#2",
            ])
        #expect(series.diffs.count == 2)
        let gap = try #require(series.gaps.first)
        #expect(series.gaps.count == 1 && gap.year == 2021)
        let citing = try #require(gap.citedBy.first)
        #expect(citing.path.hasSuffix("2021_shandong.txt"))
        #expect(citing.citation == "《关于开展2021年全国质量标杆活动的通知》（中国质协字〔2021〕35号）")
        // The span points at the citing line of the Shandong notice.
        let line = try Corpus.text("2021_shandong.txt").split(separator: "\n", omittingEmptySubsequences: false)[
            citing.span.startLine - 1]
        #expect(line.replacingOccurrences(of: " ", with: "").contains("中国质协字〔2021〕35号"))
    }

    @Test("The province's and the city's relays of 2023 are levels of the national campaign, not series of their own")
    func relays() throws {
        let relays = Self.national.relays
        #expect(relays.map(\.notice.issuer) == ["福州市工业和信息化局", "福建省工业和信息化厅"])
        #expect(relays.map(\.level) == [.municipal, .provincial])
        #expect(
            relays.map { ($0.relays as NSString).lastPathComponent } == [
                "2023_fuzhou_forward.txt#1", "2023_fuzhou_forward.txt#2",
            ])
    }

    @Test("Every other campaign is its own series; nothing is left unplaced")
    func otherSeries() {
        let others = Self.report.series.filter { $0.organizer != "中国质量协会" }
        #expect(others.map(\.organizer).sorted() == ["山东省工业和信息化厅", "河南省工业和信息化厅办公室"].sorted())
        #expect(others.allSatisfy { $0.notices.count == 1 && $0.diffs.isEmpty && $0.relays.isEmpty })
        #expect(Self.report.unplaced.isEmpty)
    }

    @Test("2020 → 2022: the deadline, two renamed units, the dropped contact and phone, the address, Word and RAR")
    func from2020to2022() throws {
        let diff = Self.national.diffs[0]
        let deadlines = Self.changes(diff, .deadlines)
        #expect(deadlines.map { "\($0.old ?? "") → \($0.new ?? "")" } == ["2020-05-15 – 2020-07-05 → 2022-07-15"])

        let directory = Self.changes(diff, .directory)
        #expect(directory.map(\.kind) == [.renamed, .renamed])
        #expect(
            directory.map { "\($0.old!) → \($0.new!)" } == [
                "新疆生产建设兵团工业和信息化厅 → 新疆生产建设兵团工业和信息化局",
                "中国石油和化学联合会 → 中国石油和化学工业联合会",
            ])
        #expect(
            directory[0].edits == [
                TextEdit(operation: .equal, text: "新疆生产建设兵团工业和信息化"),
                TextEdit(operation: .delete, text: "厅"), TextEdit(operation: .insert, text: "局"),
            ])

        let contacts = Self.changes(diff, .contacts)
        #expect(contacts.contains { $0.kind == .removed && $0.subject == "contact person" && $0.old == "冯雷" })
        #expect(contacts.contains { $0.kind == .removed && $0.subject == "phone" && $0.old == "010-66072791" })
        let address = try #require(contacts.first { $0.subject == "address" })
        #expect(address.kind == .reworded)
        #expect(address.edits.filter { $0.operation != .equal } == [TextEdit(operation: .delete, text: "路")])

        let formats = Self.changes(diff, .submission).filter { $0.subject == "file format" }
        #expect(formats.map(\.kind) == [.added, .added])
        #expect(formats.compactMap(\.new) == ["Word", "RAR"])
    }

    @Test("2022 → 2023: the deadline, 山西 and 新疆 renamed, 中国质量协会 removed, editable documents, a reworded focus area")
    func from2022to2023() throws {
        let diff = Self.national.diffs[1]
        #expect(
            Self.changes(diff, .deadlines).map { "\($0.old ?? "") → \($0.new ?? "")" } == ["2022-07-15 → 2023-09-15"])

        let directory = Self.changes(diff, .directory)
        #expect(
            directory.map { "\($0.kind.rawValue) \($0.old ?? "") → \($0.new ?? "")" } == [
                "renamed 山西省经济和信息化厅 → 山西省工业和信息化厅",
                "renamed 新疆生产建设兵团工业和信息化局 → 新疆生产建设兵团工业和信息化厅",
                "removed 中国质量协会 → ",
            ])
        // The renamed unit's new span is the line of the Fuzhou file that holds the new name.
        let fuzhou = try Corpus.text("2023_fuzhou_forward.txt").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(fuzhou[directory[0].newSpan!.startLine - 1].contains("山西省工业和信息化厅"))

        let formats = Self.changes(diff, .submission).filter { $0.subject == "file format" }
        #expect(
            formats.map { "\($0.kind.rawValue) \($0.old ?? $0.new ?? "")" } == [
                "removed Word", "removed RAR", "added editable document",
            ])

        let reworded = try #require(Self.changes(diff, .focusAreas).first { $0.kind == .reworded })
        #expect(reworded.subject == "重点领域 2. → 4.")
        #expect(reworded.similarity == 0.75)
        #expect(reworded.edits.contains(TextEdit(operation: .insert, text: "促进质量管理数字化关键业务场景创新，")))
        #expect(reworded.edits.contains(TextEdit(operation: .delete, text: "推动《制造业质量管理数字化实施指南（试行）》在企业的运用和管理实践，")))

        let section = try #require(Self.changes(diff, .sections).first { $0.old == "一、全国质量标杆典型经验遴选" })
        #expect(section.kind == .renamed && section.new == "一、典型经验遴选")
        #expect(
            section.edits == [
                TextEdit(operation: .delete, text: "全国质量标杆"), TextEdit(operation: .equal, text: "典型经验遴选"),
            ])
        // Retitled sections found by their paragraphs: "大力推广…典型经验" became "现场分享".
        #expect(Self.changes(diff, .sections).contains { $0.old == "（一）大力推广全国质量标杆典型经验" && $0.new == "（一）现场分享" })
    }

    @Test("Nothing spurious: matched values differ in more than formatting, unchanged ones do not")
    func nothingSpurious() {
        for diff in Self.national.diffs {
            for change in diff.changes {
                guard let old = change.old, let new = change.new else { continue }
                switch change.kind {
                case .unchanged, .moved:
                    // Sections match by heading or content; a citation by a shorter or longer title.
                    #expect(
                        TextDiff.sameText(old, new) || change.area == .sections || change.area == .citations,
                        "\(change)")
                case .reworded, .renamed, .changed:
                    #expect(!TextDiff.sameText(old, new), "a change of formatting only: \(change)")
                default:
                    break
                }
                // Edits rebuild both values (sections: their headings, at the end of the titles).
                if !change.edits.isEmpty {
                    let before = change.edits.filter { $0.operation != .insert }.map(\.text).joined()
                    let after = change.edits.filter { $0.operation != .delete }.map(\.text).joined()
                    #expect(old.hasSuffix(before) && new.hasSuffix(after), "\(change)")
                }
            }
        }
    }

    @Test(
        "A notice against itself reformatted (markdown, hard wraps, full-width digits) has no changes",
        arguments: ["2020_caq.txt", "2022_caq.txt", "2023_henan.txt"])
    func formattingAlone(file: String) throws {
        let original = try Corpus.record(file)
        let reformatted = try Gongwen.parse(
            bytes: Array(Self.reformat(try Corpus.text(file)).utf8), path: "reformatted.txt")
        let diff = NoticeDiffer.diff(original, reformatted)
        let changes = diff.changes.filter { $0.kind != .unchanged }
        #expect(
            changes.isEmpty,
            "\(changes.map { "\($0.area) \($0.kind) \($0.subject): \($0.old ?? "") → \($0.new ?? "")" })")
        #expect(diff.changes.count > 10)
    }

    /// The same notice as another site would give it: digits full-width, first-level headings in
    /// markdown bold, paragraphs hard-wrapped as a PDF wraps them, at 76 columns (a Chinese
    /// character and a full-width digit take two, an ASCII character one); table lines left alone.
    static func reformat(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var scalars = String.UnicodeScalarView()
            for scalar in line.unicodeScalars {
                scalars.append(scalar.isASCIIDigit ? Unicode.Scalar(scalar.value - 0x30 + 0xFF10)! : scalar)
            }
            var wide = String(scalars)
            if let first = wide.first, "一二三四五六七八九十".contains(first), wide.dropFirst().first == "、" {
                wide = "**\(wide)**"
            }
            guard !wide.contains("\t") && !wide.contains("|") else {
                lines.append(wide)
                continue
            }
            var physical = ""
            var width = 0
            for character in wide {
                let w = character.unicodeScalars.first!.isWide ? 2 : 1
                if width + w > 76 {
                    lines.append(physical)
                    physical = ""
                    width = 0
                }
                physical.append(character)
                width += w
            }
            lines.append(physical)
        }
        return lines.joined(separator: "\n")
    }

    @Test("The series JSON and a diff JSON are valid against Schemas/diff.schema.json; a broken one is not")
    func schema() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-diff-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try DiffReport.render(Self.report, format: .json).write(
            to: directory.appendingPathComponent("series.json"), atomically: true, encoding: .utf8)
        try DiffReport.render(Self.national.diffs[1], format: .json).write(
            to: directory.appendingPathComponent("diff.json"), atomically: true, encoding: .utf8)
        let schema = Corpus.packageRoot.appendingPathComponent("Schemas/diff.schema.json")
        let result = try SchemaValidator.validate(directory: directory, schema: schema)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("validated 2 documents, 0 errors"), "\(result.output)")

        // The validator does reject: an unknown kind, and an added item that has an old value.
        let broken = try DiffReport.render(Self.national.diffs[1], format: .json)
            .replacingOccurrences(of: "\"kind\" : \"renamed\"", with: "\"kind\" : \"retitled\"")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("series.json"))
        try broken.write(to: directory.appendingPathComponent("diff.json"), atomically: true, encoding: .utf8)
        let rejected = try SchemaValidator.validate(directory: directory, schema: schema)
        #expect(
            rejected.status != 0 && rejected.output.contains("validated 1 documents, 1 errors"), "\(rejected.output)")
    }

    @Test("The HTML report is well-formed XML and shows every change of the JSON diff")
    func html() throws {
        let page = try DiffReport.render(Self.report, format: .html)
        let checked = try HTMLChecker.check(page: page, changes: Self.report.series.flatMap(\.diffs).flatMap(\.changes))
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.contains("well-formed"), "\(checked.output)")
        #expect(
            !page.contains("http://") && !page.contains("https://") && !page.contains("<script"),
            "the page must stand alone")
    }

    @Test(
        "A citation of the next year's document of the same name is that document's successor: one change, not removed and added"
    )
    func citationSuccessor() throws {
        let diff = try #require(Self.national.diffs.first)  // 2020 → 2022
        let citations = Self.changes(diff, .citations)
        let successor = try #require(citations.first { $0.kind == .changed })
        #expect(successor.old == "《工业和信息化部办公厅关于做好2020年工业质量品牌建设工作的通知》")
        #expect(successor.new == "《工业和信息化部办公厅关于做好2022年工业质量提升和品牌建设工作的通知》（工信厅科函〔2022〕88号）")
        #expect(successor.oldSpan.map { [$0.startLine, $0.startColumn] } == [11, 41])
        #expect(successor.newSpan.map { [$0.startLine, $0.startColumn] } == [7, 53])
        #expect(!citations.contains { $0.kind == .removed && $0.old?.contains("工业质量品牌建设工作") == true })
        // Two notices citing a campaign's notice of one year and of the next, and nothing else.
        func notice(citing year: Int) throws -> NoticeRecord {
            try Gongwen.parse(
                bytes: Array("各推荐单位：\n根据《关于开展\(year)年全国质量标杆活动的通知》，请做好推荐工作。\n中国质量协会\n\(year)年6月6日\n".utf8),
                path: "\(year).txt")
        }
        let pair = NoticeDiffer.diff(try notice(citing: 2022), try notice(citing: 2023), oldPath: "a", newPath: "b")
        #expect(Self.changes(pair, .citations).map(\.kind) == [.changed])
    }

    @Test("The HTML report puts each change's old value in the old column and its new value in the new one")
    func htmlColumns() throws {
        let page = try DiffReport.render(Self.report, format: .html)
        // The 2020 → 2022 due date, a renamed unit, a removed phone, an added focus area: each cell as read in the notices.
        for (old, new) in [
            ("<del>2020-05-15 – 2020-07-05</del>", "<ins>2022-07-15</ins>"),
            ("新疆生产建设兵团工业和信息化<del>厅</del>", "新疆生产建设兵团工业和信息化<ins>局</ins>"),
            ("<del>010-66072791</del>", "<span class=\"none\">—</span>"),
            ("<span class=\"none\">—</span>", "<ins>通过质量技术创新，提高细分市场占有，提升创新能力的中小企业质量管理典型实践。</ins>"),
        ] {
            // Found by the side that has a value (an empty side, "—", is in many rows), then its neighbour checked.
            if new.hasPrefix("<span class=\"none\">") {
                let oldCell = try #require(
                    page.range(of: "<td class=\"side old\" data-side=\"旧 2020\">\(old)"), "no old cell \(old)")
                let newCell = try #require(
                    page.range(of: "<td class=\"side new\"", range: oldCell.upperBound..<page.endIndex))
                #expect(
                    page[newCell.upperBound...].hasPrefix(" data-side=\"新 2022\">\(new)"),
                    "\(page[newCell.upperBound...].prefix(120))")
            } else {
                let newCell = try #require(
                    page.range(of: "<td class=\"side new\" data-side=\"新 2022\">\(new)"), "no new cell \(new)")
                let oldCell = try #require(
                    page.range(
                        of: "<td class=\"side old\"", options: .backwards, range: page.startIndex..<newCell.lowerBound))
                #expect(
                    page[oldCell.upperBound...].hasPrefix(" data-side=\"旧 2020\">\(old)"),
                    "\(page[oldCell.upperBound...].prefix(120))")
            }
        }
    }

    @Test("The HTML report's summary table counts each area's changes of each kind, as the diff holds them")
    func htmlSummaryCounts() throws {
        let page = try DiffReport.render(Self.report, format: .html)
        let table = try #require(
            page.range(of: "<table class=\"summary\">").flatMap { start in
                page.range(of: "</table>", range: start.upperBound..<page.endIndex).map {
                    page[start.upperBound..<$0.lowerBound]
                }
            })
        var rows = 0
        for row in table.components(separatedBy: "</tr>") {
            guard let match = row.firstMatch(of: /href="#d(\d+)-(\w+)"/) else { continue }
            rows += 1
            let diff = Self.national.diffs[Int(match.1)!]
            let area = try #require(Change.Area(rawValue: String(match.2)))
            let cells = row.split(separator: "</a></td>").last!.matches(of: /<td class="(\w+)">([^<]*)<\/td>/)
            #expect(cells.count == HTMLReport.countedKinds.count)
            for (cell, kind) in zip(cells, HTMLReport.countedKinds) {
                let expected = diff.changes.filter { $0.area == area && $0.kind == kind }.count
                #expect(cell.2 == (expected == 0 ? "·" : "\(expected)"), "\(area) \(kind)")
                #expect(cell.1 == (expected == 0 ? "zero" : kind.rawValue))
            }
        }
        // One row per area that has items, in each of the two diffs (the other series have one notice each).
        let expectedRows = Self.national.diffs.map { diff in
            Change.Area.allCases.filter { area in diff.changes.contains { $0.area == area } }.count
        }
        #expect(rows == expectedRows.reduce(0, +) && rows > 10)
    }

    @Test("Markdown marks deletions and insertions in place; the plain terminal form has no escape codes")
    func textForms() throws {
        let markdown = try DiffReport.render(Self.report, format: .markdown)
        #expect(markdown.contains("北京市海淀区三虎桥百胜村<del>路</del>6号"))
        #expect(markdown.contains("## 2020 中国质协字〔2020〕44号 → 2022"))
        #expect(markdown.contains("**missing 2021**"))
        let plain = try DiffReport.render(Self.report, format: .terminal)
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.contains("山西省[-经济-]{+工业+}和信息化厅"))
        let coloured = try DiffReport.render(Self.report, format: .terminal, options: ReportOptions(colour: true))
        #expect(coloured.contains("\u{1B}[31;9m经济\u{1B}[0m"))
    }
}

/// Parses the page with a strict XML parser (python3's ElementTree) and checks that the text of the
/// page holds every old and new value of every change.
enum HTMLChecker {
    static let script = """
        import json, sys, xml.etree.ElementTree as ET
        page = open(sys.argv[1], encoding="utf-8").read()
        root = ET.fromstring(page)
        text = "".join(root.itertext())
        missing = []
        changes = json.load(open(sys.argv[2], encoding="utf-8"))
        for change in changes:
            for value in (change["old"], change["new"]):
                if value is not None and value not in text:
                    missing.append(value)
        rows = sum(1 for tr in root.iter("tr") if "change" in (tr.get("class") or "").split())
        print("well-formed;", rows, "change rows for", len(changes), "changes;", len(missing), "values missing:", missing[:5])
        sys.exit(1 if missing or rows != len(changes) else 0)
        """

    static func check(page: String, changes: [Change]) throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pagePath = directory.appendingPathComponent("page.html")
        let changesPath = directory.appendingPathComponent("changes.json")
        try page.write(to: pagePath, atomically: true, encoding: .utf8)
        try JSONEncoder().encode(changes).write(to: changesPath)
        return try runProcess("/usr/bin/env", ["python3", "-c", script, pagePath.path, changesPath.path])
    }
}
