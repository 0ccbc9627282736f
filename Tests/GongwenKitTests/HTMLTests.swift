import Foundation
import Testing

@testable import GongwenKit

enum Fixtures {
    static func path(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")).path
    }

    /// The record as JSON with what HTML input legitimately changes taken out: the source, every span
    /// (they point into the HTML), and the links to attachment files that only the page offers
    /// (`attachmentLinks`, and an attachment's `url`). Links to pages (`urls`) stay compared.
    static func comparable(_ record: NoticeRecord) throws -> Any {
        let data = Data(try Gongwen.json(record, pretty: false).utf8)
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                let isAttachment = object["appended"] != nil
                var result: [String: Any] = [:]
                for (key, child) in object
                where !["span", "source", "attachmentLinks"].contains(key) && !(isAttachment && key == "url") {
                    result[key] = strip(child)
                }
                return result
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        return strip(try JSONSerialization.jsonObject(with: data))
    }

    static func sameJSON(_ a: Any, _ b: Any) throws -> Bool {
        try JSONSerialization.data(withJSONObject: a, options: [.sortedKeys])
            == JSONSerialization.data(withJSONObject: b, options: [.sortedKeys])
    }
}

@Suite("HTML: the same record from a web page as from its text")
struct HTMLFixtureTests {
    @Test(
        "Each HTML fixture gives the record of its text version (but for source, spans and file links)",
        arguments: [
            ("2023_henan_gbk.html", "2023_henan.txt"),
            ("2020_caq_table.html", "2020_caq.txt"),
            ("2022_caq_fullpage.html", "2022_caq.txt"),
            ("2021_shandong_br.html", "2021_shandong.txt"),
            ("2023_fuzhou_links.html", "2023_fuzhou_forward.txt"),
        ])
    func sameRecord(fixture: String, text: String) throws {
        let html = try Gongwen.parse(path: try Fixtures.path(fixture))
        #expect(html.source.format == .html)
        let fromHTML = try Fixtures.comparable(html)
        let fromText = try Fixtures.comparable(try Corpus.record(text))
        #expect(try Fixtures.sameJSON(fromHTML, fromText), "\(fixture) differs from \(text)")
    }

    @Test(
        "A link or line names a file as reading it by characters says: addresses, every line of every input, and edges")
    func linkKinds() throws {
        var texts = [
            "http://www.caq.org.cn/a/b.PDF", "附件.DocX?x=1", "x.pdf#p.html", "a.doc/b", "a/b.c/d", ".pdf", "x.", "",
            "x.zip.",
            "中文.pdf", "附件1：申报表.xlsx", "x.pdf?\u{301}", "x.p\u{301}df", "Ｘ.ＰＤＦ", "x.ZİP", "x.\u{212A}", "x.7Z",
            "a.b.c.txt",
            "附件：1.申报书", "x.pdf?a.doc", "#x.pdf", "?x.pdf", "x.ofd/", "X.PPTX#", "文件.pdf.\u{301}",
        ]
        texts += try everyInputLine().map(\.text)
        var files = 0
        for text in texts {
            #expect(LinkKinds.isFile(text) == LinkKinds.isFileByCharacters(text), "\(text.prefix(80))")
            if LinkKinds.isFile(text) { files += 1 }
        }
        #expect(files >= 10, "\(files) texts name a file")
    }

