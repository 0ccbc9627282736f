import Foundation
import Testing

@testable import GongwenKit

@Suite("Ingest: encodings, formats and refusals")
struct IngestTests {
    @Test(
        "The scalars of valid UTF-8, counted eight bytes at a time, are its scalars: every input, and every cut of a text of one to four bytes a scalar"
    )
    func scalarCount() throws {
        var texts = [
            "", "a", "é", "质", "𠮷", "a\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
            String(repeating: "质量a𠮷é", count: 9),
        ]
        for file in JSONWriterTests.inputFiles {
            texts.append(try Ingest.read(path: file.path).lines.map(\.text).joined(separator: "\n"))
        }
        let mixed = Array(texts[6].unicodeScalars)
        for length in 0...mixed.count { texts.append(String(String.UnicodeScalarView(mixed[0..<length]))) }
        for text in texts {
            let count = Array(text.utf8).withUnsafeBufferPointer { Transcoding.scalarCount(ofValidUTF8: $0) }
            #expect(count == text.unicodeScalars.count, "\(text.prefix(40).debugDescription)")
        }
    }

    @Test("A path ends in an HTML extension as lower-casing the whole path and asking its suffix says")
    func htmlExtension() {
        let paths = [
            "a.html", "a.HTML", "b.Htm", "x.xhtml", "x.XHTML", "y.shtml", "y.SHTML", "html", ".htm", "a.html.txt",
            "文件.HTM",
            "İ.html", "a.htmİ", "", "a.txt", "a.htmL", "目录/页面.Shtml", "a.ht", "a.\u{212A}html", "tm", "a.HTML\u{301}",
            ".html", "a.XhTmL", "a.shtm", "a.xhtm", "ahtml", "ahtm", "a.phtml", "a.html ", "a_htm", "页面html",
            "a.htm\u{0}",
        ]
        for path in paths {
            let lower = path.lowercased()
            let expected = [".html", ".htm", ".xhtml", ".shtml"].contains { lower.hasSuffix($0) }
            #expect(Ingest.hasHTMLExtension(path) == expected, "\(path)")
        }
    }

