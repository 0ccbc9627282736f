import Foundation
import Testing

@testable import GongwenKit

/// The HTML report as its readers meet it: in Chinese, saying where it came from, on a desktop, on a phone and
/// on paper. The layout is checked the way a person sees it: the page rendered by a real browser (Debian's
/// `chromium`, headless), nothing measured past the edge of a 1,400 px and a 420 px screen.
@Suite("The HTML report")
struct HTMLReportTests {
    static let provenance = ReportProvenance(
        generatedAt: "2026-12-02T10:00:00+08:00", version: Gongwen.version, inputs: ["Notices"])

    static func page(_ language: ReportLanguage = .zh) throws -> String {
        try DiffReport.render(
            SeriesTests.report, format: .html, options: ReportOptions(language: language, provenance: provenance))
    }

    @Test("Its words are Chinese by default, English with --lang en; the notices' own words are the same in both")
    func labels() throws {
        let zh = try Self.page()
        let en = try Self.page(.en)
        #expect(zh.contains("<html lang=\"zh-CN\">") && en.contains("<html lang=\"en\">"))
        for word in [
            "变更摘要", "<th class=\"changed\">变更</th>", "<th class=\"unchanged\">未变</th>", ">截止时间</a>", ">推荐单位名录</a>",
            "<span class=\"badge changed\">变更</span><div class=\"subject\">申报截止日期</div>",
            "<div class=\"subject\">山西省的单位</div>", "<b>缺少 2021 年的通知。</b> 引用它的通知：", "data-side=\"旧 2020\"",
        ] {
            #expect(zh.contains(word), "\(word)")
        }
        for word in [
            "Summary of changes", ">Deadlines</a>", "<div class=\"subject\">申报 due date</div>",
            "<b>Missing 2021.</b> Cited by ",
            "data-side=\"old 2020\"",
        ] {
            #expect(en.contains(word), "\(word)")
        }
        for english in ["Summary of changes", "due date", "Missing", "unchanged</summary>", "similarity"] {
            #expect(!zh.contains(english), "\(english)")
        }
        // The values are the notices' words in both.
        #expect(zh.contains("北京市海淀区三虎桥百胜村<del>路</del>6号") && en.contains("北京市海淀区三虎桥百胜村<del>路</del>6号"))
        let checked = try HTMLChecker.check(
            page: zh, changes: SeriesTests.report.series.flatMap(\.diffs).flatMap(\.changes))
        #expect(checked.status == 0, "\(checked.output)")
    }

    @Test("Every subject the diff names in English is said in Chinese")
    func subjects() {
        let labels = ReportLabels(language: .zh)
        #expect(labels.subject("申报 due date") == "申报截止日期")
        #expect(labels.subject("due date") == "截止日期")
        #expect(labels.subject("quota of 各推荐单位") == "各推荐单位名额")
        #expect(labels.subject("quota of each body (如有)") == "每单位名额 (如有)")
        #expect(labels.subject("unit of 新疆生产建设兵团") == "新疆生产建设兵团的单位")
        #expect(labels.subject("section 一、 → 二、") == "章节 一、 → 二、")
        #expect(labels.subject("中国质协将组织专家开展评审工作") == "中国质协将组织专家开展评审工作")
        for subject in ReportLabels.subjects.keys {
            #expect(labels.subject(subject).unicodeScalars.allSatisfy { !("a"..."z").contains($0) })
        }
        // Every subject of the corpus's diffs: no English word is left in the Chinese report.
        for change in SeriesTests.report.series.flatMap(\.diffs).flatMap(\.changes) {
            let said = labels.subject(change.subject)
            #expect(said.range(of: "[a-z]{3,}", options: .regularExpression) == nil, "\(change.subject) → \(said)")
        }
    }

