import Foundation
import Testing

@testable import GongwenKit

/// The streaming writer against Foundation's encoder: the same bytes, pretty and compact, for every
/// record the repository's notices give and for records that hold every type, every key, absent
/// values, and strings with every character JSON escapes.
@Suite("JSON writer: the same bytes as JSONEncoder")
struct JSONWriterTests {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Compares the two encodings; on a difference, says where the bytes part.
    static func expectSameBytes(
        _ record: NoticeRecord, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for pretty in [true, false] {
            let expected = [UInt8](try encoder(pretty: pretty).encode(record))
            let written = JSONWriter.bytes(of: record, pretty: pretty)
            // The parse command's way: the writer's buffer handed over, the line feed after it.
            let handedOver = JSONWriter.output(of: record, pretty: pretty, newline: true)
            #expect(
                handedOver.withUnsafeBytes { Array($0) } == expected + [0x0A], "\(name)", sourceLocation: sourceLocation
            )
            guard written != expected else { continue }
            let at = zip(written, expected).prefix { $0 == $1 }.count
            let context = { (bytes: [UInt8]) in
                String(decoding: bytes[max(0, at - 80)..<min(bytes.count, at + 80)], as: UTF8.self)
            }
            let form = pretty ? "pretty" : "compact"
            let message =
                "\(name) (\(form)): bytes differ at \(at) of \(expected.count)\nJSONEncoder: \(context(expected))\nJSONWriter:  \(context(written))"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    static var inputFiles: [URL] {
        let tests = Corpus.packageRoot.appendingPathComponent("Tests/GongwenKitTests")
        let folders = [
            Corpus.noticesDirectory, tests.appendingPathComponent("Corpus/notices"),
            tests.appendingPathComponent("Fixtures"),
            tests.appendingPathComponent("Fixtures/Reliability"),
        ]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { ["txt", "html", "htm"].contains($0.pathExtension) }
        }.sorted { $0.path < $1.path }
    }

