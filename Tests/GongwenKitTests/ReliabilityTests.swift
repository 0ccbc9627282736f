import Foundation
import Testing

@testable import GongwenKit

/// The reproducers of hostile testing (Fixtures/Reliability, from ../shared/reliability) and the
/// guards they led to: checked numbers, input limits, early refusal, linear paths, nothing dropped
/// silently from an HTML page.
enum Reliability {
    static func path(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/Reliability"))
            .path
    }

    static func messages(_ record: NoticeRecord) -> [String] { record.diagnostics.map(\.message) }
}

@Suite("Reliability: numbers too large to read")
struct NumberOverflowTests {
    @Test("Twenty Chinese digits as a quota or a copy count: no trap, no value, a diagnostic with the span")
    func reproducers() throws {
        let quota = try Gongwen.parse(path: try Reliability.path("quota_chinese_numeral_overflow.txt"))
        #expect(quota.quotas.isEmpty)
        let note = try #require(quota.diagnostics.first { $0.message.hasPrefix("number too large to read") })
        #expect(note.message.hasSuffix("九九九九九九九九九九九九九九九九九九九九项"))
        #expect(note.span == SourceSpan(start: SourcePoint(line: 1, column: 3), end: SourcePoint(line: 1, column: 23)))

        let copies = try Gongwen.parse(path: try Reliability.path("copies_chinese_numeral_overflow.txt"))
        let material = try #require(copies.submission.materials.first)
        #expect(material.copies == nil)
        #expect(copies.diagnostics.contains { $0.message.hasSuffix("九九九九九九九九九九九九九九九九九九九九份") })
    }

    @Test("Checked readers: overflow and values above 2^53 − 1 are nil, real numbers are read")
    func readers() {
        #expect(Numerals.decimal("2023".unicodeScalars) == 2023)
        #expect(Numerals.decimal("99999999999999999999".unicodeScalars) == nil)
        #expect(Numerals.decimal("12a".unicodeScalars) == nil)
        #expect(Numerals.decimal("".unicodeScalars) == nil)
        #expect(Numerals.count("9007199254740991".unicodeScalars) == 9_007_199_254_740_991)
        #expect(Numerals.count("9007199254740992".unicodeScalars) == nil)
        #expect(Numerals.count("三百零五".unicodeScalars) == 305)
        #expect(Numerals.count("二十五".unicodeScalars) == 25)
        #expect(ChineseNumerals.value(of: "二〇二三".unicodeScalars) == 2023)
        #expect(ChineseNumerals.value(of: String(repeating: "九", count: 20).unicodeScalars) == nil)
        // Units that repeat would add up past any bound: they are not a number.
        #expect(ChineseNumerals.value(of: String(repeating: "九百", count: 40).unicodeScalars) == nil)
        #expect(ChineseNumerals.value(of: "十十".unicodeScalars) == nil)
    }

    @Test("Huge numbers in every place a number is read: a record (four counts reported: 个, 份, 个和个), and a diff of it")
    func everywhere() throws {
        let n = "99999999999999999999999"
        let c = String(repeating: "九", count: 22)
        let max = "9223372036854775807"
        let text = """
            工信部〔\(n)〕\(n)号
            关于开展\(n)年质量标杆活动的通知
            各单位：
            　　根据《关于印发办法的通知》（国发〔\(max)〕\(max)号）和国发[\(n)]\(n)号，现将有关事项通知如下。
            一、请于\(n)年\(n)月\(n)日前报送，\(c)年\(c)月\(c)日前提交，\(max)年12月1日至1月5日报名。
            （\(n)）推荐不超过\(max)个，一式\(n)份，分别不超过\(n)个和\(n)个。
            \(c)、联系人：张三，电话：010-\(n)，邮编\(n)。
            附件：\(n)．名单
            \(max)年12月31日
            """
        let record = try Gongwen.parse(bytes: Array(text.utf8), path: "huge.txt")
        #expect(record.quotas.isEmpty)
        #expect(record.deadlines.isEmpty)
        #expect(
            Reliability.messages(record).filter { $0.hasPrefix("number too large to read") }.count == 4,
            "\(Reliability.messages(record))")
        let diff = NoticeDiffer.diff(record, record, oldPath: "a", newPath: "b")
        #expect(diff.changes.allSatisfy { $0.kind == .unchanged })
    }
}