    @Test("It says who made it, when and from what")
    func provenance() throws {
        let page = try Self.page()
        #expect(
            page.contains(
                "<p class=\"provenance\">由 Gongwen \(Gongwen.version) 于 2026-12-02T10:00:00+08:00 生成；输入：Notices</p>"))
        #expect(page.contains("<meta name=\"generator\" content=\"Gongwen \(Gongwen.version)\"/>"))
        let english = try Self.page(.en)
        #expect(english.contains("Made by Gongwen \(Gongwen.version) on 2026-12-02T10:00:00+08:00 from Notices"))
    }

    @Test(
        "The command line fills in the provenance: the version, the inputs and the moment (SOURCE_DATE_EPOCH makes it repeatable)"
    )
    func commandProvenance() throws {
        let old = Corpus.path("2020_caq.txt")
        let new = Corpus.path("2022_caq.txt")
        let result = try CommandLineTests.run(
            ["diff", "--format", "html", old, new], environment: ["SOURCE_DATE_EPOCH": "1764640000"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("由 Gongwen \(Gongwen.version) 于 2025-12-02T01:46:40Z 生成；输入：\(old)、\(new)"))
        let again = try CommandLineTests.run(
            ["diff", "--format", "html", old, new], environment: ["SOURCE_DATE_EPOCH": "1764640000"])
        #expect(again.stdout == result.stdout)
    }

    // MARK: - In a browser

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A page that loads the report in a frame `width` px wide (Chromium will not make a headless window
    /// narrower than 500 px) and writes what it measures into its own body, which --dump-dom prints.
    static func probe(width: Int) -> String {
        """
        <!DOCTYPE html><html><body style="margin:0"><iframe src="report.html" style="width:\(width)px;height:900px;border:0"></iframe>
        <script>
        window.addEventListener('load', () => {
          const d = document.querySelector('iframe').contentDocument, w = d.documentElement.clientWidth;
          const outside = [];
          for (const e of d.body.querySelectorAll('*')) {
            if (e.parentElement && e.parentElement.closest('.scroll')) continue;  // a box that scrolls by design
            const r = e.getBoundingClientRect();
            if (r.width > 0 && (r.right > w + 1 || r.left < -1)) outside.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '–' + Math.round(r.right));
          }
          const side = d.querySelector('td.side');
          document.body.setAttribute('data-result', JSON.stringify({width: w, scrollWidth: d.documentElement.scrollWidth,
            outside: outside.slice(0, 10), count: outside.length, side: d.defaultView.getComputedStyle(side).display}));
        });
        </script></body></html>
        """
    }

    struct Measure: Decodable {
        var width: Int
        var scrollWidth: Int
        var outside: [String]
        var count: Int
        var side: String
    }

    static func measure(_ page: String, width: Int) throws -> Measure {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try page.write(to: folder.appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
        try probe(width: width).write(
            to: folder.appendingPathComponent("probe.html"), atomically: true, encoding: .utf8)
        let (status, output) = try runProcess(
            "/usr/bin/timeout",
            [
                "120", chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                "--window-size=1500,1000", "--dump-dom", folder.appendingPathComponent("probe.html").absoluteString,
            ])
        #expect(status == 0, "\(output.suffix(500))")
        let attribute = try #require(
            output.range(of: "data-result=\"[^\"]*\"", options: .regularExpression).map { output[$0] },
            "no measurement in chromium's output: \(output.suffix(500))")
        let json = attribute.dropFirst("data-result=\"".count).dropLast().replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Measure.self, from: Data(json.utf8))
    }

    @Test(
        "In Chromium, nothing runs past the edge of the screen: side by side at 1,400 px, stacked at 420 px (a phone)",
        .enabled(
            if: chromium != nil, "Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)"),
        .slow("a real browser"), arguments: [1400, 420])
    func layout(width: Int) throws {
        let measured = try Self.measure(try Self.page(), width: width)
        #expect(measured.width > width - 20 && measured.width <= width)  // less a scroll bar
        #expect(
            measured.scrollWidth <= measured.width,
            "the page scrolls sideways: \(measured.scrollWidth) > \(measured.width)")
        #expect(measured.count == 0, "past the edge: \(measured.outside)")
        #expect(measured.side == (width < 760 ? "block" : "table-cell"))
    }

    @Test(
        "In Chromium, printed on A4: every page A4, fewer pages than the screen layout gave",
        .enabled(
            if: chromium != nil, "Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)"),
        .slow("a real browser"))
    func print() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try Self.page()
        #expect(page.contains("<p class=\"print-note\">2 项未变。未变的项目不打印。</p>"))
        try page.write(to: folder.appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("report.pdf")
        let (status, output) = try runProcess(
            "/usr/bin/timeout",
            [
                "120", Self.chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--print-to-pdf=\(pdf.path)", folder.appendingPathComponent("report.html").absoluteString,
            ])
        #expect(status == 0, "\(output.suffix(500))")
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        let boxes = bytes.matches(of: /\/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]/).map { (Double($0.1)!, Double($0.2)!) }
        #expect(!boxes.isEmpty)
        for (width, height) in boxes {
            #expect(abs(width - 595.3) < 1 && abs(height - 841.9) < 1, "not A4: \(width) × \(height) pt")
        }
        // The screen layout printed (on US Letter) gave 14 pages; the print layout gives 9 on A4 here.
        #expect(boxes.count <= 12, "\(boxes.count) pages")
    }
}
