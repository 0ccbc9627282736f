import Foundation
import Testing

@testable import GongwenKit

@Suite("Character diffs that read well")
struct TextDiffTests {
    static func rebuilt(_ edits: [TextEdit]) -> (old: String, new: String) {
        (
            edits.filter { $0.operation != .insert }.map(\.text).joined(),
            edits.filter { $0.operation != .delete }.map(\.text).joined()
        )
    }

    @Test("An insertion in the middle is one insertion, not a confetti of characters")
    func oneInsertion() {
        #expect(
            TextDiff.edits(from: "经验交流活动", to: "经验学习交流活动") == [
                TextEdit(operation: .equal, text: "经验"), TextEdit(operation: .insert, text: "学习"),
                TextEdit(operation: .equal, text: "交流活动"),
            ])
    }

    @Test("Short runs of equal characters between changes fold into the changes")
    func cleanUp() {
        // Line of the 2023 directory against 2022: only 经济 → 工业 changes.
        #expect(
            TextDiff.edits(from: "山西省经济和信息化厅", to: "山西省工业和信息化厅") == [
                TextEdit(operation: .equal, text: "山西省"), TextEdit(operation: .delete, text: "经济"),
                TextEdit(operation: .insert, text: "工业"),
                TextEdit(operation: .equal, text: "和信息化厅"),
            ])
        // Two rewritten phrases that share one character read as one replacement.
        let edits = TextDiff.edits(from: "评审工作安排", to: "遴选程序安排")
        #expect(
            edits == [
                TextEdit(operation: .delete, text: "评审工作"), TextEdit(operation: .insert, text: "遴选程序"),
                TextEdit(operation: .equal, text: "安排"),
            ])
    }

    @Test(
        "Edits always rebuild both texts",
        arguments: [
            ("", ""), ("", "新增"), ("删除", ""), ("同", "同"), ("abc", "xyz"),
            ("中国质量协会质量活动推进部", "中国质协质量活动推进部"),
            ("e\u{301}🇨🇳表情", "é🇨🇳表情符号"), ("\t \n", " "), ("（一）重点领域", "(二)重点领域"),
        ])
    func rebuilds(old: String, new: String) {
        let edits = TextDiff.edits(from: old, to: new)
        #expect(Self.rebuilt(edits) == (old, new))
        #expect(!edits.contains { $0.text.isEmpty })
        // No two runs of the same operation in a row.
        #expect(zip(edits, edits.dropFirst()).allSatisfy { $0.operation != $1.operation })
    }

    @Test("Random texts: edits rebuild both, similarity stays in 0…1 and is symmetric")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("质量标杆活动年月日，。（）1234 ab")
        for _ in 0..<300 {
            let a = String(
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let b = String(
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(Self.rebuilt(TextDiff.edits(from: a, to: b)) == (a, b))
            let s = TextDiff.similarity(a, b)
            #expect(s >= 0 && s <= 1)
            #expect(s == TextDiff.similarity(b, a))
        }
    }

    @Test("Formatting alone makes no difference: width, punctuation, spaces and line breaks")
    func canonical() {
        #expect(TextDiff.sameText("申报截止时间：2022年7月15日。", "申报截止时间: 2022年7月15日。"))
        #expect(TextDiff.sameText("（一）重点领域", "(一) 重点领域"))
        #expect(TextDiff.sameText("中国质协字〔2023〕71号", "中国质协字[2023]71号"))
        #expect(TextDiff.sameText("新疆生产建设兵团工业和\n信息化厅", "新疆生产建设兵团工业和信息化厅"))
        #expect(!TextDiff.sameText("7月15日", "7月16日"))
        #expect(TextDiff.similarity("", "") == 1 && TextDiff.similarity("甲", "乙") == 0)
    }

    @Test("Texts far apart (a megabyte each) are replaced whole past the common ends, not traced edit by edit")
    func farApart() {
        let a = "开头" + String(repeating: "企业运用先进质量管理理念、方法、工具，", count: 50_000) + "结尾"
        let b = "开头" + String(repeating: "加强全面质量管理，深化运用先进适用的方法和工具，", count: 50_000) + "结尾"
        let edits = TextDiff.edits(from: a, to: b)
        #expect(Self.rebuilt(edits) == (a, b))
        #expect(edits.map(\.operation) == [.equal, .delete, .insert, .equal])
        // Close texts keep their fine edits.
        #expect(TextDiff.edits(from: a, to: a + "。").map(\.operation) == [.equal, .insert])
    }
}

