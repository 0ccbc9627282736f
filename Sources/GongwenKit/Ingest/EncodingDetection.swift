import CScan

/// How the bytes of an input are to be read.
package struct DetectedEncoding: Equatable, Sendable {
    /// ICU's canonical name: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030" (which covers GBK and GB2312) …
    package var name: String
    /// Bytes of byte order mark to skip.
    package var bomLength: Int
    /// How it was found: "bom", "declared" (an HTML meta charset), "valid" (strict UTF-8), "detected" (ICU).
    package var evidence: String
}

/// Finds the encoding of an input and decodes it: byte order mark, then an HTML-declared charset,
/// then strict UTF-8, then ICU's detector (ucsdet). Bytes that are mostly valid UTF-8 with a few
/// broken sequences are refused as broken UTF-8 rather than reinterpreted as a legacy charset.
/// Among ICU's candidates the first that decodes strictly into Chinese text wins: a notice read as
/// Latin-1 has no Han characters. UTF-16 and UTF-32 are accepted with a byte order mark only.
package enum EncodingDetection {
    /// What `detect` found: the text decoded, or bytes that are strictly valid UTF-8 as they are (no
    /// byte order mark), for the caller to decode where it needs the scalars.
    package enum Decoded {
        case scalars([Unicode.Scalar])
        /// Strictly valid UTF-8, holding no control byte that text never holds.
        case validUTF8
    }

    package static func decode(
        _ bytes: [UInt8], declared: String? = nil, path: String
    ) throws -> (DetectedEncoding, [Unicode.Scalar]) {
        let (encoding, decoded) = try detect(bytes, declared: declared, path: path)
        switch decoded {
        case let .scalars(scalars): return (encoding, scalars)
        case .validUTF8: return (encoding, Transcoding.scalars(ofValidUTF8: bytes[...]))
        }
    }

    /// The encoding of `bytes`, and the text decoded unless the bytes are valid UTF-8 as they stand:
    /// a text file's lines are then decoded one by one from the bytes (`SourceLines.textLines`), and
    /// the whole text is never held as one array of scalars beside them.
    package static func detect(
        _ bytes: [UInt8], declared: String? = nil, path: String
    ) throws -> (DetectedEncoding, Decoded) {
        if let bom = byteOrderMark(bytes) {
            return (bom, .scalars(try Transcoding.decode(bytes, as: bom, path: path)))
        }
        // (The control bytes are looked for by the same pass as the UTF-8: before, in one of their own.)
        let utf8 = UTF8Validation.scan(bytes[...])
        if let offset = utf8.firstControlOffset {
            throw IngestError.binary(path: path, byteOffset: offset, byte: bytes[offset])
        }
        guard let invalidOffset = utf8.firstInvalidOffset else {
            return (validUTF8, .validUTF8)
        }
        if let declared, let name = canonicalName(declared), name != "UTF-8" {
            let encoding = DetectedEncoding(name: name, bomLength: 0, evidence: "declared")
            return (encoding, .scalars(try Transcoding.decode(bytes, as: encoding, path: path)))
        }
        // UTF-8 with corrupted bytes: its valid multi-byte sequences outnumber the broken ones. Text in
        // a legacy encoding forms valid UTF-8 sequences only by accident: the five notices in GBK, Big5,
        // Shift_JIS or EUC-KR show 0.1 to 0.3 valid sequences for each invalid one.
        if utf8.validMultibyteSequences >= 2 * utf8.invalidSequences {
            throw IngestError.invalidEncoding(path: path, encoding: "UTF-8", byteOffset: invalidOffset)
        }
        // ICU's best candidate decides, and its strict failure is the answer; a lower-ranked candidate
        // is preferred only when the best one decodes into text with no Han character at all.
        let candidates = icuCandidates(bytes).filter { $0.confidence >= 10 && !unicodeWithoutBOM.contains($0.name) }
        guard let best = candidates.first else {
            throw IngestError.undetectableEncoding(path: path, firstInvalidUTF8Offset: invalidOffset)
        }
        let bestEncoding = DetectedEncoding(name: best.name, bomLength: 0, evidence: "detected")
        let bestScalars = try Transcoding.decode(bytes, as: bestEncoding, path: path)
        if bestScalars.contains(where: \.isHan) { return (bestEncoding, .scalars(bestScalars)) }
        for candidate in candidates.dropFirst() {
            let encoding = DetectedEncoding(name: candidate.name, bomLength: 0, evidence: "detected")
            if let scalars = try? Transcoding.decode(bytes, as: encoding, path: path), scalars.contains(where: \.isHan)
            {
                return (encoding, .scalars(scalars))
            }
        }
        return (bestEncoding, .scalars(bestScalars))
    }

    /// Bytes that are strict UTF-8 as they stand, with no byte order mark.
    static let validUTF8 = DetectedEncoding(name: "UTF-8", bomLength: 0, evidence: "valid")

    /// Encodings that ICU may guess but that Gongwen reads only when a byte order mark says so.
    static let unicodeWithoutBOM: Set<String> = ["UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"]

    static func byteOrderMark(_ bytes: [UInt8]) -> DetectedEncoding? {
        // (Most input begins with none of the marks' first bytes; the table was made at each ask, six arrays,
        // and is asked two or three times a file.)
        guard let first = bytes.first, first == 0xEF || first == 0xFF || first == 0x00 || first == 0xFE else {
            return nil
        }
        return byteOrderMarks.first { bytes.starts(with: $0.mark) }.map {
            DetectedEncoding(name: $0.name, bomLength: $0.mark.count, evidence: "bom")
        }
    }

    /// The byte order marks, the longer before any it begins with (UTF-32LE's before UTF-16LE's); each begins
    /// with one of the bytes `byteOrderMark` looks for first.
    static let byteOrderMarks: [(mark: [UInt8], name: String)] = [
        ([0xEF, 0xBB, 0xBF], "UTF-8"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"),
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"),
        ([0xFF, 0xFE], "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE"),
    ]

    /// ICU's name for a charset label such as "gb2312", "GBK" or "utf8"; nil when ICU does not know it.
    /// GB2312 and GBK are read as GB18030, their superset, so that pages that mislabel GBK as GB2312
    /// (most of them) decode.
    package static func canonicalName(_ label: String) -> String? {
        let lowered = label.lowercased().trimmingSpaces()
        switch lowered {
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "csgb2312", "chinese": return "GB18030"
        case "utf-8", "utf8": return "UTF-8"
        case "big5", "big5-hkscs": return "Big5"
        default: return lowered.isEmpty ? nil : label
        }
    }

    /// The index of the first byte that no text file holds (`isControlByte`).
    /// (Read from the bytes' buffer: a generic scan compared each byte through a protocol witness.)
    static func firstControlByte(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            for offset in buffer.indices where isControlByte(buffer[offset]) { return bytes.startIndex + offset }
            return nil
        }
    }

    /// A byte that no text file holds: C0 controls other than tab, line feed, vertical tab, form feed
    /// (PDF page breaks), carriage return and escape; and DEL.
    @inline(__always)
    static func isControlByte(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0B && byte != 0x0C && byte != 0x0D && byte != 0x1B)
            || byte == 0x7F
    }

    /// ICU's candidates, best first. ucsdet reads a prefix by design; 64 KiB keeps large inputs cheap.
    static func icuCandidates(_ bytes: [UInt8]) -> [(name: String, confidence: Int)] {
        ICU.charsetGuesses(bytes.prefix(65_536)).map { ($0.name, $0.confidence) }
    }
}