    @Test(
        "A text that is not ASCII names a file as reading it by characters says: random texts of the pieces that decide it"
    )
    func linkKindsOfRandomTexts() {
        // Dots, extensions in any case, what cuts a path (? # /), what joins a dot (a combining mark after
        // it; a Prepend scalar before it: U+0600, U+0D4E, U+110BD), what lowercases oddly (Kelvin sign, İ),
        // full-width letters, and scalars of each UTF-8 length next to the dot.
        let pieces = [
            ".", ".", "pdf", "PDF", "Docx", "7z", "xls", "?", "#", "/", "\u{301}", "\u{600}", "\u{D4E}", "\u{110BD}",
            "\u{212A}", "İ", "ｐｄｆ", "附件", "表", "é", "\u{5FF}", "\u{800}", "\u{FFF}", "\u{1000}", "\u{1F600}", "a", " ",
        ]
        var generator = NoLineLostTests.SeededGenerator(state: 2_026_1203)
        var files = 0
        for _ in 0..<3_000 {
            let text =
                (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined() + (Bool.random(using: &generator) ? ".pdf" : "")
            #expect(LinkKinds.isFile(text) == LinkKinds.isFileByCharacters(text), "\(text.unicodeScalars.map(\.value))")
            if LinkKinds.isFile(text) { files += 1 }
        }
        #expect(files >= 300, "\(files) texts name a file")
    }

    @Test(
        "A dot after a scalar of U+0080–U+05FF or U+1000–U+FFFF is a character of its own (isFile reads such texts by bytes)"
    )
    func dotStandsAlone() {
        let scalars =
            (0x80..<0x600).compactMap(Unicode.Scalar.init) + (0x1000..<0x10000).compactMap(Unicode.Scalar.init)
        let joined = scalars.filter { String($0).count + 1 != (String($0) + ".pdf").count - 3 }
        #expect(joined.isEmpty, "a dot joins \(joined.prefix(5).map(\.value))")
        // (and the test sees a join where there is one)
        #expect(("\u{600}" + ".pdf").count == 4)
    }

    @Test("The GBK page is read in the charset its meta tag declares")
    func gbkPage() throws {
        let record = try Gongwen.parse(path: try Fixtures.path("2023_henan_gbk.html"))
        #expect(record.source.encoding == "GB18030")
        #expect(record.docNumber?.text == "豫工信办创新〔2023〕43号")
    }

    @Test("Spans point at the characters in the HTML source, past tags and entity references")
    func spansIntoSource() throws {
        let cases: [(String, (NoticeRecord) -> (String, SourceSpan)?)] = [
            ("2023_henan_gbk.html", { r in r.docNumber.map { ("豫工信办创新〔2023〕43号", $0.span) } }),
            ("2023_henan_gbk.html", { r in r.contacts.first?.phones.first.map { ("0371-65509943", $0.span) } }),
            ("2022_caq_fullpage.html", { r in r.directory.first { $0.index == 37 }.map { ($0.name, $0.span) } }),
            ("2021_shandong_br.html", { r in r.urls.first.map { ($0.text, $0.span) } }),
            ("2023_fuzhou_links.html", { r in r.attachmentLinks.first.map { ($0.text, $0.span) } }),
        ]
        for (fixture, value) in cases {
            let record = try Gongwen.parse(path: try Fixtures.path(fixture))
            let (expected, span) = try #require(value(record))
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Fixtures.path(fixture))))
            let (_, scalars) = try EncodingDetection.decode(
                bytes, declared: Ingest.declaredCharset(bytes), path: fixture)
            let lines = SourceLines(scalars)
            #expect(span.startLine == span.endLine)
            let line = lines[span.startLine - 1]
            let slice = String(scalars: line[(span.startColumn - 1)..<span.endColumn])
            #expect(slice.replacingOccurrences(of: " ", with: "") == expected, "\(fixture): \(slice)")
        }
    }

    /// Comments of every shape the aligner steps over by counting (an empty one, "->" and the next
    /// text inside one, one that runs over lines), a declaration with an internal subset, hidden
    /// elements, and an entity: each character of the page's text must point at itself in the source,
    /// not at its copy in a comment.
    @Test("Every character read from a page points at itself in the source, past comments and declarations")
    func originsPastComments() throws {
        let page = """
            <!DOCTYPE html [ <!ENTITY x "y"> ]>
            <html><head><title>题</title><style>p{}</style></head><body>
            <p>甲<!---->乙<!-- 丙 -> 丙 -- c ->-->丙<!--
            多行 -->丁&amp;戊</p><script>var s = "<!-- 己 -->";</script><p>庚<!--<p>辛</p>-->壬</p>
            </body></html>
            """
        let document = try Ingest.ingest(bytes: Array(page.utf8), path: "comments.html")
        let source = page.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        var checked = 0
        for line in document.lines {
            for (scalar, origin) in zip(line.scalars, line.origins) where scalar != " " {
                let row = source[Int(origin.line) - 1]
                let column = Int(origin.column) - 1
                let written = column < row.count ? row[column] : "\n"
                #expect(written == scalar, "\(scalar) at \(origin)")  // an entity: its "&"
                #expect(scalar != "丙" || origin == SourcePoint(line: 3, column: 35), "丙 is read after the comment")
                checked += 1
            }
        }
        #expect(document.lines.map(\.text).joined(separator: "|").contains("甲乙丙"))
        #expect(checked >= 8, "\(document.lines.map(\.text))")
    }

    @Test("Attachments given as links keep their files: on the record and on each listed attachment")
    func attachmentLinks() throws {
        let record = try Gongwen.parse(path: try Fixtures.path("2023_fuzhou_links.html"))
        #expect(record.attachmentLinks.map(\.url) == ["/attach/2023/0825/fjgxt_2023_zlbg.pdf"])
        #expect(record.attachments.map(\.url) == ["/attach/2023/0825/fjgxt_2023_zlbg.pdf"])
        #expect(record.embedded[0].attachments.map(\.url) == ["/attach/2023/0825/zgzx_2023_71.docx"])
        #expect(record.embedded[0].embedded[0].attachments.map(\.url) == ["/attach/2023/0825/tuijian_danwei.xlsx"])
        // A link to a page is a url, not an attachment.
        #expect(record.embedded[0].embedded[0].urls.map(\.url) == ["http://www.caq.org.cn", "mailto:qmb@caq.org.cn"])
    }

    @Test("The full page's navigation, breadcrumbs, metadata, share bar, sidebar and footer are not in the record")
    func pageFurniture() throws {
        let json = try Gongwen.json(try Gongwen.parse(path: try Fixtures.path("2022_caq_fullpage.html")), pretty: false)
        for furniture in ["协会概况", "当前位置", "发布时间", "浏览次数", "分享到", "相关通知", "版权所有", "ICP", "请输入关键词", "技术支持"] {
            #expect(!json.contains(furniture), "\(furniture) leaked into the record")
        }
    }

    @Test("A directory in a <table> gives the same directory as the numbered list of the text")
    func tableDirectory() throws {
        let text = try Corpus.record("2022_caq.txt")
        let rows = text.directory.map { "<tr><td>\($0.index!)</td><td>\($0.name)</td></tr>" }.joined(separator: "\n")
        let page = """
            <html><head><meta charset="utf-8"></head><body>
            <p>关于开展2022年全国质量标杆活动的通知</p><p>各会员单位及相关组织：</p><p>一、活动安排</p>
            <p>附件：推荐单位名录</p><p>中国质量协会</p><p>2022年6月6日</p>
            <p>附件</p><p>推荐单位名录</p>
            <table><tr><th>序号</th><th>单位名称</th></tr>
            \(rows)
            </table></body></html>
            """
        let html = try Gongwen.parse(bytes: Array(page.utf8), path: "table.html")
        #expect(html.directory.count == 49)
        #expect(html.directory.map(\.name) == text.directory.map(\.name))
        #expect(html.directory.map(\.index) == text.directory.map(\.index))
        #expect(html.directory.map(\.kind) == text.directory.map(\.kind))
        #expect(html.directory.map(\.region) == text.directory.map(\.region))
    }
}

