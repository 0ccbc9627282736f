/// Lines for a terminal of a given width: a long line is folded with a hanging indent, so that a list item's
/// continuation lines stand under its text and not at column 0.
///
/// Widths are counted as a terminal lays them out: a Han character or full-width form takes two columns, a
/// combining mark none, an ANSI escape sequence ("\u{1B}[31m") none. A line breaks between Han characters or at a
/// space, never inside a run of Latin letters or digits unless that run alone is wider than the line, never
/// before closing punctuation ("，。）》") nor after opening punctuation ("（《“"). A colour or other
/// style running across a break is closed at the end of the line and opened again after the indent, so that
/// the indent is never underlined or struck through.
package enum TerminalWrap {
    /// `text` folded to `width` columns, each continuation line indented by `hangingIndent` spaces; a text
    /// of several lines is folded line by line. A width too narrow to hold the indent and a few columns of
    /// text leaves the text as it is.
    package static func wrap(_ text: String, width: Int, hangingIndent: Int) -> String {
        guard width - hangingIndent >= 8 else { return text }
        var out = ""
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if n > 0 { out += "\n" }
            out += wrapLine(Substring(line), width: width, indent: hangingIndent)
        }
        return out
    }

    /// A piece that is never split across lines: a run of Latin letters and digits, one Han character with
    /// the punctuation that may not be parted from it, a run of spaces, or an escape sequence.
    private struct Piece {
        var text: Substring
        var width: Int
        var isSpace: Bool
        var isEscape: Bool
    }

    private static func wrapLine(_ line: Substring, width: Int, indent: Int) -> String {
        let pieces = self.pieces(of: line)
        guard pieces.reduce(0, { $0 + $1.width }) > width else { return String(line) }
        var out = ""
        var column = 0
        var style: Substring?  // the escape sequence in force (nil after a reset)
        var atLineStart = true
        var folded = false
        for piece in pieces {
            if piece.isEscape {
                out += piece.text
                style = piece.text == "\u{1B}[0m" || piece.text == "\u{1B}[m" ? nil : piece.text
                continue
            }
            if piece.isSpace && atLineStart && folded { continue }  // no space at the start of a folded line
            if column + piece.width > width && !atLineStart {
                if piece.isSpace { continue }  // the break takes the space's place
                // Trailing spaces are not carried to the end of the line.
                while out.last == " " { out.removeLast() }
                if style != nil { out += "\u{1B}[0m" }
                out += "\n" + String(repeating: " ", count: indent)
                if let style { out += style }
                column = indent
                atLineStart = true
                folded = true
            }
            if piece.width > width - column {
                // Wider than a whole line (a long URL): cut it by characters.
                for character in piece.text {
                    let w = columns(of: character)
                    if column + w > width && column > indent {
                        if style != nil { out += "\u{1B}[0m" }
                        out += "\n" + String(repeating: " ", count: indent)
                        if let style { out += style }
                        column = indent
                    }
                    out.append(character)
                    column += w
                }
            } else {
                out += piece.text
                column += piece.width
            }
            atLineStart = false
        }
        return out
    }

    private static func pieces(of line: Substring) -> [Piece] {
        var pieces: [Piece] = []
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            var end = line.index(after: index)
            if character == "\u{1B}" {
                // CSI: ESC [ parameters… final byte (a letter).
                if end < line.endIndex, line[end] == "[" {
                    end = line.index(after: end)
                    while end < line.endIndex, !(line[end].isLetter) { end = line.index(after: end) }
                    if end < line.endIndex { end = line.index(after: end) }
                }
                pieces.append(Piece(text: line[index..<end], width: 0, isSpace: false, isEscape: true))
                index = end
                continue
            }
            if character == " " {
                while end < line.endIndex, line[end] == " " { end = line.index(after: end) }
                pieces.append(
                    Piece(
                        text: line[index..<end], width: line.distance(from: index, to: end), isSpace: true,
                        isEscape: false))
                index = end
                continue
            }
            if isWord(character) {
                while end < line.endIndex, isWord(line[end]) { end = line.index(after: end) }
            }
            // Punctuation that closes stays with what it closes: it joins the piece before.
            if let last = pieces.last, !last.isSpace, !last.isEscape, isClosing(character) {
                let joined = line[last.text.startIndex..<end]
                pieces[pieces.count - 1] = Piece(
                    text: joined, width: last.width + columns(of: line[index..<end]), isSpace: false, isEscape: false)
            } else if let last = pieces.last, !last.isSpace, !last.isEscape, let opener = last.text.last,
                isOpening(opener)
            {
                // Punctuation that opens stays with what it opens.
                let joined = line[last.text.startIndex..<end]
                pieces[pieces.count - 1] = Piece(
                    text: joined, width: last.width + columns(of: line[index..<end]), isSpace: false, isEscape: false)
            } else {
                pieces.append(
                    Piece(
                        text: line[index..<end], width: columns(of: line[index..<end]), isSpace: false, isEscape: false)
                )
            }
            index = end
        }
        return pieces
    }

    /// Letters, digits and the marks inside words, URLs and numbers: a run of them is one word.
    private static func isWord(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, !scalar.isWide else { return false }
        return character.isLetter || character.isNumber || "-_./:@%#?=&~+'".contains(character)
    }

    private static func isClosing(_ character: Character) -> Bool {
        "，。、；：！？）》」』】〕〉”’,.;:!?)]}…".contains(character)
    }

    private static func isOpening(_ character: Character) -> Bool {
        "（《「『【〔〈“‘([{".contains(character)
    }

    static func columns(of text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    static func columns(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
            return 0
        }
        return scalar.isWide ? 2 : 1
    }
}
