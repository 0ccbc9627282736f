/// What mirrors and forums leave in a notice's text that was never part of it: HTML entities that a
/// copy left undecoded or a spam mirror garbled ("&nbsp;", "&苍产蝉辫;"), and the anti-scraping noise
/// some forums insert between words ("* B+ U0 r* v4 d: j"). Removing them keeps the origins of
/// what remains.
enum TextNoise {
    /// Entities worth keeping as the character they stand for; any other entity-shaped run goes.
    static let entities: [String: Unicode.Scalar] = [
        "nbsp": " ", "ensp": " ", "emsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "ldquo": "“",
        "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "middot": "·", "mdash": "—", "ndash": "–", "hellip": "…",
    ]

    /// The ASCII punctuation a text puts right after its words ("主管部门:"), before any noise.
    static let textPunctuation = ScalarSet(of: ":,;")

    /// Whether `scalar` may begin an entity or a run of noise: no line without one is changed by `cleaned`.
    @inline(__always)
    static func mayBegin(_ scalar: Unicode.Scalar) -> Bool { scalar == "&" || scalar == " " }

    /// `line` without its noise; nil when it holds none (most lines: a line with a space is asked), so that
    /// such a line is not copied and handed back.
    static func cleaned(_ line: borrowing TextLine) -> TextLine? {
        let s = line.scalars
        // Most lines hold neither: look before copying. Noise is at least four tokens apart by single
        // spaces, so a line without "&" and without three spaces between ASCII tokens holds none. (Nor,
        // then, does a line without "&" or a space, `mayBegin`: the normalizer calls this only for a line
        // that held one, and a test of its own for them was a pass more.)
        guard s.contains("&") || spacesBetweenASCIITokens(s, atLeast: 3) else { return nil }
        guard
            s.indices.contains(where: { i in
                s[i] == "&" && entity(s, at: i) != nil || s[i].isASCII && jammerEnd(s, at: i) != nil
                    || i + 1 < s.count && textPunctuation.contains(s[i]) && jammerEnd(s, at: i + 1) != nil
            })
        else { return nil }
        var out = TextLine()
        var i = 0
        while i < s.count {
            if s[i] == "&", let (end, replacement) = entity(s, at: i) {
                if let replacement { out.append(replacement, from: line.origins[i]) }
                i = end
                continue
            }
            // A colon or comma right after the text is the text's own ("主管部门:) G( A* …").
            let keepsPunctuation = i > 0 && !s[i - 1].isASCII && textPunctuation.contains(s[i])
            if let end = jammerEnd(s, at: keepsPunctuation ? i + 1 : i) {
                if keepsPunctuation { out.append(s[i], from: line.origins[i]) }
                i = end
                continue
            }
            out.append(s[i], from: line.origins[i])
            i += 1
        }
        return out
    }

    /// Whether at least `count` spaces of `s` stand between two ASCII scalars that are not spaces.
    private static func spacesBetweenASCIITokens(_ s: Scalars, atLeast count: Int) -> Bool {
        s.withUnsafeBufferPointer { s in
            var found = 0
            // (From space to space, each found sixteen scalars at a time: the line's first and last scalars are
            // no space between two others.)
            var from = 1
            while let i = Scalars.firstIndex(of: 0x20, or: 0x20, in: s, from: from), i + 1 < s.count {
                from = i + 1
                let before = s[i - 1]
                let after = s[i + 1]
                guard before.isASCII, before != " ", after.isASCII, after != " " else { continue }
                found += 1
                if found == count { return true }
            }
            return false
        }
    }

    /// "&name;" with two to eight letters (or the Han characters a spam mirror put in their place).
    private static func entity(_ s: Scalars, at start: Int) -> (Int, Unicode.Scalar?)? {
        var i = start + 1
        while i < s.count, i - start <= 9, s[i].isASCIILetter || s[i].isHan { i += 1 }
        guard i < s.count, s[i] == ";", i - start - 1 >= 2 else { return nil }
        let name = String(scalars: s[(start + 1)..<i])
        if name.unicodeScalars.allSatisfy(\.isASCIILetter), entities[name.lowercased()] == nil, name.count > 6 {
            return nil
        }
        return (i + 1, entities[name.lowercased()])
    }

    /// A run of at least four one- or two-character ASCII tokens, single-spaced, with punctuation and
    /// letters mixed in, starting at `start` after text or punctuation (not inside a word):
    /// the noise a forum inserts against copying. Returns where it ends.
    private static func jammerEnd(_ s: Scalars, at start: Int) -> Int? {
        guard start < s.count,
            start == 0 || !(s[start - 1].isASCIILetter || s[start - 1].isASCIIDigit || s[start - 1] == " "),
            s[start].isASCII, s[start] != " "
        else { return nil }
        var i = start
        var tokens = 0
        var withLetter = 0
        var withPunctuation = 0
        var end = start
        while i < s.count, s[i].isASCII {
            let tokenStart = i
            while i < s.count, s[i].isASCII, s[i] != " " { i += 1 }
            let length = i - tokenStart
            guard (1...2).contains(length) else { break }
            tokens += 1
            let token = s[tokenStart..<i]
            if token.contains(where: \.isASCIILetter) { withLetter += 1 }
            if token.contains(where: { !$0.isASCIILetter && !$0.isASCIIDigit }) { withPunctuation += 1 }
            end = i
            guard i < s.count, s[i] == " " else { break }
            i += 1
        }
        guard tokens >= 4, withLetter >= 2, withPunctuation >= 2 else { return nil }
        // The run must end at non-ASCII text or the line's end, not inside a word.
        guard end == s.count || !s[end].isASCII || s[end] == " " else { return nil }
        return end
    }
}