@Suite("HTML: the page's tree as Gongwen keeps it")
struct HTMLTreeTests {
    /// The tree of `html`, and the bounds libxml2's tree gave for its size.
    func readTree(_ html: [UInt8]) throws -> (HTMLTree, (nodes: Int, textScalars: Int)) {
        var document = LibXML2.Document(utf8: html[...])
        let most = try #require(document?.root).subtreeCount
        let tree = HTMLTree(taking: &document)
        #expect(document == nil, "the tree lets go of libxml2's document")
        return (tree, most)
    }

    func pages() throws -> [(String, [UInt8])] {
        var pages: [(String, [UInt8])] = []
        for name in [
            "2020_caq_table.html", "2021_shandong_br.html", "2022_caq_fullpage.html", "2023_fuzhou_links.html",
        ] {
            pages.append((name, [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Fixtures.path(name))))))
        }
        let deep = String(repeating: "<div><p>一", count: 5_000) + String(repeating: "</p></div>", count: 5_000)
        pages.append(("5,000 nested blocks", Array("<html><body>\(deep)</body></html>".utf8)))
        pages.append(("dropped elements", Array("<p>甲<script>x</script><style>y</style>乙</p><!-- 丙 -->丁".utf8)))
        return pages
    }

    @Test("A node's children are the nodes that name it their parent, in document order, each subtree in one piece")
    func children() throws {
        for (name, page) in try pages() {
            let (tree, _) = try readTree(page)
            var expected = [[Int]](repeating: [], count: tree.nodes.count)
            for i in tree.nodes.indices where tree.nodes[i].parent >= 0 { expected[tree.nodes[i].parent].append(i) }
            #expect(tree.nodes.indices.allSatisfy { tree.children(of: $0) == expected[$0] }, "\(name)")
            #expect(tree.nodes.count > 3, "\(name)")
        }
    }

    @Test("The punctuation of Chinese text counted without Unicode's properties is neither letter nor number in them")
    func punctuationOfChineseText() {
        var passedOver = 0
        for value in UInt32(0x80)..<0x1_0000 {
            guard let scalar = Unicode.Scalar(value), HTMLTree.isPunctuationOfChineseText(scalar) else { continue }
            passedOver += 1
            #expect(
                !scalar.properties.isAlphabetic && scalar.properties.numericType == nil, "U+\(String(value, radix: 16))"
            )
        }
        #expect(passedOver == 61)
        #expect(Array("关于，“质量”（2023）〇々Ｑ１。…".unicodeScalars).withUnsafeBufferPointer(HTMLTree.readableCount) == 12)
    }

    @Test("A subtree's first visible scalars are those of its whole text, filtered and cut: every node of every page")
    func visibleText() throws {
        for (name, page) in try pages() {
            let (tree, _) = try readTree(page)
            for index in tree.nodes.indices where index % 97 == 0 || tree.nodes[index].parent <= 0 {
                let whole = HTMLText.plainText(index, tree: tree).filter { !$0.isLineSpace && $0 != "\n" }
                for limit in [0, 1, 200, 1_000_000] {
                    #expect(
                        HTMLText.visibleText(index, tree: tree, atMost: limit) == Array(whole.prefix(limit)),
                        "\(name) node \(index) limit \(limit)")
                }
            }
        }
    }

    @Test("An element's class and id give its hints: lowercased words; none for an element without them, or for text")
    func hints() throws {
        let (tree, _) = try readTree(
            Array(#"<div class="Main-Nav x2" id="crumb"><p>甲</p><span id="" class="--">乙</span></div>"#.utf8))
        func node(_ name: String) throws -> Int { try #require(tree.nodes.firstIndex { $0.name == name }) }
        #expect(tree.nodes[try node("div")].hints == ["main", "nav", "x", "crumb"])
        #expect(tree.nodes[try node("p")].hints == nil)
        #expect(tree.nodes[try node("span")].hints == nil, "a class and an id of no letters give no words")
        #expect(tree.nodes.indices.filter { tree.nodes[$0].kind == .text }.allSatisfy { tree.nodes[$0].hints == nil })
        #expect(tree.isFurniture(try node("div")))
        let (p, span) = (try node("p"), try node("span"))
        #expect(!tree.isFurniture(p) && !tree.isFurniture(span))
        // By its id alone.
        let (byID, _) = try readTree(Array(#"<div id="Footer"><p>版权所有</p></div>"#.utf8))
        #expect(byID.isFurniture(try #require(byID.nodes.firstIndex { $0.name == "div" })))
    }

    @Test(
        "An element's traits are read from its name once: dropped, block, furniture, article container, as the sets say"
    )
    func traits() throws {
        let sets: [(Set<String>, HTMLTree.ElementTraits)] = [
            (HTMLTree.droppedElements, .dropped), (HTMLText.blockElements, .block),
            (HTMLTree.furnitureElements, .furniture), (HTMLTree.articleContainers, .articleContainer),
        ]
        // Every name of the sets and of the tags, each in upper case too, and names near them: longer, shorter,
        // sixteen and seventeen bytes long, a heading level past 6.
        let tagNames = HTMLTree.Tag.allCases.filter { $0 != .other }.map { "\($0)" }
        let near = [
            "span", "mytable", "navigation", "", "h", "h0", "h7", "h10", "tbodyx", "bodyy", "blockquotes",
            "abcdefghijklmnop", "abcdefghijklmnopq", "figcaptionfigcap", "c:nav", "ta-ble",
        ]
        let names = sets.reduce(into: Set(tagNames + near)) { $0.formUnion($1.0) }
        for name in names.flatMap({ [$0, $0.uppercased()] }) {
            let kind = HTMLTree.elementKind(named: Array(name.utf8))
            let lowered = name.lowercased()
            for (set, trait) in sets {
                #expect((kind?.traits ?? []).contains(trait) == set.contains(lowered), "\(name)")
            }
            #expect(
                kind?.tag == HTMLTree.Tag.allCases.first { $0 != .other && "\($0)" == lowered }.map { $0 }
                    ?? (kind == nil ? nil : .other), "\(name)")
            #expect(kind == nil || kind?.name == lowered, "\(name)")
            #expect(
                (kind == nil) == !(tagNames.contains(lowered) || sets.contains { $0.0.contains(lowered) }), "\(name)")
        }
        #expect(
            HTMLTree.Tag.h1.headingLevel == 1 && HTMLTree.Tag.h6.headingLevel == 6
                && HTMLTree.Tag.tr.headingLevel == nil)
        let (tree, _) = try readTree(
            Array("<BODY><NAV>甲</NAV><Div><p>乙</p><td>丙</td><span>丁</span><script>x</script></Div></BODY>".utf8))
        func traits(_ name: String) throws -> HTMLTree.ElementTraits {
            tree.nodes[try #require(tree.nodes.firstIndex { $0.name == name })].traits
        }
        #expect(try traits("body") == [.block, .articleContainer])
        #expect(try traits("nav") == [.block, .furniture])
        #expect(try traits("div") == [.block, .articleContainer], "an upper-case name is read lowercased")
        #expect(try traits("p") == [.block])
        #expect(try traits("td") == [.articleContainer])
        #expect(try traits("span") == [])
        #expect(!tree.nodes.contains { $0.name == "script" }, "a dropped element is not in the tree")
        // (libxml2 puts the <html> that the page left out around it.)
        #expect(
            tree.nodes.filter { $0.kind == .element }.map(\.name) == ["html", "body", "nav", "div", "p", "td", "span"])
        #expect(
            tree.nodes.filter { $0.kind == .element }.map(\.tag) == [.html, .body, .other, .other, .other, .td, .other])
        #expect(tree.nodes.indices.filter { tree.nodes[$0].kind == .text }.allSatisfy { tree.nodes[$0].traits == [] })
    }

    @Test("A block of white space alone (&nbsp;, ideographic spaces, a <pre> of spaces) is no line of the page's text")
    func blankBlocks() throws {
        let page = """
            <html><body><div><h2>一、总体要求</h2><p>&nbsp;</p><p>&#12288;&#12288;</p><pre>   </pre>
            <p>各推荐单位：</p></div></body></html>
            """
        let text = try HTMLText.extract(utf8: ArraySlice(Array(page.utf8)), path: "blank.html")
        #expect(text.lines.map(\.text) == ["一、总体要求", "各推荐单位："])
        #expect(text.headingLevels == [2, nil])
        // A block ends its line when it closes as well as when it opens: the text after it is a line of its own.
        let after = try HTMLText.extract(
            utf8: ArraySlice(Array("<html><body><div><p>一、总体要求</p>请于9月15日前报送。<br>逾期不再受理。</div></body></html>".utf8)),
            path: "after.html")
        #expect(after.lines.map(\.text) == ["一、总体要求", "请于9月15日前报送。", "逾期不再受理。"])
    }

    @Test("Text written out as it stands is placed run by run; white space between words is one space, at its last")
    func writtenOutRuns() throws {
        // Columns: "<html><body><div><p>" is 20 characters, so the text node "  甲  乙 " begins at column 21:
        // 甲 at 23, its two spaces at 24 and 25, 乙 at 26, a space at 27, "</p><p>" at 28–34; then 一 at 35,
        // "&amp;" at 36–40 and 丙 at 41 (counted by hand).
        let page = "<html><body><div><p>  甲  乙 </p><p>一&amp;丙</p></div></body></html>"
        let text = try HTMLText.extract(utf8: ArraySlice(Array(page.utf8)), path: "runs.html")
        #expect(text.lines.map(\.text) == ["甲 乙", "一&丙"])
        #expect(text.lines.first?.origins.map(\.column) == [23, 25, 26])
        #expect(text.lines.last?.origins.map(\.column) == [35, 36, 41])
    }

    @Test("A tag is stepped over to its first \">\": on its line, over two lines, a comment to \"-->\" past a \">\"")
    func tagsSteppedOver() throws {
        // Columns counted by hand: line 3 "   id=\"b\">甲" puts 甲 at 11; line 4 "<!-- x > y -->乙" puts 乙 at 15;
        // line 5 "<p>丙<br/>丁" puts 丙 at 4 and 丁 at 10.
        let page = "<html><body>\n<p class=\"a\"\n   id=\"b\">甲</p>\n<!-- x > y -->乙\n<p>丙<br/>丁</p></body></html>"
        let text = try HTMLText.extract(utf8: ArraySlice(Array(page.utf8)), path: "tags.html")
        #expect(text.lines.map(\.text) == ["甲", "乙", "丙", "丁"])
        #expect(
            text.lines.map { $0.origins[0] }
                == [(3, 11), (4, 15), (5, 4), (5, 10)].map { SourcePoint(line: $0, column: $1) })
        // A declaration is stepped over past its brackets, whatever they hold: "<!DOCTYPE html [<!ENTITY x \"a>b\">]>" is
        // 35 characters and "<html><body><p>" 15, so 甲 stands at column 51.
        let declared = try HTMLText.extract(
            utf8: ArraySlice(Array("<!DOCTYPE html [<!ENTITY x \"a>b\">]><html><body><p>甲</p></body></html>".utf8)),
            path: "declared.html")
        #expect(declared.lines.map(\.text) == ["甲"])
        #expect(declared.lines.first?.origins[0] == SourcePoint(line: 1, column: 51))
    }

    @Test("Every text node keeps its own text; libxml2's counts bound the nodes and the text kept")
    func texts() throws {
        let (tree, most) = try readTree(Array("<p>甲&amp;乙<b>ab</b>\n<script>x</script>丙</p><p></p>".utf8))
        let texts = tree.nodes.indices.filter { tree.nodes[$0].kind == .text }.map {
            String(scalars: tree.text(of: $0))
        }
        #expect(texts == ["甲&乙", "ab", "\n", "丙"])
        // libxml2's text, the dropped script's included, counted by hand: 甲&乙 3, ab 2, the line break 1, x 1, 丙 1.
        #expect(most.textScalars == 8)
        #expect(tree.nodes.indices.filter { tree.nodes[$0].kind == .element }.allSatisfy { tree.text(of: $0).isEmpty })
        for (name, page) in try pages() {
            let (tree, most) = try readTree(page)
            #expect(tree.nodes.count <= most.nodes, "\(name)")
            #expect(tree.nodes.indices.reduce(0) { $0 + tree.text(of: $1).count } <= most.textScalars, "\(name)")
        }
        #expect(most.nodes >= tree.nodes.count)
    }
}

