import CICU

/// How the bytes of an input are to be read.
public struct DetectedEncoding: Equatable, Sendable {
    /// ICU's canonical name: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030" (which covers GBK and GB2312) …
    public var name: String
    /// Bytes of byte order mark to skip.
    public var bomLength: Int
    /// How it was found: "bom", "declared" (an HTML meta charset), "valid" (strict UTF-8), "detected" (ICU).
    public var evidence: String
}

/// Finds the encoding of an input: byte order mark, then an HTML-declared charset, then strict
/// UTF-8, then ICU's detector (ucsdet). Bytes that are mostly valid UTF-8 with a few broken
/// sequences are refused as broken UTF-8 rather than reinterpreted as a legacy charset.
public enum EncodingDetection {
    public static func detect(_ bytes: [UInt8], declared: String? = nil, path: String) throws -> DetectedEncoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return DetectedEncoding(name: "UTF-8", bomLength: 3, evidence: "bom") }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return DetectedEncoding(name: "UTF-32LE", bomLength: 4, evidence: "bom") }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return DetectedEncoding(name: "UTF-32BE", bomLength: 4, evidence: "bom") }
        if bytes.starts(with: [0xFF, 0xFE]) { return DetectedEncoding(name: "UTF-16LE", bomLength: 2, evidence: "bom") }
        if bytes.starts(with: [0xFE, 0xFF]) { return DetectedEncoding(name: "UTF-16BE", bomLength: 2, evidence: "bom") }

        if let offset = firstControlByte(bytes) {
            throw IngestError.binary(path: path, byteOffset: offset, byte: bytes[offset])
        }
        let utf8 = UTF8Validation.scan(bytes)
        if utf8.firstInvalidOffset == nil {
            return DetectedEncoding(name: "UTF-8", bomLength: 0, evidence: "valid")
        }
        if let declared, let name = canonicalName(declared), name != "UTF-8" {
            return DetectedEncoding(name: name, bomLength: 0, evidence: "declared")
        }
        let invalidOffset = utf8.firstInvalidOffset!
        // Real UTF-8 with a corrupted byte: its multi-byte sequences vastly outnumber the broken ones.
        if utf8.validMultibyteSequences >= 8 && utf8.validMultibyteSequences >= utf8.invalidSequences * 20 {
            throw IngestError.invalidEncoding(path: path, encoding: "UTF-8", byteOffset: invalidOffset)
        }
        guard let guess = icuGuess(bytes), guess.confidence >= 10, guess.name != "UTF-8" else {
            throw IngestError.undetectableEncoding(path: path, firstInvalidUTF8Offset: invalidOffset)
        }
        return DetectedEncoding(name: guess.name, bomLength: 0, evidence: "detected")
    }

    /// ICU's name for a charset label such as "gb2312", "GBK" or "utf8"; nil when ICU does not know it.
    /// GB2312 and GBK are read as GB18030, their superset, so that pages that mislabel GBK as GB2312
    /// (most of them) decode.
    public static func canonicalName(_ label: String) -> String? {
        let lowered = label.lowercased().trimmingSpaces()
        switch lowered {
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "csgb2312", "chinese": return "GB18030"
        case "utf-8", "utf8": return "UTF-8"
        case "big5", "big5-hkscs": return "Big5"
        default: return lowered.isEmpty ? nil : label
        }
    }

    /// The first byte that no text file holds: C0 controls other than tab, line feed, vertical tab,
    /// form feed (PDF page breaks), carriage return and escape; and DEL.
    static func firstControlByte(_ bytes: [UInt8]) -> Int? {
        bytes.firstIndex { byte in
            (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0B && byte != 0x0C && byte != 0x0D && byte != 0x1B) || byte == 0x7F
        }
    }

    static func icuGuess(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
        // ucsdet reads at most 8 KiB by design; give it a prefix so large inputs stay cheap.
        let sample = bytes.prefix(65_536).map { CChar(bitPattern: $0) }
        var name = [CChar](repeating: 0, count: 64)
        let confidence = gw_detect_charset(sample, Int32(sample.count), &name, Int32(name.count))
        guard confidence >= 0 else { return nil }
        let found = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (found, Int(confidence))
    }
}

/// A strict UTF-8 scan (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
struct UTF8Validation {
    var firstInvalidOffset: Int?
    var validMultibyteSequences = 0
    var invalidSequences = 0

    static func scan(_ bytes: [UInt8]) -> UTF8Validation {
        var result = UTF8Validation()
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var length = 0
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: length = 0
            }
            var ok = length > 0 && i + length <= n
            if ok {
                for j in 1..<length {
                    let c = bytes[i + j]
                    let (lo, hi) = j == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                    if c < lo || c > hi { ok = false; break }
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
