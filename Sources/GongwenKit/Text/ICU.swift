import CICU
import Foundation

/// ICU, through the CICU facade (ICU's renaming macros keep its own C API out of Swift's reach): the
/// one Swift file that calls it. Answers are Swift values, and the buffers ICU's converters return are
/// freed here.
enum ICU {
    /// A charset ICU's detector finds plausible, with its confidence (0–100).
    struct CharsetGuess: Equatable {
        var name: String
        var confidence: Int
    }

    /// How a strict conversion ended.
    enum Conversion<Output> {
        case converted(Output)
        /// An undecodable sequence (its byte offset) or an unmappable character (its UTF-16 offset).
        case invalidInput(offset: Int)
        /// An unknown charset, or no memory.
        case failed
    }

    /// Every charset ICU's detector (ucsdet) finds plausible for `bytes`, best first; empty when ICU
    /// failed or found none.
    static func charsetGuesses(_ bytes: some Collection<UInt8>, upTo maxCount: Int = 16) -> [CharsetGuess] {
        let sample = bytes.map { CChar(bitPattern: $0) }
        let slot = Int(GW_CHARSET_NAME_SLOT)
        var names = [CChar](repeating: 0, count: maxCount * slot)
        var confidences = [Int32](repeating: 0, count: maxCount)
        let count = gw_detect_charsets(sample, Int32(sample.count), &names, &confidences, Int32(maxCount))
        guard count > 0 else { return [] }
        return (0..<Int(count)).map { i in
            let name = names[(i * slot)...].prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            return CharsetGuess(name: String(decoding: name, as: UTF8.self), confidence: Int(confidences[i]))
        }
    }

    /// `bytes` in `charset` decoded to UTF-16, strictly (ICU's STOP callback), and handed to `read`
    /// without a copy: the result is what `read` makes of the units.
    static func utf16<Result>(
        decoding bytes: UnsafeBufferPointer<UInt8>, from charset: String,
        _ read: (UnsafeBufferPointer<UInt16>) throws -> Result
    ) rethrows -> Conversion<Result> {
        var out: UnsafeMutablePointer<UInt16>?
        var outLength: Int64 = 0
        var errorOffset: Int64 = 0
        let status = bytes.withMemoryRebound(to: CChar.self) { chars in
            gw_convert_to_utf16(charset, chars.baseAddress, Int64(chars.count), &out, &outLength, &errorOffset)
        }
        defer { free(out) }
        switch status {
        case .converted: return .converted(try read(UnsafeBufferPointer(start: out, count: Int(outLength))))
        case .invalidInput: return .invalidInput(offset: Int(errorOffset))
        case .failed: return .failed
        }
    }

    /// UTF-16 `units` as bytes in `charset`, strictly: an unmappable character is refused, never replaced.
    static func bytes(encoding units: [UInt16], to charset: String) -> Conversion<[UInt8]> {
        var out: UnsafeMutablePointer<CChar>?
        var outLength: Int64 = 0
        var errorOffset: Int64 = 0
        let status = gw_convert_from_utf16(charset, units, Int64(units.count), &out, &outLength, &errorOffset)
        defer { free(out) }
        switch status {
        case .converted:
            return .converted(UnsafeBufferPointer(start: out, count: Int(outLength)).map { UInt8(bitPattern: $0) })
        case .invalidInput: return .invalidInput(offset: Int(errorOffset))
        case .failed: return .failed
        }
    }

    /// Whether the UTF-16 text is certainly in NFC (ICU's quick check).
    static func isNFC(_ units: [UInt16]) -> Bool {
        gw_is_nfc(units, Int32(units.count))
    }

    /// The NFC form of the UTF-16 text; nil when ICU failed.
    static func nfc(_ units: [UInt16]) -> [UInt16]? {
        var dest = [UInt16](repeating: 0, count: units.count * 3 + 8)
        let written = gw_to_nfc(units, Int32(units.count), &dest, Int32(dest.count))
        guard written >= 0 else { return nil }
        return Array(dest.prefix(Int(written)))
    }

    /// ICU's East Asian Width: whether the scalar takes two columns in a CJK monospace layout.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        gw_is_wide(scalar.value)
    }

    /// The text through ICU's Traditional-Simplified transform (or back); nil when ICU failed.
    static func foldScript(_ units: [UInt16], toSimplified: Bool) -> [UInt16]? {
        var buffer = units + [UInt16](repeating: 0, count: units.count + 16)  // room for a longer result
        let written = gw_fold_script(&buffer, Int32(units.count), Int32(buffer.count), toSimplified)
        guard written >= 0 else { return nil }
        return Array(buffer.prefix(Int(written)))
    }
}