@Suite("HTML: hostile pages", .serialized)
struct HostileHTMLTests {
    func parse(_ html: String, _ name: String = "page.html") throws -> NoticeRecord {
        try Gongwen.parse(bytes: Array(html.utf8), path: name)
    }

    @Test("Unclosed tags are recovered")
    func unclosed() throws {
        let record = try parse("<html><body><div><p>关于开展2023年全国质量标杆活动的通知<p>各推荐单位：<p>一、活动安排<div><p>请于9月15日前报送。")
        #expect(record.title == "关于开展2023年全国质量标杆活动的通知")
        #expect(record.addressees == ["各推荐单位"])
        #expect(record.deadlines.map(\.date) == ["2023-09-15"])
    }

    @Test("Nested tables give their cells, three thousand levels deep")
    func nestedTables() throws {
        let inner = "<table><tr><td>序号</td><td>单位名称</td></tr><tr><td>1</td><td>北京市经济和信息化局</td></tr></table>"
        let record = try parse(
            "<html><body><p>关于开展2023年全国质量标杆活动的通知</p><p>各推荐单位：</p><table><tr><td>" + inner
                + "</td></tr></table></body></html>")
        #expect(record.sections.first?.text.contains("1\t北京市经济和信息化局") == true)
        let deep =
            String(repeating: "<table><tr><td>", count: 3000) + "各推荐单位："
            + String(repeating: "</td></tr></table>", count: 3000)
        #expect(try parse("<html><body>" + deep + "</body></html>").addressees == ["各推荐单位"])
    }