    @Test("Every notice and fixture in the repository")
    func everyNoticeAndFixture() throws {
        let files = Self.inputFiles
        #expect(
            files.count >= 45,
            "expected the 5 seeds, the 36 corpus notices and the fixtures; found \(files.count) files")
        for file in files {
            let record = try Gongwen.parse(path: file.path)
            try Self.expectSameBytes(record, file.lastPathComponent)
        }
    }

    static let span = SourceSpan(start: SourcePoint(line: 12, column: 3), end: SourcePoint(line: 140, column: 1_234))

    /// Every character below U+0020, the two JSON escapes, the slash left as it is, DEL, the line and
    /// paragraph separators, and characters from the Basic Multilingual Plane and beyond it.
    static let hostile: String = {
        var text = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        text += "\"quoted\" back\\slash /slash/ \u{7F} \u{2028}\u{2029} 中国质协字〔2023〕71号 𠀀😀 é"
        return text
    }()

    /// A record whose every array holds one value of its type with every optional set (or, with
    /// `absent`, every optional nil), and hostile strings everywhere.
    static func filledRecord(absent: Bool) throws -> NoticeRecord {
        var record = try Corpus.record("2022_caq.txt")
        let text = hostile
        func some<T>(_ value: T) -> T? { absent ? nil : value }
        record.title = some(text)
        record.signedOn = some("2023-09-15")
        record.publishedOn = some("2023-09-18")
        record.campaignYear = some(2_023)
        record.docNumber = some(DocNumber(text: text, agency: text, year: -1, serial: Int.max, span: span))
        record.issuer = IssuerRecord(name: some(text), level: .national, span: some(span))
        record.addressees = [text, ""]
        record.deadlines = [
            Deadline(
                date: "2023-10-31", start: some("2023-10-01"), time: some("17:00"), precision: .monthEnd,
                action: some(text), actor: some(text), text: text, span: span,
                mentions: [Mention(text: some(text), span: span)])
        ]
        record.schedule = [ScheduleItem(date: "2023-11", end: some("2023-12"), text: text, span: span)]
        record.quotas = [
            Quota(
                max: some(Int.min), unlimited: true, unit: text, appliesTo: [text], condition: some(text), text: text,
                span: span)
        ]
        let item = ListItem(index: some(0), number: some(text), text: text, summary: text, span: span)
        record.focusAreas = [item]
        record.eligibility = [item, item]
        record.contacts = [
            Contact(
                names: [text], department: some(text),
                phones: [
                    Phone(number: text, kind: .tollFree, extension: some(text), areaCodeInferred: true, span: span)
                ],
                emails: [text], address: some(text), postcode: some(text), text: text, span: span)
        ]
        record.directory = [
            DirectoryEntry(index: some(7), name: text, kind: .plannedCityDepartment, region: some(text), span: span)
        ]
        record.citations = [
            Citation(title: some(text), docNumber: some(text), attachmentIndex: some(2), text: text, span: span)
        ]
        record.submission = Submission(
            channels: [Channel(kind: .email, target: some(text), text: text, span: span)],
            materials: [Material(form: some(text), copies: some(3), text: text, span: span)],
            fileFormats: [FileFormat(format: text, text: text, span: span)],
            naming: [NamingRule(target: .emailSubject, pattern: text, text: text, span: span)])
        let section = SectionRecord(
            number: some(text), heading: some(text), text: text, span: span,
            children: [SectionRecord(number: nil, heading: nil, text: "", span: span, children: [])])
        record.sections = [section]
        record.attachments = [
            AttachmentRecord(
                index: some(1), title: some(text), span: some(span), appended: true, sections: [section],
                embeddedRecord: some(0), url: some(text))
        ]
        record.elements = [ElementRecord(kind: .attachmentTitle, text: text, span: span)]
        record.attachmentLinks = [Link(text: text, url: text, span: span)]
        record.urls = []
        record.diagnostics = [Diagnostic(severity: .warning, message: text, span: some(span))]
        record.source = SourceInfo(path: text, format: .html, encoding: text, sha256: text)
        record.embedded = [try Corpus.record("2021_shandong.txt")]
        return record
    }

    @Test("Every type and key, values present and absent, every character JSON escapes")
    func everyTypeAndKey() throws {
        try Self.expectSameBytes(try Self.filledRecord(absent: false), "filled record")
        try Self.expectSameBytes(try Self.filledRecord(absent: true), "record with every optional absent")
    }

    @Test(
        "A literal's bytes copied by length (overlapping loads and stores up to 16 bytes, memcpy past them): every length from 0 to 40, from every offset of a source, nothing written around the copy"
    )
    func shortCopies() {
        let source = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var wrong: [String] = []
        for length in 0...40 {
            for offset in 0..<(64 - length) {
                var target = [UInt8](repeating: 0xEE, count: 48 + 16)
                source.withUnsafeBufferPointer { from in
                    target.withUnsafeMutableBufferPointer { to in
                        JSONWriter.copy(length, bytesFrom: from.baseAddress! + offset, to: to.baseAddress! + 8)
                    }
                }
                let expected =
                    [UInt8](repeating: 0xEE, count: 8) + source[offset..<(offset + length)]
                    + [UInt8](repeating: 0xEE, count: 48 + 8 - length)
                if target != expected { wrong.append("\(length) from \(offset)") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("Escapes as JSONEncoder does: two-character escapes, \\u00XX in lower case, nothing else")
    func escapes() {
        var writer = JSONWriter(pretty: false)
        writer.string("a\u{0}\u{1F}\u{8}\u{9}\u{A}\u{C}\u{D}\u{B}\"\\/\u{7F}中")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""a\u0000\u001f\b\t\n\f\r\u000b\"\\/"# + "\u{7F}中\"")
    }

    @Test(
        "Escaped runs: each byte that needs an escape, alone or beside another, at every place of strings up to 40 bytes and in a long text, written as JSONEncoder writes them"
    )
    func escapedRuns() throws {
        let encoder = Self.encoder(pretty: false)
        // (Encoded in an array, which every JSONEncoder takes, and the brackets cut off.)
        func encoded(_ text: String) throws -> String {
            String(String(decoding: try encoder.encode([text]), as: UTF8.self).dropFirst().dropLast())
        }
        func written(_ text: String) -> String {
            var writer = JSONWriter(pretty: false)
            writer.string(text)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
        let filler = Array("质量标杆ab/~".unicodeScalars)
        let escaped = (0..<0x20).compactMap(Unicode.Scalar.init) + ["\"", "\\"]
        var wrong: [String] = []
        for length in 0...40 {
            let plain = (0..<length).map { filler[$0 % filler.count] }
            for position in 0...length {
                for byte in escaped {
                    // The byte at `position`, and a line feed right after it: two escapes side by side.
                    for inserted in [[byte], [byte, "\n"]] {
                        var scalars = plain
                        scalars.insert(contentsOf: inserted, at: position)
                        let text = String(String.UnicodeScalarView(scalars))
                        if written(text) != (try encoded(text)) { wrong.append(text.debugDescription) }
                    }
                }
            }
        }
        // A long item's text: paragraphs of a real notice apart by line feeds, tabs and quotes among them.
        let notice = String(decoding: try Corpus.bytes("2023_henan.txt"), as: UTF8.self)
        let text = notice.replacingOccurrences(of: "，", with: "\t\"")
        if written(text) != (try encoded(text)) { wrong.append("2023_henan.txt") }
        #expect(wrong.isEmpty, "\(wrong.count) wrong, first \(wrong.prefix(3))")
    }

    @Test(
        "The escape test (blocks of 64 bytes, then 16, then the last 16 again or a short string in a padded block) finds each byte that needs an escape, at every place of every block"
    )
    func escapeScan() throws {
        let filler = Array("质量标杆ab~".utf8)  // bytes either side of the ones tested: 0x20–0x7E and UTF-8
        let escaped = Array(UInt8(0)..<0x20) + [UInt8(ascii: "\""), UInt8(ascii: "\\")]
        // Every length up to two blocks of 64 and a block of 16 past them, each byte at every place.
        var missed: [String] = []
        for length in 0...(2 * 64 + 16 + 3) {
            var plain = (0..<length).map { filler[$0 % filler.count] }
            if plain.withUnsafeBufferPointer(JSONWriter.mayNeedEscape) { missed.append("none in \(length)") }
            for position in plain.indices {
                let kept = plain[position]
                for byte in escaped {
                    plain[position] = byte
                    if !plain.withUnsafeBufferPointer(JSONWriter.mayNeedEscape) {
                        missed.append("\(byte) at \(position) of \(length)")
                    }
                }
                plain[position] = kept
            }
        }
        #expect(missed.isEmpty, "\(missed.count) wrong, first \(missed.prefix(5))")
        // Bytes next to the ones escaped (0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xFF) never set it off,
        // in a block of 64, of 16, or alone.
        let near: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xFF]
        for length in [8, 16, 64, 64 + 16 + 7] {
            let bytes = (0..<length).map { near[$0 % near.count] }
            #expect(!bytes.withUnsafeBufferPointer(JSONWriter.mayNeedEscape), "length \(length)")
        }
        var writer = JSONWriter(pretty: false)
        writer.string("天津市工业和信息化局关于开展2023年“质量标杆”活动的通知\"")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""天津市工业和信息化局关于开展2023年“质量标杆”活动的通知\"""#)
    }

    @Test(
        "The copy that stops at an escape (blocks of 16, the last 16 again, a short string in a padded block): each byte that needs an escape found at every place, the bytes before it copied, none read past the source's end nor written past sixteen after it"
    )
    func copyUnescaped() throws {
        // The source ends where a page that cannot be read begins: a read past its end stops the test.
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let mapped = try #require(mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        try #require(mapped != UnsafeMutableRawPointer(bitPattern: -1), "mmap failed")
        defer { munmap(mapped, 2 * page) }
        try #require(mprotect(mapped + page, page, PROT_NONE) == 0)
        let pageEnd = mapped.assumingMemoryBound(to: UInt8.self) + page

        let filler = Array("质量标杆ab~".utf8)
        let escaped = Array(UInt8(0)..<0x20) + [UInt8(ascii: "\""), UInt8(ascii: "\\")]
        let guardByte: UInt8 = 0xEE
        var wrong: [String] = []
        func check(_ bytes: [UInt8], expecting expected: Int, _ name: @autoclosure () -> String) {
            let source = pageEnd - bytes.count
            source.update(from: bytes, count: bytes.count)
            // The target: room for the bytes and sixteen more, with guard bytes after the room.
            var target = [UInt8](repeating: guardByte, count: bytes.count + 16 + 8)
            let index = target.withUnsafeMutableBufferPointer {
                JSONWriter.copyUnescaped(UnsafeBufferPointer(start: source, count: bytes.count), to: $0.baseAddress!)
            }
            if index != expected { wrong.append("\(name()): index \(index), not \(expected)") }
            if Array(target[..<expected]) != Array(bytes[..<expected]) { wrong.append("\(name()): bytes before") }
            if target[(bytes.count + 16)...].contains(where: { $0 != guardByte }) {
                wrong.append("\(name()): written past the room")
            }
        }
        for length in 0...(3 * 16 + 5) {
            var plain = (0..<length).map { filler[$0 % filler.count] }
            check(plain, expecting: length, "none in \(length)")
            for position in plain.indices {
                let kept = plain[position]
                for byte in escaped {
                    plain[position] = byte
                    check(plain, expecting: position, "\(byte) at \(position) of \(length)")
                }
                plain[position] = kept
            }
        }
        #expect(wrong.count == 0, "first \(wrong.prefix(5))")
    }

    @Test("Integers at both ends of their range, every one up to 100,000, and each power of ten and its neighbours")
    func integers() throws {
        var values = [0, 7, -7, 10, 1_000_000, Int.max, Int.min, Int.min + 1, Int.max - 1] + Array(-1_000...100_000)
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        var mismatched: [Int] = []
        for value in values where JSONWriter.bytes(of: value, pretty: false) != Array(String(value).utf8) {
            mismatched.append(value)
        }
        #expect(mismatched.isEmpty, "\(mismatched.prefix(10))")
        // A span written at once (compact) with its four integers at their widest, as JSONEncoder writes it.
        var span = Self.span
        (span.startLine, span.startColumn, span.endLine, span.endColumn) = (Int.min, Int.min, Int.min, Int.max)
        for pretty in [false, true] {
            let expected = [UInt8](try Self.encoder(pretty: pretty).encode([span, span]))
            #expect(JSONWriter.bytes(of: [span, span], pretty: pretty, capacity: 0) == expected)
            // Grown from the least room, and handed over (its buffer outlives the writer).
            let handedOver = JSONWriter.output(of: [span, span], pretty: pretty, capacity: 0)
            #expect(handedOver.count == expected.count && handedOver.withUnsafeBytes { Array($0) } == expected)
        }
    }

    @Test("Empty containers, pretty, as JSONEncoder writes them")
    func emptyContainers() throws {
        let nested: [[Int]] = [[], [1]]
        #expect(JSONWriter.bytes(of: nested, pretty: true) == [UInt8](try Self.encoder(pretty: true).encode(nested)))
        #expect(
            String(decoding: JSONWriter.bytes(of: nested, pretty: true), as: UTF8.self)
                == "[\n  [\n\n  ],\n  [\n    1\n  ]\n]")
    }

    @Test("Streamed in chunks, the same bytes and a line feed; no chunk much over the chunk size")
    func streamedInChunks() throws {
        let record = try Self.filledRecord(absent: false)
        for pretty in [true, false] {
            var chunks: [[UInt8]] = []
            JSONWriter.stream(record, pretty: pretty, chunkSize: 512) { chunks.append($0) }
            #expect(chunks.count > 10)
            #expect(Array(chunks.joined()) == JSONWriter.bytes(of: record, pretty: pretty) + [UInt8(ascii: "\n")])
            // A chunk ends at the first element past the chunk size: one string value over it at most.
            #expect(chunks.allSatisfy { $0.count <= 512 + Self.hostile.utf8.count * 6 + 64 })
        }
    }
}
