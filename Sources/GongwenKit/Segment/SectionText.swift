/// An outline item's own words, left in the lines they stand on and written out from them.
///
/// A record written out as soon as it is made keeps its outline as the segmented items (see
/// `SectionTree`), so that it never holds the notice's text twice: for a 20 MB notice, the sections'
/// strings were 23 MB of the memory peak beside the lines they were copied from.
package struct SectionText: Sendable {
    /// The item's lines: the first from scalar `firstLineStart` on, or left out when nil (the line is the
    /// item's heading); each following one whole, as a paragraph.
    private let lines: ArraySlice<NormalizedLine>
    private let firstLineStart: Int?

    /// The words of an item whose lines are `lines`: the numbered line after its number (from
    /// `firstLineStart`), unless that line is its heading (nil), then each following line.
    package init(lines: ArraySlice<NormalizedLine>, firstLineStart: Int?) {
        self.lines = lines
        self.firstLineStart = firstLineStart
    }

    /// The text, the paragraphs joined by line feeds.
    package var string: String { String(joining: paragraphs, separator: "\n") }

    /// The text as a JSON string, written from the lines without making it a string first.
    package func write(to json: inout JSONWriter) {
        json.string(joiningEach: forEachParagraphsScalars, separator: UInt8(ascii: "\n"))
    }

    /// The scalars of each paragraph (`paragraphs`), read where its line stands: no line copied out.
    func forEachParagraphsScalars(_ body: (UnsafeBufferPointer<Unicode.Scalar>) -> Void) {
        lines.withUnsafeBufferPointer { lines in
            for index in lines.indices {
                guard index == 0 else {
                    lines[index].line.scalars.withUnsafeBufferPointer(body)
                    continue
                }
                // The numbered line from `firstLineStart` on; none when it is the item's heading.
                guard let start = firstLineStart else { continue }
                lines[index].line.scalars.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start...])) }
            }
        }
    }

    /// The paragraphs, each cut as it is read: no array of them is made.
    var paragraphs: Paragraphs { Paragraphs(lines: lines, firstLineStart: firstLineStart) }

    /// Each paragraph of the text, in order: what the item's sentences are cut from, too.
    package func forEachParagraph(_ body: (TextLine) -> Void) {
        for paragraph in paragraphs { body(paragraph) }
    }

    /// The paragraphs of an item's lines: the numbered line from `firstLineStart` on (left out when that
    /// is nil), then each following line whole.
    struct Paragraphs: RandomAccessCollection {
        let lines: ArraySlice<NormalizedLine>
        let firstLineStart: Int?

        var startIndex: Int {
            firstLineStart == nil ? Swift.min(lines.startIndex + 1, lines.endIndex) : lines.startIndex
        }
        var endIndex: Int { lines.endIndex }

        subscript(index: Int) -> TextLine {
            let line = lines[index].line
            guard index == lines.startIndex, let start = firstLineStart, start > 0 else { return line }
            return line[start..<line.count]
        }
    }
}

extension SectionText: JSONWritable {}
