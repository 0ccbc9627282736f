import Foundation
import Testing

@testable import GongwenKit

@Suite("Normalize: widths, markup residue, CJK spacing, re-flow, position map")
struct NormalizeTests {
    /// The page width is the most common width, the greatest of the most common: counted along the sorted widths'
    /// runs as the dictionary of counts it replaced counts them (below), on random widths with many ties.
    @Test("The most common width, the widest of ties, as counting each width in a dictionary finds it")
    func mostCommonWidth() {
        var generator = NoLineLostTests.SeededGenerator(state: 9_704)
        var cases: [[Int]] = [
            [40], [40, 41], [41, 40], [56, 56, 40, 40], [1, 2, 3, 4, 5], [5, 5, 5, 60, 60, 60, 60],
        ]
        for _ in 0..<2000 {
            let count = Int.random(in: 1...60, using: &generator)
            let spread = Int.random(in: 1...12, using: &generator)
            cases.append((0..<count).map { _ in 40 + Int.random(in: 0..<spread, using: &generator) })
        }
        for widths in cases {
            var counts: [Int: Int] = [:]
            for width in widths { counts[width, default: 0] += 1 }
            let expected = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })!.key
            var sorted = widths
            #expect(Reflow.mostCommon(&sorted) == expected, "\(widths)")
            #expect(sorted == widths.sorted())
        }
    }

    @Test("Gongwen.normalize gives the logical lines with their spans, headings and furniture marked")
    func publicNormalize() throws {
        let text = "当前位置：首页 > 通知公告\n# 一、总体要求\n2023 年 8 月 25 日前报送\n"
        let notice = try Gongwen.normalize(bytes: Array(text.utf8), path: "x.txt")
        #expect(
            notice.source.path == "x.txt" && notice.source.encoding == "UTF-8" && notice.encodingEvidence == "valid")
        #expect(notice.lines.map(\.text) == ["当前位置：首页>通知公告", "一、总体要求", "2023年8月25日前报送"])
        #expect(notice.lines.map(\.headingLevel) == [nil, 1, nil])
        #expect(
            notice.lines[2].span
                == SourceSpan(start: SourcePoint(line: 3, column: 1), end: SourcePoint(line: 3, column: 18)))
        #expect(
            notice.lines.map(\.isFurniture) == [true, false, false], "the breadcrumb is the page's, not the notice's")
        #expect(throws: IngestError.self) { try Gongwen.normalize(path: "/no/such/notice.txt") }
        #expect(throws: IngestError.self) {
            try Gongwen.normalize(bytes: [0x25, 0x50, 0x44, 0x46, 0x2D], path: "x.pdf")
        }
    }

    @Test(
        "NFC: a decomposed letter and a compatibility ideograph in a Chinese line are composed; the scalars passed over without ICU are those ICU finds stable"
    )
    func composition() {
        // 天津市 + "Café" written with a combining acute, and 豈 (U+F900), which NFC maps to 豈 (U+8C48).
        let line = TextLine("天津市Cafe\u{301}，\u{F900}。")
        let composed = Normalizer.composeNFC(line)
        #expect(composed.scalars.map(\.value) == "天津市Café，\u{8C48}。".unicodeScalars.map(\.value))
        #expect(composed.origins.map(\.column) == [1, 2, 3, 4, 5, 6, 7, 9, 10, 11])  // é keeps the column of e
        // A line of Han and punctuation only is returned as it is.
        let plain = TextLine("关于开展2023年全国质量标杆遴选活动的通知（试行）——“质量第一”…")
        #expect(Normalizer.composeNFC(plain) == plain)
        // Every scalar the pre-check passes over is NFC on its own (quick check Yes, so no scalar before it
        // can combine with it) and a starter (combining class 0, so it is never reordered).
        var passedOver = 0
        for value in UInt32(0x300)..<0x11_0000 {
            guard let scalar = Unicode.Scalar(value), !Normalizer.mayChangeUnderNFC(scalar) else { continue }
            passedOver += 1
            var units: [UInt16] = []
            UTF16.encode(scalar) { units.append($0) }
            #expect(
                ICU.isNFC(units) && scalar.properties.canonicalCombiningClass == .notReordered,
                "U+\(String(value, radix: 16))")
        }
        #expect(passedOver > 27_000)
        // A combining mark, a tone mark of the ideographic range and a Hangul jamo are asked about.
        for value: UInt32 in [0x301, 0x302A, 0x1161, 0xF900, 0x2000] {
            #expect(Normalizer.mayChangeUnderNFC(Unicode.Scalar(value)!))
        }
    }

    @Test(
        "Folding a traditional notice replaces each of the traditional characters it was given by the table's form and keeps every other scalar and every origin: every input file, as written and in ICU's traditional script, with its own characters and with those of its first third"
    )
    func foldedAsTheTableSays() throws {
        var folded = 0
        for file in JSONWriterTests.inputFiles where file.pathExtension == "txt" {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            for version in [text, try #require(ScriptFolding.traditional(text))] {
                let lines = version.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                    TextLine(original: $1.unicodeScalars, lineNumber: $0 + 1)
                }
                // The characters of the whole text, and of its first third: the lines after hold traditional
                // characters that are not among them, and are kept (as a character cleaning makes is).
                for characters in [lines, Array(lines.prefix(lines.count / 3))].map(
                    SimplifiedForms.traditionalCharacters)
                {
                    for line in lines {
                        // The reference: each scalar on its own, asked of the characters, then of the table.
                        let expected = line.scalars.map { scalar in
                            characters.contains(scalar) ? SimplifiedForms.form(of: scalar) ?? scalar : scalar
                        }
                        let got = ScriptFolding.fold(line, with: characters)
                        #expect(Array(got.scalars) == expected, "\(file.lastPathComponent): \(line.text)")
                        #expect(Array(got.origins) == Array(line.origins), "\(file.lastPathComponent): \(line.text)")
                        if Array(got.scalars) != Array(line.scalars) { folded += 1 }
                    }
                }
            }
        }
        #expect(folded > 500, "\(folded) lines folded")
    }

    @Test(
        "A notice none of whose lines may hold a tab is joined as when each of its lines is asked whether it is a table row: every input file"
    )
    func joinedWithoutAskingForTabs() throws {
        var withoutTabs = 0
        for file in JSONWriterTests.inputFiles {
            let lines = try Ingest.read(path: file.path).lines
            let document = Normalizer.normalize(lines)
            let folding = ScriptFolding.foldedCharacters(of: lines)
            var links: [Link] = []
            var mayHoldTab = false
            let pieces = lines.map { Normalizer.clean($0, links: &links, folding: folding, mayHoldTab: &mayHoldTab) }
            let asked = Reflow.join(pieces, wrapWidth: Reflow.detectWrapWidth(pieces), mayHoldTab: true)
            #expect(document.lines == asked, "\(file.lastPathComponent)")
            #expect(mayHoldTab || !asked.contains { $0.isTableRow }, "\(file.lastPathComponent)")
            if !mayHoldTab { withoutTabs += 1 }
        }
        #expect(withoutTabs > 10, "\(withoutTabs) files hold no tab")
    }

    @Test(
        "Whether a line goes on with the one before is answered as when the rules that read their words (title, issuer, date of signing) came before the rest: every pair of input lines of every notice and fixture, and hostile ones"
    )
    func continuesAsInRuleOrder() throws {
        // The rules in the order `continues` asked them before it asked the ones that read the words last (kept
        // here: the reference the reordered rules are held to).
        func inRuleOrder(_ current: NormalizedLine, _ next: NormalizedLine, wrapWidth: Int?) -> Bool {
            if current.markdownHeadingLevel != nil || next.markdownHeadingLevel != nil { return false }
            if current.furniture != nil || next.furniture != nil { return false }
            let (a, b) = (current.line, next.line)
            guard let last = a.scalars.last, let first = b.scalars.first else { return false }
            if b.hasPrefix("附件") || LineShape.isLabelled(b) { return false }
            if first.isContinuingPunctuation { return true }
            if Reflow.endsClosed(a) { return false }
            if (last == ")" || last == "）") && (first == "(" || first == "（") { return false }
            if wrapWidth == nil, a.hasPrefix("附件") || LineShape.isLabelled(a) { return false }
            let connectedFragment = Reflow.endsOnConnective(a) && Reflow.isNameFragment(b)
            if wrapWidth == nil, OrganizationName.isIssuerName(b), !connectedFragment { return false }
            if DateScanner.signingDate(b) != nil { return false }
            if wrapWidth != nil, a.hasPrefix("附件") || OutlineMarker.parse(a, allowDigitAfter: true) != nil,
                OrganizationName.isIssuerName(b), !connectedFragment
            {
                return false
            }
            let fullWidth = current.lastPhysicalWidth >= (wrapWidth.map { $0 - 8 } ?? Reflow.minimumWrappedWidth)
            let startsItem = OutlineMarker.parse(b) != nil
            if Reflow.opensMore(last) { return !startsItem || fullWidth }
            if connectedFragment { return !startsItem }
            if TitleShape.endingList.endsAny(a) { return false }
            if a.count <= Reflow.longestTitle, !a.scalars.contains(where: Reflow.sentencePunctuation.contains),
                TitleShape.titleText(a) != nil
            {
                return false
            }
            if startsItem { return wrapWidth != nil && fullWidth }
            if wrapWidth == nil, Reflow.isNumberedHeading(a) { return false }
            return fullWidth
        }
        // Each input file's lines as the re-flow places them (cleaned, each told its furniture), and hostile
        // ones: titles with and without their number, issuers' names, dates of signing, numbered headings,
        // names cut after a connective, lines that open a clause — each after lines of several widths.
        var sequences: [[NormalizedLine]] = []
        for file in JSONWriterTests.inputFiles {
            var links: [Link] = []
            sequences.append(
                try Ingest.read(path: file.path).lines.compactMap { line in
                    guard case let .content(text, level, width) = Normalizer.clean(line, links: &links) else {
                        return nil
                    }
                    return NormalizedLine(
                        line: text, markdownHeadingLevel: level.map(Int.init), lastPhysicalWidth: Int(width),
                        furniture: SiteFurniture.kind(of: text))
                })
        }
        let hostile = [
            "关于开展2024年质量标杆活动的通知", "工信厅消费函〔2022〕309号", "中国质量协会", "2023年8月25日", "新疆生产建设兵团工业和", "信息化厅",
            "一、申报条件", "4. 管理方法（技术）的推进和应用情况", "各有关单位：", "附件：1.推荐表", "联系人：张三", "（联系人：李四）",
            "为贯彻落实《质量强国建设纲要》，", "现将有关事项通知如下。", "根据《关于开展质量标杆活动的指南》", "，并报送至", "《中国质量协会",
            "（一）", "1.", "关于印发《质量管理办法》的", "通知", "二〇二三年八月二十五日", "山东省质量协会 2021年6月11日",
        ]
        for width in [4, 30, 60, 90] {
            sequences.append(
                hostile.map {
                    NormalizedLine(
                        line: TextLine($0), markdownHeadingLevel: nil, lastPhysicalWidth: width,
                        furniture: SiteFurniture.kind(of: TextLine($0)))
                })
        }
        var (asked, joined) = (0, 0)
        for lines in sequences {
            for (current, next) in zip(lines, lines.dropFirst()) {
                for wrapWidth in [nil, 40, 72] {
                    let answer = Reflow.continues(current, with: next, wrapWidth: wrapWidth)
                    #expect(
                        answer == inRuleOrder(current, next, wrapWidth: wrapWidth),
                        "\(current.text) | \(next.text) (\(wrapWidth.map(String.init) ?? "web text"))")
                    asked += 1
                    if answer { joined += 1 }
                }
            }
        }
        #expect(joined > 100 && joined < asked / 2, "\(joined) of \(asked) pairs joined")
    }

    @Test(
        "The steps one scan of a line picks clean it as all the steps do, and its count of wide scalars gives the line's width: every input line of every notice and fixture, and hostile ones"
    )
    func stepsPickedByTheScan() throws {
        var lines: [TextLine] = []
        for file in JSONWriterTests.inputFiles { lines += try Ingest.read(path: file.path).lines }
        for text in [
            "&nbsp;质量标杆", "&lt;http://www.caq.org.cn&gt;", "Ｗｏｒｄ\u{3000}２０１６　或　WPS", "關(guān)于开展",
            "**加粗** [链接](http://a.cn)", "**加粗**[链接](http://a.cn)", "<http://a.cn>",
            "Cafe\u{301}，\u{F900}", "质量\u{200B}标杆", "主管部门:) G( A* r* v4 d: j 质量", "a\u{A0}\u{A0}b", "  ", "&", "*", "<",
            "[",
            "——", "# 标题 #", "关于\t开展", "\u{1F600}质量", "",
            // A step that finds nothing to change leaves the later steps to the scan: spaces with markup
            // after them, pinyin before a space, noise before markup, an entity that is no entity.
            "质量 **加粗** 标杆", "Word 2016 [链接](http://a.cn)", "關(guān) 于  开展", "主管部门:) G( A* r* v4 d: j **质量**",
            "&nosuchentity; **质量**", "a &b; c  d",
            // White space at the ends, wide and narrow, that the width leaves out; wide scalars of every kind.
            "\u{3000}质量\u{3000}", "\u{3000}\u{3000}", " 한국어 ", "\u{3000}a\t", "\t（一）\u{3000}", "𠀀𠮷 ａ",
            // White space at an end only once a step has run: an entity, markup, a heading's marks, a run of
            // spaces, a full-width space folded.
            "&nbsp;质量标杆&nbsp;", "质量标杆 **　**", "**加粗** [](http://a.cn)", "## 　标题", "质量  标杆 　 ", "　\u{200B}质量",
            // Scalars neither table lists (asked in a second pass) among those they list and ideographs, and
            // the tables' edges side by side.
            "ㄅ한a中ｂ\u{2028}한\u{3000}é质量",
            // Tabs, and entities that name one (left as they are: no step puts a tab in a line).
            "序号\t单位名称", "质量\t", "&#9;质量", "&Tab;标杆&nbsp;", "a &#x9; b  c",
            // White space at the ends only (not scanned: the line is trimmed before the steps it would call
            // for), and steps called for right after it or right before it.
            "    质量标杆活动", "\t\t质量\t", "　　质量标杆　 ", "  &nbsp;质量", "质量&nbsp;  ", "   * B+ U0 r* v4 d: j 质量",
            "  ａｂ质量  ", " \u{3000}ā质量 ", "  **质量**  ", " 质量 标杆 ", "\t序号\t单位\t",
            "\u{30FF}\u{3100}\u{4DFF}\u{4E00}\u{9FFF}\u{A000}\u{FEFF}\u{FF00}\u{FFFD}\u{FFFF}\u{10000}中",
        ] {
            lines.append(TextLine(text))
        }
        var skipped = 0
        for line in lines {
            var pickedLinks: [Link] = []
            var allLinks: [Link] = []
            let picked = Normalizer.clean(line, links: &pickedLinks)
            let all = Normalizer.clean(line, links: &allLinks, steps: .all)
            #expect(picked == all, "\(line.text)")
            // What is kept of a line begins and ends with no white space, whichever steps ran.
            if case let .content(text, _, _) = picked {
                #expect(text.trimmedRange == 0..<text.count, "white space at an end: \(line.text)")
            }
            #expect(pickedLinks == allLinks, "\(line.text)")
            // A line that holds a tab, or is cleaned into one that does, is one the scan says may hold one; and
            // one cleaned into a line with a tab, one whose scan without the white space at its ends (what
            // `clean` scans) says so.
            if line.scalars.contains("\t") { #expect(Normalizer.Steps.scan(line).mayHoldTab, "\(line.text)") }
            if case let .content(text, _, _) = all, text.scalars.contains("\t") {
                #expect(Normalizer.Steps.scan(line, in: line.trimmedRange).mayHoldTab, "\(line.text)")
            }
            // The scan's count of wide scalars, of the line and of the line without the white space at its
            // ends, and the width of the line as written made from the second.
            #expect(Normalizer.Steps.scan(line).wideCount == line.scalars.count(where: \.isWide), "\(line.text)")
            #expect(
                Normalizer.Steps.scan(line, in: line.trimmedRange).wideCount
                    == line.scalars[line.trimmedRange].count(where: \.isWide), "\(line.text)")
            if case let .content(_, _, width) = picked {
                #expect(Int(width) == line.displayWidth(of: line.trimmedRange), "\(line.text)")
            }
            if Normalizer.Steps.scan(line).steps.isEmpty { skipped += 1 }
        }
        #expect(skipped > lines.count / 2, "\(skipped) of \(lines.count) lines needed no step")
        // The steps of a line, read from the tables, are those the six tests give at each of its scalars but
        // the ideographs: every line, and every scalar of the BMP and some beyond on a line of its own.
        func union(_ line: TextLine) -> Normalizer.Steps {
            line.scalars.reduce(into: []) { steps, scalar in
                if !ScalarSet.isIdeograph(scalar) { steps.formUnion(Normalizer.Steps(mayActOn: scalar)) }
            }
        }
        for line in lines { #expect(Normalizer.Steps.scan(line).steps == union(line), "\(line.text)") }
        var mismatched: [UInt32] = []
        for value in Array(0..<UInt32(0x10000)) + [0x10000, 0x1F600, 0x20000, 0x2FA1F, 0xE0001, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let line = TextLine(String(Character(scalar)))
            if Normalizer.Steps.scan(line).steps != union(line) { mismatched.append(value) }
            if Normalizer.Steps.scan(line).wideCount != (scalar.isWide ? 1 : 0) { mismatched.append(value) }
        }
        #expect(mismatched.isEmpty, "\(mismatched.prefix(20).map { String($0, radix: 16) })")
        // Every value of the BMP and some beyond among ideographs, in lines of 61 values after none to three
        // ideographs (each value at each place of a block of four, as a scan four scalars at a time would read them:
        // one in C, measured in the twenty-third round, was not faster), and lines of ideographs alone.
        let values = (0..<UInt32(0x10000)).compactMap(Unicode.Scalar.init) + ["\u{10000}", "\u{20000}", "\u{10FFFF}"]
        var blocked = 0
        for lead in 0..<4 {
            for start in stride(from: 0, to: values.count, by: 61) {
                let scalars =
                    Array(repeating: Unicode.Scalar("中"), count: lead) + values[start..<min(start + 61, values.count)]
                let line = TextLine(String(String.UnicodeScalarView(scalars)))
                let scanned = Normalizer.Steps.scan(line)
                if scanned.steps != union(line) || scanned.wideCount != line.scalars.count(where: \.isWide) {
                    Issue.record("values from \(String(values[start].value, radix: 16)) after \(lead) ideographs")
                }
                blocked += 1
            }
        }
        #expect(blocked > 4_000)
        for count in [4, 5, 8, 63] {
            let ideographs = TextLine(String(repeating: "国", count: count))
            #expect(
                Normalizer.Steps.scan(ideographs).wideCount == count && Normalizer.Steps.scan(ideographs).steps.isEmpty)
        }
        // The Han characters passed over at once are those no step acts on.
        for value in UInt32(0x4E00)...0x9FFF {
            let scalar = Unicode.Scalar(value)!
            #expect(
                !Normalizer.mayFoldWidth(scalar) && !Normalizer.mayChangeUnderNFC(scalar)
                    && !ScriptFolding.toneVowels.contains(scalar) && !TextNoise.mayBegin(scalar)
                    && !MarkupResidue.mayBeginInline(scalar) && scalar != " ")
        }
    }

    @Test(
        "Spaces collapsed from space to space as when each scalar is asked whether it is one: every line as read of every notice and fixture, and hostile ones"
    )
    func collapseSpacesAsEachScalarAsked() throws {
        // Each scalar asked, as `collapsedSpaces` asked before it went from space to space (the reference).
        func eachAsked(_ line: TextLine) -> TextLine {
            let s = line.scalars
            var out = TextLine()
            var (kept, i) = (0, 0)
            while i < s.count {
                guard s[i] == " " else {
                    i += 1
                    continue
                }
                out.append(contentsOf: line, range: kept..<i)
                var end = i
                while end < s.count, s[end] == " " { end += 1 }
                if Normalizer.keepsSpace(runFrom: i, to: end, in: s) { out.append(" ", from: line.origins[i]) }
                (i, kept) = (end, end)
            }
            out.append(contentsOf: line, range: kept..<s.count)
            return out
        }
        // The lines as read (normalized ones hold no space to collapse), and hostile ones.
        var lines = try JSONWriterTests.inputFiles.flatMap { try Ingest.read(path: $0.path).lines }
        let long = String(repeating: "质", count: 17)
        for text in [
            " ", "   ", " a", "a ", " a b  c ", "a b c d e f g", "ISO 9001 质量", "\(long) \(long)  \(long)",
            "\(long)ab \(long)", "Word\(String(repeating: " ", count: 20))2016", "a\u{3000} b", "电话: (010) 6890",
        ] {
            lines.append(TextLine(text))
        }
        var changed = 0
        for line in lines {
            let collapsed = Normalizer.collapseSpaces(line)
            #expect(collapsed == eachAsked(line), "\(line.text)")
            if collapsed != line { changed += 1 }
        }
        #expect(changed > 200, "\(changed) lines changed")
    }

    @Test("Spaces: a run touching CJK text goes, others fold to one; a line already folded is the same line")
    func collapseSpaces() {
        let cases: [(String, String)] = [
            ("路 正 红", "路正红"), ("电话: (010) 6890", "电话:(010) 6890"), ("安排, 加强", "安排,加强"), ("安排, Word", "安排,Word"),
            ("报送; ISO", "报送;ISO"),
            ("Microsoft Word 2016", "Microsoft Word 2016"), ("Word  2016", "Word 2016"), (" Word ", "Word"),
            ("质量 标杆\t 活动", "质量标杆\t活动"), ("a b", "a b"), ("a  ", "a"), ("  ", ""), ("ISO 9001 质量", "ISO 9001质量"),
        ]
        for (input, expected) in cases {
            let collapsed = Normalizer.collapseSpaces(TextLine(input))
            #expect(collapsed.text == expected, "\(input)")
            // Every scalar kept keeps its column.
            #expect(collapsed.origins.map(\.column).allSatisfy { $0 >= 1 && $0 <= input.unicodeScalars.count })
        }
        let folded = TextLine("Microsoft Word 2016 或 WPS")
        // 或 at column 21, WPS from 23: the spaces either side of 或 go.
        #expect(Normalizer.collapseSpaces(folded).origins.map(\.column) == Array(1...19) + [21, 23, 24, 25])
    }

    @Test(
        "Collapsing spaces and removing pinyin copy the kept stretches whole: the same scalars and origins as a scalar at a time, on every line of every input"
    )
    func stretchesCopiedWhole() throws {
        /// The steps as first written: each kept scalar appended with its origin; `dropped(i)` is the end of
        /// what goes from `i`, and `inserted(i, end)` whether one space from `i` comes back in its place.
        func oneByOne(_ line: TextLine, dropped: (Int) -> Int?, inserted: (Int, Int) -> Bool) -> TextLine {
            var out = TextLine()
            var i = 0
            while i < line.count {
                if let end = dropped(i) {
                    if inserted(i, end) { out.append(" ", from: line.origins[i]) }
                    i = end
                    continue
                }
                out.append(line.scalars[i], from: line.origins[i])
                i += 1
            }
            return out
        }
        var lines: [TextLine] = []
        for file in JSONWriterTests.inputFiles {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                lines.append(TextLine(original: line.unicodeScalars, lineNumber: number + 1))
            }
        }
        let edges = ["", " ", "   ", " 质量 ", "a  b   c ", "關(guān)", "(guān)關", "關(guān)(guān)于（guān）", "關(guān"]
        lines += edges.enumerated().map { TextLine(original: $1.unicodeScalars, lineNumber: $0 + 1) }
        var collapsed = 0
        var unannotated = 0
        for line in lines {
            let s = line.scalars
            let spaces = oneByOne(
                line,
                dropped: { i in
                    guard s[i] == " " else { return nil }
                    return s[i...].firstIndex { $0 != " " } ?? s.count
                },
                inserted: { Normalizer.keepsSpace(runFrom: $0, to: $1, in: s) })
            #expect(Normalizer.collapseSpaces(line) == spaces, "\(line.text)")
            // nil from `collapsedSpaces` exactly when the line is left as it is.
            #expect((Normalizer.collapsedSpaces(line) == nil) == (spaces == line), "\(line.text)")
            if spaces.count < line.count { collapsed += 1 }
            let pinyin = oneByOne(
                line,
                dropped: { i in
                    guard i > 0, s[i - 1].isHan, s[i] == "(" || s[i] == "（" else { return nil }
                    return ScriptFolding.annotationEnd(s, open: i)
                },
                inserted: { _, _ in false })
            #expect(ScriptFolding.removePinyin(line) == pinyin, "\(line.text)")
            if pinyin.count < line.count { unannotated += 1 }
        }
        #expect(collapsed > 50 && unannotated > 5, "\(collapsed) lines collapsed, \(unannotated) unannotated")
    }

    @Test("Full-width digits and letters fold to ASCII; Chinese punctuation stays")
    func widths() {
        let lines = normalizedLines("各单位于２０２３年９月１５日前报送（附件１），邮箱ＱＭＢ＠caq.org.cn：〔２０２３〕")
        #expect(lines.map(\.text) == ["各单位于2023年9月15日前报送（附件1），邮箱QMB@caq.org.cn：〔2023〕"])
    }

    @Test(
        "Widths folded in place keep each scalar's position; a dropped zero-width character is passed over: every input line"
    )
    func widthFoldingPositions() {
        // Lines as ingest hands them to the normalizer (a web page's with its no-break spaces), whole and cut in two,
        // and lines with full-width forms, other spaces and zero-width characters at their ends and inside.
        var lines = JSONWriterTests.inputFiles.flatMap { file -> [TextLine] in
            // (The reliability fixtures that ingest refuses give no lines.)
            guard let bytes = try? Data(contentsOf: file),
                let document = try? Ingest.ingest(bytes: Array(bytes), path: file.path)
            else { return [] }
            return document.lines.flatMap { line in [line, line[(line.count / 2)..<line.count]] }
        }
        let made = [
            "电话：\u{A0}０３７１－６５５０９９４３", "\u{200B}ＡＢ", "各单位\u{200B}：ＱＭＢ＠caq.org.cn\u{3000}\t",
            "\u{FEFF}通知\u{2060}", "ａ\u{2009}ｂ\u{202F}ｃ\u{200D}", "\u{200C}",
        ]
        lines += made.enumerated().map { TextLine(original: $1.unicodeScalars, lineNumber: $0 + 1) }
        var folded = 0
        for line in lines {
            // The same line built a scalar at a time, each kept scalar appended with its own position.
            var expected = TextLine()
            for (scalar, origin) in zip(line.scalars, line.origins) {
                if let kept = Normalizer.widthFolded(scalar) { expected.append(kept, from: origin) }
            }
            let result = Normalizer.foldWidths(line)
            #expect(result == expected, "\(line.text)")
            if result != line { folded += 1 }
        }
        #expect(folded > 20, "\(folded) lines folded")
        // Read by hand: the no-break space is a space where it stood (column 4), the digits after it from column 5,
        // the full-width hyphen kept (only digits, letters and ＠ fold); a zero-width character at the start leaves the
        // letters at columns 2 and 3.
        let phone = Normalizer.foldWidths(lines[lines.count - made.count])
        #expect(phone.text == "电话： 0371－65509943")
        #expect(
            phone.origins[3] == SourcePoint(line: 1, column: 4) && phone.origins[4] == SourcePoint(line: 1, column: 5))
        let letters = Normalizer.foldWidths(lines[lines.count - made.count + 1])
        #expect(letters.text == "AB" && Array(letters.origins) == [2, 3].map { SourcePoint(line: 2, column: $0) })
    }

    @Test(
        "Spaces inside CJK text go; spaces between Latin words stay",
        arguments: [
            ("2023 年 8 月 25 日", "2023年8月25日"),
            ("关于开展 2021 年工业企业质量标杆活动的通知", "关于开展2021年工业企业质量标杆活动的通知"),
            ("电 话：0371-65509943", "电话：0371-65509943"),
            ("济南国际创新设计产业园 A 座 2023 室", "济南国际创新设计产业园A座2023室"),
            ("应用的管理方法 (GB/T 19004—2020/ISO 9004:2018)", "应用的管理方法(GB/T 19004—2020/ISO 9004:2018)"),
            ("福州市工业和信息化局\u{3000}\u{3000}", "福州市工业和信息化局"),
        ])
    func cjkSpacing(input: String, expected: String) {
        #expect(normalizedLines(input).map(\.text) == [expected])
    }

    @Test("Every normalized character keeps its line and column in the input")
    func positionMap() throws {
        let line = try #require(normalizedLines("\n\n2023 年 8 月 25 日").first)
        #expect(line.text == "2023年8月25日")
        // "8" is the 8th character of input line 3; "日" the 15th.
        let eight = try #require(line.line.scalars.firstIndex(of: "8"))
        #expect(line.line.origins[eight] == SourcePoint(line: 3, column: 8))
        #expect(line.span == SourceSpan(start: SourcePoint(line: 3, column: 1), end: SourcePoint(line: 3, column: 15)))
        #expect(line.line.hadGap(before: eight))
    }

    @Test("Markdown residue from the corpus is stripped, heading levels kept")
    func markdown() throws {
        let lines = normalizedLines(
            """
            # 山东省工业和信息化厅

            ---

            #### **四、其他相关事项**

            (三) 请最终推荐企业登录网上申报页面(网址：[www.caq.org.cn/html/zltj/zlbgdtxx/list.html](http://www.caq.org.cn/html/zltj/zlbgdtxx/list.html))，点击右侧“我要申报”。

            电子邮箱: [qmb@caq.org.cn](mailto:qmb@caq.org.cn)

            总结材料、PPT、视频格式模板请登录“质量标杆网上平台”(<http://www.caq.org.cn/html/z1tj/bgsp/list.html>)查询。
            """)
        #expect(
            lines.map(\.text) == [
                "山东省工业和信息化厅",
                "四、其他相关事项",
                "(三)请最终推荐企业登录网上申报页面(网址：www.caq.org.cn/html/zltj/zlbgdtxx/list.html)，点击右侧“我要申报”。",
                "电子邮箱:qmb@caq.org.cn",
                "总结材料、PPT、视频格式模板请登录“质量标杆网上平台”(http://www.caq.org.cn/html/z1tj/bgsp/list.html)查询。",
            ])
        #expect(lines.map(\.markdownHeadingLevel) == [1, 4, nil, nil, nil])
    }

    @Test("Link targets are kept as values with the span of their text")
    func links() throws {
        let lines = SourceLines(Array("电子邮箱: [qmb@caq.org.cn](mailto:qmb@caq.org.cn)".unicodeScalars))
        let document = Normalizer.normalize(
            lines.enumerated().map { TextLine(original: $0.element, lineNumber: $0.offset + 1) })
        #expect(
            document.links == [
                Link(
                    text: "qmb@caq.org.cn", url: "mailto:qmb@caq.org.cn",
                    span: SourceSpan(start: SourcePoint(line: 1, column: 8), end: SourcePoint(line: 1, column: 21)))
            ])
    }

    @Test("PDF hard wraps are re-flowed (2023_henan.txt), including a wrap before \"一、\" mid-sentence")
    func pdfWraps() throws {
        let lines = Normalizer.normalize(try Ingest.read(path: Corpus.path("2023_henan.txt")).lines)
        #expect(lines.wrapWidth == 56)
        let texts = lines.lines.map(\.text)
        #expect(texts.contains("各省辖市、济源示范区、航空港区、各省直管县（市）工业和信息化主管部门："))
        #expect(texts.contains { $0.hasPrefix("始终坚持质量是企业的生命，是产业的核心竞争力，质量第一、效益优先。开展质量标杆专题活动") })
        #expect(texts.contains("5.其它应符合《2023年度质量标杆遴选说明》（附件1）相关要求。"))
        // Headings, labelled fields and list items stay on their own lines.
        #expect(texts.contains("（一）活动目的"))
        #expect(texts.contains("邮编：450018"))
        #expect(texts.contains("4.承诺被遴选为质量标杆后，积极参与相关分享交流活动；"))
    }

    @Test("Web text: a long line cut mid-sentence rejoins; list items and headings do not")
    func webWraps() {
        let texts = normalizedLines(
            """
            质量标杆是指企业在系统提升产品和服务质量的实践过程

            中，形成的具有示范效应、可借鉴、可推广的质量管理方法。

            4. 管理方法（技术）的推进和应用情况（8000字以内）

            介绍企业推进管理方法（技术）的过程、做法等，重点体现实施要点、特色亮点。

            1. 具有独立法人资格，且近三年连续保持盈利；
            2. 在质量、诚信、安全、环保等方面无违法行为和不良记录；
            """
        ).map(\.text)
        #expect(
            texts == [
                "质量标杆是指企业在系统提升产品和服务质量的实践过程中，形成的具有示范效应、可借鉴、可推广的质量管理方法。",
                "4.管理方法（技术）的推进和应用情况（8000字以内）",
                "介绍企业推进管理方法（技术）的过程、做法等，重点体现实施要点、特色亮点。",
                "1.具有独立法人资格，且近三年连续保持盈利；",
                "2.在质量、诚信、安全、环保等方面无违法行为和不良记录；",
            ])
    }

    @Test("Directory entries stay one per line; a name wrapped after 和 rejoins its tail")
    func directory() {
        let texts = normalizedLines(
            """
            36. 深圳市工业和信息化局
            37. 新疆生产建设兵团工业和
             信息化局
            38. 中国机械工业联合会
            序号\t单位名称
            1\t北京市经济和信息化局
            """
        ).map(\.text)
        #expect(
            texts == [
                "36.深圳市工业和信息化局", "37.新疆生产建设兵团工业和信息化局", "38.中国机械工业联合会",
                "序号\t单位名称", "1\t北京市经济和信息化局",
            ])
    }

    @Test("The title is never glued to the addressee, nor a heading to its text")
    func titleAndAddressee() {
        let texts = normalizedLines(
            """
            河南省工业和信息化厅办公室关于开展2023年河南省质量标杆活动的通知
            各省辖市、济源示范区、航空港区、各省直管县（市）工业和信息化主管部门：
            （一）活动目的
            始终坚持质量是企业的生命，是产业的核心竞争力。
            """
        ).map(\.text)
        #expect(texts.count == 4)
    }
}
