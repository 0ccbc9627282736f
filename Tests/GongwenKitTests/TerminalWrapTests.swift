import Foundation
import Testing

@testable import GongwenKit

/// Folding long lines for a terminal (`TerminalWrap`): widths as a terminal lays text out, breaks where
/// Chinese typesetting allows them, hanging indents, colours carried across a break.
@Suite("Terminal folding")
struct TerminalWrapTests {
    /// The text with the folds taken out: what was folded is all there, in order (a fold at a space takes
    /// the space's place, so spaces are not compared).
    static func unfolded(_ text: String, indent: Int) -> String {
        text.replacingOccurrences(of: "\n" + String(repeating: " ", count: indent), with: "").replacingOccurrences(
            of: " ", with: "")
    }

    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test("A diff line of the corpus: every line within the width, continuation lines under the text, nothing lost")
    func realLine() {
        let line =
            "    - added 重点领域 2.: 推动《制造业质量管理数字化实施指南（试行）》在企业的运用和管理实践，通过5G、人工智能、区块链、大数据、物联网等新一代信息技术与企业质量管理融合应用，推动质量管理活动数字化、网络化、智能化升级的典型实践。 [— → 19:1]"
        for width in [30, 41, 60, 80, 120] {
            let folded = TerminalWrap.wrap(line, width: width, hangingIndent: 6)
            let lines = folded.split(separator: "\n")
            #expect(lines.count > 1 || TerminalWrap.columns(of: line) <= width)
            for (n, part) in lines.enumerated() {
                #expect(TerminalWrap.columns(of: part) <= width, "\(width): \(part)")
                if n > 0 {
                    #expect(part.hasPrefix("      ") && !part.hasPrefix("       "), "\(width): \(part)")
                    // Never a line opening with closing punctuation, nor one ending with opening punctuation.
                    #expect(!"，。、；：）》".contains(part.dropFirst(6).first!), "\(width): \(part)")
                }
                #expect(!"（《".contains(part.last!), "\(width): \(part)")
            }
            #expect(Self.unfolded(folded, indent: 6) == line.replacingOccurrences(of: " ", with: ""), "\(width)")
        }
    }

    @Test("Latin words and numbers are not cut; a break at a space takes the space's place")
    func words() {
        let line = "- changed 申报 due date: 2020-05-15 – 2020-07-05 → 2022-07-15 [30:9 → 29:10]"
        let folded = TerminalWrap.wrap(line, width: 40, hangingIndent: 2)
        #expect(folded == "- changed 申报 due date: 2020-05-15 –\n  2020-07-05 → 2022-07-15 [30:9 → 29:10]")
    }

    @Test("A line that fits, a text of several lines, and a width too narrow to fold are left as they are")
    func unchanged() {
        #expect(TerminalWrap.wrap("申报截止时间：2022年7月15日。", width: 80, hangingIndent: 4) == "申报截止时间：2022年7月15日。")
        #expect(TerminalWrap.wrap("一\n\n二", width: 10, hangingIndent: 2) == "一\n\n二")
        let long = String(repeating: "质量", count: 50)
        #expect(TerminalWrap.wrap(long, width: 10, hangingIndent: 4) == long)
        #expect(TerminalWrap.wrap("", width: 10, hangingIndent: 0) == "")
    }

    @Test(
        "Escape sequences take no columns; a colour running across a fold is closed and opened again after the indent")
    func colours() {
        let line = "    - \u{1B}[33mchanged\u{1B}[0m 联系人：\u{1B}[31;9m冯雷，电话010-66072791，地址北京市海淀区三虎桥百胜村路6号\u{1B}[0m 完"
        let folded = TerminalWrap.wrap(line, width: 40, hangingIndent: 6)
        for part in folded.split(separator: "\n") {
            #expect(TerminalWrap.columns(of: Self.plain(String(part))) <= 40)
        }
        #expect(folded.contains("\u{1B}[0m\n      \u{1B}[31;9m"), "\(folded.debugDescription)")
        #expect(
            Self.plain(Self.unfolded(folded, indent: 6)) == Self.plain(line).replacingOccurrences(of: " ", with: ""))
    }

    @Test("Hostile input: a 20,000-character address, lone escapes, combining marks, a long run of spaces")
    func hostile() {
        let url = "https://www.example.gov.cn/" + String(repeating: "a1", count: 10_000)
        let folded = TerminalWrap.wrap("附件：" + url, width: 50, hangingIndent: 2)
        let lines = folded.split(separator: "\n")
        #expect(lines.count > 400)
        for part in lines { #expect(TerminalWrap.columns(of: part) <= 50) }
        #expect(Self.unfolded(folded, indent: 2) == "附件：" + url)  // (no space in it)

        let escapes = String(repeating: "\u{1B}[", count: 100) + "\u{1B}"
        #expect(TerminalWrap.wrap(escapes, width: 10, hangingIndent: 2) == escapes)
        let marks = "e\u{301}" + String(repeating: "a\u{301}", count: 30)
        #expect(TerminalWrap.columns(of: marks) == 31)
        let spaces = "通知" + String(repeating: " ", count: 500) + "附件"
        for part in TerminalWrap.wrap(spaces, width: 20, hangingIndent: 2).split(separator: "\n") {
            #expect(TerminalWrap.columns(of: part) <= 20)
        }
    }

    @Test("A notice's summary: what it is, its deadlines, its counts; embedded notices under it")
    func summary() throws {
        let record = try Gongwen.parse(path: Corpus.path("2023_henan.txt"))
        #expect(
            NoticeSummary.text(of: record, path: "henan.txt") == """
                henan.txt
                  河南省工业和信息化厅办公室关于开展2023年河南省质量标杆活动的通知
                  河南省工业和信息化厅办公室 (provincial) · 豫工信办创新〔2023〕43号 · signed 2023-03-16
                  deadline 2023-04-30 报送
                  deadline 2023-05-10 报送
                  4 quotas · 5 focus areas · 5 eligibility rules · 1 contact · 6 citations · 4 attachments

                """)
        let narrow = NoticeSummary.text(of: record, path: "henan.txt", width: 40)
        #expect(
            narrow.contains(
                "  4 quotas · 5 focus areas ·\n    5 eligibility rules · 1 contact ·\n    6 citations · 4 attachments\n"
            ), "\(narrow)")
        for line in narrow.split(separator: "\n") { #expect(TerminalWrap.columns(of: line) <= 40, "\(line)") }
    }
}
