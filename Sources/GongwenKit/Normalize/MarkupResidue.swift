/// Strips the markdown that text extraction leaves behind, keeping every origin in step.
enum MarkupResidue {
    /// A line of only `-`, `*` or `_` (three or more, spaces allowed): a thematic break.
    static func isThematicBreak(_ line: TextLine) -> Bool {
        var marker: Unicode.Scalar?
        var count = 0
        for scalar in line.scalars where !scalar.isLineSpace {
            guard scalar == "-" || scalar == "*" || scalar == "_" || scalar == "—" else { return false }
            if let m = marker, m != scalar { return false }
            marker = scalar
            count += 1
        }
        return count >= 3
    }

    /// `# Heading` … `###### Heading`: the level and the line without its markers.
    static func stripHeading(_ line: TextLine) -> (level: Int, text: TextLine)? {
        var level = 0
        while level < line.count, line.scalars[level] == "#" { level += 1 }
        guard (1...6).contains(level), level == line.count || line.scalars[level].isLineSpace else { return nil }
        var text = line[level..<line.count].trimmed()
        // Optional closing sequence: "## Title ##".
        var end = text.count
        while end > 0, text.scalars[end - 1] == "#" { end -= 1 }
        if end < text.count, end == 0 || text.scalars[end - 1].isLineSpace { text = text[0..<end].trimmed() }
        return (level, text)
    }

    /// Whether `scalar` may begin emphasis or a link: no line without one is changed by `stripInline`.
    @inline(__always)
    static func mayBeginInline(_ scalar: Unicode.Scalar) -> Bool { scalar == "*" || scalar == "[" || scalar == "<" }

    /// Removes `**` emphasis and unwraps `[text](url)` and `<url>` links.
    static func stripInline(_ line: TextLine, links: inout [Link]) -> TextLine {
        let s = line.scalars
        guard s.contains(where: mayBeginInline) else { return line }
        var out = TextLine()
        var i = 0
        while i < s.count {
            if s[i] == "*", i + 1 < s.count, s[i + 1] == "*" {
                i += 2
                continue
            }
            if s[i] == "[", let (textRange, urlRange, end) = inlineLink(s, at: i) {
                let url = String(scalars: s[urlRange])
                if !textRange.isEmpty {
                    let text = line[textRange]
                    links.append(Link(text: text.text, url: url, span: line.span(textRange)))
                    out.append(text)
                }
                i = end
                continue
            }
            if s[i] == "<", let close = autolinkEnd(s, at: i) {
                let range = (i + 1)..<close
                let url = String(scalars: s[range])
                links.append(Link(text: url, url: url, span: line.span(range)))
                out.append(contentsOf: line, range: range)
                i = close + 1
                continue
            }
            out.append(s[i], from: line.origins[i])
            i += 1
        }
        return out
    }

    /// `[text](url)` starting at `start`: the ranges of text and url, and the index after `)`.
    private static func inlineLink(_ s: Scalars, at start: Int) -> (Range<Int>, Range<Int>, Int)? {
        var i = start + 1
        var depth = 1
        while i < s.count {
            if s[i] == "[" {
                depth += 1
            } else if s[i] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            i += 1
        }
        guard i + 1 < s.count, s[i + 1] == "(" else { return nil }
        let textRange = (start + 1)..<i
        var j = i + 2
        while j < s.count, s[j] != ")" {
            if s[j].isLineSpace { return nil }
            j += 1
        }
        guard j < s.count, j > i + 2 else { return nil }
        return (textRange, (i + 2)..<j, j + 1)
    }

    /// `<http…>`, `<https…>` or `<mailto:…>` at `start`: the index of `>`.
    private static func autolinkEnd(_ s: Scalars, at start: Int) -> Int? {
        let rest = String(scalars: s[(start + 1)..<min(s.count, start + 9)]).lowercased()
        guard rest.hasPrefix("http://") || rest.hasPrefix("https://") || rest.hasPrefix("mailto:") else { return nil }
        var i = start + 1
        while i < s.count, s[i] != ">" {
            if s[i].isLineSpace { return nil }
            i += 1
        }
        return i < s.count ? i : nil
    }
}
