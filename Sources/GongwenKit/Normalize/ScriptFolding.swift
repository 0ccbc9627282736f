import Foundation

/// Traditional script folded to simplified, and the pinyin that some mirrors insert after a
/// character ("關(guān)于") removed, so that a notice served in either script gives the same values.
///
/// Values come out in simplified script. The folding is character for character (ICU's
/// "Traditional-Simplified" transform, read into `SimplifiedForms`), so every folded character keeps
/// the origin of the character it replaces and spans still point at the words as the input wrote them.
enum ScriptFolding {
    /// A document is folded when at least this share of its Han characters are traditional forms
    /// (a simplified text has a few characters that the transform also rewrites, such as 乾 and 著).
    static let minimumTraditionalShare = 0.02
    /// …and at least this many of them.
    static let minimumTraditionalCount = 5

    /// The characters of `lines` that are folded, each to its simplified form (the characters of the
    /// input, not those that cleaning makes of them), or nil when the document is not written in
    /// traditional script.
    static func foldedCharacters(of lines: [TextLine]) -> SimplifiedForms.TraditionalCharacters? {
        let (hanCount, traditionalCount) = SimplifiedForms.census(of: lines)
        guard traditionalCount >= minimumTraditionalCount,
            Double(traditionalCount) >= minimumTraditionalShare * Double(hanCount)
        else { return nil }
        return SimplifiedForms.traditionalCharacters(in: lines)
    }

    /// The simplified form of each scalar (the scalar itself where it has no other), from the table.
    static func simplified(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.map { SimplifiedForms.form(of: $0) ?? $0 }
    }

    /// The simplified form of each scalar as ICU's transform gives it (the scalar itself where the
    /// transform gives none, or gives more than one scalar): what the table is made from.
    static func icuSimplified(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let whole = transform(scalars)
        if let whole, whole.count == scalars.count { return whole }
        // The transform changed the length somewhere: fold one character at a time.
        return scalars.map { scalar in
            guard let one = transform([scalar]), one.count == 1 else { return scalar }
            return one[0]
        }
    }

    /// The text in traditional script (ICU's "Simplified-Traditional"): what a mirror serves; the tests
    /// make traditional versions of notices with it.
    static func traditional(_ text: String) -> String? {
        transform(Array(text.unicodeScalars), toSimplified: false).map { String(scalars: $0) }
    }

    private static func transform(_ scalars: [Unicode.Scalar], toSimplified: Bool = true) -> [Unicode.Scalar]? {
        var units: [UInt16] = []
        for scalar in scalars { UTF16.encode(scalar) { units.append($0) } }
        guard let folded = ICU.foldScript(units, toSimplified: toSimplified) else { return nil }
        return Array(String(decoding: folded, as: UTF16.self).unicodeScalars)
    }

    /// The line with each of `characters` replaced by its simplified form, origins kept.
    /// (The scalars read through their buffer, and copied whole before those to fold are replaced where they
    /// stand: asked of every line of a traditional notice, a `contains(where:)` and a `map` through the line's
    /// iterator, with the table looked up at each scalar, took 0.9% of a parse's time.)
    static func fold(_ line: TextLine, with characters: SimplifiedForms.TraditionalCharacters) -> TextLine {
        // (`characters` holds only scalars with a simplified form other than themselves.)
        guard let first = line.scalars.withUnsafeBufferPointer({ $0.firstIndex { characters.contains($0) } })
        else { return line }
        var scalars = line.scalars.withUnsafeBufferPointer { Array($0) }
        scalars.withUnsafeMutableBufferPointer { SimplifiedForms.fold($0, from: first, characters) }
        // One scalar for one: the line keeps its origins.
        return TextLine(scalars: scalars, origins: line.origins)
    }

    /// Vowels with a tone mark, and ü: what tells a pinyin annotation from a bracketed word.
    static let toneVowels = ScalarSet(of: "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ")

    /// The line without pinyin annotations: "(guān)" or "（guān）" right after a Han character,
    /// one to seven lowercase letters with at least one tone-marked vowel.
    /// (The tone vowels and the brackets found by the C searches, `ScalarSet.firstIndex(in:from:)` and
    /// `TextLine.firstIndex(of:or:from:)`: a loop that asked each scalar whether it opened an annotation took
    /// 4,500 instructions a line that holds one.)
    static func removePinyin(_ line: TextLine) -> TextLine {
        let s = line.scalars
        guard s.withUnsafeBufferPointer({ toneVowels.firstIndex(in: $0, from: 0) }) != nil else { return line }
        var out = TextLine()
        out.reserveCapacity(s.count)
        var kept = 0  // where the text since the last annotation begins: copied at once, with its origins
        var i = 1  // (an annotation's bracket stands after a Han character)
        while let open = line.firstIndex(of: "(", or: "（", from: i) {
            if s[open - 1].isHan, let end = annotationEnd(s, open: open) {
                out.append(contentsOf: line, range: kept..<open)
                i = end
                kept = end
            } else {
                i = open + 1
            }
        }
        out.append(contentsOf: line, range: kept..<s.count)
        return out
    }

    /// The index after the closing bracket of a pinyin annotation opening at `open`, or nil.
    static func annotationEnd(_ s: Scalars, open: Int) -> Int? {
        var i = open + 1
        var toned = false
        while i < s.count, i - open <= 8 {
            let c = s[i]
            if c == ")" || c == "）" { return toned && i > open + 1 ? i + 1 : nil }
            if toneVowels.contains(c) { toned = true } else if !(c.value >= 0x61 && c.value <= 0x7A) { return nil }
            i += 1
        }
        return nil
    }
}
