import Foundation

/// A list of notice files, one path a line (`--files-from`): an archive's 100,000 paths or more.
package enum FileList {
    /// The listed paths, blank lines and the white space around each path left out.
    ///
    /// The text is cut at the scalars `Character.isNewline` is true of (a line feed, a carriage return,
    /// CR LF, VT, FF, NEL, U+2028, U+2029): each is a character of its own whatever follows it (the
    /// grapheme rules break around controls and line separators), so cutting the scalars cuts where
    /// `String.split(whereSeparator: \.isNewline)` cut the characters, without finding every character's
    /// bounds (17,000 instructions a path). The scalars are found in the bytes, and each path decoded alone
    /// (decoding the whole list and splitting its scalars took 2,600 instructions a path): none of their
    /// encodings begins with a continuation byte or can be one, so a decoder that repairs broken UTF-8 (each
    /// broken piece one U+FFFD) reads the same scalars either way.
    package static func paths(in bytes: [UInt8]) -> [String] {
        var paths: [String] = []
        bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            var i = 0
            while i <= bytes.count {
                let newline = i < bytes.count ? newlineLength(at: i, in: bytes) : 1  // (the end ends the last path)
                guard newline > 0 else {
                    i += 1
                    continue
                }
                if i > start {
                    let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    let path = trimmed(Substring(line))
                    if !path.isEmpty { paths.append(path) }
                }
                i += newline
                start = i
            }
        }
        return paths
    }

    /// The length in bytes of the newline that begins at `i` (U+000A–U+000D, NEL, U+2028 or U+2029, in UTF-8), or 0.
    @inline(__always)
    private static func newlineLength(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        switch bytes[i] {
        case 0x0A...0x0D: return 1
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0x85 ? 2 : 0  // NEL
        case 0xE2:  // U+2028, U+2029
            return i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// `line` without the white space around it, as Foundation's `trimmingCharacters(in: .whitespaces)`
    /// cuts it; a line that neither starts nor ends with white space (most) is taken as it is, without
    /// the five allocations Foundation's trim made for each path of a long list.
    static func trimmed(_ line: Substring) -> String {
        guard let first = line.unicodeScalars.first, let last = line.unicodeScalars.last,
            mayBeSpace(first) || mayBeSpace(last)
        else { return String(line) }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `scalar` may be in `CharacterSet.whitespaces` (the space separators and the tab): an
    /// ASCII scalar is asked directly, any other of the set (made anew at each read, 900 instructions).
    private static func mayBeSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : CharacterSet.whitespaces.contains(scalar)
    }
}