@Suite("Campaigns, series and diffs on their own")
struct SeriesUnitTests {
    @Test(
        "A campaign is the title without the organizer, the year, the opening verb and 的通知",
        arguments: [
            ("关于开展2020年全国质量标杆活动的通知", "中国质量协会", "全国质量标杆活动"),
            ("关于开展 2022 年全国质量标杆活动的通知", "中国质量协会", "全国质量标杆活动"),
            ("河南省工业和信息化厅办公室关于开展2023年河南省质量标杆活动的通知", "河南省工业和信息化厅办公室", "河南省质量标杆活动"),
            ("福建省工业和信息化厅关于做好2023年全国质量标杆推荐工作的通知", "福建省工业和信息化厅", "全国质量标杆推荐"),
            ("关于组织开展2024年度智能制造试点示范行动的通知", "工业和信息化部", "智能制造试点示范行动"),
            ("关于举办第12届质量论坛的通知", "某协会", "第12届质量论坛"),
        ])
    func campaign(title: String, issuer: String, expected: String) {
        #expect(CampaignKey.campaignName(title: title, issuer: issuer) == expected)
    }

    @Test("Records without issuer, title or year are reported as unplaced, not dropped")
    func unplaced() throws {
        let withoutYear = try Gongwen.parse(
            bytes: Array("中国质量协会\n\n关于开展质量标杆活动的通知\n\n各有关单位：\n\n请按要求申报。\n\n中国质量协会\n".utf8), path: "no-year.txt")
        let report = SeriesBuilder.build([LocatedRecord(record: withoutYear, path: "no-year.txt", index: 0)])
        #expect(report.series.isEmpty)
        #expect(report.unplaced.map(\.path) == ["no-year.txt"])
    }

    @Test("Two notices with nothing in common: every item added or removed, nothing matched by force")
    func nothingInCommon() throws {
        let a = try Corpus.record("2023_henan.txt")
        let b = try Corpus.record("2021_shandong.txt")
        let diff = NoticeDiffer.diff(a, b)
        let matched = diff.changes.filter {
            $0.kind == .reworded && ($0.area == .focusAreas || $0.area == .eligibility)
        }
        #expect(matched.allSatisfy { TextDiff.similarity($0.old!, $0.new!) >= NoticeDiffer.rewordedThreshold })
        #expect(diff.changes.contains { $0.area == .focusAreas && $0.kind == .added })
        #expect(diff.changes.contains { $0.area == .focusAreas && $0.kind == .removed })
        #expect(diff.notes.isEmpty)
    }

    @Test("Hostile: lists of thousands of items are compared by exact text only, and the diff says so")
    func hugeLists() throws {
        var record = try Corpus.record("2022_caq.txt")
        let template = try #require(record.directory.first)
        record.directory = (0..<3_000).map { n in
            var unit = template
            unit.name = "单位\(n)甲"
            unit.region = nil
            return unit
        }
        var other = record
        other.directory = (0..<3_000).map { n in
            var unit = template
            unit.name = "单位\(n + 1_500)乙"
            unit.region = nil
            return unit
        }
        let diff = NoticeDiffer.diff(record, other)
        #expect(diff.notes.contains { $0.hasPrefix("directory: 3000 old and 3000 new unit names differ") })
        #expect(diff.changes.filter { $0.area == .directory && $0.kind == .removed }.count == 3_000)
        #expect(diff.changes.filter { $0.area == .directory && $0.kind == .added }.count == 3_000)
    }

    @Test("An embedded notice is addressed as FILE#N; a number past the end is a clear error")
    func addresses() throws {
        let national = try Gongwen.locate(Corpus.path("2023_fuzhou_forward.txt") + "#2")
        #expect(national.record.docNumber?.text == "中国质协字〔2023〕71号")
        #expect(national.address.hasSuffix("2023_fuzhou_forward.txt#2"))
        #expect(throws: GongwenError.self) { try Gongwen.locate(Corpus.path("2023_fuzhou_forward.txt") + "#3") }
        let error = #expect(throws: GongwenError.self) { try Gongwen.locate(Corpus.path("2022_caq.txt") + "#1") }
        #expect(
            error?.description.hasSuffix(
                "2022_caq.txt#1: no such notice; the file holds 1 notice, only #0, the file's own notice") == true)
    }
}
