/// The lines of a decoded input, read in place: each line is a stretch of the one array of scalars
/// (`Scalars`), not a copy of its own. Lines end at LF, CRLF or CR, which they do not hold; a
/// byte-order mark that opens the text is not part of the first line, and a final line break opens
/// no empty line after it.
///
/// The HTML reader walks the source beside the page's text through these: a copy of each line took
/// more memory than the text they were cut from (125 MB in half a million arrays, for the 110 MB of a
/// 50 MB page's scalars).
struct SourceLines: RandomAccessCollection {
    private let text: Scalars
    /// Where each line begins and ends in `text`: 32 bits each (the text is shorter than 2 GiB, the most
    /// `IngestLimits` lets be read), half of what ranges take on a page of half a million lines.
    private let starts: [Int32]
    private let ends: [Int32]

    init(_ scalars: [Unicode.Scalar]) {
        var starts: [Int32] = []
        var ends: [Int32] = []
        var start = scalars.first == "\u{FEFF}" ? 1 : 0
        var i = start
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "\n" || scalar == "\r" {
                starts.append(Int32(start))
                ends.append(Int32(i))
                if scalar == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < scalars.count {
            starts.append(Int32(start))
            ends.append(Int32(scalars.count))
        }
        self.text = Scalars(scalars)
        self.starts = starts
        self.ends = ends
    }

    var startIndex: Int { 0 }
    var endIndex: Int { starts.count }

    /// Line `index` (from 0), its scalars indexed from 0.
    subscript(index: Int) -> Scalars { text.stretch(Int(starts[index])..<Int(ends[index])) }
}

extension SourceLines {
    /// The lines of valid UTF-8 text without a byte order mark, ending where `SourceLines` ends them
    /// (LF, CRLF, CR; no empty line after a final break), each decoded from its bytes into an array of
    /// its own size: the text is never decoded whole beside them.
    static func textLines(ofValidUTF8 bytes: ArraySlice<UInt8>) -> [TextLine] {
        bytes.withUnsafeBufferPointer { text in
            // The line breaks (a CRLF is one), counted first: the lines' array is made at its size.
            var breaks = 0
            for (i, byte) in text.enumerated()
            where byte == 0x0A || (byte == 0x0D && (i + 1 == text.count || text[i + 1] != 0x0A)) {
                breaks += 1
            }
            var lines: [TextLine] = []
            lines.reserveCapacity(breaks + 1)
            func appendLine(_ range: Range<Int>) {
                let line = UnsafeBufferPointer(rebasing: text[range])
                // Valid UTF-8: every byte but a continuation byte (10xxxxxx) begins a scalar.
                let count = line.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                let scalars = Transcoding.scalars(ofValidUTF8: line, count: count)
                lines.append(TextLine(original: scalars, lineNumber: lines.count + 1))
            }
            var start = 0
            var i = 0
            while i < text.count {
                let byte = text[i]
                if byte == 0x0A || byte == 0x0D {
                    appendLine(start..<i)
                    if byte == 0x0D, i + 1 < text.count, text[i + 1] == 0x0A { i += 1 }
                    start = i + 1
                }
                i += 1
            }
            if start < text.count { appendLine(start..<text.count) }
            return lines
        }
    }
}