    @Test("A file list is cut at every newline, as splitting its characters cut it, and each path trimmed")
    func fileList() {
        let lists = [
            "a.txt\nb.txt\n", "a\r\nb\r\n\r\n", "a\rb", "a\u{2028}b\u{2029}c\u{85}d", "a\u{0B}b\u{0C}c",
            "  a.txt  \n\t b \t",
            "\n\n\n", "", "é\u{301}\n\u{301}b", "路径/文件 名.txt\n通知.html", "\r\n\r", "a\u{3000}\n\u{00A0}b",
        ]
        for list in lists {
            let expected = list.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(FileList.paths(in: Array(list.utf8)) == expected, "\(list.debugDescription)")
        }
        #expect(FileList.paths(in: Array("a\r\nb".utf8)) == ["a", "b"])
        // Bytes that are no UTF-8 beside, inside and around the newlines' own bytes: cut as the repaired text's
        // scalars are (each broken piece one U+FFFD) at the scalars `Character.isNewline` is true of, as the list was
        // cut before it was read as bytes.
        func isNewline(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
            default: return false
            }
        }
        let broken: [[UInt8]] = [
            [0x61, 0xC2, 0x0A, 0x62], [0x61, 0xC2], [0xC2, 0x85], [0xC2, 0xC2, 0x85, 0x62], [0x61, 0xE2, 0x80],
            [0x61, 0xE2, 0x80, 0xA8, 0x62], [0xE2, 0xE2, 0x80, 0xA9], [0xE2, 0x80, 0xE2, 0x80, 0xA8, 0x63],
            [0xF0, 0xE2, 0x80, 0xA8, 0x64], [0x80, 0x85, 0x0D, 0x0A, 0xA8], [0xE2, 0x80, 0xAA, 0x0B],
            [0xFF, 0x0C, 0xFE],
            [0xF0, 0x9F, 0x98, 0x80, 0x0A, 0xED, 0xA0, 0x80], [0x20, 0xC2, 0xA0, 0x61, 0xE3, 0x80, 0x80, 0x0A],
        ]
        for bytes in broken {
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = text.unicodeScalars.split(whereSeparator: isNewline)
                .map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(FileList.paths(in: bytes) == expected, "\(bytes)")
        }
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256Vectors() {
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Padding edges: 55 bytes fit one block, 56 need two, 64 fill one exactly.
        #expect(
            SHA256.hex(of: [UInt8](repeating: 0x61, count: 55))
                == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(
            SHA256.hex(of: [UInt8](repeating: 0x61, count: 56))
                == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(
            SHA256.hex(of: [UInt8](repeating: 0x61, count: 64))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        // One million 'a' (a multi-block message).
        #expect(
            SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("ICU's conversions answer in Swift values: the text, the offset of a bad byte, or a failure")
    func icuConversions() {
        // 通知 in GBK, then with a lone lead byte at offset 4.
        let gbk: [UInt8] = [0xCD, 0xA8, 0xD6, 0xAA]
        func decode(_ bytes: [UInt8], _ charset: String) -> ICU.Conversion<String> {
            bytes.withUnsafeBufferPointer {
                ICU.utf16(decoding: $0, from: charset) { String(decoding: $0, as: UTF16.self) }
            }
        }
        guard case .converted("通知") = decode(gbk, "GBK") else {
            Issue.record("GBK not decoded")
            return
        }
        guard case .invalidInput(offset: 4) = decode(gbk + [0x81, 0x0A], "GBK") else {
            Issue.record("the bad byte's offset not given")
            return
        }
        guard case .failed = decode(gbk, "no-such-charset") else {
            Issue.record("an unknown charset not refused")
            return
        }
        guard case .converted(gbk) = ICU.bytes(encoding: Array("通知".utf16), to: "GBK") else {
            Issue.record("GBK not encoded")
            return
        }
        guard case .invalidInput(offset: 1) = ICU.bytes(encoding: Array("通😀".utf16), to: "GBK") else {
            Issue.record("an unmappable character not refused at its offset")
            return
        }
        #expect(ICU.isNFC(Array("通知".utf16)) && !ICU.isNFC(Array("e\u{301}".utf16)))
        #expect(ICU.nfc(Array("e\u{301}".utf16)) == Array("\u{E9}".utf16))
        #expect(ICU.foldScript(Array("關於".utf16), toSimplified: true) == Array("关于".utf16))
        #expect(ICU.isWide("通") && !ICU.isWide("a"))
        #expect(ICU.charsetGuesses(Array(repeating: gbk, count: 50).flatMap { $0 }).contains { $0.name == "GB18030" })
    }

    @Test("Valid UTF-8 is decoded by its lead bytes as the standard library decodes it: every length, every edge")
    func validUTF8() throws {
        var texts = try Corpus.files.map { try Corpus.text($0) }
        // Web pages in UTF-8: markup, ASCII between tags, Chinese within them.
        for page in [
            "2020_caq_table.html", "2021_shandong_br.html", "2022_caq_fullpage.html", "2023_fuzhou_links.html",
        ] {
            texts.append(try String(contentsOfFile: try Fixtures.path(page), encoding: .utf8))
        }
        // The edges of each sequence length, and the scalars next to the surrogates.
        texts.append(
            String(
                String.UnicodeScalarView(
                    [0x0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x2_0000, 0x10_FFFF]
                        .compactMap(Unicode.Scalar.init))))
        texts.append("")
        texts.append("通知 a\té🀄\r\n")
        for text in texts {
            let bytes = Array(text.utf8)
            let scan = UTF8Validation.scan(bytes[...])
            #expect(scan.firstInvalidOffset == nil)
            #expect(scan.scalars == text.unicodeScalars.count)
            #expect(Transcoding.scalars(ofValidUTF8: bytes[...]) == Array(text.unicodeScalars))
            checkDecoding(bytes)
        }
        // Bytes that were not validated (a cut sequence, a surrogate's encoding) end the text; they never trap.
        #expect(Transcoding.scalars(ofValidUTF8: [0x41, 0xE9, 0x80]) == ["A"])
        #expect(Transcoding.scalars(ofValidUTF8: [0x41, 0xED, 0xA0, 0x80, 0x42]) == ["A"])
        #expect(Transcoding.scalars(ofValidUTF8: [0x41, 0xF4, 0x90, 0x80, 0x80]) == ["A"], "past U+10FFFF")
        #expect(Transcoding.scalars(ofValidUTF8: [0x41, 0xC3]) == ["A"], "a cut two-byte sequence")
        #expect(Transcoding.scalars(ofValidUTF8: [0x41, 0xF0, 0x9F, 0x80]) == ["A"], "a cut four-byte one")
        #expect(Transcoding.scalars(ofValidUTF8: [0x80, 0x80]) == [], "continuation bytes only")
        #expect(
            Transcoding.scalars(ofValidUTF8: [0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80]) == [
                "\u{D7FF}", "\u{E000}",
            ])
    }

    @Test(
        "A parser's UTF-8 is appended as the standard library decodes it, ill-formed sequences as U+FFFD, after what is there"
    )
    func appendedUTF8() throws {
        var inputs = try Corpus.files.map { Array(try Corpus.text($0).utf8) }
        inputs.append(Array("通知 a\té🀄\r\n\u{1}".utf8))
        inputs.append([])
        // Ill-formed: a cut sequence, a surrogate's encoding, past U+10FFFF, an overlong form, a stray continuation
        // byte, each in the middle of Chinese text and at its end.
        let text = Array("关于开展".utf8)
        for bad: [UInt8] in [
            [0xE9, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80], [0xC3],
        ] {
            inputs.append(text + bad + text)
            inputs.append(text + bad)
            inputs.append(bad)
        }
        for bytes in inputs {
            var scalars: [Unicode.Scalar] = ["前"]
            bytes.withUnsafeBufferPointer { Transcoding.append(utf8: $0, to: &scalars) }
            #expect(
                scalars == ["前"] + Array(String(decoding: bytes, as: UTF8.self).unicodeScalars), "\(bytes.prefix(12))")
        }
    }

    @Test("Lines are cut at LF, CRLF and CR; a BOM is dropped only where it opens the text")
    func lineBreaks() {
        func lines(_ text: String) -> [String] {
            SourceLines(Array(text.unicodeScalars)).map { String(scalars: $0) }
        }
        #expect(lines("一、总体要求\n（一）\r\n\r\n联系人：张三\r电话") == ["一、总体要求", "（一）", "", "联系人：张三", "电话"])
        #expect(lines("附件\n") == ["附件"], "a final line break ends the last line; it opens none")
        #expect(lines("附件\n\n") == ["附件", ""])
        #expect(lines("\r\n\r") == ["", ""])
        #expect(lines("\u{FEFF}通知\u{FEFF}") == ["通知\u{FEFF}"], "a BOM inside the text is a character of it")
        #expect(lines("\u{FEFF}").isEmpty && lines("").isEmpty)
        #expect(lines("\u{FEFF}\n通知") == ["", "通知"])
    }

    @Test("Valid UTF-8 is cut into lines from its bytes as the decoded text is cut: breaks, scalars, columns")
    func linesFromUTF8Bytes() throws {
        // What `SourceLines` and `TextLine(original:)` make of the text decoded whole.
        func decodedWhole(_ text: String) -> [TextLine] {
            SourceLines(Array(text.unicodeScalars)).enumerated().map { TextLine(original: $1, lineNumber: $0 + 1) }
        }
        func fromBytes(_ text: String) -> [TextLine]? { SourceLines.textLines(ofUTF8: Array(text.utf8)[...]) }
        let texts = [
            "一、总体要求\n（一）\r\n\r\n联系人：张三\r电话", "附件\n", "附件\n\n", "\r\n\r", "\r", "\n", "",
            "通知\u{FEFF}\n\u{FEFF}", "  \t\u{3000}\n\u{A0}", "𠀀😀\r\né\u{301}\r\r\n中国质协字〔2023〕71号\r",
            try Corpus.text("2020_caq.txt"), try Corpus.text("2023_fuzhou_forward.txt"),
        ]
        // The count the lines' array is made at (counted apart from the cut when no CR is in the text).
        func counted(_ text: String) -> Int {
            Array(text.utf8).withUnsafeBufferPointer { SourceLines.lineCount(ofUTF8: $0).count }
        }
        for text in texts {
            let expected = decodedWhole(text)
            let lines = try #require(fromBytes(text))
            #expect(lines == expected, "\(text.prefix(20).debugDescription)")
            #expect(lines.map(\.span) == expected.map(\.span))
            #expect(counted(text) == expected.count, "\(text.prefix(20).debugDescription)")
        }
        // Every way to end a line, in every order, around one- to four-byte scalars.
        let pieces = ["a", "é", "中", "😀", "\n", "\r", "\r\n", " "]
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    #expect(fromBytes(a + b + c) == decodedWhole(a + b + c))
                    #expect(counted(a + b + c) == decodedWhole(a + b + c).count)
                }
            }
        }
    }

    @Test(
        "UTF-8 lines are decoded a chunk at a time into one array: the same lines, a chunk's lines sharing it; a text past the chunked size a line an array; a bad byte in a later chunk refused"
    )
    func linesDecodedInChunks() throws {
        func decodedWhole(_ text: String) -> [TextLine] {
            SourceLines(Array(text.unicodeScalars)).enumerated().map { TextLine(original: $1, lineNumber: $0 + 1) }
        }
        func fromBytes(_ bytes: [UInt8]) -> [TextLine]? { SourceLines.textLines(ofUTF8: bytes[...]) }
        /// How many arrays the lines' scalars lie in: a line that starts where the one before it ends, in
        /// the same array, shares it.
        func arrays(_ lines: [TextLine]) -> Int {
            var count = 0
            var previousEnd: UnsafePointer<Unicode.Scalar>?
            for line in lines {
                line.scalars.withUnsafeBufferPointer { scalars in
                    if scalars.baseAddress == nil || scalars.baseAddress != previousEnd { count += 1 }
                    previousEnd = scalars.baseAddress.map { $0 + scalars.count }
                }
            }
            return count
        }
        let notice = try Corpus.text("2020_caq.txt")
        #expect(notice.utf8.count < SourceLines.chunkBytes)
        let one = try #require(fromBytes(Array(notice.utf8)))
        #expect(one == decodedWhole(notice))
        #expect(one.count > 50 && arrays(one) == 1)

        // Several chunks: the lines as decoded whole, in about as many arrays as chunks.
        let several = String(repeating: notice + "\n", count: 8)
        let lines = try #require(fromBytes(Array(several.utf8)))
        #expect(lines == decodedWhole(several))
        #expect(lines.map(\.span) == decodedWhole(several).map(\.span))
        let chunks = (several.utf8.count + SourceLines.chunkBytes - 1) / SourceLines.chunkBytes
        #expect((chunks...(2 * chunks + 1)).contains(arrays(lines)), "\(arrays(lines)) arrays for \(chunks) chunks")
        // A line longer than a chunk is a chunk of its own.
        let long = String(repeating: "质量", count: SourceLines.chunkBytes) + "\n" + notice
        #expect(fromBytes(Array(long.utf8)) == decodedWhole(long))

        // Past the chunked size, each line in an array of its own size.
        let huge = String(repeating: notice + "\n", count: SourceLines.largestChunkedText / notice.utf8.count + 1)
        #expect(huge.utf8.count > SourceLines.largestChunkedText)
        let hugeLines = try #require(fromBytes(Array(huge.utf8)))
        #expect(hugeLines == decodedWhole(huge))
        let written = hugeLines.filter { !$0.isEmpty }
        #expect(arrays(written) == written.count)

        // A byte no text holds, or a broken one, in the last chunk: no lines.
        for bad: [UInt8] in [[0xFF], [0x00], [0xE4, 0xB8]] {
            #expect(fromBytes(Array(several.utf8) + bad + Array("\n通知".utf8)) == nil)
            #expect(fromBytes(Array(huge.utf8) + bad) == nil)
        }
    }

    /// Byte strings made of valid sequences of every length and of what breaks them (cut sequences, lone
    /// continuation bytes, overlongs, surrogates, values past U+10FFFF, bytes no text holds), seeded.
    @Test(
        "The UTF-8 scan agrees with the standard library on validity and with firstControlByte on control bytes; the lines validated as they are decoded are nil exactly when it refuses the bytes"
    )
    func utf8ScanOnHostileBytes() {
        let pieces: [[UInt8]] = [
            [0x41], [0x0A], [0x0D], [0x09], [0x1B], [0x00], [0x08], [0x7F], [0xC3, 0xA9], [0xE4, 0xB8, 0xAD],
            [0xEF, 0xBC, 0x9A], [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xF0, 0x9F, 0x98, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xE4, 0xB8], [0xE4], [0xB8], [0xBF, 0xBF], [0xC0, 0x80], [0xC1, 0xBF],
            [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE4, 0x41, 0xAD], [0xE4, 0xB8, 0x0A],
            // The least and the greatest of each length, and a lead byte that no UTF-8 holds.
            [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF8, 0x88],
        ]
        var generator = NoLineLostTests.SeededGenerator(state: 9_704_2012)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                bytes += pieces.randomElement(using: &generator)!
            }
            checkDecoding(bytes)
        }
    }

    /// Chinese characters are decoded four at a time (twelve bytes, with sixteen to read): a broken or
    /// refused sequence put at every byte of a real line, so that it falls on each place of such a block
    /// and of the ASCII runs, is found where the byte-at-a-time reading finds it.
    @Test(
        "UTF-8 decoded in blocks: a break anywhere in a real line stops it where the standard library's decoding does")
    func utf8BlocksWithABreak() {
        let line = Array("关于开展2023年全国质量标杆遴选活动的通知，现将有关事项通知如下：http://www.caq.org.cn 联系人".utf8)
        let breaks: [[UInt8]] = [
            [0xED, 0xA0, 0x80], [0xE0, 0x9F, 0xBF], [0xE4, 0x41, 0xAD], [0xE4, 0xB8], [0xB8], [0xFF], [0x00], [0x7F],
            [0xE4, 0xB8, 0x0A], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            // Valid ones, which must not stop it: a four-byte and a two-byte scalar, the last three-byte one.
            [0xF0, 0x9F, 0x98, 0x80], [0xC3, 0xA9], [0xEF, 0xBF, 0xBF], [0xED, 0x9F, 0xBF],
        ]
        for position in 0...line.count {
            for piece in breaks { checkDecoding(Array(line[..<position]) + piece + line[position...]) }
        }
        checkDecoding(line + line)
    }

    /// The scan, the decoding without validation and the validated lines of `bytes`, each held to the
    /// standard library's decoding.
    private func checkDecoding(_ bytes: [UInt8]) {
        let scan = UTF8Validation.scan(bytes[...])
        let valid = String(validating: bytes, as: UTF8.self)
        #expect((scan.firstInvalidOffset == nil) == (valid != nil), "\(bytes)")
        if let valid { #expect(scan.scalars == valid.unicodeScalars.count, "\(bytes)") }
        #expect(scan.firstControlOffset == EncodingDetection.firstControlByte(bytes[...]), "\(bytes)")
        // Its counts, whichever way it read the bytes (text as the decoder reads it; other bytes one by one): every
        // ASCII byte, and for valid bytes each longer sequence.
        #expect(scan.asciiBytes == bytes.count { $0 < 0x80 }, "\(bytes)")
        if let valid {
            #expect(scan.validMultibyteSequences == valid.unicodeScalars.count - scan.asciiBytes, "\(bytes)")
        }
        // Decoded without validation (control bytes let through), the bytes give the scalars of their
        // valid part: all of them, or those before the first invalid sequence.
        let validPart = bytes[..<(scan.firstInvalidOffset ?? bytes.count)]
        #expect(
            Transcoding.scalars(ofValidUTF8: bytes[...])
                == Array(String(validating: validPart, as: UTF8.self)!.unicodeScalars), "\(bytes)")
        // A text file's lines, validated as they are decoded: none unless the scan passes every byte,
        // and then the lines of the text the standard library decodes.
        let lines = SourceLines.textLines(ofUTF8: bytes[...])
        #expect((lines == nil) == (scan.firstInvalidOffset != nil || scan.firstControlOffset != nil), "\(bytes)")
        if let lines, let valid {
            let expected = SourceLines(Array(valid.unicodeScalars)).enumerated().map {
                TextLine(original: $1, lineNumber: $0 + 1)
            }
            #expect(lines == expected && lines.map(\.span) == expected.map(\.span), "\(bytes)")
        }
    }

    @Test("Input of white space only in valid UTF-8 is refused as blank; one visible character anywhere is enough")
    func blankUTF8() throws {
        for blank in ["\u{A0}\u{3000}\r\n\u{2009}", "\u{FEFF}\u{FEFF}\n", "\t\u{B}\u{C}"] {
            #expect(throws: IngestError.blank(path: "blank.txt")) {
                try Gongwen.parse(bytes: Array(blank.utf8), path: "blank.txt")
            }
        }
        #expect(Ingest.containsVisible(validUTF8: Array("\u{3000}\n \u{A0}通".utf8)))
        #expect(!Ingest.containsVisible(validUTF8: Array("\u{3000}\n \u{A0}".utf8)))
        #expect(try Gongwen.normalize(bytes: Array("\u{3000}\n\n \u{A0}通知".utf8), path: "a.txt").lines.count == 1)
    }

    @Test("An HTML page in UTF-8, with a BOM, in UTF-16 and in GBK gives the same record, spans and all")
    func htmlEncodings() throws {
        let page = """
            <html><head><meta charset="ENCODING"><title>通知</title></head><body>
            <div class="content"><h2>关于开展2023年质量标杆活动的通知</h2>
            <p>各有关单位：</p><p>请于2023年6月30日前&nbsp;报送材料。联系人：王强，电话：010-68051234</p>
            </div></body></html>
            """
        func record(_ bytes: [UInt8]) throws -> String {
            var record = try Gongwen.parse(bytes: bytes, path: "page.html")
            record.source = SourceInfo(path: "", format: .html, encoding: "", sha256: "")
            return try Gongwen.json(record, pretty: false)
        }
        let utf8 = try record(Array(page.replacingOccurrences(of: "ENCODING", with: "utf-8").utf8))
        #expect(utf8.contains("\"deadlines\":[{") && utf8.contains("010-68051234"))
        let bom = try record([0xEF, 0xBB, 0xBF] + Array(page.replacingOccurrences(of: "ENCODING", with: "utf-8").utf8))
        let utf16 = try record(
            [0xFF, 0xFE]
                + page.replacingOccurrences(of: "ENCODING", with: "utf-16").utf16.flatMap {
                    [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)]
                })
        let gbk = try record(try Transcoding.encode(page.replacingOccurrences(of: "ENCODING", with: "gbk"), as: "GBK"))
        // The charset's name is one character shorter in two of them: columns after it on its line move.
        #expect(bom == utf8)
        let utf16AsUTF8 = try record(Array(page.replacingOccurrences(of: "ENCODING", with: "utf-16").utf8))
        let gbkAsUTF8 = try record(Array(page.replacingOccurrences(of: "ENCODING", with: "gbk").utf8))
        #expect(utf16 == utf16AsUTF8)
        #expect(gbk == gbkAsUTF8)
    }

    @Test("source.sha256 is the digest of the input bytes, as sha256sum computes it")
    func sha256OfNotice() throws {
        let record = try Corpus.record("2022_caq.txt")
        let (status, output) = try runProcess("/usr/bin/env", ["sha256sum", Corpus.path("2022_caq.txt")])
        #expect(status == 0)
        #expect(output.hasPrefix(record.source.sha256 + " "))
    }

    @Test("UTF-8 without and with a BOM, UTF-16 LE and BE with a BOM, all give the same record")
    func unicodeEncodings() throws {
        let text = try Corpus.text("2023_fuzhou_forward.txt")
        let plain = try Gongwen.parse(bytes: Array(text.utf8), path: "x.txt")
        #expect(plain.source.encoding == "UTF-8")
        let variants: [(String, [UInt8])] = [
            ("UTF-8", [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
            ("UTF-16LE", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("UTF-16BE", [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
        ]
        for (encoding, bytes) in variants {
            let record = try Gongwen.parse(bytes: bytes, path: "x.txt")
            #expect(record.source.encoding == encoding)
            #expect(try sameRecord(record, plain), "\(encoding) differs from UTF-8")
        }
    }

    @Test("A GBK-encoded copy of a notice is detected by ICU and gives the same record")
    func gbkCopy() throws {
        for file in ["2023_henan.txt", "2021_shandong.txt"] {
            let text = try Corpus.text(file)
            let gbk = try Transcoding.encode(text, as: "GBK")
            #expect(gbk.count < Array(text.utf8).count, "GBK takes two bytes a Han character, UTF-8 three")
            let record = try Gongwen.parse(bytes: gbk, path: file)
            #expect(record.source.encoding == "GB18030")
            #expect(try sameRecord(record, try Corpus.record(file)))
        }
    }

    @Test("An HTML page declaring gb2312 in its meta tag is read in that charset")
    func declaredCharset() throws {
        let html =
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>关于开展2023年全国质量标杆活动的通知</p><p>各推荐单位：</p><p>一、典型经验遴选</p></body></html>"
        let record = try Gongwen.parse(bytes: try Transcoding.encode(html, as: "GBK"), path: "page.html")
        #expect(record.source.format == .html)
        #expect(record.source.encoding == "GB18030")
        #expect(record.title == "关于开展2023年全国质量标杆活动的通知")
        #expect(record.addressees == ["各推荐单位"])
    }

    @Test(
        "The declared charset is what searching the lower-cased head of the page as a string finds: fixtures and edges")
    func declaredCharsetAsSearched() throws {
        // The reading as it was written first, the reference: the first 4 KiB with bytes past ASCII made spaces, as a
        // lower-cased string, searched for "charset=".
        func searched(_ bytes: [UInt8]) -> String? {
            let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
            guard let range = head.range(of: "charset=") else { return nil }
            let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            return name.isEmpty ? nil : String(name)
        }
        var pages = try JSONWriterTests.inputFiles.filter { $0.pathExtension == "html" }.map {
            Array(try Data(contentsOf: $0))
        }
        #expect(pages.count >= 5)
        let heads = [
            "<meta charset=\"UTF-8\">", "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; CHARSET=GB2312\">",
            "<meta charset=' \"big5-hkscs'>", "<meta charset = utf-8>", "<meta charset=>", "<meta charset=\t gbk>",
            "<meta charset=x_mac-chinesesimp;>", "charset=", "charse", "", "<meta charset=\u{3000}gbk>",
            "CharSet=Shift_JIS\r\n",
            "<meta charset=gb2312\u{4E2D}>", "<p>通知 charset=euc-kr</p>",
        ]
        pages += heads.map { Array($0.utf8) }
        // A declaration cut by the end of the 4 KiB read, and one just inside it.
        for padding in 4_080...4_092 {
            pages.append(Array(repeating: UInt8(ascii: " "), count: padding) + Array("charset=gbk".utf8))
        }
        pages.append(Array(repeating: 0xE4, count: 4_085) + Array("charset=gbk".utf8))
        for page in pages {
            #expect(
                Ingest.declaredCharset(page) == searched(page), "\(String(decoding: page.prefix(80), as: UTF8.self))")
        }
        // Read by hand.
        #expect(Ingest.declaredCharset(Array(heads[1].utf8)) == "gb2312")
        #expect(Ingest.declaredCharset(Array(heads[2].utf8)) == "big5-hkscs")
        #expect(Ingest.declaredCharset(Array(heads[3].utf8)) == nil, "a space before the equals sign is no declaration")
    }

    @Test("An empty input is refused, naming the file")
    func empty() {
        #expect(throws: IngestError.empty(path: "empty.txt")) { try Gongwen.parse(bytes: [], path: "empty.txt") }
        #expect(IngestError.empty(path: "empty.txt").description.contains("empty.txt"))
    }

    @Test("An input of white space only is refused, not parsed into an empty record")
    func whitespaceOnly() {
        let bytes = Array(" \n\t\r\n\u{3000}\u{3000}\n   ".utf8)
        #expect(throws: IngestError.blank(path: "blank.txt")) { try Gongwen.parse(bytes: bytes, path: "blank.txt") }
    }

    @Test("Binary bytes are refused with the offset of the first control byte")
    func binary() {
        // A PNG header without its signature's first byte: no known format, so the first control byte.
        let unknown: [UInt8] = [0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        #expect(throws: IngestError.binary(path: "image.bin", byteOffset: 5, byte: 0x1A)) {
            try Gongwen.parse(bytes: unknown, path: "image.bin")
        }
        let message = IngestError.binary(path: "image.bin", byteOffset: 5, byte: 0x1A).description
        #expect(message.contains("image.bin") && message.contains("offset 5") && message.contains("0x1A"))
        let withNul = Array("关于开展".utf8) + [0x00] + Array("通知".utf8)
        #expect(throws: IngestError.binary(path: "x", byteOffset: 12, byte: 0)) {
            try Gongwen.parse(bytes: withNul, path: "x")
        }
        // A control byte is named before broken UTF-8 that stands ahead of it, and wherever it stands:
        // past the first 64 KiB too, and in a page.
        let brokenThenNul = Array("关于".utf8) + [0xFF] + Array("开展".utf8) + [0x01]
        #expect(throws: IngestError.binary(path: "x", byteOffset: 13, byte: 0x01)) {
            try Gongwen.parse(bytes: brokenThenNul, path: "x")
        }
        let farNul = Array(String(repeating: "关于开展质量标杆活动的通知\n", count: 3_000).utf8) + [0x7F]
        #expect(farNul.count > 64 << 10)
        #expect(throws: IngestError.binary(path: "x", byteOffset: farNul.count - 1, byte: 0x7F)) {
            try Gongwen.parse(bytes: farNul, path: "x")
        }
        #expect(throws: IngestError.binary(path: "x.html", byteOffset: 18, byte: 0x08)) {
            try Gongwen.parse(bytes: Array("<html><body>通知".utf8) + [0x08], path: "x.html")
        }
        // After a UTF-8 byte order mark too (it was read past: the byte scan runs only on input without
        // one), at its offset in the input, the mark's three bytes counted; in a text and in a page.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(throws: IngestError.binary(path: "x", byteOffset: 9, byte: 0x01)) {
            try Gongwen.parse(bytes: bom + Array("关于".utf8) + [0x01] + Array("通知".utf8), path: "x")
        }
        #expect(throws: IngestError.binary(path: "x", byteOffset: 10, byte: 0x7F)) {
            try Gongwen.parse(bytes: bom + Array("é𠀀a".utf8) + [0x7F], path: "x")
        }
        #expect(throws: IngestError.binary(path: "x.html", byteOffset: 21, byte: 0x08)) {
            try Gongwen.parse(bytes: bom + Array("<html><body>通知".utf8) + [0x08], path: "x.html")
        }
        // A mark alone refuses nothing a text holds: tab, line breaks, form feed, escape.
        #expect(throws: Never.self) {
            try Gongwen.parse(
                bytes: bom + Array("关于开展\t质量标杆活动的通知\r\n\u{C}\u{1B}请于6月30日前报送".utf8), path: "x")
        }
    }

    @Test("Invalid UTF-8 in a UTF-8 notice is refused with its byte offset, not read as GBK")
    func invalidUTF8() throws {
        let original = try Corpus.bytes("2022_caq.txt")
        // At a character boundary, the stray byte itself is reported.
        var boundary = 400
        while original[boundary] & 0xC0 == 0x80 { boundary += 1 }
        var bytes = original
        bytes.insert(0xFF, at: boundary)
        #expect(throws: IngestError.invalidEncoding(path: "broken.txt", encoding: "UTF-8", byteOffset: boundary)) {
            try Gongwen.parse(bytes: bytes, path: "broken.txt")
        }
        // Inside a character, the character it breaks is reported (as Python's decoder does).
        bytes = original
        bytes.insert(0xFF, at: boundary + 1)
        #expect(throws: IngestError.invalidEncoding(path: "broken.txt", encoding: "UTF-8", byteOffset: boundary)) {
            try Gongwen.parse(bytes: bytes, path: "broken.txt")
        }
        // Truncated in the middle of a three-byte character at the very end.
        let truncated = Array(try Corpus.bytes("2022_caq.txt").dropLast(2))
        let last = truncated.count - 1
        #expect(throws: IngestError.invalidEncoding(path: "cut.txt", encoding: "UTF-8", byteOffset: last)) {
            try Gongwen.parse(bytes: truncated, path: "cut.txt")
        }
    }

    @Test("A few words of GBK are still GBK, and a few words of UTF-8 with a broken byte are broken UTF-8")
    func shortInputs() throws {
        let gbk = try Gongwen.parse(bytes: try Transcoding.encode("关于开展通知", as: "GBK"), path: "short.txt")
        #expect(gbk.source.encoding == "GB18030")
        #expect(gbk.title == "关于开展通知")
        let broken = Array("关于开展".utf8) + [0xC3, 0x28] + Array("通知".utf8)
        #expect(throws: IngestError.invalidEncoding(path: "short.txt", encoding: "UTF-8", byteOffset: 12)) {
            try Gongwen.parse(bytes: broken, path: "short.txt")
        }
    }

    @Test("GBK bytes that break mid-character are refused with the offset ICU reports")
    func invalidGBK() throws {
        var bytes = try Transcoding.encode(try Corpus.text("2023_henan.txt"), as: "GBK")
        bytes.append(0x81)  // a lead byte with nothing after it
        let offset = bytes.count - 1
        #expect(throws: IngestError.invalidEncoding(path: "cut.txt", encoding: "GB18030", byteOffset: offset)) {
            try Gongwen.parse(bytes: bytes, path: "cut.txt")
        }
    }

    @Test("A file that does not exist, or a directory, is refused with a clear message")
    func unreadable() {
        #expect(throws: IngestError.unreadable(path: "/nonexistent/notice.txt", reason: "no such file")) {
            try Gongwen.parse(path: "/nonexistent/notice.txt")
        }
        #expect(throws: IngestError.unreadable(path: Corpus.noticesDirectory.path, reason: "it is a directory")) {
            try Gongwen.parse(path: Corpus.noticesDirectory.path)
        }
    }

    @Test(
        "HTML is told by its first tag, in any case, after any white space (a CR LF line included), ASCII only; other text is text"
    )
    func sniffedFormat() {
        for html in [
            "<!DOCTYPE html><html>", "<html>", "  \n<HEAD>", "\r\n<html lang=\"zh\">", "\r\n\r\n\t<Body>",
            "<meta charset=\"utf-8\">",
            "<!-- saved from url -->",
            // Bytes beyond ASCII are passed over (a BOM, a full-width space), whatever they are.
            "\u{FEFF}<html>", "\u{3000}<html>", "<ht中ml>", "关于<html>",
        ] {
            #expect(Ingest.sniffFormat(Array(html.utf8), path: "notice.txt") == .html, "\(html.debugDescription)")
        }
        for text in ["关于开展x<html>的通知", "x<html>", "<htm", "", "<!doctype xml>", "\u{B}<html>"] {
            #expect(Ingest.sniffFormat(Array(text.utf8), path: "notice.txt") == .text, "\(text.debugDescription)")
        }
        #expect(Ingest.sniffFormat(Array("关于".utf8), path: "page.SHTML") == .html)
        // Only the first 512 bytes are read.
        #expect(Ingest.sniffFormat(Array((String(repeating: " ", count: 512) + "<html>").utf8), path: "a.txt") == .text)
        #expect(Ingest.sniffFormat(Array((String(repeating: " ", count: 507) + "<html>").utf8), path: "a.txt") == .html)
        #expect(Ingest.sniffFormat(Array((String(repeating: " ", count: 508) + "<html>").utf8), path: "a.txt") == .text)
        // The longest opening whole, and white space inside it not passed over.
        #expect(Ingest.sniffFormat(Array("\n<!DOCTYPE HTML PUBLIC>".utf8), path: "a.txt") == .html)
        #expect(Ingest.sniffFormat(Array("<!doctype  html>".utf8), path: "a.txt") == .text)
        // A head whose first byte is no "<" is text at once: what every opening begins with.
        #expect(Ingest.htmlOpenings.allSatisfy { $0.hasPrefix("<") })
    }

    @Test("Byte order marks: each of the five, the longer before the shorter it begins with, and none in other bytes")
    func byteOrderMarks() {
        let cases: [([UInt8], String?, Int)] = [
            ([0xEF, 0xBB, 0xBF, 0x41], "UTF-8", 3), ([0xFF, 0xFE, 0x00, 0x00, 0x41, 0, 0, 0], "UTF-32LE", 4),
            ([0x00, 0x00, 0xFE, 0xFF, 0, 0, 0, 0x41], "UTF-32BE", 4), ([0xFF, 0xFE, 0x41, 0x00], "UTF-16LE", 2),
            ([0xFE, 0xFF, 0x00, 0x41], "UTF-16BE", 2), ([0xFF, 0xFE], "UTF-16LE", 2),
            // Their first bytes without the rest, other bytes, and none.
            ([0xEF, 0xBB], nil, 0), ([0xFF, 0xFF], nil, 0), ([0x00, 0x41], nil, 0), ([0xFE], nil, 0),
            (Array("关于".utf8), nil, 0), (Array("<html>".utf8), nil, 0), ([], nil, 0),
        ]
        for (bytes, name, length) in cases {
            let found = EncodingDetection.byteOrderMark(bytes)
            #expect(found?.name == name && (found?.bomLength ?? 0) == length, "\(bytes)")
        }
        // Every mark of the table is found (its first byte one the first test lets through).
        for entry in EncodingDetection.byteOrderMarks {
            #expect(EncodingDetection.byteOrderMark(entry.mark + [0x41])?.name == entry.name, "\(entry.name)")
        }
    }

    @Test("HTML: blocks and <br> become lines, table cells tabs, scripts and styles vanish")
    func htmlBlocks() throws {
        let html = """
            <html><head><title>站点</title><style>p{color:red}</style></head><body>
            <script>var x = "不是正文";</script>
            <div class="nav"><a href="/">首页</a></div>
            <p>关于开展2023年全国质量标杆活动的通知</p>
            <p>各推荐单位：</p>
            <p>联系人：韩铁<br>电话：(010) 68416386</p>
            <table><tr><td>序号</td><td>单位名称</td></tr><tr><td>1</td><td>北京市经济和信息化局</td></tr></table>
            </body></html>
            """
        let document = try Ingest.ingest(bytes: Array(html.utf8), path: "page.html")
        let texts = document.lines.map(\.text)
        #expect(texts.contains("联系人：韩铁"))
        #expect(texts.contains("电话：(010) 68416386"))
        #expect(texts.contains("1\t北京市经济和信息化局"))
        #expect(!texts.contains { $0.contains("不是正文") || $0.contains("color") })
        // Spans point into the HTML source: "各推荐单位：" stands on line 5, after "<p>".
        let line = try #require(document.lines.first { $0.text == "各推荐单位：" })
        #expect(line.origins.first == SourcePoint(line: 5, column: 4))
    }
}