@Suite("Reliability: input limits and early refusal")
struct InputLimitTests {
    func temporaryFile(_ bytes: [UInt8], name: String = "input.txt") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        return url
    }

    @Test("A file over the limit is refused by its size, before it is read")
    func fileTooLarge() throws {
        let url = try temporaryFile(Array(repeating: UInt8(ascii: "a"), count: 5000))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: IngestError.tooLarge(path: url.path, limit: 4096, size: 5000)) {
            try Ingest.read(path: url.path, limits: IngestLimits(maxBytes: 4096))
        }
        #expect(
            IngestError.tooLarge(path: "x", limit: 4096, size: 5000).description
                == "x: the limit is 4096 bytes and the input is 5000 bytes; raise it with --max-bytes if this is really one notice"
        )
        // At the limit it is read.
        #expect(try Ingest.read(path: url.path, limits: IngestLimits(maxBytes: 5000)).lines.count == 1)
    }

    @Test("No limit reaches past 2 GiB less one byte, the most 32-bit positions can hold, and the message says so")
    func largestInput() {
        #expect(IngestLimits(maxBytes: 1 << 40).maxBytes == IngestLimits.largest)
        #expect(IngestLimits(maxBytes: 1 << 31).maxBytes == Int(Int32.max))
        #expect(IngestLimits(maxBytes: 4096).maxBytes == 4096)
        #expect(
            IngestError.tooLarge(path: "x", limit: IngestLimits.largest, size: 3 << 30).description
                == "x: the input is 3221225472 bytes; Gongwen reads at most 2147483647 bytes (2 GiB less one) from one input"
        )
    }

    @Test("An endless stream of zero bytes is refused as binary on its first chunk, not read to the limit")
    func endlessBinaryStream() throws {
        // /dev/zero says it has no size; without the early look it would be read up to 64 MB, then refused as too large.
        #expect(throws: IngestError.binary(path: "/dev/zero", byteOffset: 0, byte: 0)) {
            try Ingest.read(path: "/dev/zero")
        }
    }

    @Test(
        "Known formats are named, with what to do",
        arguments: [
            (Array("%PDF-1.7\n%âãÏÓ\n1 0 obj 关于开展活动的通知".utf8), "a PDF document", "pdftotext"),
            (
                [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("word/document.xml".utf8), "a ZIP archive",
                "libreoffice"
            ),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "an old Office document", "libreoffice"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "a PNG image", ""),
        ])
    func signatures(bytes: [UInt8], format: String, advice: String) throws {
        do {
            _ = try Gongwen.parse(bytes: bytes, path: "download")
            Issue.record("\(format) was parsed")
        } catch let error as IngestError {
            guard case let .notText(path, name, hint) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(path == "download")
            #expect(name.hasPrefix(format))
            if advice.isEmpty { #expect(hint == nil) } else { #expect(hint?.contains(advice) == true) }
            #expect(error.description.hasPrefix("download: this is \(name), not text or HTML"))
        }
    }

    @Test("Every known signature is told by its bytes, and none by fewer of them or by a notice's first bytes")
    func everySignature() {
        for entry in FileSignatures.known {
            #expect(FileSignatures.match(entry.magic + [0x00, 0x41]) == entry.signature, "\(entry.signature.name)")
            #expect(FileSignatures.match(entry.magic.dropLast()) == nil, "\(entry.signature.name)")
        }
        #expect(FileSignatures.match(Array("关于开展".utf8)) == nil && FileSignatures.match([UInt8]()) == nil)
    }

    @Test("A text that merely mentions PDF is text")
    func mentionIsText() throws {
        let record = try Gongwen.parse(bytes: Array("关于报送PDF版材料的通知\n各单位：\n请于5月1日前报送%PDF-格式文件。\n".utf8), path: "x.txt")
        #expect(record.title == "关于报送PDF版材料的通知")
    }

    @Test("The command: --max-bytes on a file and on standard input, and a bad size named")
    func commandLine() throws {
        let notice = Corpus.path("2023_henan.txt")
        let small = try CommandLineTests.run(["parse", "--max-bytes", "1K", notice])
        #expect(small.status == 1)
        #expect(small.stderr.contains("2023_henan.txt: the limit is 1024 bytes and the input is"))
        #expect(try CommandLineTests.run(["parse", "--max-bytes", "1M", notice]).status == 0)

        let bad = try CommandLineTests.run(["parse", "--max-bytes", "64X", notice])
        #expect(bad.status != 0 && bad.stderr.contains("--max-bytes"))
        // Past the most any input may hold (positions are 32 bits): refused as a usage mistake, the limit said.
        let huge = try CommandLineTests.run(["parse", "--max-bytes", "3G", notice])
        #expect(huge.status == 64 && huge.stderr.contains("'3G' is invalid") && huge.stderr.contains("at most 2G"))
        #expect(try CommandLineTests.run(["parse", "--max-bytes", "2G", notice]).status == 0)

        // Two megabytes on standard input against a one-megabyte limit: refused after the first megabyte.
        let shell =
            "head -c 2000000 /dev/zero | tr '\\0' a | '\(CommandLineTests.executable.path)' parse --max-bytes 1M -"
        let piped = try runProcess("/bin/sh", ["-c", shell])
        #expect(piped.status == 1)
        #expect(piped.output.contains("-: the limit is 1048576 bytes and the input is longer than that"))
    }
}

