import CScan
import Foundation

/// Bytes to Unicode through ICU's converters, strictly: an undecodable sequence is an error with
/// its byte offset, never a replacement character.
package enum Transcoding {
    package static func decode(_ bytes: [UInt8], as encoding: DetectedEncoding, path: String) throws -> [Unicode.Scalar]
    {
        let body = bytes.dropFirst(encoding.bomLength)
        if encoding.name == "UTF-8" {
            // Decoded without ICU, after the strict scan: a broken byte is refused with its offset.
            let scan = UTF8Validation.scan(body)
            if let offset = scan.firstInvalidOffset {
                throw IngestError.invalidEncoding(
                    path: path, encoding: "UTF-8", byteOffset: offset + encoding.bomLength)
            }
            return Self.scalars(ofValidUTF8: body)
        }
        func scalars(of units: UnsafeBufferPointer<UInt16>) throws -> [Unicode.Scalar] {
            guard let scalars = Self.scalars(of: units, as: UTF16.self, startsScalar: { !UTF16.isTrailSurrogate($0) })
            else {
                throw IngestError.invalidEncoding(path: path, encoding: encoding.name, byteOffset: encoding.bomLength)
            }
            return scalars
        }
        let conversion =
            try body.withContiguousStorageIfAvailable { try ICU.utf16(decoding: $0, from: encoding.name, scalars) }
            ?? Array(body).withUnsafeBufferPointer { try ICU.utf16(decoding: $0, from: encoding.name, scalars) }
        switch conversion {
        case let .converted(scalars): return scalars
        case let .invalidInput(offset):
            throw IngestError.invalidEncoding(
                path: path, encoding: encoding.name, byteOffset: offset + encoding.bomLength)
        case .failed: throw IngestError.unsupportedEncoding(path: path, encoding: encoding.name)
        }
    }

    /// Decodes UTF-8 `bytes` into `out` (`room` scalars: at least `scalarCount(ofValidUTF8:)` of them),
    /// validated as they are decoded; returns how many it wrote, or nil unless the bytes are UTF-8 as
    /// strict as `UTF8Validation` asks (no overlong form, no surrogate, nothing past U+10FFFF, no sequence
    /// cut short) and hold no byte that `EncodingDetection.isControlByte` refuses. What makes them nil is
    /// for the caller to find and name, by that scan. (Checked here, the bytes of a text file are read
    /// once to be decoded, not scanned first.)
    static func decode(
        utf8 bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<Unicode.Scalar>, room: Int
    ) -> Int? {
        let (written, isWhole) = decodePrefix(bytes, into: out, room: room, refusingControls: true)
        return isWhole ? written : nil
    }

    /// Appends the scalars of UTF-8 `bytes` to `scalars` as `String(decoding:as: UTF8.self)` decodes them (an
    /// ill-formed sequence is a U+FFFD): decoded in one pass by `gw_utf8_decode` (CScan) where the bytes are
    /// well formed, as a parser's text is; through a string where they are not. (A string made of each text
    /// of an HTML page, then read a scalar at a time, was a second decoding of the text and an allocation.)
    static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to scalars: inout [Unicode.Scalar]) {
        let room = scalarCount(ofValidUTF8: bytes)
        let whole = withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: room) { buffer in
            guard let out = buffer.baseAddress else { return bytes.isEmpty }
            let (written, isWhole) = decodePrefix(bytes, into: out, room: room, refusingControls: false)
            if isWhole { scalars.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<written])) }
            return isWhole
        }
        if !whole { scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars) }
    }

    /// The scalars of bytes that `UTF8Validation` found valid (control bytes are let through: they were
    /// refused, or are to be, with their offsets). Anything that is not strict UTF-8, which valid input
    /// never holds, ends the text there: it never traps.
    static func scalars(ofValidUTF8 bytes: ArraySlice<UInt8>) -> [Unicode.Scalar] {
        bytes.withUnsafeBufferPointer { decoded($0, refusingControls: false).scalars }
    }

    /// The number of scalars in valid UTF-8 `bytes`: every byte but a continuation byte (10xxxxxx)
    /// begins one. (For any bytes, room for what the decoder writes.)
    static func scalarCount(ofValidUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        return gw_utf8_lead_count(base, bytes.count)
    }

    /// The scalars of the longest prefix of `bytes` that `gw_utf8_decode` (CScan) decodes, in an array
    /// made at the room they can need (a scalar a lead byte, counted first, sixteen bytes at a time), and
    /// whether that prefix is all of the bytes.
    private static func decoded(
        _ bytes: UnsafeBufferPointer<UInt8>, refusingControls: Bool
    ) -> (scalars: [Unicode.Scalar], isWhole: Bool) {
        let room = scalarCount(ofValidUTF8: bytes)
        var isWhole = true
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: room) { buffer, initialized in
            // (No room: the bytes are none, or continuation bytes only, and nothing is decoded.)
            guard let out = buffer.baseAddress else {
                isWhole = bytes.isEmpty
                return
            }
            (initialized, isWhole) = decodePrefix(bytes, into: out, room: room, refusingControls: refusingControls)
        }
        return (scalars, isWhole)
    }

    /// Decodes the longest prefix of `bytes` that `gw_utf8_decode` (CScan) decodes into `out` (`room`
    /// scalars); returns how many it wrote and whether that prefix is all of the bytes. (The decoder is C:
    /// a Chinese character's three bytes are read at once and their tags asked in one comparison, where
    /// the Swift loop asked them a byte at a time: 27 instructions a scalar, not 34.)
    private static func decodePrefix(
        _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<Unicode.Scalar>, room: Int,
        refusingControls: Bool
    ) -> (written: Int, isWhole: Bool) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (0, true) }
        var written = 0
        // (A `Unicode.Scalar` is its `UInt32` value, and the decoder writes scalar values only.)
        let decodedBytes = out.withMemoryRebound(to: UInt32.self, capacity: room) {
            gw_utf8_decode(base, bytes.count, $0, refusingControls ? 1 : 0, &written)
        }
        return (written, decodedBytes == bytes.count)
    }

    /// The scalars of code units in `codec`'s encoding; nil at the first ill-formed sequence.
    /// `startsScalar` tells a unit that begins a scalar from one that continues it.
    private static func scalars<Units: Collection, Codec: UnicodeCodec>(
        of units: Units, as codec: Codec.Type, startsScalar: (Codec.CodeUnit) -> Bool
    ) -> [Unicode.Scalar]? where Units.Element == Codec.CodeUnit {
        var scalars: [Unicode.Scalar] = []
        // Reserved at the count of scalars: at the count of units, a Chinese text in UTF-8 (three bytes
        // a character) held three times the array it needed, at four bytes a unit.
        scalars.reserveCapacity(units.count(where: startsScalar))
        var decoder = Codec()
        var iterator = units.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): scalars.append(scalar)
            case .emptyInput: return scalars
            case .error: return nil
            }
        }
    }

    /// Text to bytes in `charset` through ICU, strictly. Used to write test inputs in legacy
    /// encodings (a GBK copy of a notice) and by anything that must hand text to GBK-only systems.
    package static func encode(_ text: String, as charset: String) throws -> [UInt8] {
        switch ICU.bytes(encoding: Array(text.utf16), to: charset) {
        case let .converted(bytes): return bytes
        case let .invalidInput(offset): throw IngestError.unencodable(encoding: charset, utf16Offset: offset)
        case .failed: throw IngestError.unsupportedEncoding(path: "(text)", encoding: charset)
        }
    }

    /// Canonical composition (NFC) through ICU, for one line. Returns nil when the line is already
    /// in NFC, which is nearly always; otherwise the composed scalars of each grapheme, so the
    /// caller can keep every composed scalar's origin.
    static func nfc<S: Collection<Unicode.Scalar>>(_ scalars: S) -> [Unicode.Scalar]? {
        var units: [UInt16] = []
        units.reserveCapacity(scalars.count + 8)
        for scalar in scalars { UTF16.encode(scalar) { units.append($0) } }
        if units.isEmpty || ICU.isNFC(units) { return nil }
        guard let composed = ICU.nfc(units) else { return nil }
        return Array(String(decoding: composed, as: UTF16.self).unicodeScalars)
    }
}
