import Foundation

/// An input read and decoded: its lines, each scalar mapped to its place in the input.
package struct IngestedDocument: Sendable {
    package var source: SourceInfo
    /// How the encoding was found: "bom", "declared", "valid" (strict UTF-8) or "detected" (ICU).
    package var encodingEvidence: String
    package var lines: [TextLine]
    /// For HTML, the heading level (h1–h6) of each line; empty for text.
    package var headingLevels: [Int?] = []
    /// For HTML, the links of the page (`<a href>`) with the span of their text.
    package var links: [Link] = []
    /// For HTML, the blocks inside the article left out as page furniture.
    package var dropped: [DroppedBlock] = []
}

/// The first stage: bytes (a file or standard input) to decoded lines.
package enum Ingest {
    /// Reads `path`, or standard input for "-", refusing it before reading it whole when it is larger
    /// than the limit or begins like a binary file.
    package static func read(
        path: String, format: InputFormat? = nil, limits: IngestLimits = .standard
    ) throws -> IngestedDocument {
        try ingest(bytes: InputReader.bytes(of: path, limits: limits), path: path, format: format)
    }

    package static func ingest(
        bytes input: consuming [UInt8], path: String, format: InputFormat? = nil
    ) throws -> IngestedDocument {
        var bytes = consume input  // owned here, so that it can be let go once decoded
        guard !bytes.isEmpty else { throw IngestError.empty(path: path) }
        guard bytes.count <= IngestLimits.largest else {
            throw IngestError.tooLarge(path: path, limit: IngestLimits.largest, size: bytes.count)
        }
        // The formats known by their first bytes are refused here, as the reader refuses them; a byte no
        // text holds is refused by the encoding's scan, which reads every byte (a search of the first
        // 64 KiB for one here would read most notices whole once more).
        try refuseKnownFormats(bytes.prefix(InputReader.headSize), path: path)
        let format = format ?? sniffFormat(bytes, path: path)
        // A text file in UTF-8 without a byte order mark (most inputs) is validated as its lines are
        // decoded, its bytes read once; anything else, a broken sequence or a byte no text holds included,
        // is read as below, which finds and names what is wrong. (The lines are made before the input is
        // found blank: a blank input is rare, and its lines are few.)
        if format == .text, EncodingDetection.byteOrderMark(bytes) == nil,
            let lines = SourceLines.textLines(ofUTF8: bytes[...])
        {
            guard lines.contains(where: { $0.scalars.contains(where: isVisible) }) else {
                throw IngestError.blank(path: path)
            }
            let encoding = EncodingDetection.validUTF8
            let source = SourceInfo(path: path, format: format, encoding: encoding.name, sha256: SHA256.hex(of: bytes))
            bytes = []  // (let go as the path below lets it go once the lines are made)
            return IngestedDocument(source: source, encodingEvidence: encoding.evidence, lines: lines)
        }
        let declared = format == .html ? declaredCharset(bytes) : nil
        let (encoding, decoded) = try EncodingDetection.detect(bytes, declared: declared, path: path)
        // Valid UTF-8 that reaches here is a page's (a text file's was read above): libxml2 reads its bytes
        // as they are, and they are not decoded into one array of the whole text for it.
        var scalars: [Unicode.Scalar] = []
        switch decoded {
        case let .scalars(decodedScalars):
            scalars = decodedScalars
            try refuseControlCharacters(scalars, encoding: encoding, path: path)
            guard scalars.contains(where: isVisible) else { throw IngestError.blank(path: path) }
        case .validUTF8:
            guard containsVisible(validUTF8: bytes) else { throw IngestError.blank(path: path) }
        }
        let source = SourceInfo(path: path, format: format, encoding: encoding.name, sha256: SHA256.hex(of: bytes))
        switch format {
        case .text:
            // The input is let go once its lines are made, and so is the decoded text. Each line is an
            // array of its own size: normalizing rewrites some lines and keeps the rest, so that lines
            // sharing one array of the text would keep all of it alive for the few they keep. (For a
            // 22 MB notice, the whole text decoded beside its lines was 35 MB of the 94 MB heap at the
            // peak.) Text in UTF-8 without a byte order mark was read above, line by line.
            if case .validUTF8 = decoded {
                scalars = Transcoding.scalars(ofValidUTF8: bytes[...])
            }
            bytes = []
            let sourceLines = SourceLines(scalars)
            scalars = []
            var lines: [TextLine] = []
            lines.reserveCapacity(sourceLines.count)
            for (index, line) in sourceLines.enumerated() {
                lines.append(TextLine(original: line, lineNumber: index + 1))
            }
            return IngestedDocument(source: source, encodingEvidence: encoding.evidence, lines: lines)
        case .html:
            // libxml2 reads UTF-8: the input itself when it is UTF-8, else the decoded text re-encoded.
            // (The input is read where it lies, not copied: a copy held a 50 MB page twice.)
            let utf8: ArraySlice<UInt8>
            if encoding.name == "UTF-8" {
                utf8 = bytes.dropFirst(encoding.bomLength)
            } else {
                utf8 = Array(String(scalars: scalars).utf8)[...]
                bytes = []  // the input in its own encoding is not read again
            }
            // The decoded text is let go while libxml2 builds its tree (the larger part of a page's peak)
            // and decoded again from `utf8` once that tree is gone: four bytes a scalar of a 50 MB page
            // are 110 MB.
            scalars = []
            let page = try HTMLText.extract(utf8: utf8, path: path)
            guard page.lines.contains(where: { $0.scalars.contains { !$0.isLineSpace } }) else {
                throw IngestError.html(
                    path: path, reason: "the page has no visible text (only markup, scripts or styles)")
            }
            return IngestedDocument(
                source: source, encodingEvidence: encoding.evidence, lines: page.lines,
                headingLevels: page.headingLevels, links: page.links, dropped: page.dropped)
        }
    }

    /// A scalar that makes a text not blank: not white space, a line break or a byte order mark.
    static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isLineSpace && scalar != "\n" && scalar != "\r" && scalar != "\u{FEFF}"
    }

    /// A known binary format (PDF, Office, archives, images) by its signature in the first bytes.
    static func refuseKnownFormats(_ head: ArraySlice<UInt8>, path: String) throws {
        if let signature = FileSignatures.match(head) {
            throw IngestError.notText(path: path, format: signature.name, advice: signature.advice)
        }
    }

    /// Whether valid UTF-8 holds a visible scalar (`isVisible`), decoded up to the first one.
    static func containsVisible(validUTF8 bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case let .scalarValue(scalar) = decoder.decode(&iterator) {
            if isVisible(scalar) { return true }
        }
        return false
    }

    /// A known binary format (PDF, Office, archives, images) by its signature, or a control byte that no
    /// text holds in the first bytes (after a UTF-16 or UTF-32 byte order mark, zero bytes are text).
    static func refuseNonText(_ head: ArraySlice<UInt8>, path: String) throws {
        try refuseKnownFormats(head, path: path)
        guard EncodingDetection.byteOrderMark(Array(head.prefix(4))) == nil else { return }
        if let offset = EncodingDetection.firstControlByte(head) {
            throw IngestError.binary(path: path, byteOffset: offset - head.startIndex, byte: head[offset])
        }
    }

    /// HTML by file name (.html, .htm, .xhtml, .shtml) or by its first tag.
    static func sniffFormat(_ bytes: [UInt8], path: String) -> InputFormat {
        if hasHTMLExtension(path) { return .html }
        // The ASCII bytes of the first 512, lower-cased, after the white space that opens them: read
        // as bytes (a string lower-cased as Unicode cost a hundredth of a parse, and as characters a
        // CR LF was one that was no white space, so a page opening with a blank line was read as text).
        // Only as many as the longest opening are kept, and none after a first that is no "<", which every
        // opening begins with: all 512 were, 4,000 instructions a file.
        var head: [UInt8] = []
        head.reserveCapacity(longestHTMLOpening)
        for byte in bytes.prefix(512) where byte < 0x80 {
            if head.isEmpty, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            if head.isEmpty, byte != UInt8(ascii: "<") { return .text }
            head.append(byte.asciiLowercased)
            if head.count == longestHTMLOpening { break }
        }
        for opening in htmlOpenings where head.starts(with: opening.utf8) { return .html }
        return .text
    }

    /// Whether `path` ends in .html, .htm, .xhtml or .shtml, in any case: its last six bytes lower-cased
    /// as ASCII (`lowercased()` of the whole path cost 500 instructions a file; no letter but the Kelvin
    /// sign lowercases to an ASCII one on its own, and no extension holds a k), packed into a number that each
    /// extension's bytes are compared with at once (an array of them, and of the extensions, was made for each
    /// file: 1,600 instructions).
    static func hasHTMLExtension(_ path: String) -> Bool {
        var path = path
        let tail = path.withUTF8 { packedTail($0.suffix(6).reversed()) }
        return htmlExtensionTails.contains { tail & $0.mask == $0.bytes }
    }

    /// The bytes of `reversedTail` (a name's last bytes, the last first) lower-cased as ASCII, the last in the
    /// lowest byte of the number.
    private static func packedTail(_ reversedTail: some Sequence<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for (k, byte) in reversedTail.enumerated() { packed |= UInt64(byte.asciiLowercased) << (8 * UInt64(k)) }
        return packed
    }

    /// Each HTML extension packed as `packedTail` packs a name's end, and the mask of its length.
    private static let htmlExtensionTails: [(bytes: UInt64, mask: UInt64)] = [".html", ".htm", ".xhtml", ".shtml"]
        .map { (packedTail($0.utf8.reversed()), UInt64.max >> (64 - 8 * UInt64($0.utf8.count))) }

    /// How an HTML file begins (lower case).
    static let htmlOpenings = ["<!doctype html", "<html", "<head", "<body", "<meta", "<!--"]
    private static let longestHTMLOpening = htmlOpenings.map(\.utf8.count).max()!

    /// The charset an HTML page declares in its first 4 KiB (`<meta charset=…>` or http-equiv): the first
    /// "charset=" in any case, then past quotes and spaces, its letters, digits, "-" and "_", lower-cased. (Read
    /// from the bytes: a string made of the 4 KiB, lower-cased and searched, took 1% of an HTML page's parse.)
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        // A byte as the search sees it: an ASCII letter in lower case, any byte past ASCII a space.
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 {
            byte >= 0x80 ? 0x20 : byte.asciiLowercased
        }
        let label = Array("charset=".utf8)
        let head = bytes.prefix(4096)
        guard head.count >= label.count,
            var i = (head.startIndex...(head.endIndex - label.count)).first(where: { start in
                label.indices.allSatisfy { folded(head[start + $0]) == label[$0] }
            })
        else { return nil }
        i += label.count
        while i < head.endIndex, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: " ")].contains(folded(head[i])) {
            i += 1
        }
        var name: [UInt8] = []
        while i < head.endIndex {
            let byte = folded(head[i])
            guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F else {
                break
            }
            name.append(byte)
            i += 1
        }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }

    /// Text decoded after a byte order mark (UTF-8, UTF-16, UTF-32) can hold control characters that no
    /// byte scan looked for: the scan that refuses them runs only on input without a mark. (A legacy
    /// encoding's input was scanned byte by byte before it was found not to be UTF-8.)
    private static func refuseControlCharacters(
        _ scalars: [Unicode.Scalar], encoding: DetectedEncoding, path: String
    ) throws {
        // The bytes a scalar takes in the input, for the offset reported.
        let width: (Unicode.Scalar) -> Int
        switch encoding.name {
        case "UTF-8" where encoding.bomLength > 0: width = UTF8.width
        case "UTF-16LE", "UTF-16BE": width = { $0.value > 0xFFFF ? 4 : 2 }
        case "UTF-32LE", "UTF-32BE": width = { _ in 4 }
        default: return
        }
        var offset = encoding.bomLength
        for scalar in scalars {
            let v = scalar.value
            if v < 0x80, EncodingDetection.isControlByte(UInt8(v)) {
                throw IngestError.binary(path: path, byteOffset: offset, byte: UInt8(v))
            }
            offset += width(scalar)
        }
    }
}