@Suite("Reliability: linear paths", .largeInput)
struct LinearPathTests {
    /// A guard against the quadratic paths coming back: these inputs took minutes before (measured: the
    /// 850 KB page 227 s, 2,649 dates in one sentence 9 s for 61 KB). Linear, each takes well under a
    /// second in release builds; the bound is loose for debug builds and busy machines.
    static let generousBound = Duration.seconds(60)

    @Test("850 KB of nested link blocks: the block is left out, with a diagnostic, in bounded time")
    func nestedLinkBlocks() throws {
        let page =
            "<html><body><h1>关于开展活动的通知</h1>"
            + String(repeating: "<div><a href=a.htm>ab</a><a href=b.htm>cd</a>", count: 19_500) + "各单位：现将有关事项通知如下。"
        let clock = ContinuousClock()
        var record: NoticeRecord?
        let elapsed = try clock.measure { record = try Gongwen.parse(bytes: Array(page.utf8), path: "nested.html") }
        #expect(elapsed < Self.generousBound)
        let dropped = try #require(
            record?.diagnostics.first { $0.message.hasPrefix("left out of the article as a list of links") })
        #expect(dropped.span?.startLine == 1)
    }

    @Test("A sentence with thousands of dates: one deadline, its mentions not copying the sentence, output linear")
    func manyDates() throws {
        let record = try Gongwen.parse(path: try Reliability.path("slow_many_deadlines_one_sentence_61k.txt"))
        let deadline = try #require(record.deadlines.first)
        #expect(record.deadlines.count == 1)
        #expect(deadline.date == "2023-05-01")
        #expect(deadline.mentions.count > 2_000)
        #expect(deadline.mentions.allSatisfy { $0.text == nil })
        // The sentence is longer than 1,000 characters: the deadline quotes 200 either side of its date.
        #expect(deadline.text.hasSuffix("…") && deadline.text.unicodeScalars.count <= 400 + 20)

        // Four times the sentence gives about four times the JSON, not sixteen.
        func json(_ repeats: Int) throws -> Int {
            let text = "关于开展2023年质量标杆活动的通知\n\n各单位：\n\n一、" + String(repeating: "请于5月1日前报送", count: repeats) + "。\n"
            return try Gongwen.jsonData(try Gongwen.parse(bytes: Array(text.utf8), path: "dates.txt"), pretty: false)
                .count
        }
        let small = try json(1_000)
        let large = try json(4_000)
        #expect(Double(large) / Double(small) < 4.5)
        let clock = ContinuousClock()
        #expect(try clock.measure { _ = try json(10_000) } < Self.generousBound)
    }

    @Test("One paragraph joined from 10,000 wrapped lines, and a page of 5,000 paragraphs written in entities")
    func longJoinedParagraph() throws {
        // Each join re-read (and copied) the paragraph so far: 4,000 lines took 23.7 s (release build), and
        // 20,000 paragraphs in entities (4 MB) 175 s; now 0.1 s and 0.7 s.
        let line = "关于开展质量标杆活动的通知各单位请于五月一日前报送\n"
        let clock = ContinuousClock()
        var record: NoticeRecord?
        let text = try clock.measure {
            record = try Gongwen.parse(bytes: Array(String(repeating: line, count: 10_000).utf8), path: "long.txt")
        }
        #expect(text < Self.generousBound)
        #expect(record?.sections.first?.span.endLine == 10_000)

        let paragraph = "<p>" + line.unicodeScalars.dropLast().map { "&#\($0.value);" }.joined() + "</p>\n"
        let page = "<html><body><div>" + String(repeating: paragraph, count: 5_000) + "</div></body></html>"
        let html = try clock.measure { record = try Gongwen.parse(bytes: Array(page.utf8), path: "entities.html") }
        #expect(html < Self.generousBound)
        #expect(record?.sections.first?.text.hasPrefix("关于开展质量标杆活动的通知") == true)
    }

    @Test(
        "One line of thousands of contacts, phones, names or unclosed 《: each read once, each contact quoting its own words"
    )
    func longContactLines() throws {
        let head = "关于开展2023年质量标杆活动的通知\n各有关单位：\n"
        func parse(_ body: String) throws -> (record: NoticeRecord, json: Int) {
            let record = try Gongwen.parse(bytes: Array((head + body).utf8), path: "line.txt")
            return (record, try Gongwen.jsonData(record, pretty: false).count)
        }
        // 2,000 contacts on one line gave 181 MB of JSON (each contact copied the line): now each quotes
        // 200 characters either side of its own words, and four times the contacts give four times the JSON.
        let contacts = { (n: Int) in String(repeating: "联系人：张三，电话：010-12345678，", count: n) }
        let (record, small) = try parse(contacts(500))
        let large = try parse(contacts(2_000)).json
        #expect(Double(large) / Double(small) < 4.5)
        #expect(record.contacts.count == 500)
        let contact = try #require(record.contacts.dropFirst(250).first)
        #expect(contact.text.hasPrefix("…") && contact.text.hasSuffix("…") && contact.text.unicodeScalars.count < 450)
        #expect(contact.span.startLine == 3 && contact.span.endLine == 3)

        // A copy of the contact per phone, the line per unclosed 《, the names so far per name: quadratic.
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let phones = try parse("电话：" + (0..<8_000).map { String(format: "010-%08d", $0) }.joined(separator: "、"))
                .record
            #expect(phones.contacts.first?.phones.count == 8_000)
            _ = try parse(String(repeating: "（（（（《《“", count: 8_000))
            let names = (0..<8_000).map { "张" + String(Unicode.Scalar(0x4E00 + UInt32($0 % 5_000))!) }
            // Each name once, though the list holds each of 5,000 names (some not names: 张丨) more than once.
            let read = try parse("联系人：" + names.joined(separator: "、")).record.contacts.first?.names ?? []
            #expect(read.count > 4_000 && Set(read).count == read.count)
        }
        #expect(elapsed < Self.generousBound)
    }

    @Test("A 100 KB run of digits after 一式 and 纸质: read once")
    func longDigitRun() throws {
        let text = "关于报送材料的通知\n各单位：\n请报送纸质一式" + String(repeating: "1", count: 100_000) + "份及U盘电子版。\n"
        let clock = ContinuousClock()
        var record: NoticeRecord?
        let elapsed = try clock.measure { record = try Gongwen.parse(bytes: Array(text.utf8), path: "digits.txt") }
        #expect(elapsed < Self.generousBound)
        #expect(record?.submission.materials.first?.copies == nil)
    }
}

