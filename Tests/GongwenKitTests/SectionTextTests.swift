import Foundation
import Testing

@testable import GongwenKit

/// A section's text left in its lines (`SectionText`, what `gongwen parse` writes from) against the
/// same text made into a string: the same words read, the same JSON bytes written.
@Suite("Section text written from the lines")
struct SectionTextTests {
    static func lines(_ texts: [String], from firstLine: Int = 1) -> ArraySlice<NormalizedLine> {
        texts.enumerated().map { index, text in
            NormalizedLine(
                line: TextLine(original: text.unicodeScalars, lineNumber: firstLine + index), markdownHeadingLevel: nil,
                lastPhysicalWidth: 0, furniture: nil)
        }[...]
    }

    static func json(_ write: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter(pretty: false)
        write(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test("Every notice and fixture: the record written from its lines is the bytes of the one with its text made")
    func everyNoticeAndFixture() throws {
        let files = JSONWriterTests.inputFiles
        #expect(files.count >= 45, "found \(files.count) files")
        var sections = 0
        for file in files {
            let made = try Gongwen.parse(path: file.path)
            let kept = try Gongwen.recordToWrite(path: file.path)
            for pretty in [true, false] {
                #expect(
                    JSONWriter.bytes(of: kept, pretty: pretty) == JSONWriter.bytes(of: made, pretty: pretty),
                    "\(file.lastPathComponent), pretty: \(pretty)")
            }
            // Read through the property, the words are the same too.
            func texts(_ sections: [SectionRecord]) -> [String] {
                sections.flatMap { [$0.text] + texts($0.children) }
            }
            #expect(texts(kept.sections) == texts(made.sections), "\(file.lastPathComponent)")
            sections += texts(made.sections).count
        }
        #expect(sections > 300, "the notices' outlines hold \(sections) items")
    }

    @Test("A record holding its outline as items encodes, reads and is replaced as one holding records")
    func outlineHeldAsItems() throws {
        // 2021_shandong.txt appends attachments with outlines of their own; 2023_fuzhou_forward.txt embeds notices.
        for file in ["2021_shandong.txt", "2023_fuzhou_forward.txt", "2022_caq.txt"] {
            let made = try Gongwen.parse(path: Corpus.path(file))
            var kept = try Gongwen.recordToWrite(path: Corpus.path(file))
            let encoder = JSONWriterTests.encoder(pretty: false)
            #expect(try encoder.encode(kept) == encoder.encode(made), "\(file)")
            #expect(kept.attachments.map(\.sections.count) == made.attachments.map(\.sections.count))
            #expect(kept.sections.map(\.span) == made.sections.map(\.span))
            // Set, the outline is held as records from then on.
            kept.sections = Array(kept.sections.prefix(1))
            kept.sections[0].text = "改写"
            #expect(kept.sections.count == 1 && kept.sections[0].text == "改写")
            #expect(
                String(decoding: JSONWriter.bytes(of: kept, pretty: false), as: UTF8.self).contains(#""text":"改写""#))
        }
    }

    @Test("A numbered line from its number on, a heading line left out, the paragraphs on lines of their own")
    func numberedHeadedAndPlain() {
        // Lines of 2023_henan.txt: "（一）" numbers the item; as a heading, its line is not its text.
        let item = Self.lines(["（一）遴选方向", "质量标杆是指企业在系统提升产品和服务质量的实践过程", "1.企业贯彻《质量管理 组织的质量实现持续成功指南》国家"])
        #expect(
            SectionText(lines: item, firstLineStart: nil).string
                == "质量标杆是指企业在系统提升产品和服务质量的实践过程\n1.企业贯彻《质量管理 组织的质量实现持续成功指南》国家")
        #expect(SectionText(lines: item, firstLineStart: 3).string.hasPrefix("遴选方向\n质量标杆"))
        #expect(SectionText(lines: item, firstLineStart: 0).string.hasPrefix("（一）遴选方向\n"))
        #expect(SectionText(lines: item.prefix(1), firstLineStart: nil).string == "")
        for start in [nil, 0, 3] {
            let text = SectionText(lines: item, firstLineStart: start)
            #expect(Self.json { text.write(to: &$0) } == Self.json { $0.string(text.string) })
        }
    }

    @Test(
        "The paragraphs, read without an array of them: from a slice that does not begin at 0, with or without its first line, and from no lines"
    )
    func paragraphsOfSlices() {
        // Lines 3–5 of 2023_henan.txt's outline as a slice of a longer item (its indices 1…3), as an
        // item's lines are cut from the notice's.
        let lines = Self.lines(["一、总体要求", "（一）遴选方向", "质量标杆是指企业在系统提升产品和服务质量的实践过程", "1.企业贯彻"])
        let item = lines[1...]
        func paragraphs(_ start: Int?) -> [String] {
            var texts: [String] = []
            SectionText(lines: item, firstLineStart: start).forEachParagraph { texts.append($0.text) }
            return texts
        }
        #expect(paragraphs(nil) == ["质量标杆是指企业在系统提升产品和服务质量的实践过程", "1.企业贯彻"])
        #expect(paragraphs(0) == ["（一）遴选方向", "质量标杆是指企业在系统提升产品和服务质量的实践过程", "1.企业贯彻"])
        #expect(paragraphs(3) == ["遴选方向", "质量标杆是指企业在系统提升产品和服务质量的实践过程", "1.企业贯彻"])
        #expect(paragraphs(7) == ["", "质量标杆是指企业在系统提升产品和服务质量的实践过程", "1.企业贯彻"])
        #expect(SectionText(lines: item, firstLineStart: 3).paragraphs.map(\.text) == paragraphs(3))
        // The JSON, written from the lines' scalars where they stand, is that of the text.
        for start in [nil, 0, 3, 7] {
            let text = SectionText(lines: item, firstLineStart: start)
            #expect(
                Self.json { text.write(to: &$0) } == Self.json { $0.string(text.string) },
                "\(String(describing: start))")
        }
        // A heading alone, and no lines at all: no paragraph.
        for (slice, start) in [(item.prefix(1), nil), (lines[4...], nil), (lines[4...], 0)]
            as [(ArraySlice<NormalizedLine>, Int?)]
        {
            #expect(SectionText(lines: slice, firstLineStart: start).paragraphs.isEmpty)
            #expect(SectionText(lines: slice, firstLineStart: start).string == "")
            #expect(Self.json { SectionText(lines: slice, firstLineStart: start).write(to: &$0) } == #""""#)
        }
    }

