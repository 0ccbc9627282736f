import Foundation
import Testing

@testable import GongwenKit

/// The scanning primitives every extractor stands on, held to the plain definitions they replace
/// (String's own UTF-8, `Set.contains`, trying each word in order), on real lines and on the
/// characters that break naive code: astral Han, the 0x80/0x800/0x10000 boundaries, empty words.
@Suite("Text scanning: ScalarSet, WordList, TextLine search")
struct TextScanningTests {
    static let lines = [
        "联系人：李正 周轶，电话：0591-87654321（传真），邮箱：caq@caq.org.cn",
        "请于2023年9月15日前将申报材料纸质版一式三份报送至中国质量协会。",
        "各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门：",
        "𠀀𠮷 é ß ¢ € 〇 \u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF} tab\there",
        "",
    ]

    @Test("A line's text is its scalars as a String, whatever their UTF-8 length")
    func text() {
        for line in Self.lines {
            let textLine = TextLine(line)
            #expect(textLine.text == line)
            #expect(Array(textLine.text.utf8) == Array(line.utf8))
            if textLine.count > 2 {
                #expect(
                    textLine[1..<(textLine.count - 1)].text
                        == String(String.UnicodeScalarView(Array(line.unicodeScalars)[1..<(textLine.count - 1)])))
            }
        }
    }

    @Test(
        "A line's text is its scalars' UTF-8 at every length around the stack's room (a quarter of it in scalars, and all of it in bytes), one to four bytes a scalar and mixed"
    )
    func textAroundTheStacksRoom() {
        let quarter = String.uncheckedLength / 4
        let kinds: [[Unicode.Scalar]] = [["a"], ["é"], ["质"], ["𠀀"], ["a", "质", "𠀀", "é", "1"]]
        for kind in kinds {
            for count in [0, 1, quarter - 1, quarter, quarter + 1, String.uncheckedLength / 3, 2 * quarter, 600] {
                let scalars = (0..<count).map { kind[$0 % kind.count] }
                let expected = String(String.UnicodeScalarView(scalars))
                let text = TextLine(
                    scalars: scalars, origins: Origins(from: SourcePoint(line: 1, column: 1), count: count)
                ).text
                #expect(text == expected, "\(count) of \(kind)")
                #expect(Array(text.utf8) == Array(expected.utf8), "\(count) of \(kind)")
            }
        }
    }

    @Test("firstIndex, hasPrefix(at:) and hasSuffix(before:) agree with a scan of every position")
    func searchAgreesWithBruteForce() {
        let needles = [
            "联系", "电话：", "：", "𠮷", "\u{10FFFF}", "纸质版一式", "中国质量协会。", "不在其中", "", "0591-8765", "e", "ere", "é",
            "·𠮷", "fé·",
        ]
        // UTF-8 of one to four bytes a scalar; a word's first scalar just before the word ("联联系", "eere").
        for line in Self.lines + ["Café·𠮷 中国质量协会。", "联联系人：电电话：：eere ··𠮷"] {
            let textLine = TextLine(line)
            let scalars = Array(line.unicodeScalars)
            for needle in needles {
                let pattern = Array(needle.unicodeScalars)
                func standsAt(_ i: Int) -> Bool {
                    i >= 0 && i + pattern.count <= scalars.count && Array(scalars[i..<(i + pattern.count)]) == pattern
                }
                for from in [0, 1, 5, scalars.count] {
                    let expected = pattern.isEmpty ? nil : (from..<max(from, scalars.count)).first(where: standsAt)
                    #expect(
                        textLine.firstIndex(of: needle, from: from) == expected, "\(needle) in \(line) from \(from)")
                }
                for i in 0...scalars.count {
                    #expect(textLine.hasPrefix(needle, at: i) == standsAt(i), "\(needle) at \(i) of \(line)")
                    #expect(
                        textLine.hasSuffix(needle, before: i) == standsAt(i - pattern.count),
                        "\(needle) before \(i) of \(line)")
                }
                #expect(textLine.hasSuffix(needle, before: scalars.count + 1) == false)
                #expect(textLine.hasPrefix(needle) == standsAt(0))
                #expect(textLine.hasSuffix(needle) == standsAt(scalars.count - pattern.count))
            }
        }
    }

    @Test(
        "firstIndex(of:or:) finds the first of two scalars from every start, as a scan does: every line of every input")
    func firstOfTwoScalars() throws {
        // Every input line, and lines that put the scalars sought at each place of the blocks of sixteen the
        // search compares at once (and past them, in what is left).
        var lines = try everyInputLine()
        for length in [0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 49] {
            for place in 0..<length {
                var scalars = Array(repeating: Unicode.Scalar("中"), count: length)
                scalars[place] = "："
                lines.append(TextLine(String(String.UnicodeScalarView(scalars))))
                scalars[length - 1] = ":"
                lines.append(TextLine(String(String.UnicodeScalarView(scalars))))
            }
        }
        var found = 0
        for line in lines {
            let s = Array(line.scalars)
            // The colons a publication line is told by, a scalar of the line itself (its last, or one of a pair
            // where only one stands), and values no line holds or that differ from a colon in one bit only.
            var pairs: [(Unicode.Scalar, Unicode.Scalar)] = [
                ("：", ":"), (":", "："), ("\u{0}", "\u{10FFFF}"), ("；", "："),
            ]
            if let last = s.last { pairs += [(last, "\u{0}"), ("\u{0}", last), (last, last)] }
            if s.count > 20 { pairs.append((s[17], s[3])) }
            for (first, second) in pairs {
                found += Self.expectFindsNext(
                    in: line, soughtBy: { $0 == first || $0 == second },
                    search: { _, start in line.firstIndex(of: first, or: second, from: start) })
            }
        }
        #expect(found > 100_000, "\(found) starts with a scalar found after them")
    }

    /// Checks `search` (given a line's scalars and a start) against a scan from each start of `line`: every start of a
    /// short line, of a long one those near its ends and every seventh, and one before it and one past it; records an
    /// issue where it does not answer the next place whose scalar `isSought` holds. Returns how many starts have one.
    static func expectFindsNext(
        in line: TextLine, soughtBy isSought: (Unicode.Scalar) -> Bool,
        search: (UnsafeBufferPointer<Unicode.Scalar>, Int) -> Int?
    ) -> Int {
        let s = Array(line.scalars)
        // Where each start's answer is: the next place holding one, read from the end.
        var next = [Int?](repeating: nil, count: s.count + 1)
        for i in s.indices.reversed() { next[i] = isSought(s[i]) ? i : next[i + 1] }
        var found = 0
        for start in -1...(s.count + 1) where start < 40 || start > s.count - 40 || start % 7 == 0 {
            let expected = start > s.count ? nil : next[max(start, 0)]
            let answer = line.scalars.withUnsafeBufferPointer { search($0, start) }
            if answer != expected { Issue.record("from \(start) of \(line.text.prefix(60))") }
            if expected != nil { found += 1 }
        }
        return found
    }

    /// Lines of `length` scalars for each length, `filler` but one of `sought` at each place: the scalars a search
    /// looks for at each place of the blocks it reads at once, and of what is left after them.
    static func linesWithOne(
        of sought: [Unicode.Scalar], atEachPlaceOf lengths: [Int], filler: Unicode.Scalar = "中"
    )
        -> [TextLine]
    {
        var lines: [TextLine] = []
        for length in lengths {
            for place in 0..<length {
                for scalar in sought {
                    var scalars = Array(repeating: filler, count: length)
                    scalars[place] = scalar
                    lines.append(TextLine(String(String.UnicodeScalarView(scalars))))
                }
            }
        }
        return lines
    }

    @Test(
        "firstIndex(in:or:) finds the first scalar of a range or of four others from every start, as a scan does: every line of every input"
    )
    func firstInRangeOrFour() throws {
        // Every input line, and lines that put a scalar sought at each place of the blocks of four the search tests
        // at once and of the one to three left after them (read again as the last four), and the range's edges.
        let blocks = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13]
        let lines =
            try everyInputLine() + Self.linesWithOne(of: ["0", "9", ":", "@", "（", "("], atEachPlaceOf: blocks)
            + Self.linesWithOne(of: [";"], atEachPlaceOf: blocks, filler: "/")  // "/" and ";" border the range
        let others: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar) = ("：", "@", "（", "(")
        var found = 0
        for line in lines {
            found += Self.expectFindsNext(
                in: line,
                soughtBy: { ("0"...":").contains($0) || [others.0, others.1, others.2, others.3].contains($0) },
                search: { Scalars.firstIndex(in: "0"...":", or: others, in: $0, from: $1) })
        }
        #expect(found > 20_000, "\(found) starts with a scalar found after them")
        // A range of one scalar, and a range no scalar of the line is in, with the others never written.
        let line = TextLine("联系电话：0531-86902744")
        let none: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar) = (
            "\u{0}", "\u{0}", "\u{0}", "\u{0}"
        )
        line.scalars.withUnsafeBufferPointer { s in
            #expect(Scalars.firstIndex(in: "-"..."-", or: none, in: s, from: 0) == 9)
            #expect(Scalars.firstIndex(in: "a"..."z", or: none, in: s, from: 0) == nil)
            #expect(
                Scalars.firstIndex(in: "\u{10FFFF}"..."\u{10FFFF}", or: ("：", "：", "：", "："), in: s, from: 5) == nil)
        }
    }

    @Test(
        "ScalarSet.firstIndex(in:from:) finds the first member from every start, as a scan does: every input line, a word list's first scalars"
    )
    func firstMember() throws {
        // Every input line, and lines that put a member at each place of the blocks of four the search reads at once
        // and of the one to three after them; a scalar past the BMP in a block (the search stops there and the set is
        // asked), in the set and not.
        let lines =
            try everyInputLine()
            + Self.linesWithOne(of: ["联", "𠮷", "😀", "ｚ"], atEachPlaceOf: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13])
        // A word list's first scalars (the footer marks', every line of the web pages is asked), and a set with a
        // scalar past the BMP and one at its last place (U+FFFF's word of the bitmap).
        let sets = [
            SiteFurniture.footerMarkList.initials, ScalarSet(["联", "𠮷", "ｚ", "\u{FFFF}"]), ScalarSet([]),
        ]
        var found = 0
        for set in sets {
            for line in lines {
                found += Self.expectFindsNext(in: line, soughtBy: set.contains) { set.firstIndex(in: $0, from: $1) }
            }
        }
        #expect(found > 20_000, "\(found) starts with a member found after them")
    }

    @Test("Scalars.contains: what the array of a line's scalars says, for lines cut at every place of real lines")
    func scalarsContain() throws {
        var asked = 0
        for line in try everyInputLine().prefix(400) where line.count > 0 {
            let all = Array(line.scalars)
            // The line's own scalars (each once), and values it may not hold.
            let sought = Set(all).union(["\t", "月", "。", "\u{0}", "\u{10FFFF}"])
            // Stretches that begin and end at different places of the line's storage.
            for start in Set([0, 1, 5, 17, all.count / 2, all.count - 1]) where start < all.count {
                for end in Set([start, start + 1, start + 4, start + 16, all.count]) where end <= all.count {
                    let stretch = line[start..<end]
                    let expected = Array(all[start..<end])
                    for scalar in sought where stretch.scalars.contains(scalar) != expected.contains(scalar) {
                        Issue.record("\(scalar) in \(start)..<\(end) of \(line.text.prefix(40))")
                    }
                    asked += sought.count
                }
            }
        }
        #expect(asked > 100_000, "\(asked) asked")
    }

    @Test(
        "StringUTF8 reads a string's bytes in place and decodes each scalar, forwards and backwards, at every UTF-8 length"
    )
    func stringUTF8() {
        let large = String(repeating: "质量标杆", count: 20)  // beyond a small string's 15 bytes
        let strings =
            Self.lines + ["协会", "", large, String(large.dropFirst(3)), NSString(string: "中国质量协会").description]
        for string in strings {
            StringUTF8.withBytes(of: string) { bytes in
                #expect(Array(bytes) == Array(string.utf8), "\(string)")
                var decoded: [Unicode.Scalar] = []
                var k = 0
                while k < bytes.count {
                    let (value, length) = StringUTF8.scalar(in: bytes, at: k)
                    decoded.append(Unicode.Scalar(value)!)
                    k += length
                }
                #expect(decoded == Array(string.unicodeScalars), "\(string)")
                var backwards: [Unicode.Scalar] = []
                k = bytes.count
                while k > 0 {
                    let start = StringUTF8.scalarStart(in: bytes, before: k)
                    backwards.append(Unicode.Scalar(StringUTF8.scalar(in: bytes, at: start).value)!)
                    k = start
                }
                #expect(backwards == Array(string.unicodeScalars.reversed()), "\(string)")
            }
            #expect(StringUTF8.firstScalar(of: string) == string.unicodeScalars.first, "\(string)")
            #expect(StringUTF8.lastScalar(of: string) == string.unicodeScalars.last, "\(string)")
        }
        for string in ["a", "é", "𠮷", "a𠮷", "𠮷a", "e\u{301}"] {
            #expect(StringUTF8.firstScalar(of: string) == string.unicodeScalars.first, "\(string)")
            #expect(StringUTF8.lastScalar(of: string) == string.unicodeScalars.last, "\(string)")
        }
    }

    @Test("ScalarSet answers as Set<Unicode.Scalar> does, in and beyond the Basic Multilingual Plane")
    func scalarSet() {
        let members: [Unicode.Scalar] = ["，", "。", ",", "\u{0}", "\u{FFFF}", "𠮷", "\u{10FFFF}", "（"]
        let set = ScalarSet(members)
        let reference = Set(members)
        for line in Self.lines {
            for scalar in line.unicodeScalars {
                #expect(set.contains(scalar) == reference.contains(scalar), "\(scalar)")
            }
        }
        for scalar in members { #expect(set.contains(scalar)) }
        #expect(!ScalarSet(of: "").contains("\u{0}"))
        #expect(ScalarSet(of: "，,").contains(","))
    }

    @Test("A union of ScalarSets holds what one of them holds, every BMP scalar and the astral members asked")
    func scalarSetUnion() {
        let parts: [[Unicode.Scalar]] = [
            ["，", "\u{0}", "𠮷"], ["\u{FFFF}", "\u{FFC0}", "\u{10FFFF}", "一"], [], ["（", "\u{3F}", "\u{40}"],
        ]
        let union = ScalarSet(union: parts.map(ScalarSet.init))
        let reference = Set(parts.joined())
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(union.contains(scalar) == reference.contains(scalar), "\(value)")
        }
        for scalar in ["𠮷", "\u{10FFFF}", "\u{10000}", "\u{1F600}"] as [Unicode.Scalar] {
            #expect(union.contains(scalar) == reference.contains(scalar), "\(scalar.value)")
        }
        #expect(union.holdsIdeographs && !ScalarSet(union: [ScalarSet(of: "，"), ScalarSet(of: "𠮷")]).holdsIdeographs)
    }

    /// `occurs(inScalarsOf:)` decodes a string onto the stack and scans it: what asking the string for each word in
    /// turn answers, for the list headings on every input line (raw and normalized) and on strings that end in a
    /// word, hold a word across a four-byte scalar or hold a word's first scalars only.
    @Test(
        "A word list finds a word in a string's scalars as asking the string for each word does: every input line, and edges"
    )
    func wordListInString() throws {
        var strings = try SiteFurnitureTests.everyLineRawAndNormalized().map(\.text)
        strings += [
            "", "重点领域", "（三）重点领域", "重点领", "𠮷重点领域", "重点𠮷领域", "申报条件𠮷", "a申报条件", "重点领域和申报条件", "遴选", "😀😀重点方向",
        ]
        for words in [ListExtractor.focusHeadings, ListExtractor.eligibilityHeadings, ["𠮷", "a", "领"]] {
            let list = WordList(words)
            var found = 0
            for string in strings {
                let expected = words.contains { string.contains($0) }
                #expect(list.occurs(inScalarsOf: string) == expected, "\(string)")
                if expected { found += 1 }
            }
            #expect(found >= 3, "\(found) strings hold one of \(words)")
        }
    }

    @Test("WordList finds at each position the words trying each in order finds, in the same order")
    func wordList() {
        // Contact labels overlap (联系人 / 联系人及电话 / 联系电话): order decides, as before.
        let words = ContactExtractor.labels.map(\.0) + ["", "𠮷", "U盘电子版", "U盘"]
        let list = WordList(words)
        for line in Self.lines + ["联系人及电话：张三 13800000000", "U盘电子版一份", "E-mail：a@b.cn Email email"] {
            let textLine = TextLine(line)
            for i in -1...(textLine.count + 1) {
                let expected = words.indices.filter {
                    !words[$0].isEmpty && i >= 0 && i < textLine.count && textLine.hasPrefix(words[$0], at: i)
                }
                // Every word standing there is offered, in order, while the answer is nil; the first
                // answer ends the search.
                var offered: [Int] = []
                let none: Int? = list.firstMatch(at: i, in: textLine) {
                    offered.append($0)
                    return nil
                }
                #expect(none == nil && offered == expected, "\(line) at \(i)")
                offered = []
                let last = list.firstMatch(at: i, in: textLine) {
                    offered.append($0)
                    return $0 == expected.last ? $0 : nil
                }
                #expect(last == expected.last && offered == expected)
                offered = []
                let first = list.firstMatch(at: i, in: textLine) {
                    offered.append($0)
                    return $0
                }
                #expect(first == expected.first && offered == Array(expected.prefix(1)))
                #expect(list.firstMatch(at: i, in: textLine) == expected.first)
            }
        }
        #expect(list.length(words.firstIndex(of: "𠮷")!) == 1)
        // Every word's first position in one pass, as firstIndex(of:) finds it word by word.
        let submissionWords = SubmissionExtractor.sentenceWords
        for line in Self.lines + [
            "请登录申报系统网上在线申报，并将材料报送至我厅，同时发送至邮箱", "报送报送至寄送至送至报至", "Word版、PDF扫描件和可编辑文档打包为zip或RAR",
        ] {
            let textLine = TextLine(line)
            let positions = submissionWords.firstPositions(in: textLine)
            for word in submissionWords.words {
                #expect(
                    positions[submissionWords.index(of: word)] == textLine.firstIndex(of: word), "\(word) in \(line)")
            }
            let listPositions = list.firstPositions(in: textLine)
            #expect(
                words.indices.map { listPositions[$0] } == words.map { $0.isEmpty ? nil : textLine.firstIndex(of: $0) })
            // The first of any word, and every place of each word (overlapping ones too: 报送 in 报送至).
            #expect(
                submissionWords.firstPosition(in: textLine)
                    == submissionWords.words.compactMap { textLine.firstIndex(of: $0) }.min())
            var every = [[Int]](repeating: [], count: submissionWords.words.count)
            var previous = -1
            submissionWords.forEachOccurrence(in: textLine) { at, word in
                #expect(at >= previous, "position by position")
                previous = at
                every[word].append(at)
            }
            for (index, word) in submissionWords.words.enumerated() {
                var expected: [Int] = []
                var from = 0
                while let at = textLine.firstIndex(of: word, from: from) {
                    expected.append(at)
                    from = at + 1
                }
                #expect(every[index] == expected, "\(word) in \(line)")
            }
        }
        // Many initials, from ASCII to beyond the BMP, each found by the table's search, and no other.
        let initials = Array("aAz09：，。一二丁七万丈三上下不与丐丑专且丕世丘丙业丛东丝丞丢两严丧个丫中丰串临丸丹为主丽举".unicodeScalars) + ["𠮷", "😀"]
        let spread = WordList(initials.map { String($0) + "x" })
        for (index, initial) in initials.enumerated() {
            let line = TextLine("前" + String(initial) + "x后")
            #expect(spread.firstMatch(at: 1, in: line) == index, "\(initial)")
            #expect(spread.occurs(in: line) && spread.firstPosition(in: line) == 1)
            #expect(!spread.occurs(in: TextLine("前" + String(initial) + "y后")))
        }
        var repeated: [[Int]] = []
        WordList(["限报", "报限", "报"]).forEachOccurrence(in: TextLine("限报限报限")) { repeated.append([$0, $1]) }
        // 限报 at 0 and 2, 报限 and 报 (in the list's order) at 1 and 3
        #expect(repeated == [[0, 0], [1, 1], [1, 2], [2, 0], [3, 1], [3, 2]])
    }

    @Test("A word list's filter of first pairs reaches all its bits, the odd ones too")
    func pairFilterBitsSpread() {
        // The pairs of the corpus's commonest kind, two Chinese characters (报送, 联系), and a character before
        // ASCII punctuation: over 16,384 of them the hash should reach nearly every one of the 4,096 bits. (Written
        // without the parentheses, the shift came first and the multiplier was even: no odd bit, 2,048 at most.)
        var reached = Set<Int>()
        for first in 0x4E00..<0x4E00 + 128 {
            for second in 0x4E00..<0x4E00 + 120 {
                reached.insert(WordList.pairBit(Unicode.Scalar(UInt32(first))!, UInt32(second)))
            }
            for second in UInt32(0x21)..<0x29 {
                reached.insert(WordList.pairBit(Unicode.Scalar(UInt32(first))!, second))
            }
        }
        #expect(reached.allSatisfy { (0..<WordList.pairBits).contains($0) })
        #expect(reached.contains { $0 % 2 == 1 })
        #expect(reached.count > 3_900, "\(reached.count) of \(WordList.pairBits) bits reached")
    }

    @Test(
        "The rules' word lists, one-scalar words among them, find on every normalized line of every input and at the edges what trying each word at each position finds"
    )
    func wordListsOnEveryLine() throws {
        // A position is passed over when its first two scalars open no word (and its first is no word):
        // lists with one-scalar words (大 中 小, 从 于 将 在) and words that end a line are among these.
        let lists = [
            ContactExtractor.labels.map(\.0), SiteFurniture.controlWords, SiteFurniture.footerMarks,
            SentenceSubject.verbs, SubmissionExtractor.channelWords, ["报", "报送", "𠮷", "𠮷x", "a"],
        ]
        var lines: [TextLine] = []
        for file in JSONWriterTests.inputFiles {
            lines += try Gongwen.normalize(path: file.path).lines.map { TextLine($0.text) }
        }
        lines += ["报", "报x", "x报", "𠮷", "𠮷x", "a", "", "大中小", "联系人：张三"].map { TextLine($0) }
        var found = 0
        var wrong: [String] = []
        for words in lists {
            let list = WordList(words)
            let byFirst = Dictionary(grouping: words.indices.filter { !words[$0].isEmpty }) {
                words[$0].unicodeScalars.first!
            }
            for line in lines {
                var expected: [[Int]] = []
                for i in 0..<line.count {
                    // (Only the words that begin with the scalar there are tried: each word at each place
                    // took the test a quarter of a minute.)
                    for word in byFirst[line.scalars[i]] ?? [] where line.hasPrefix(words[word], at: i) {
                        expected.append([i, word])
                    }
                }
                var occurrences: [[Int]] = []
                list.forEachOccurrence(in: line) { occurrences.append([$0, $1]) }
                if occurrences != expected { wrong.append("\(words[0])… in \(line.text.prefix(30))") }
                var first = [Int?](repeating: nil, count: line.count)
                for found in expected.reversed() { first[found[0]] = found[1] }
                for i in 0..<line.count where list.firstMatch(at: i, in: line) != first[i] {
                    wrong.append("\(words[0])… at \(i) of \(line.text.prefix(30))")
                }
                // Each word's first position, and none (no array) where no word stands.
                let positions = list.firstPositions(in: line)
                let firstOfWord = words.indices.map { word in expected.first { $0[1] == word }?[0] }
                if positions.isEmpty != expected.isEmpty || words.indices.map({ positions[$0] }) != firstOfWord {
                    wrong.append("\(words[0])… first positions in \(line.text.prefix(30))")
                }
                found += expected.count
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong, first \(wrong.prefix(3))")
        #expect(found > 5_000, "\(found) words found")
    }

    @Test(
        "ExactText: equal and hashed alike when the bytes are, whether literal, built from scalars or cut from a line")
    func exactText() {
        let line = TextLine("根据《质量强国建设纲要》（工信部科〔2019〕188号）")
        let cut = line[3..<11].text  // 质量强国建设纲要, made from the line's scalars
        #expect(ExactText(cut) == ExactText("质量强国建设纲要") && ExactText(cut).hashValue == ExactText("质量强国建设纲要").hashValue)
        #expect(ExactText(cut) != ExactText("质量强国建设纲") && ExactText("") == ExactText(String()))
        #expect(
            Set([ExactText("报送"), ExactText(String(scalars: Array("报送".unicodeScalars))), ExactText("报")]).count == 2)
        // A sentence that names the same document twice, and another with the same title: one citation.
        let sentences = ["按照《质量强国建设纲要》要求，落实《质量强国建设纲要》", "另见《质量强国建设纲要》和《质量强国建设纲要（试行）》"]
            .map { Sentence(line: TextLine($0)) }
        #expect(CitationExtractor.extract(sentences).map(\.title) == ["质量强国建设纲要", "质量强国建设纲要（试行）"])
    }

    @Test(
        "The library's String.hasPrefix, hasSuffix and contains (UTF-8 bytes, StringSearch.swift) answer as the standard library's do: every normalized line of every notice against the names' word lists, and at the edges"
    )
    func bytePrefixAndSuffix() throws {
        // Called through the protocol, these are the standard library's own; called on a String, the library's.
        func standardPrefix(_ text: some StringProtocol, _ prefix: String) -> Bool { text.hasPrefix(prefix) }
        func standardSuffix(_ text: some StringProtocol, _ suffix: String) -> Bool { text.hasSuffix(suffix) }
        func standardContains(_ text: some StringProtocol, _ word: String) -> Bool { text.contains(word) }
        var texts: [String] = []
        for file in JSONWriterTests.inputFiles { texts += try Gongwen.normalize(path: file.path).lines.map(\.text) }
        texts += ["", "协会", "会", "e\u{301}协会", "𠮷协会", "北京市北京市"]
        let words =
            IssuerLevels.provincialDivisions + IssuerLevels.associationEndings + IssuerLevels.nationalPrefixes
            + SentenceSubject.bodies + DirectoryExtractor.plannedCities + AreaCodes.cities.keys.sorted() + ["", "部"]
        var agreed = 0
        for text in texts {
            for word in words {
                #expect(text.hasPrefix(word) == standardPrefix(text, word), "\(text) \(word)")
                #expect(text.hasSuffix(word) == standardSuffix(text, word), "\(text) \(word)")
                #expect(text.contains(word) == standardContains(text, word), "\(text) \(word)")
                if text.hasPrefix(word) || text.hasSuffix(word) { agreed += 1 }
            }
        }
        #expect(agreed > 100, "\(agreed) lines begin or end with one of the words")
        // The one difference, as in `contains`: a combining mark after the prefix does not hide it.
        #expect("e\u{301}x".hasPrefix("e") && !standardPrefix("e\u{301}x", "e"))
    }

    @Test(
        "A line's sentences are its stretches cut at sentence ends and trimmed, with their spans: every line of every input, and lines of white space"
    )
    func sentencesAreTrimmedStretches() throws {
        var lines = try SiteFurnitureTests.everyLineRawAndNormalized()
        lines += ["  请于5月1日前报送。 　逾期不予受理；  ", "。。；", " \t。　；", "", "甲（乙。丙）丁。 戊 "].map { TextLine($0) }
        for line in lines {
            let stretches = line.ranges(separatedBy: Sentences.sentenceSplit, keepingSeparators: true)
                .map { line[$0].trimmed() }.filter { !$0.isEmpty }
            let sentences = Sentences.split(line)
            #expect(sentences.map(\.text) == stretches.map(\.text), "\(line.text)")
            #expect(sentences.map(\.span) == stretches.map(\.span), "\(line.text)")
            for range in [0..<line.count, 0..<line.count / 2, line.count / 3..<line.count] {
                #expect(line[line.trimmedRange(within: range)].text == line[range].trimmed().text)
            }
        }
        #expect(Sentences.split(TextLine("  请于5月1日前报送。 　逾期不予受理；  ")).map(\.text) == ["请于5月1日前报送。", "逾期不予受理；"])
    }

    @Test("A province beginning a name, an association's and a body's ending, found as scanning the lists finds them")
    func provincesAndAssociations() throws {
        var texts: [String] = []
        for file in JSONWriterTests.inputFiles { texts += try Gongwen.normalize(path: file.path).lines.map(\.text) }
        for text in Array(texts) { texts += Sentences.split(TextLine(text)).map(\.text) }
        texts += ["", "省", "北京", "北京市", "北京市e\u{301}", "新疆维吾尔自治区工业和信息化厅", "新疆生产建设兵团", "中国质量协会", "会", "联盟", "𠮷协会"]
        texts += ["科技处", "办公室", "会议室", "各有关单位", "个人", "济源示范区"]
        // Every division, whole and cut short by a character (those that share a first character: 河北 and 河南,
        // 新疆维吾尔自治区 and 新疆生产建设兵团).
        texts += IssuerLevels.provincialDivisions.flatMap { [$0 + "工业和信息化厅", String($0.dropLast())] }
        // Prefectures at the ends of the reach: seven characters before 地区 (nine scalars), eight before 市.
        texts += ["锡林郭勒盟", "延边朝鲜族自治州", "一二三四五六七地区", "一二三四五六七地", "一二三四五六七八市", "福州市", "福州", "河南省一二三四五六七地区"]
        var provinces = 0
        var prefectures = 0
        var associations = 0
        var bodies = 0
        for text in texts {
            let province = IssuerLevels.provincialDivisions.first { text.hasPrefix($0) }
            #expect(IssuerLevels.province(beginning: text) == province, "\(text)")
            // What follows the province: the characters after it, as dropping them gives.
            if let province {
                #expect(
                    Array(IssuerLevels.scalars(of: text, after: province))
                        == Array(text.dropFirst(province.count).unicodeScalars), "\(text)")
            }
            // The prefecture that opens a name (or what follows its province), read from its first scalars as
            // from all of them.
            let rest = province.map { IssuerLevels.scalars(of: text, after: $0) } ?? text.unicodeScalars[...]
            let prefecture = IssuerLevels.prefectureLength(Array(rest))
            #expect(
                IssuerLevels.prefectureLength(in: text, fromUTF8: province?.utf8.count ?? 0) == prefecture, "\(text)")
            #expect(
                IssuerLevels.prefectureLength(in: text) == IssuerLevels.prefectureLength(Array(text.unicodeScalars)),
                "\(text)")
            if prefecture != nil { prefectures += 1 }
            let association = IssuerLevels.associationEndings.contains { text.hasSuffix($0) }
            #expect(IssuerLevels.endsLikeAssociation(text) == association, "\(text)")
            if province != nil { provinces += 1 }
            if association { associations += 1 }
            // An addressee's part that names a body (HeaderFieldExtractor.names), as the two lists it was asked of.
            let groupEndings = ["单位", "组织", "企业", "部门", "机构", "机关", "团体", "个人", "会员"]
            let body =
                groupEndings.contains { text.hasSuffix($0) }
                || OrganizationName.suffixes.contains { text.hasSuffix($0) && $0 != "处" && $0 != "室" }
            #expect(HeaderFieldExtractor.names(TextLine(text)) == body, "\(text)")
            if body { bodies += 1 }
        }
        #expect(provinces > 20 && associations > 5, "\(provinces) provinces, \(associations) associations")
        #expect(prefectures > 20, "\(prefectures) prefectures")
        #expect(IssuerLevels.prefectureLength(in: "一二三四五六七地区") == 9)
        // The one difference: a combining mark after the province stays with what follows it.
        #expect(Array(IssuerLevels.scalars(of: "北京\u{301}市", after: "北京")) == ["\u{301}", "市"])
        #expect(Array(IssuerLevels.scalars(of: "北京", after: "北京")).isEmpty)
        #expect(bodies > 50, "\(bodies) bodies")
    }

    @Test(
        "String(joining:separator:) is the lines' strings joined, for real lines, empty ones, astral scalars and none")
    func joinedLines() {
        let lines = (Self.lines + ["", "𠮷 e\u{301} ASCII", "附件：1. 推荐单位名录"]).map { TextLine($0) }
        for count in [0, 1, 2, lines.count] {
            let some = Array(lines.prefix(count))
            #expect(String(joining: some, separator: "\n") == some.map(\.text).joined(separator: "\n"))
            #expect(String(joining: some, separator: nil) == some.map(\.text).joined())
        }
        #expect(String(joining: [TextLine(""), TextLine("")], separator: "\n") == "\n")
    }

    @Test("SuffixList answers as asking each word's hasSuffix does, on real lines and at the edges")
    func suffixList() throws {
        // (Lists whose words share their last scalars, and one with an empty word.)
        let lists = [
            TitleShape.endings, OrganizationName.suffixes, ["𠮷", "通知", ""], ["通知", "知", "须知", "厅", "信息化厅", "a𠮷知"],
        ]
        let lines =
            Self.lines + [
                "关于开展2023年全国质量标杆遴选活动的通知", "关于公布2022年质量标杆名单的通知（试行）", "福建省工业和信息化厅",
                "中国质量协会", "请各单位认真组织申报。", "通", "知", "𠮷", "函", "申报须知", "a𠮷知", "𠮷知",
            ]
        let everyLine = try SiteFurnitureTests.everyLineRawAndNormalized().map(\.text)
        for words in lists {
            let list = SuffixList(words)
            for line in everyLine {
                let textLine = TextLine(line)
                #expect(list.endsAny(textLine) == words.contains { textLine.hasSuffix($0) }, "\(line)")
            }
            for line in lines {
                let textLine = TextLine(line)
                #expect(list.endsAny(textLine) == words.contains { textLine.hasSuffix($0) }, "\(line)")
                for index in 0...textLine.count {
                    #expect(
                        list.endsAny(textLine, before: index)
                            == words.contains { textLine.hasSuffix($0, before: index) },
                        "\(line) before \(index)")
                }
            }
        }
        #expect(SuffixList(TitleShape.endings).endsAny(TextLine("关于开展2023年全国质量标杆遴选活动的通知")))
        #expect(!SuffixList(TitleShape.endings).endsAny(TextLine("请各单位认真组织申报。")))
    }

    /// `TitleShape.titleText` as it read a line before it looked for an ending right before a separator
    /// first: each ending's last place, then whether a separator follows it.
    static func titleTextEndingByEnding(_ line: TextLine) -> TextLine? {
        let text = TitleShape.withoutDocNumber(line)
        if TitleShape.endsWithDocumentType(text) { return text }
        guard text.scalars.contains(where: TitleShape.siteNameSeparators.contains) else { return nil }
        for ending in TitleShape.endings {
            guard let at = text.lastIndex(of: ending) else { continue }
            let after = at + ending.unicodeScalars.count
            if after < text.count, TitleShape.siteNameSeparators.contains(text.scalars[after]),
                TitleShape.endsWithDocumentType(text[0..<after])
            {
                return text[0..<after]
            }
        }
        return nil
    }

    @Test(
        "A title line's words, found as looking for each ending's last place found them: every line of every input, and page titles"
    )
    func titleText() throws {
        var lines = try everyInputLine()
        lines += [
            "关于开展2023年质量标杆活动的通知-中国质量协会", "关于印发办法的通知_某某网", "关于x的通知（试行）-网站", "的通知-的意见-网",
            "通知-通报|公告", "-通知", "通知-", "-", "", "电话：0591-87654321", "2023-09-15", "关于的通知》-网", "函-", "x函|y",
            "通知通知-通知", "〔2023〕12号 关于开展活动的通知-网",
        ].map { TextLine($0) }
        var sitePages = 0
        for line in lines {
            let expected = Self.titleTextEndingByEnding(line)
            #expect(TitleShape.titleText(line)?.text == expected?.text, "\(line.text.prefix(80))")
            if let expected, expected.count < line.trimmed().count, !TitleShape.endsWithDocumentType(line.trimmed()) {
                sitePages += 1
            }
        }
        #expect(sitePages >= 5, "\(sitePages) lines with a site's name after the title")
    }

    /// `TitleShape.endsWithDocumentType` as it read a line by cutting it: the closing 》, then a bracketed
    /// note at the end.
    static func endsWithDocumentTypeByCutting(_ line: TextLine) -> Bool {
        var text = line
        if text.scalars.last == "》", text.count > 1 { text = text[0..<(text.count - 1)] }
        if let last = text.scalars.last, last == "）" || last == ")",
            let open = text.scalars.lastIndex(where: { $0 == "（" || $0 == "(" })
        {
            text = text[0..<open]
        }
        return text.count >= 4 && TitleShape.endingList.endsAny(text) && !text.scalars.contains("。")
    }

    @Test("A line ends in a document type as cutting it said: every line of every input, and brackets at the ends")
    func endsWithDocumentType() throws {
        var lines = try everyInputLine()
        lines += [
            "》", "通知》", "《关于x的通知》", "关于x的通知（试行）", "关于x的通知(试行)", "关于x的通知（试行", "关于x的通知试行）", "（关于x的通知）",
            "关于x的通知（", ")", "（）", "关于x的通知）》", "关于x的通知（试行）》", "关于。x的通知", "x。（关于x的通知）", "的通知", "关于的通知",
            "", "关于x的函(一)(二)", "关于x的通知（试行。）", "关于x的通知（。）》",
        ].map { TextLine($0) }
        var titles = 0
        for line in lines {
            let expected = Self.endsWithDocumentTypeByCutting(line)
            #expect(TitleShape.endsWithDocumentType(line) == expected, "\(line.text.prefix(80))")
            if expected { titles += 1 }
        }
        #expect(titles >= 100, "\(titles) lines end in a document type")
    }

    @Test("Chinese numerals: every scalar read as the digit it is written as, and no other")
    func chineseNumerals() {
        // Written out here by hand: the digits as notices write them, and the units.
        let digits: [Unicode.Scalar: Int] = [
            "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3,
            "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9,
            "玖": 9,
        ]
        let units: Set<Unicode.Scalar> = ["十", "拾", "百"]
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expectedNumeral = digits[scalar] != nil || units.contains(scalar)
            if ChineseNumerals.digit(scalar) != digits[scalar] || ChineseNumerals.isNumeral(scalar) != expectedNumeral
                || ChineseNumerals.numerals.contains(scalar) != expectedNumeral
            {
                Issue.record(
                    "U+\(String(value, radix: 16)): digit \(String(describing: ChineseNumerals.digit(scalar)))")
            }
        }
        #expect(digits.count == 25)
        // The table the sentence scanners build their sets from says the same (the switch is its copy).
        for (value, forms) in ChineseNumerals.digitForms.enumerated() {
            for scalar in forms.unicodeScalars { #expect(digits[scalar] == value, "\(scalar)") }
        }
        #expect(ChineseNumerals.digitForms.joined().unicodeScalars.count == digits.count)
        #expect(ChineseNumerals.value(of: Array("二〇二三".unicodeScalars)) == 2023)
        #expect(ChineseNumerals.value(of: Array("三百零五".unicodeScalars)) == 305)
    }

    @Test(
        "trimmedRange is where trimmed() cuts, trim() trims in place as trimmed() does (a line with nothing to trim left as it is), and displayWidth(of:) the width of that cut"
    )
    func trimmedRange() {
        for line in Self.lines + ["", " ", "\u{3000}\t \u{A0}", "\u{3000}通知 a\t", "  各有关单位：  ", "通知\u{3000}", "a \t"] {
            let text = TextLine(line)
            #expect(text[text.trimmedRange] == text.trimmed(), "\(line.debugDescription)")
            #expect(text.displayWidth(of: text.trimmedRange) == text.trimmed().displayWidth)
            var trimmed = text
            trimmed.trim()
            #expect(trimmed == text.trimmed(), "\(line.debugDescription)")
            var toRange = text
            toRange.trim(to: text.trimmedRange)
            #expect(toRange == text.trimmed(), "\(line.debugDescription)")
            if text.trimmedRange == 0..<text.count {
                #expect(trimmed.scalars.isSameStretch(as: text.scalars), "\(line.debugDescription)")
            }
        }
        #expect(TextLine("\u{3000}通知 a\t").trimmedRange == 1..<5)
        // Two columns for a wide scalar, one for any other, over any stretch (of a line cut from another too).
        for line in Self.lines + ["", "ａ１，。a1 〇𠀀\u{3000}—“”…"] {
            let text = TextLine("x" + line + "y")[1..<(line.unicodeScalars.count + 1)]
            let scalars = Array(line.unicodeScalars)
            for range in [0..<scalars.count, 0..<(scalars.count / 2), (scalars.count / 3)..<scalars.count] {
                #expect(text.displayWidth(of: range) == scalars[range].reduce(0) { $0 + ($1.isWideByICU ? 2 : 1) })
            }
        }
        #expect(TextLine("ａ１，。a1 〇").displayWidth == 13)
        #expect(TextLine("   ").trimmedRange.isEmpty && TextLine("").trimmedRange == 0..<0)
    }

    @Test("String(scalars:) is the string of the scalars, from any collection of them")
    func stringFromScalars() {
        for line in Self.lines + ["中国质量协会（caq@caq.org.cn）工信厅科函〔2023〕12号"] {
            let text = TextLine(line)
            let scalars = Array(line.unicodeScalars)
            #expect(String(scalars: scalars) == line)
            #expect(String(scalars: text.scalars) == line)
            #expect(String(scalars: scalars.lazy.filter { _ in true }) == line)  // not contiguous
            for start in [0, scalars.count / 3] where start <= scalars.count {
                let end = max(start, scalars.count - 2)
                let expected = String(String.UnicodeScalarView(scalars[start..<end]))
                #expect(String(scalars: scalars[start..<end]) == expected)
                #expect(String(scalars: text.scalars[start..<end]) == expected)
                #expect(String(scalars: text[start..<end].scalars) == expected)
            }
        }
        #expect(
            text(of: [0x1F600, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF])
                == "😀\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}")
        #expect(String(scalars: [Unicode.Scalar]()) == "")
        // The byte count the string is made at, on each side of each bound of UTF-8's widths.
        for value: UInt32 in [0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF] {
            let scalars = [Unicode.Scalar(value)!, "中", "a"]
            let length = scalars.withUnsafeBufferPointer(TextLine.utf8Length)
            #expect(length == String(String.UnicodeScalarView(scalars)).utf8.count, "U+\(String(value, radix: 16))")
        }
    }

    private func text(of values: [UInt32]) -> String { String(scalars: values.map { Unicode.Scalar($0)! }) }

    /// The encoder writes four scalars at a time where they are all Chinese characters or ASCII or a mix of
    /// the two, with stores that reach past the bytes they mean (into room it is told it has): held to the
    /// standard library's UTF-8 on every line of every input, from every start in a block of four, and on
    /// every mix of the widths, with exactly the room the bytes need and with more, which it must not write.
    @Test("UTF-8 encoding, four scalars at a time: the standard library's bytes, never past the room given")
    func encodingInBlocks() throws {
        var texts = try everyInputLine().map(\.text)
        // Every sequence of four scalars from one each of the four widths and the bounds between them, each
        // after a Chinese character and an ASCII letter, so that it falls on each place of a block.
        let widths: [Unicode.Scalar] = ["a", "\u{7F}", "é", "\u{7FF}", "\u{800}", "中", "\u{FFFF}", "𠮷", "\u{10FFFF}"]
        for a in widths {
            for b in widths { for c in widths { for d in widths { texts.append("中a\(a)\(b)\(c)\(d)") } } }
        }
        var checked = 0
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            let expected = Array(text.utf8)
            for start in 0..<min(4, scalars.count + 1) {
                let part = Array(scalars[start...])
                let bytes = Array(String(String.UnicodeScalarView(part)).utf8)
                for spare in [0, 3, 16] {
                    // (A guard byte after the room: an encoder that writes past it changes it.)
                    var buffer = [UInt8](repeating: 0xA5, count: 2 + bytes.count + spare + 1)
                    let end = part.withUnsafeBufferPointer { source in
                        buffer.withUnsafeMutableBufferPointer { target in
                            TextLine.encode(
                                source, into: UnsafeMutableBufferPointer(rebasing: target.dropLast()), at: 2)
                        }
                    }
                    #expect(
                        end == 2 + bytes.count && Array(buffer[2..<end]) == bytes, "\(text.prefix(30)) from \(start)")
                    #expect(buffer.last == 0xA5 && buffer[0] == 0xA5 && buffer[1] == 0xA5, "written outside its room")
                    checked += 1
                }
            }
            #expect(TextLine(text).text.utf8.elementsEqual(expected))
        }
        #expect(checked > 30_000)
    }

    @Test(
        "Strings up to the unchecked length are copied in unvalidated, longer ones made in place: the same bytes either way"
    )
    func uncheckedStrings() throws {
        let bound = String.uncheckedLength
        // Every line of a real notice, then lengths on each side of the bound: ASCII, Chinese (three
        // bytes a character, so the bound falls inside one), and a four-byte scalar last.
        var texts = try Corpus.text("2023_henan.txt").split(separator: "\n").map(String.init)
        for tail in ["a", "中", "𠮷"] {
            for length in [bound - 4, bound - 1, bound, bound + 1, bound + 4] {
                let prefix = String(repeating: "a", count: max(0, length - tail.utf8.count))
                texts.append(prefix + tail)
            }
        }
        texts.append(String(repeating: "现将有关事项通知如下：", count: 100))  // 3,300 bytes
        for text in texts {
            let line = TextLine(text)
            #expect(Array(line.text.utf8) == Array(text.utf8))
            #expect(line.text == text && line.text.hashValue == text.hashValue)
            #expect(String(joining: [line, line], separator: "\n") == text + "\n" + text)
        }
        #expect(texts.contains { $0.utf8.count == bound } && texts.contains { $0.utf8.count == bound + 1 })
    }

    @Test("Labels found on a real contact line, through the compiled table")
    func contactLabels() throws {
        let line = TextLine("联系人：李正 周轶，电话：0591-87654321，邮箱：caq@caq.org.cn")
        let person = try #require(ContactExtractor.label(at: 0, in: line))
        #expect(person.0 == .person && person.1 == 4)
        let phone = try #require(ContactExtractor.label(at: line.firstIndex(of: "电话")!, in: line))
        #expect(phone.0 == .phone && line.scalars[phone.1] == "0")
        #expect(ContactExtractor.label(at: 1, in: line) == nil)
        #expect(ContactExtractor.mayHoldContact(line))
        #expect(!ContactExtractor.mayHoldContact(TextLine("各省、自治区、直辖市工业和信息化主管部门：")))
    }

    @Test("String.contains: scalar for scalar, on real headings and at the edges")
    func stringContains() {
        let heading = "（二）重点领域。聚焦制造业高质量发展"
        #expect(heading.contains("重点领域"))
        #expect(heading.contains("（二）"))
        #expect(heading.contains("发展"))
        #expect(!heading.contains("发展。"))
        #expect(!heading.contains(""), "an empty word is not found, as Foundation answers")
        #expect(!"".contains(""))
        #expect(!"质".contains("质量"))
        #expect("𠮷野家".contains("𠮷"))
        #expect(!"\u{10000}".contains("\u{10001}"))
        #expect("福建省工业和信息化厅".hasPrefix("福建省") && !"福建省".hasPrefix("福建省工业"))
        #expect("中国质量协会".hasSuffix("协会") && !"协会".hasSuffix("质量协会"))
        #expect("质量".hasPrefix("") && "质量".hasSuffix("") && "".hasPrefix(""))
        #expect(!"福建".hasPrefix("福州") && !"福建".hasSuffix("州建"))
        // The one deliberate difference from Foundation's grapheme-aware search.
        #expect("质量\u{FE00}标杆".contains("质量"))
        // A brute-force check over every substring of real lines.
        for line in Self.lines {
            let scalars = Array(line.unicodeScalars)
            for start in 0..<scalars.count {
                for end in (start + 1)...min(scalars.count, start + 4) {
                    let word = String(String.UnicodeScalarView(scalars[start..<end]))
                    #expect(line.contains(word), "\(word) in \(line)")
                    #expect(!line.contains(word + "\u{1}"))
                }
            }
        }
    }

    /// Origins kept as runs against the plain array of positions they replace: random appends, joins
    /// and slices (seeded, so a failure can be made again), compared position by position.
    @Test("Origins as runs give every position a plain array gives, and compare equal when the positions do")
    func originsAgainstArrays() {
        var generator = NoLineLostTests.SeededGenerator(state: 9_704)
        func randomPoints(_ count: Int) -> [SourcePoint] {
            var points: [SourcePoint] = []
            var line = Int.random(in: 1...5, using: &generator)
            var column = Int.random(in: 1...40, using: &generator)
            for _ in 0..<count {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: column += Int.random(in: 2...5, using: &generator)  // a space removed
                case 1:
                    line += 1
                    column = 1  // a hard wrap joined
                case 2: column = max(1, column - 3)  // a step back (a composed character's origin)
                default: column += 1
                }
                points.append(SourcePoint(line: line, column: column))
            }
            return points
        }
        for _ in 0..<300 {
            let a = randomPoints(Int.random(in: 0...30, using: &generator))
            let b = randomPoints(Int.random(in: 0...30, using: &generator))
            var origins = Origins(a)
            #expect(Array(origins) == a)
            #expect(origins.count == a.count)
            for i in a.indices { #expect(origins[i] == a[i]) }
            let lower = Int.random(in: 0...b.count, using: &generator)
            let upper = Int.random(in: lower...b.count, using: &generator)
            origins.append(contentsOf: Origins(b), range: lower..<upper)
            let joined = a + b[lower..<upper]
            #expect(Array(origins) == joined)
            #expect(origins == Origins(joined), "runs are canonical: equal positions, equal runs")
            let from = Int.random(in: 0...joined.count, using: &generator)
            let to = Int.random(in: from...joined.count, using: &generator)
            #expect(Array(origins[from..<to]) == Array(joined[from..<to]))
            #expect(origins[from..<to] == Origins(joined[from..<to]))
            for i in joined.indices { #expect(origins[i] == joined[i]) }
            // A cut shares the runs of the line it is cut from: a cut of it, its runs and where they begin,
            // and a cut appended to give what the plain positions give, and leave that line as it was.
            let cut = origins[from..<to]
            let plainCut = Array(joined[from..<to])
            #expect(cut.runCount == Self.runStarts(plainCut).count + (plainCut.isEmpty ? 0 : 1))
            #expect(cut.laterRunStarts == Self.runStarts(plainCut))
            #expect(cut.hasSeveralRuns == (cut.runCount > 1))
            let inner = Int.random(in: 0...plainCut.count, using: &generator)
            let innerEnd = Int.random(in: inner...plainCut.count, using: &generator)
            #expect(Array(cut[inner..<innerEnd]) == Array(plainCut[inner..<innerEnd]))
            #expect(cut[inner..<innerEnd] == Origins(plainCut[inner..<innerEnd]))
            var grown = cut
            grown.append(contentsOf: origins, range: inner..<innerEnd)
            let appended = SourcePoint(line: 9, column: Int.random(in: 1...3, using: &generator))
            grown.append(appended)
            let plainGrown = plainCut + joined[inner..<innerEnd] + [appended]
            #expect(Array(grown) == plainGrown)
            #expect(grown == Origins(plainGrown))
            #expect(Array(origins) == joined && Array(cut) == plainCut, "a cut appended to changes no other line")
            // Unequal positions are unequal, however each line keeps them.
            let other = origins[inner..<min(inner + plainCut.count, joined.count)]
            #expect((cut == other) == (plainCut == Array(other)))
            #expect((Origins(a) == Origins(b)) == (a == b))
            // A slice of one run (a line as read), and of `a` as it was built, at random bounds.
            let single = Origins(from: SourcePoint(line: 3, column: 7), count: a.count)
            let plain = (0..<a.count).map { SourcePoint(line: 3, column: 7 + $0) }
            let first = Int.random(in: 0...a.count, using: &generator)
            let last = Int.random(in: first...a.count, using: &generator)
            #expect(Array(single[first..<last]) == Array(plain[first..<last]))
            #expect(single[first..<last] == Origins(plain[first..<last]))
            #expect(Origins(a)[first..<last] == Origins(a[first..<last]))
            // A run appended at once (text an HTML page writes out as it stands): what appending each gives,
            // joined to the last run when it goes on from it.
            let start =
                a.last.map {
                    Bool.random(using: &generator) ? SourcePoint(line: Int($0.line), column: Int($0.column) + 1) : $0
                }
                ?? SourcePoint(line: 2, column: 5)
            let length = Int.random(in: 0...6, using: &generator)
            var byRun = Origins(a)
            byRun.append(run: start, count: length)
            let each = a + (0..<length).map { SourcePoint(line: Int(start.line), column: Int(start.column) + $0) }
            #expect(Array(byRun) == each)
            #expect(byRun == Origins(each))
        }
    }

    @Test("Positions that differ only after the first run's end are unequal, one run against two")
    func originsOneRunAgainstTwo() {
        let one = Origins(from: SourcePoint(line: 1, column: 1), count: 3)
        let two = Origins([
            SourcePoint(line: 1, column: 1), SourcePoint(line: 1, column: 2), SourcePoint(line: 2, column: 1),
        ])
        #expect(one != two && two != one)
        #expect(
            one
                == Origins([
                    SourcePoint(line: 1, column: 1), SourcePoint(line: 1, column: 2), SourcePoint(line: 1, column: 3),
                ]))
        // A cut of two runs, from a line of three, against the same two runs made apart and a cut of one.
        var three = two
        three.append(SourcePoint(line: 3, column: 5))
        #expect(three[1..<3] == Origins([SourcePoint(line: 1, column: 2), SourcePoint(line: 2, column: 1)]))
        #expect(three[1..<3] != three[0..<2] && three[0..<2] == one[0..<2])
    }

    @Test(
        "A cut from a line's start that ends where one of its runs begins, grown: its runs are its own, not the later run it shares"
    )
    func cutEndingAtARunGrown() {
        // Three runs, at 0, 2 and 4; the cut keeps the first two whole, and the third run begins where it ends.
        let points = [(1, 1), (1, 2), (1, 10), (1, 11), (1, 20), (1, 21)].map { SourcePoint(line: $0, column: $1) }
        let line = Origins(points)
        for appended in [SourcePoint(line: 5, column: 1), SourcePoint(line: 1, column: 20)] {
            var cut = line[0..<4]
            cut.append(appended)
            let plain = Array(points[0..<4]) + [appended]
            #expect(Array(cut) == plain)
            #expect(cut.laterRunStarts == Self.runStarts(plain), "\(appended)")
            #expect(cut.gapStarts == [2, 4], "\(appended)")
            #expect(Array(line) == points, "the line cut from is left as it was")
        }
    }

    /// Where a run begins after the first in `points`: where a position does not follow the one before
    /// it on the same input line.
    static func runStarts(_ points: [SourcePoint]) -> [Int] {
        points.indices.dropFirst().filter {
            points[$0].line != points[$0 - 1].line || points[$0].column != points[$0 - 1].column + 1
        }
    }

    @Test("isSameStretch: the very scalars of a line, not equal ones made apart")
    func sameStretch() {
        let line = TextLine("关于开展2023年质量标杆活动的通知")
        let copy = line
        #expect(line.scalars.isSameStretch(as: copy.scalars))
        #expect(line.scalars.isSameStretch(as: line[0..<line.count].scalars))
        #expect(!line.scalars.isSameStretch(as: TextLine(line.text).scalars))
        #expect(!line.scalars.isSameStretch(as: line[0..<(line.count - 1)].scalars))
        #expect(!line.scalars.isSameStretch(as: line[1..<line.count].scalars))
        #expect(!line.scalars.isSameStretch(as: Normalizer.collapseSpaces(TextLine("关于 开展")).scalars))
        #expect(line.scalars.isSameStretch(as: Normalizer.collapseSpaces(line).scalars), "nothing to collapse")
        var changed = copy
        changed.append("。", from: SourcePoint(line: 1, column: 19))
        #expect(!line.scalars.isSameStretch(as: changed.scalars) && line.scalars.isSameStretch(as: copy.scalars))
    }

    @Test("A line cut from a line shares its scalars, reads from 0, and changes without touching the line")
    func cutLinesShareScalars() {
        // 2023_fuzhou_forward.txt, line 13: a sentence cut out of its paragraph, as Sentences.split cuts it.
        let line = TextLine("各县（市）区择优推荐不超过1家，企业申报材料一式三份。由推荐单位正式行文后，于8月30日前报送我局。", line: 13)
        let sentence = line[0..<27]
        #expect(sentence.text == "各县（市）区择优推荐不超过1家，企业申报材料一式三份。")
        #expect(sentence.scalars.first == "各" && sentence.scalars[11] == "超" && sentence.count == 27)
        #expect(sentence.span == line.span(0..<27))
        let body = line[28..<32]
        #expect(body.text == "推荐单位" && body.scalars.startIndex == 0 && body.scalars.last == "位")
        #expect(
            Array(body.scalars[1..<3]) == ["荐", "单"], "a slice of the scalars keeps its indices, as an array's does")
        let asRead = TextLine(
            scalars: Array("推荐单位".unicodeScalars), origins: (29...32).map { SourcePoint(line: 13, column: $0) })
        #expect(body == asRead, "equal by their scalars and positions, not by their storage")
        #expect(Set([body.scalars, asRead.scalars]).count == 1, "hashed by content")

        var grown = body
        grown.append("，", from: SourcePoint(line: 13, column: 33))
        #expect(grown.text == "推荐单位，")
        #expect(
            body.text == "推荐单位" && line.text.hasPrefix("各县（市）区") && line.count == 50,
            "the line and the cut it came from are unchanged")
        var whole = line
        whole.append("附", from: SourcePoint(line: 14, column: 1))
        #expect(line.count == 50 && whole.count == 51 && sentence.count == 27 && line[27..<32].text == "由推荐单位")

        #expect(line[5..<5].isEmpty && line[5..<5].text.isEmpty)
        #expect(line[0..<0].scalars == Scalars())
    }

    @Test("A stretch's iterator gives its scalars and no others: every stretch of real lines, the empty ones too")
    func stretchIterator() {
        for text in Self.lines + ["", "。", "各县（市）区择优推荐不超过1家，企业申报材料一式三份。"] {
            let line = TextLine("\u{E000}" + text + "\u{E001}")  // stretches that neither begin nor end the storage
            let scalars = Array(text.unicodeScalars)
            for start in 0...scalars.count {
                for end in start...scalars.count {
                    let stretch = line[(start + 1)..<(end + 1)].scalars
                    var read: [Unicode.Scalar] = []
                    var iterator = stretch.makeIterator()
                    while let scalar = iterator.next() { read.append(scalar) }
                    #expect(read == Array(scalars[start..<end]), "\(text.debugDescription) \(start)..<\(end)")
                    #expect(iterator.next() == nil)  // and stays at its end
                    // The collection's algorithms read through it.
                    #expect(!stretch.contains("\u{E000}") && !stretch.contains("\u{E001}"))
                    #expect(
                        stretch.reduce(0) { $0 + Int($1.value) }
                            == scalars[start..<end].reduce(0) { $0 + Int($1.value) })
                    #expect(stretch.allSatisfy { $0 != "\u{E001}" } && stretch.elementsEqual(scalars[start..<end]))
                }
            }
        }
    }

    @Test("The named punctuation sets hold exactly the scalars of the literals they stand for")
    func punctuationSets() {
        let sets: [(ScalarSet, String)] = [
            (.clausePunctuation, "，,。；;：:"), (.clausePunctuation, "，。：；:,;"), (.clausePunctuation, "，。；：,;:"),
            (HeaderZone.sentenceOrLabelEnds, "。；;：:"), (Segmenter.mastheadBreaks, "，。：；:"),
            (ContactExtractor.hardBreaks, "；;。"), (ContactExtractor.softBreaks, "，,、/（）()[]【】 "),
            (ContactExtractor.dashes, "-－—–‐"), (SubmissionExtractor.targetEnds, "，。；（("),
            (DateScanner.numberJoiners, "/.-:_"), (SubmissionExtractor.addressEnds, " ，。）)\"”"),
            (ContactExtractor.numberUnits, "年月日号元万亿家个项份字人次届批期条页岁%％"),
        ]
        for (set, literal) in sets {
            let expected = Set(literal.unicodeScalars)
            let members = (0..<0x1_0000).compactMap(Unicode.Scalar.init).filter(set.contains)
            #expect(Set(members) == expected, "\(literal)")
        }
        // And the tests written as switches, the same way.
        let tests: [((Unicode.Scalar) -> Bool, String)] = [
            (Reflow.opensMore, "，、《（“‘—"), (Reflow.isConnective, "和及与"), (OrganizationName.isBracket, "（）()"),
            (SiteFurniture.isCellBreak, "|｜\t"),
        ]
        for (test, literal) in tests {
            let members = (0..<0x1_0000).compactMap(Unicode.Scalar.init).filter(test)
            #expect(Set(members) == Set(literal.unicodeScalars), "\(literal)")
        }
    }

    @Test("A joined line let go of its unused room reads the same; a stretch of another line is left as it is")
    func shrinkToFit() {
        // Lines of 2023_henan.txt joined as Reflow joins a hard-wrapped paragraph.
        var joined = TextLine(original: "质量标杆是指企业在系统提升产品和服务质量的实践过程".unicodeScalars, lineNumber: 29)
        let next = TextLine(original: "中，形成的具有示范效应、可借鉴、可推广的质量管理方法。2023".unicodeScalars, lineNumber: 31)
        for _ in 0..<5 { joined.append(next) }
        let before = joined
        #expect(joined.scalars.storageCapacity > joined.count + joined.count / 4)
        joined.shrinkToFit()
        #expect(joined == before && joined.text == before.text && joined.span == before.span)
        #expect(joined.scalars.storageCapacity < joined.count + joined.count / 4)
        // A stretch shares its line's storage: nothing is copied.
        var stretch = before[2..<9]
        stretch.shrinkToFit()
        #expect(stretch.text == "标杆是指企业在" && stretch.scalars.storageCapacity == before.scalars.storageCapacity)
        var empty = TextLine()
        empty.shrinkToFit()
        #expect(empty.isEmpty)
    }

    @Test(
        "Room made for each piece of a line: made at once for a piece, and grown twofold, not a piece at a time; a stretch is copied first"
    )
    func reserveRoom() {
        // A line of 2023_henan.txt built as the HTML writer builds one: a text node at a time.
        let text = Array("质量标杆是指企业在系统提升产品和服务质量的实践过程中".unicodeScalars)
        var line = TextLine()
        line.reserveRoom(for: text.count)
        let room = line.scalars.storageCapacity
        #expect(room >= text.count)
        for (k, scalar) in text.enumerated() { line.append(scalar, from: SourcePoint(line: 29, column: k + 1)) }
        #expect(line.scalars.storageCapacity == room && line.text == String(String.UnicodeScalarView(text)))
        // A page that sets each character in an element of its own: 2,000 pieces of one, room asked for each.
        var pieces = TextLine()
        var rooms: [Int] = []
        for k in 0..<2_000 {
            pieces.reserveRoom(for: 1)
            if rooms.last != pieces.scalars.storageCapacity { rooms.append(pieces.scalars.storageCapacity) }
            pieces.append(text[k % text.count], from: SourcePoint(line: 1, column: k + 1))
        }
        #expect(pieces.count == 2_000 && rooms.count <= 12, "\(rooms)")  // (a room a piece: 2,000 copies of the line)
        #expect(zip(rooms, rooms.dropFirst()).allSatisfy { $1 >= 2 * $0 }, "\(rooms)")
        // A stretch shares its line's storage: room for it is storage of its own, and the line is left as it was.
        var stretch = line[2..<9]
        stretch.reserveRoom(for: 100)
        stretch.append("。", from: SourcePoint(line: 29, column: 10))
        #expect(stretch.text == "标杆是指企业在。" && stretch.scalars.storageCapacity >= 107)
        #expect(line.text == String(String.UnicodeScalarView(text)))
    }

    /// `hadGap` answers a line of one run without reading positions: on every normalized line of every
    /// input (with the origins normalization gave it), at every index, it is the positions' own answer.
    @Test("A gap is where two positions do not follow on one input line, on every normalized line")
    func gapsOfEveryLine() throws {
        var gaps = 0
        var singleRun = 0
        for file in JSONWriterTests.inputFiles {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            for line in normalizedLines(text).map(\.line) {
                if line.origins.runCount == 1 { singleRun += 1 }
                var positions: [Int] = []
                for index in -1...(line.count + 1) {
                    let plain =
                        index > 0 && index < line.count
                        && (line.origins[index - 1].line != line.origins[index].line
                            || line.origins[index].column - line.origins[index - 1].column > 1)
                    #expect(line.hadGap(before: index) == plain, "\(index) of \(line.text.prefix(40))")
                    if plain {
                        gaps += 1
                        positions.append(index)
                    }
                }
                // Found from the runs' starts: the same positions.
                #expect(line.gapPositions == positions, "\(line.text.prefix(40))")
            }
        }
        #expect(gaps > 500 && singleRun > 500, "\(gaps) gaps, \(singleRun) lines of one run")
    }

    @Test("A line as read is one run; spans and gaps read through the runs")
    func originsOfRealLines() {
        let line = TextLine("2023 年 8 月 25 日前报送", line: 7)
        #expect(line.origins.runCount == 1)
        let folded = normalizedLines("2023 年 8 月 25 日前报送")[0].line
        #expect(folded.text == "2023年8月25日前报送")
        #expect(folded.origins[4] == SourcePoint(line: 1, column: 6))  // 年, after the removed space
        #expect(folded.hadGap(before: 4) && !folded.hadGap(before: 3))
        #expect(
            folded.span(4..<7)
                == SourceSpan(start: SourcePoint(line: 1, column: 6), end: SourcePoint(line: 1, column: 10)))
        #expect(folded.origins.runCount == 6, "five spaces removed: six stretches, one run each")
    }

    @Test("ISO dates written as String(format: \"%04d-%02d-%02d\") writes them, at the edges too")
    func isoDates() {
        for year in [-12, -1, 0, 7, 99, 1949, 2023, 2199, 9_999, 10_000, 12_345] {
            for month in [0, 1, 9, 12, 99, 100, 123] {
                for day in [nil, -3, 0, 1, 31, 99, 100] as [Int?] {
                    let expected =
                        day.map { String(format: "%04d-%02d-%02d", year, month, $0) }
                        ?? String(format: "%04d-%02d", year, month)
                    #expect(ISODate.string(year: year, month: month, day: day) == expected)
                }
            }
        }
    }

    @Test(
        "The sentences reserved for a line are never fewer than it is cut into: every notice's lines, and hostile ones")
    func sentenceBound() throws {
        var lines: [TextLine] = []
        for file in JSONWriterTests.inputFiles {
            lines += try Gongwen.normalize(path: file.path).lines.map {
                TextLine(original: $0.text.unicodeScalars, lineNumber: 1)
            }
        }
        #expect(lines.count > 1_000, "\(lines.count) lines")
        // Sentence ends inside brackets and quotes, at the start, doubled, followed by white space only.
        for text in [
            "（请于6月30日前报送。）", "“推荐。”", "。", "。。；", "报送。  \t", "（未闭合。", "一；二；三", "   ", "",
            "通知）。（", "a;b?c!", "（一）报送材料。联系人：王强。",
        ] {
            lines.append(TextLine(original: text.unicodeScalars, lineNumber: 1))
        }
        var reserved = 0
        var cut = 0
        for line in lines {
            let bound = Sentences.mostSentences(in: line)
            // As counted scalar by scalar, every scalar asked (before ideographs were passed over).
            var ends = 0
            var endsOnEnd = true
            for scalar in line.scalars where !scalar.isLineSpace {
                endsOnEnd = Sentences.sentenceEnds.contains(scalar)
                if endsOnEnd { ends += 1 }
            }
            #expect(bound == (endsOnEnd ? ends : ends + 1), "\(line.text.debugDescription)")
            let count = Sentences.split(line).count
            #expect(count <= bound, "\(line.text.debugDescription): \(count) sentences, \(bound) reserved")
            reserved += bound
            cut += count
        }
        // And not many more: the bound is what a huge notice's array of sentences is made at.
        #expect(reserved <= cut + cut / 4, "\(reserved) reserved for \(cut) sentences")
    }

    /// A body below `Sentences.countedBodySize` is not counted before it is cut: the sentences are the
    /// same either way, on the body of every input, with room made for them at once only when counted.
    @Test("A body's sentences are the same whether they were counted first or not")
    func sentencesCountedOrNot() throws {
        var sentences = 0
        for file in JSONWriterTests.inputFiles {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let body = bodySections(text)
            let counted = Sentences.of(body, countingFrom: 0)
            let grown = Sentences.of(body, countingFrom: .max)
            #expect(counted.map(\.text) == grown.map(\.text) && counted.map(\.span) == grown.map(\.span), "\(file)")
            #expect(counted.map(\.triggers.rawValue) == grown.map(\.triggers.rawValue))
            #expect(counted.capacity <= counted.count + counted.count / 4 + 2, "counted: room made at once")
            sentences += counted.count
        }
        #expect(sentences > 1_000, "\(sentences) sentences")
    }

    @Test(
        "The bracket-aware cut gives the stretches a scan of every scalar gives, with separator sets that hold ideographs and that do not"
    )
    func bracketAwareCut() throws {
        var lines = try Self.lines.map { TextLine($0) } + everyInputLine()
        lines += [
            "（和）和，和", "一和二（三和四）五", "\u{4E00}\u{9FFF}，\u{4DFF}\u{A000}", "）））和（", "",
            "𠀀𠮷，和（𠀀，）𠀀。𠮷", "和𠀀𠀀𠀀𠀀，𠀀𠀀𠀀𠀀（和）",  // (scalars past the BMP among the stops and between them)
        ].map { TextLine($0) }
        let sets: [ScalarSet] = [
            Sentences.sentenceEnds, .clausePunctuation, ScalarSet(of: "，和"), ScalarSet(of: "\u{4E00}\u{9FFF}"),
        ]
        #expect(sets.map(\.holdsIdeographs) == [false, false, true, true])
        #expect(!ScalarSet(of: "\u{4DFF}\u{A000}").holdsIdeographs)
        var stretches = 0
        for separators in sets {
            for keeping in [false, true] {
                for line in lines {
                    var expected: [Range<Int>] = []
                    var depth = 0
                    var start = 0
                    for (i, scalar) in line.scalars.enumerated() {
                        if TextLine.openingBrackets.contains(scalar) {
                            depth += 1
                        } else if TextLine.closingBrackets.contains(scalar) {
                            depth = max(0, depth - 1)
                        } else if depth == 0, separators.contains(scalar) {
                            let end = keeping ? i + 1 : i
                            if end > start { expected.append(start..<end) }
                            start = i + 1
                        }
                    }
                    if start < line.count { expected.append(start..<line.count) }
                    #expect(
                        line.ranges(separatedBy: TextLine.Separators(separators), keepingSeparators: keeping)
                            == expected,
                        "\(line.text.prefix(60))")
                    stretches += expected.count
                }
            }
        }
        #expect(stretches > 10_000)
    }

    @Test("isWide answers as ICU's East Asian Width does, for every scalar")
    func wideAsICU() {
        var differences: [UInt32] = []
        for value in UInt32(0x1100)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWide != scalar.isWideByICU { differences.append(value) }
        }
        #expect(differences.isEmpty, "first differences: \(differences.prefix(5).map { String($0, radix: 16) })")
        #expect(Unicode.Scalar("中").isWide && Unicode.Scalar("，").isWide && !Unicode.Scalar("a").isWide)
    }

    @Test(
        "isLineSpace holds for Unicode's space separators but the Ogham mark, and tab, vertical tab and form feed: every scalar"
    )
    func lineSpaces() {
        var differences: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected =
                (scalar.properties.generalCategory == .spaceSeparator && value != 0x1680)
                || [0x09, 0x0B, 0x0C].contains(value)
            if scalar.isLineSpace != expected { differences.append(value) }
        }
        #expect(differences.isEmpty, "first differences: \(differences.prefix(5).map { String($0, radix: 16) })")
        #expect(Unicode.Scalar("\u{3000}").isLineSpace && !Unicode.Scalar("\u{3001}").isLineSpace)
    }

    @Test(
        "isHan holds for the Han blocks (Unified Ideographs, Extension A, the Compatibility Ideographs, the planes past U+1FFFF to U+2FA1F) and 〇, and no other scalar"
    )
    func hanBlocks() {
        let blocks: [ClosedRange<UInt32>] = [
            0x3007...0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F,
        ]
        var differences: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isHan != blocks.contains(where: { $0.contains(value) }) { differences.append(value) }
        }
        #expect(differences.isEmpty, "first differences: \(differences.prefix(5).map { String($0, radix: 16) })")
        // The blocks hold the ideographs Unicode names as such there.
        #expect(
            blocks.allSatisfy { block in
                block.allSatisfy {
                    Unicode.Scalar($0).map {
                        $0.properties.isIdeographic || $0.properties.generalCategory == .unassigned
                    } ?? true
                }
            })
    }

    @Test(
        "An issuer's name and a web timestamp are told of a line with white space at its ends as of the line without it (a line with none read as it is, one with some cut): every normalized line, and timestamps"
    )
    func askedOfTheTrimmedLine() throws {
        var lines = try everyInputLine().map { $0.trimmed() }
        lines += ["2023-08-25 10:30", "2021/1/1", "2019/10/12 15:47:20", "中国质量协会", "福建省工业和信息化厅 山东省工业和信息化厅"].map {
            TextLine($0)
        }
        var issuers = 0
        var timestamps = 0
        for line in lines where !line.isEmpty {
            for padded in [
                TextLine(" " + line.text), TextLine(line.text + "\u{3000}"), TextLine("\t" + line.text + " "),
            ] {
                #expect(OrganizationName.isIssuerName(padded) == OrganizationName.isIssuerName(line), "\(padded.text)")
                #expect(SiteFurniture.isTimestamp(padded) == SiteFurniture.isTimestamp(line), "\(padded.text)")
            }
            if OrganizationName.isIssuerName(line) { issuers += 1 }
            if SiteFurniture.isTimestamp(line) { timestamps += 1 }
        }
        #expect(issuers > 20 && timestamps >= 3, "\(issuers) issuers, \(timestamps) timestamps")
    }

    @Test(
        "forEachMember visits the positions whose scalars the set holds, in order, until told to stop; ScalarKinds gives each member's value: every input line, lines across the 64-scalar blocks, scalars past the BMP"
    )
    func membersVisitedAndTheirKinds() throws {
        let sets = [
            ScalarSet(of: "月号《0123456789-./"), ScalarSet(of: "𠀀a中"), ScalarSet.clausePunctuation, ScalarSet(of: ""),
        ]
        var lines = try everyInputLine()
        lines += ["", "月", String(repeating: "中a", count: 100), "𠀀" + String(repeating: "1", count: 130) + "𠀀"].map {
            TextLine($0)
        }
        for set in sets {
            for line in lines {
                let expected = line.scalars.indices.filter { set.contains(line.scalars[$0]) }
                var visited: [Int] = []
                var firstTwo: [Int] = []
                line.scalars.withUnsafeBufferPointer { scalars in
                    set.forEachMember(in: scalars) {
                        visited.append($0)
                        return true
                    }
                    set.forEachMember(in: scalars) {
                        firstTwo.append($0)
                        return firstTwo.count < 2
                    }
                }
                #expect(visited == expected, "\(line.text.prefix(40))")
                #expect(firstTwo == Array(expected.prefix(2)), "\(line.text.prefix(40))")
            }
        }
        // Each member's value, for a set of scattered scalars of the BMP (the value its scalar's own).
        let scattered = ScalarSet(of: "\u{0}\u{3F}\u{40}\u{41}月号《一二三\u{FFFF}\u{7F}")
        let kinds = ScalarKinds(scattered) { $0.value &* 3 &+ 1 }
        #expect(scattered.members.count == 12)
        for member in scattered.members { #expect(kinds[member: member] == member.value &* 3 &+ 1, "\(member)") }
        #expect(scattered.members == scattered.members.sorted { $0.value < $1.value })
    }
}