@Suite("Reliability: nothing on an HTML page dropped silently")
struct HTMLLossTests {
    @Test("相关链接 in the middle of the body is kept with its links (2021 Shandong page plus that line)")
    func linkLineInBody() throws {
        let record = try Gongwen.parse(path: try Reliability.path("dataloss_body_link_line_dropped.html"))
        let texts = record.sections.flatMap { section in [section.text] + section.children.map(\.text) }
        #expect(texts.contains { $0.contains("相关链接：全省质量标杆申报系统") })
        #expect(record.urls.map(\.url).contains("http://gxt.shandong.gov.cn/sbxt/index.html"))
        #expect(record.urls.map(\.url).contains("http://gxt.shandong.gov.cn/index.html"))
        #expect(!record.diagnostics.contains { $0.message.hasPrefix("left out of the article") })
    }

    @Test("Related links after the body are left out, and listed in the diagnostics with their span")
    func trailingLinks() throws {
        let page = """
            <html><body><div class="content">
            <p>各单位：</p>
            <p>请于5月1日前报送材料，联系人：张三，电话：010-12345678。请各单位认真组织，按时报送。</p>
            <div>相关链接：<a href="/a.html">质量标杆申报系统</a> <a href="/b.html">工信厅网站</a></div>
            </div></body></html>
            """
        let record = try Gongwen.parse(bytes: Array(page.utf8), path: "page.html")
        let note = try #require(record.diagnostics.first { $0.message.hasPrefix("left out of the article") })
        #expect(note.message == "left out of the article as a list of links to other pages: 相关链接：质量标杆申报系统 工信厅网站")
        #expect(note.span?.startLine == 4 && note.span?.endLine == 4)
        #expect(record.urls.isEmpty)
    }