    @Test("Hostile lines: control characters, quotes, backslashes, tabs, scalars beyond the BMP, empty lines")
    func hostileLines() {
        var control = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        control.removeAll { $0 == "\n" || $0 == "\r" }  // (a line holds no line break)
        let item = Self.lines([
            "1.\"quoted\" back\\slash /slash/\t\u{7F}\u{2028}", control, "", "𠀀😀 é 中国质协字〔2023〕71号", "",
        ])
        for start in [nil, 0, 2, 5] {
            let text = SectionText(lines: item, firstLineStart: start)
            let written = Self.json { text.write(to: &$0) }
            #expect(written == Self.json { $0.string(text.string) }, "from \(String(describing: start))")
            #expect(
                written.contains(#"\u0000\u0001"#)
                    && written.contains(#"\"quoted\" back\\slash"#) == (start == 0 || start == 2))
        }
        // Nothing at all, and one empty line.
        #expect(Self.json { SectionText(lines: [], firstLineStart: 0).write(to: &$0) } == #""""#)
        #expect(Self.json { SectionText(lines: Self.lines([""]), firstLineStart: 0).write(to: &$0) } == #""""#)
        // A writer reuses its scratch bytes: a long text, then a short one, each written whole.
        let long = SectionText(lines: Self.lines([String(repeating: "质量", count: 5000)]), firstLineStart: 0)
        let short = SectionText(lines: Self.lines(["标杆"]), firstLineStart: 0)
        #expect(
            Self.json {
                long.write(to: &$0)
                short.write(to: &$0)
            }
                == Self.json {
                    $0.string(long.string)
                    $0.string(short.string)
                })
    }

    @Test(
        "A whole notice's lines as one item, and lines of four-byte scalars and escapes, written after other bytes into a writer that grows line by line"
    )
    func writtenWhileTheWriterGrows() throws {
        // Each line is encoded into room made for it as it is read: the writer (64 bytes to begin with)
        // grows many times inside one string, which opens after bytes already written.
        let notice = String(decoding: try Corpus.bytes("2023_henan.txt"), as: UTF8.self)
        // (The first line alone fills the room made for it: four bytes a scalar, none to spare.)
        let widest =
            [String(repeating: "𠀀", count: 1000)]
            + (0..<40).map { n in
                String(repeating: "𠀀", count: n) + (n % 3 == 0 ? "\"\\\u{1}" : "")
                    + String(repeating: "é", count: n % 7)
            }
        for texts in [notice.components(separatedBy: "\n"), widest] {
            let item = Self.lines(texts)
            #expect(item.count >= 40)
            for start in [nil, 0, 2] {
                let text = SectionText(lines: item, firstLineStart: start)
                let written = Self.json {
                    $0.string("前")
                    text.write(to: &$0)
                }
                let expected = Self.json {
                    $0.string("前")
                    $0.string(text.string)
                }
                #expect(written == expected, "from \(String(describing: start))")
            }
        }
    }
}
