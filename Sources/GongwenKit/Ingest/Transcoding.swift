import CICU
import Foundation

/// Bytes to Unicode through ICU's converters, strictly: an undecodable sequence is an error with
/// its byte offset, never a replacement character.
public enum Transcoding {
    public static func decode(_ bytes: [UInt8], as encoding: DetectedEncoding, path: String) throws -> [Unicode.Scalar]
    {
        let body = bytes.dropFirst(encoding.bomLength)
        if encoding.name == "UTF-8" {
            // Decoded without ICU; a broken byte is refused, its offset found by the strict scan.
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(body.count)
            var decoder = UTF8()
            var iterator = body.makeIterator()
            while true {
                switch decoder.decode(&iterator) {
                case let .scalarValue(scalar): scalars.append(scalar)
                case .emptyInput: return scalars
                case .error:
                    let offset = UTF8Validation.scan(Array(body)).firstInvalidOffset ?? 0
                    throw IngestError.invalidEncoding(
                        path: path, encoding: "UTF-8", byteOffset: offset + encoding.bomLength)
                }
            }
        }
        var out: UnsafeMutablePointer<UInt16>?
        var outLength: Int64 = 0
        var errorOffset: Int64 = 0
        let status =
            body.withContiguousStorageIfAvailable { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    gw_convert_to_utf16(
                        encoding.name, chars.baseAddress, Int64(chars.count), &out, &outLength, &errorOffset)
                }
            }
            ?? Array(body).withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    gw_convert_to_utf16(
                        encoding.name, chars.baseAddress, Int64(chars.count), &out, &outLength, &errorOffset)
                }
            }
        switch status {
        case 0: break
        case 1:
            throw IngestError.invalidEncoding(
                path: path, encoding: encoding.name, byteOffset: Int(errorOffset) + encoding.bomLength)
        default: throw IngestError.unsupportedEncoding(path: path, encoding: encoding.name)
        }
        defer { free(out) }
        let units = UnsafeBufferPointer(start: out, count: Int(outLength))
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(units.count)
        var decoder = UTF16()
        var iterator = units.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): scalars.append(scalar)
            case .emptyInput: return scalars
            case .error:
                throw IngestError.invalidEncoding(path: path, encoding: encoding.name, byteOffset: encoding.bomLength)
            }
        }
    }

    /// Text to bytes in `charset` through ICU, strictly. Used to write test inputs in legacy
    /// encodings (a GBK copy of a notice) and by anything that must hand text to GBK-only systems.
    public static func encode(_ text: String, as charset: String) throws -> [UInt8] {
        let units = Array(text.utf16)
        var out: UnsafeMutablePointer<CChar>?
        var outLength: Int64 = 0
        var errorOffset: Int64 = 0
        let status = gw_convert_from_utf16(charset, units, Int64(units.count), &out, &outLength, &errorOffset)
        switch status {
        case 0:
            defer { free(out) }
            return UnsafeBufferPointer(start: out, count: Int(outLength)).map { UInt8(bitPattern: $0) }
        case 1:
            throw IngestError.unencodable(encoding: charset, utf16Offset: Int(errorOffset))
        default:
            throw IngestError.unsupportedEncoding(path: "(text)", encoding: charset)
        }
    }

    /// Canonical composition (NFC) through ICU, for one line. Returns nil when the line is already
    /// in NFC, which is nearly always; otherwise the composed scalars of each grapheme, so the
    /// caller can keep every composed scalar's origin.
    static func nfc<S: Collection<Unicode.Scalar>>(_ scalars: S) -> [Unicode.Scalar]? {
        var units: [UInt16] = []
        units.reserveCapacity(scalars.count + 8)
        for scalar in scalars { UTF16.encode(scalar) { units.append($0) } }
        if units.isEmpty || gw_is_nfc(units, Int32(units.count)) != 0 { return nil }
        var dest = [UInt16](repeating: 0, count: units.count * 3 + 8)
        let written = gw_to_nfc(units, Int32(units.count), &dest, Int32(dest.count))
        guard written >= 0 else { return nil }
        return Array(String(decoding: dest.prefix(Int(written)), as: UTF16.self).unicodeScalars)
    }
}