    @Test("A page that is all links, links nested in links, is read as it is")
    func allLinks() throws {
        let page =
            #"<html><body><ul><li><a href="/a.html"><a href="/b.html">关于开展质量标杆活动的通知</a></a></li><li><a href="/c">各单位：请于5月1日前报送。</a></li></ul></body></html>"#
        let record = try Gongwen.parse(bytes: Array(page.utf8), path: "links.html")
        #expect(record.title == "关于开展质量标杆活动的通知")
    }

    @Test("A DOCTYPE's internal subset never becomes text, entities are not expanded, spans stay in step")
    func doctypeSubset() throws {
        let page = """
            <!DOCTYPE html PUBLIC "x" [
            <!ENTITY a "]">
            <!ENTITY b "<p>关于伪造的通知</p>">
            ]>
            <html><head><title>站点标题</title></head><body><h1>关于开展质量标杆活动的通知&b;</h1><p>各单位：</p><p>请于5月1日前报送。</p></body></html>
            """
        let document = try Ingest.ingest(bytes: Array(page.utf8), path: "doctype.html")
        let lines = Normalizer.normalize(document.lines, headingLevels: document.headingLevels, links: document.links)
            .lines
        #expect(lines.map(\.text) == ["关于开展质量标杆活动的通知&b;", "各单位：", "请于5月1日前报送。"])
        // On one line after a <title>, each line's span starts at its own text.
        #expect(lines.map { $0.span.startColumn } == [49, 73, 84])
        #expect(lines.allSatisfy { $0.span.startLine == 5 })
    }