    @Test("Ten thousand nested elements: the text at the bottom is recovered")
    func deepNesting() throws {
        let deep =
            String(repeating: "<div>", count: 10_000) + "关于开展2023年全国质量标杆活动的通知"
            + String(repeating: "</div>", count: 10_000)
        #expect(try parse("<html><body>" + deep + "</body></html>").title == "关于开展2023年全国质量标杆活动的通知")
    }

    @Test("A flood of entity references decodes to spaces and punctuation")
    func entityFlood() throws {
        let flood = String(repeating: "&nbsp;&#12288;&amp;&lt;", count: 20_000)
        let record = try parse("<html><body><p>关于开展2023年全国质量标杆活动的通知</p><p>" + flood + "</p></body></html>")
        #expect(record.title == "关于开展2023年全国质量标杆活动的通知")
        // The no-break and ideographic spaces between the references fold to one space each.
        #expect(record.sections.first?.text.hasPrefix("&< &< &<") == true)
    }

    @Test(
        "A page of scripts only, an empty body and an empty document are clear errors",
        arguments: [
            "<html><head><script>var a = '关于开展通知';</script></head><body><script>document.write('x')</script><style>p{}</style></body></html>",
            "<html><body></body></html>",
            "<!DOCTYPE html>",
        ])
    func nothingToRead(html: String) {
        #expect(throws: IngestError.self) { try parse(html) }
        do { _ = try parse(html) } catch {
            #expect("\(error)".contains("page.html"))
        }
    }