/// A strict UTF-8 scan (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), which also
/// finds the first byte no text file holds.
struct UTF8Validation {
    var firstInvalidOffset: Int?
    /// The first byte that `EncodingDetection.isControlByte` refuses (bytes below 0x80 are never part of
    /// a sequence, valid or not, so each is read on its own here).
    var firstControlOffset: Int?
    var asciiBytes = 0
    var validMultibyteSequences = 0
    var invalidSequences = 0

    /// The scalars of valid input: its ASCII bytes and its multi-byte sequences.
    var scalars: Int { asciiBytes + validMultibyteSequences }

    static func scan(_ bytes: ArraySlice<UInt8>) -> UTF8Validation {
        bytes.withUnsafeBufferPointer(scan)
    }

    /// Offsets are counted from the buffer's start.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF8Validation {
        var result = UTF8Validation()
        // Input that is UTF-8 and holds no control byte, nearly all, is told by the decoder's own reading
        // (`gw_utf8_text_prefix`: Chinese characters four at a time, ASCII in runs), with its counts; the
        // loop below finds where and how other input fails. (A byte or a sequence at a time, the scan of an
        // HTML page took 11 instructions a byte.)
        if let base = bytes.baseAddress {
            var ascii = 0
            var multibyte = 0
            if gw_utf8_text_prefix(base, bytes.count, &ascii, &multibyte) == bytes.count {
                result.asciiBytes = ascii
                result.validMultibyteSequences = multibyte
                return result
            }
        }
        var i = 0
        let n = bytes.count
        // The counts of the two commonest cases are kept here and added without overflow checks (they
        // are fewer than the bytes): kept in `result` and checked, the three-byte case took 25 instructions.
        var asciiBytes = 0
        var threeByteSequences = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if result.firstControlOffset == nil, EncodingDetection.isControlByte(b) {
                    result.firstControlOffset = i
                }
                asciiBytes &+= 1
                i &+= 1
                continue
            }
            // The commonest sequence of Chinese text first: three bytes whose lead needs no narrower
            // second byte (U+1000–U+CFFF and U+E000–U+FFFF, the Han blocks and the full-width forms).
            if (b >= 0xE1 && b <= 0xEC) || (b >= 0xEE && b <= 0xEF), i &+ 2 < n, bytes[i &+ 1] & 0xC0 == 0x80,
                bytes[i &+ 2] & 0xC0 == 0x80
            {
                threeByteSequences &+= 1
                i &+= 3
                continue
            }
            var length = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: length = 0
            }
            var ok = length > 0 && i + length <= n
            if ok {
                for j in 1..<length {
                    let c = bytes[i + j]
                    let (lo, hi) = j == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                    if c < lo || c > hi {
                        ok = false
                        break
                    }
                }
            }
            if ok {
                result.validMultibyteSequences += 1
                i += length
            } else {
                if result.firstInvalidOffset == nil { result.firstInvalidOffset = i }
                result.invalidSequences += 1
                i += 1
            }
        }
        result.asciiBytes += asciiBytes
        result.validMultibyteSequences += threeByteSequences
        return result
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.isLineSpace || first == "\n" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last.isLineSpace || last == "\n" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
