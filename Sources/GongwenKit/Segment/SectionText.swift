/// An outline item's own words as its record keeps them: a string, or still the lines they stand on,
/// made into text only when read or written out.
///
/// A record written out as soon as it is made keeps the lines (see `SectionTree`), so that it never
/// holds the notice's text twice: for a 20 MB notice, the sections' strings were 23 MB of the memory
/// peak beside the lines they were copied from.
package struct SectionText: Sendable {
    private enum Storage: Sendable {
        case string(String)
        /// The item's lines: the first from scalar `firstLineStart` on, or left out when nil (the line is
        /// the item's heading); each following one whole, as a paragraph.
        case lines(ArraySlice<NormalizedLine>, firstLineStart: Int?)
    }

    private var storage: Storage

    package init(_ string: String) {
        storage = .string(string)
    }

    /// The words of an item whose lines are `lines`: the numbered line after its number (from
    /// `firstLineStart`), unless that line is its heading (nil), then each following line.
    package init(lines: ArraySlice<NormalizedLine>, firstLineStart: Int?) {
        storage = .lines(lines, firstLineStart: firstLineStart)
    }

    /// The text, the paragraphs joined by line feeds.
    package var string: String {
        switch storage {
        case let .string(string): string
        case let .lines(lines, firstLineStart): String(joining: Self.paragraphs(lines, firstLineStart), separator: "\n")
        }
    }

    /// The text as a JSON string, written from the lines without making it a string first.
    package func write(to json: inout JSONWriter) {
        switch storage {
        case let .string(string): json.string(string)
        case let .lines(lines, firstLineStart):
            json.string(joining: Self.paragraphs(lines, firstLineStart), separator: UInt8(ascii: "\n"))
        }
    }

    private static func paragraphs(_ lines: ArraySlice<NormalizedLine>, _ firstLineStart: Int?) -> [TextLine] {
        var paragraphs: [TextLine] = []
        paragraphs.reserveCapacity(lines.count)
        for index in lines.indices {
            let line = lines[index].line
            if index == lines.startIndex {
                guard let start = firstLineStart else { continue }
                paragraphs.append(start == 0 ? line : line[start..<line.count])
            } else {
                paragraphs.append(line)
            }
        }
        return paragraphs
    }
}
