import Foundation

/// A list of notice files, one path a line (`--files-from`): an archive's 100,000 paths or more.
package enum FileList {
    /// The listed paths, blank lines and the white space around each path left out.
    ///
    /// The text is cut at the scalars `Character.isNewline` is true of (a line feed, a carriage return,
    /// CR LF, VT, FF, NEL, U+2028, U+2029): each is a character of its own whatever follows it (the
    /// grapheme rules break around controls and line separators), so cutting the scalars cuts where
    /// `String.split(whereSeparator: \.isNewline)` cut the characters, without finding every character's
    /// bounds (17,000 instructions a path).
    package static func paths(in bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.split(whereSeparator: isNewline)
            .map { trimmed(Substring($0)) }.filter { !$0.isEmpty }
    }

    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
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
