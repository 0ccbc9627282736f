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
            return Self.scalars(ofValidUTF8: body, count: scan.scalars)
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

    /// The scalars of `bytes`, validated as they are decoded: nil unless the bytes are UTF-8 as strict as
    /// `UTF8Validation` asks (no overlong form, no surrogate, nothing past U+10FFFF, no sequence cut
    /// short) and hold no byte that `EncodingDetection.isControlByte` refuses. What makes them nil is
    /// for the caller to find and name, by that scan. (Checked here, the bytes of a text file are read
    /// once to be decoded, not scanned first.)
    static func scalars(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar]? {
        // Room for a scalar at each byte that is no continuation byte: each scalar written below has its
        // own such byte, its first (the bytes after it are checked to be continuation bytes before it is
        // written), so the room is never passed, whatever the bytes.
        let room = SourceLines.scalarCount(ofValidUTF8: bytes)
        var valid = bytes.isEmpty
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: room) { buffer, initialized in
            // (The count and the place written are kept in locals, stored once at the end, and the index
            // moved without overflow checks, as it cannot pass `end`: through `initialized`, each scalar
            // was a store and two loads more.)
            guard let out = buffer.baseAddress else { return }
            var written = 0
            var i = 0
            let end = bytes.count
            while i < end {
                let lead = UInt32(bytes[i])
                var value: UInt32
                // Three bytes first: a Chinese character, most of a notice.
                if lead & 0xF0 == 0xE0 {
                    guard i &+ 2 < end else { break }
                    let second = UInt32(bytes[i &+ 1])
                    let third = UInt32(bytes[i &+ 2])
                    guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { break }
                    value = (lead & 0x0F) << 12 | (second & 0x3F) << 6 | third & 0x3F
                    // (Below U+0800 the form is overlong; D800–DFFF are surrogates.)
                    guard value >= 0x800, value & 0xF800 != 0xD800 else { break }
                    i &+= 3
                } else if lead < 0x80 {
                    // (The controls are below 0x20 but for DEL: most ASCII is passed by two comparisons.)
                    guard lead >= 0x20 ? lead != 0x7F : !EncodingDetection.isControlByte(UInt8(lead)) else { break }
                    value = lead
                    i &+= 1
                } else if lead & 0xE0 == 0xC0 {
                    guard i &+ 1 < end else { break }
                    let second = UInt32(bytes[i &+ 1])
                    guard second & 0xC0 == 0x80 else { break }
                    value = (lead & 0x1F) << 6 | second & 0x3F
                    guard value >= 0x80 else { break }
                    i &+= 2
                } else if lead & 0xF8 == 0xF0 {
                    guard i &+ 3 < end else { break }
                    let second = UInt32(bytes[i &+ 1])
                    let third = UInt32(bytes[i &+ 2])
                    let fourth = UInt32(bytes[i &+ 3])
                    guard second & 0xC0 == 0x80, third & 0xC0 == 0x80, fourth & 0xC0 == 0x80 else { break }
                    value = (lead & 0x07) << 18 | (second & 0x3F) << 12 | (third & 0x3F) << 6 | fourth & 0x3F
                    guard value >= 0x1_0000, value <= 0x10_FFFF else { break }
                    i &+= 4
                } else {
                    break  // a continuation byte where a sequence should begin, or a byte no UTF-8 holds
                }
                // (A scalar value by the checks above: made without `Unicode.Scalar.init?`'s checks again.)
                (out + written).initialize(to: unsafeBitCast(value, to: Unicode.Scalar.self))
                written &+= 1
            }
            initialized = written
            valid = i == end
        }
        return valid ? scalars : nil
    }

    /// The `count` scalars of bytes that `UTF8Validation` found valid, decoded by their lead bytes in one
    /// pass, into an array of their size (decoding them again through `UTF8`, which checks every
    /// sequence a second time, and counting them first, took three passes).
    static func scalars(ofValidUTF8 bytes: ArraySlice<UInt8>, count: Int) -> [Unicode.Scalar] {
        bytes.withUnsafeBufferPointer { scalars(ofValidUTF8: $0, count: count) }
    }

    static func scalars(ofValidUTF8 bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalars, initialized in
            var i = 0
            let end = bytes.count
            while i < end, initialized < count {
                let lead = UInt32(bytes[i])
                var value: UInt32
                // Three bytes first: a Chinese character, most of a notice. Each path rules out what is
                // no scalar value (a surrogate, a value past U+10FFFF), which valid input never holds and
                // anything else (not validated) ends the text at.
                if lead & 0xF0 == 0xE0 {
                    guard i + 2 < end else { break }
                    value = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    guard value & 0xF800 != 0xD800 else { break }
                    i += 3
                } else if lead < 0x80 {
                    value = lead
                    i += 1
                } else if lead < 0xE0 {
                    guard i + 1 < end else { break }
                    value = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else {
                    guard i + 3 < end else { break }
                    value =
                        (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    guard value <= 0x10_FFFF else { break }
                    i += 4
                }
                // (A scalar value by the checks above: made without `Unicode.Scalar.init?`'s checks again.)
                scalars.initializeElement(at: initialized, to: unsafeBitCast(value, to: Unicode.Scalar.self))
                initialized += 1
            }
        }
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