/// Two records are the same but for their source (path, encoding, digest).
func sameRecord(_ a: NoticeRecord, _ b: NoticeRecord) throws -> Bool {
    var a = a
    var b = b
    let source = b.source
    func setSources(_ record: inout NoticeRecord) {
        record.source = source
        for i in record.embedded.indices { setSources(&record.embedded[i]) }
    }
    setSources(&a)
    setSources(&b)
    return try Gongwen.json(a, pretty: false) == Gongwen.json(b, pretty: false)
}

@Suite("Reading an input's bytes")
struct InputReaderTests {
    /// Files of every size around the read's bounds (a chunk, the head that is checked first), made of a
    /// real notice's text repeated; each read back whole.
    @Test("A regular file is read whole at every size around a chunk, whether or not its end takes a read of its own")
    func sizes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let notice = try Corpus.bytes("2023_henan.txt")
        let chunk = InputReader.chunkSize
        for size in [
            0, 1, notice.count, InputReader.headSize - 1, InputReader.headSize, chunk - 1, chunk, chunk + 1,
            2 * chunk + 3,
        ] {
            var bytes: [UInt8] = []
            while bytes.count < size { bytes += notice }
            bytes = Array(bytes.prefix(size))
            let file = folder.appendingPathComponent("\(size).txt")
            try Data(bytes).write(to: file)
            let read = try InputReader.bytes(of: file.path, limits: .standard)
            // (Compared first: a failed `#expect(read == bytes)` diffs the two arrays, megabytes long, for minutes.)
            let readWhole = read == bytes
            #expect(readWhole, "\(size) bytes read as \(read.count)")
        }
        // Over the limit, by the size fstat gives: refused before a byte is read.
        let big = folder.appendingPathComponent("\(2 * chunk + 3).txt").path
        #expect(throws: IngestError.self) { try InputReader.bytes(of: big, limits: IngestLimits(maxBytes: chunk)) }
        #expect(throws: IngestError.self) { try InputReader.bytes(of: folder.path, limits: .standard) }
        // A control byte in the first 64 KiB is refused by the reader itself, in a file read in one piece
        // (longer than the head, shorter than a chunk) and in one read a chunk at a time.
        for size in [InputReader.headSize + 100, chunk + 100] {
            var bytes: [UInt8] = []
            while bytes.count < size { bytes += notice }
            bytes = Array(bytes.prefix(size))
            bytes[notice.count] = 0x01
            let file = folder.appendingPathComponent("control-\(size).txt")
            try Data(bytes).write(to: file)
            #expect(throws: IngestError.binary(path: file.path, byteOffset: notice.count, byte: 0x01)) {
                try InputReader.bytes(of: file.path, limits: .standard)
            }
        }
    }

    @Test("A named pipe, which reports no size, is read to its end")
    func pipe() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-fifo-\(UUID().uuidString)")
            .path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let notice = try Corpus.bytes("2023_henan.txt")
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: path)
            handle?.write(Data(notice + notice))
            try? handle?.close()
        }
        writer.start()
        #expect(try InputReader.bytes(of: path, limits: .standard) == notice + notice)
    }
}