    @Test("A 50 MB page parses in the real command, its peak memory linear: within 15 times its size", .largeInput)
    func fiftyMegabytePage() throws {
        let page = try String(contentsOfFile: try Fixtures.path("2022_caq_fullpage.html"), encoding: .utf8)
        let start = try #require(page.range(of: "<div class=\"TRS_Editor\">"))
        let end = try #require(page.range(of: "</div>", range: start.upperBound..<page.endIndex))
        let body = String(page[start.upperBound..<end.lowerBound])
        let copies = 50 * 1024 * 1024 / body.utf8.count + 1
        let big =
            String(page[..<start.upperBound]) + String(repeating: body, count: copies) + String(page[end.lowerBound...])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-big-\(UUID().uuidString).html")
        try big.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }

        let result = try CommandLineTests.run(["parse", url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"title\" : \"关于开展2022年全国质量标杆活动的通知\""))
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let peakBytes = Int(usage.ru_maxrss) * 1024
        // Measured: 32 times (1.6 GB for 50 MB) with JSONEncoder's tree and a position a scalar; 21 times
        // (1.07 GB) in a release build and 23 in a debug one since the JSON is streamed and positions are
        // kept as runs; 15.7 times (823 MB, debug and release alike) since the page's tree keeps no list
        // of children and its text in one array; 12.4 times (648 MB, release) since libxml2's freed tree is
        // handed back to the system. What remains is at its peak while libxml2 builds its own tree (about
        // 470 MB of heap), beside the input.
        #expect(
            peakBytes < 15 * big.utf8.count,
            "peak \(peakBytes / 1_048_576) MiB for a \(big.utf8.count / 1_048_576) MiB page")
    }
}