    @Test(
        "Text left out earlier on the same source line does not put the spans out of step (a table layout: breadcrumb cell, then the notice)"
    )
    func alignmentAfterLeftOutText() throws {
        // Lines of 032 (商务部, 2023) set as old government sites do: one table, the breadcrumb in the first cell.
        let page = """
            <html><head><meta charset="utf-8"></head><body><table><tr><td>首页 > 通知公告</td></tr><tr><td>来源: 更新时间:2023-04-14 点击:65<br>
            各省、自治区、直辖市及计划单列市、新疆生产建设兵团商务主管部门:<br>
            联系人:李正 周轶<br>
            电话:010-85093788(传真)85093757<br>
            </td></tr></table></body></html>
            """
        let document = try Ingest.ingest(bytes: Array(page.utf8), path: "table.html")
        let lines = Normalizer.normalize(document.lines, headingLevels: document.headingLevels, links: document.links)
            .lines
        let published = try #require(lines.first { $0.text.hasPrefix("来源") })
        #expect(published.span.startLine == 1 && published.span.startColumn == 90)
        let contact = try #require(lines.first { $0.text.hasPrefix("联系人") })
        #expect(contact.span.startLine == 3 && contact.span.startColumn == 1 && contact.span.endColumn == 9)
        // With the origins right, the space between the two names is seen, and they are two people.
        let record = Gongwen.record(of: document)
        #expect(record.contacts.flatMap(\.names).sorted() == ["周轶", "李正"])
    }

    @Test(
        "After text left out, a text node is found again by its first word: four characters, the white space before them passed over"
    )
    func alignmentByFirstWord() throws {
        // The breadcrumb (left out as furniture) holds 通 before the paragraph's 通知如下 does; the menu cell
        // (left out too) stands before a cell whose text begins with a line break and three spaces.
        let page = """
            <html><body><div class="breadcrumb">首页 &gt; 通知公告</div><p>通知如下：各单位报送。</p><table><tr><td class="nav">首页 > 栏目</td><td>
               请于5月1日前报送。</td></tr></table></body></html>
            """
        let document = try Ingest.ingest(bytes: Array(page.utf8), path: "first-word.html")
        let lines = Normalizer.normalize(document.lines, headingLevels: document.headingLevels, links: document.links)
            .lines
        #expect(lines.map(\.text) == ["通知如下：各单位报送。", "请于5月1日前报送。"])
        // Line 1: <html><body> 12, the <div …> 24, "首页 &gt; 通知公告" 12, </div><p> 9: 通 at column 58.
        #expect(
            lines.map { "\($0.span.startLine):\($0.span.startColumn)-\($0.span.endColumn)" } == ["1:58-68", "2:4-13"])
    }

    @Test(
        "The text of a title, a script, a style or a textarea is stepped over, whatever the case of its tag; an element whose name only ends in one is not"
    )
    func alignmentPastHiddenText() throws {
        // The title and the script hold the first words of the body, on the same line: the spans must not start
        // in them. <mytextarea> is no <textarea>: its text is the page's, and the aligner does not jump to the
        // </textarea> at the end.
        let page = """
            <html><head><TITLE>通知如下</TITLE><script>var a = "通知如下";</script></head><body><p>通知如下：各单位报送。</p><p><mytextarea>甲方</mytextarea>乙方报送。</p><textarea>丙</textarea></body></html>
            """
        let document = try Ingest.ingest(bytes: Array(page.utf8), path: "hidden.html")
        let lines = Normalizer.normalize(document.lines, headingLevels: document.headingLevels, links: document.links)
            .lines
        #expect(lines.map(\.text) == ["通知如下：各单位报送。", "甲方乙方报送。"])
        // 通 of the body at column 80 (after 79 characters of tags, title and script); 甲 at 110, the 。 after
        // 乙方报送 at 129.
        #expect(lines.map { "\($0.span.startColumn)-\($0.span.endColumn)" } == ["80-90", "110-129"])
    }
}
