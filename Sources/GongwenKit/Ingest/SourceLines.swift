import Foundation

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
        scalars.withUnsafeBufferPointer { text in
            Self.forEachLine(in: text, lineFeed: "\n", carriageReturn: "\r", from: text.first == "\u{FEFF}" ? 1 : 0) {
                starts.append(Int32($0.lowerBound))
                ends.append(Int32($0.upperBound))
            }
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
    /// Calls `body` with the range of each line of `text` from `start` on: lines end at LF, CRLF or CR,
    /// which they do not hold, and a final line break opens no empty line after it. (The decoded text
    /// and valid UTF-8, whose line breaks are the same single bytes, are cut by this one walk.)
    static func forEachLine<Unit: Equatable>(
        in text: UnsafeBufferPointer<Unit>, lineFeed: Unit, carriageReturn: Unit, from start: Int,
        _ body: (Range<Int>) -> Void
    ) {
        var start = start
        var i = start
        while i < text.count {
            let unit = text[i]
            if unit == lineFeed || unit == carriageReturn {
                body(start..<i)
                if unit == carriageReturn, i + 1 < text.count, text[i + 1] == lineFeed { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < text.count { body(start..<text.count) }
    }

    /// The lines of UTF-8 text without a byte order mark, cut as `SourceLines` cuts the decoded text,
    /// decoded and validated as they are (`Transcoding.decode(utf8:into:room:)`; the text is never decoded
    /// whole beside them): nil unless the bytes are strict UTF-8 holding no byte that text never holds.
    /// (No line break is part of a sequence, so the text is valid exactly when each of its lines is.)
    ///
    /// The lines are decoded a chunk of them at a time (`chunkBytes` of text, or one longer line) into
    /// one array, each line a stretch of it: an array a line was a tenth of all the allocations of a
    /// parse (and each asked the runtime for the array's type). A chunk is let go when the last of its
    /// lines is.
    static func textLines(ofUTF8 bytes: ArraySlice<UInt8>) -> [TextLine]? {
        bytes.withUnsafeBufferPointer { text in
            // Counted first: the lines' array is made at its size.
            let (count, hasCarriageReturns) = lineCount(ofUTF8: text)
            var lines: [TextLine] = []
            lines.reserveCapacity(count)
            // A text larger than a chunk many times over is decoded a line an array: each line is let go
            // on its own as the normalizer cleans it (a chunk stayed whole while one of its lines was in
            // use, beside the cleaned copies of the rest: a 22 MB notice peaked at 5.4 bytes a byte, not 4.8).
            let chunkLimit = text.count <= largestChunkedText ? chunkBytes : 0
            var chunk: [Range<Int>] = []  // the byte ranges of the lines gathered for the next chunk
            // (Room for a notice's lines at once: grown from empty, it was allocated five times a notice.)
            chunk.reserveCapacity(Swift.min(count, 256))
            var ends: [Int] = []  // (where each of them ends in the chunk's array, as they are decoded)
            var valid = true
            forEachLine(inUTF8: text, hasCarriageReturns: hasCarriageReturns) { range in
                guard valid else { return }
                if let first = chunk.first, range.upperBound - first.lowerBound > chunkLimit {
                    valid = decode(&chunk, of: text, ends: &ends, appendingTo: &lines)
                }
                chunk.append(range)
            }
            if valid { valid = decode(&chunk, of: text, ends: &ends, appendingTo: &lines) }
            return valid ? lines : nil
        }
    }

    /// Decodes the lines whose byte ranges of `text` are `chunk` into one array, appends each as a stretch
    /// of it to `lines`, and empties `chunk` (and `ends`, where each line's scalars end in the array: both
    /// kept by the caller for the next chunk); false (and nothing appended) unless they are strict UTF-8
    /// holding no byte that text never holds.
    private static func decode(
        _ chunk: inout [Range<Int>], of text: UnsafeBufferPointer<UInt8>, ends: inout [Int],
        appendingTo lines: inout [TextLine]
    ) -> Bool {
        guard let first = chunk.first, let last = chunk.last else { return true }
        let room = Transcoding.scalarCount(
            ofValidUTF8: UnsafeBufferPointer(rebasing: text[first.lowerBound..<last.upperBound]))
        ends.reserveCapacity(chunk.count)
        let storage = [Unicode.Scalar](unsafeUninitializedCapacity: room) { buffer, initialized in
            var at = 0
            for range in chunk {
                guard let out = buffer.baseAddress,
                    let written = Transcoding.decode(
                        utf8: UnsafeBufferPointer(rebasing: text[range]), into: out + at, room: room - at)
                else { break }
                at += written
                ends.append(at)
            }
            initialized = at
        }
        guard ends.count == chunk.count else { return false }
        let scalars = Scalars(storage)
        var start = 0
        for end in ends {
            let origins = Origins(from: SourcePoint(line: lines.count + 1, column: 1), count: end - start)
            lines.append(TextLine(scalars: scalars.stretch(start..<end), origins: origins))
            start = end
        }
        chunk.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        return true
    }

    /// How much text (in bytes, with its line breaks) a chunk of lines decoded into one array holds, and
    /// the largest text decoded in chunks.
    static let chunkBytes = 16_384, largestChunkedText = 1 << 20

    /// The number of lines `forEachLine` cuts UTF-8 `text` into, and whether it holds a carriage return:
    /// both found by `memchr` (many bytes at a time), as the lines are cut.
    static func lineCount(ofUTF8 text: UnsafeBufferPointer<UInt8>) -> (count: Int, hasCarriageReturns: Bool) {
        let hasCarriageReturns = text.baseAddress.map { memchr($0, 0x0D, text.count) != nil } ?? false
        var count = 0
        forEachLine(inUTF8: text, hasCarriageReturns: hasCarriageReturns) { _ in count += 1 }
        return (count, hasCarriageReturns)
    }

    /// `forEachLine` over UTF-8 `text`: without carriage returns, each line's end is found by `memchr`
    /// (many bytes at a time) instead of a comparison a byte.
    static func forEachLine(
        inUTF8 text: UnsafeBufferPointer<UInt8>, hasCarriageReturns: Bool, _ body: (Range<Int>) -> Void
    ) {
        guard !hasCarriageReturns, let base = text.baseAddress else {
            forEachLine(in: text, lineFeed: 0x0A, carriageReturn: 0x0D, from: 0, body)
            return
        }
        var start = 0
        while start < text.count {
            guard let found = memchr(base + start, 0x0A, text.count - start) else {
                body(start..<text.count)
                return
            }
            let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            body(start..<end)
            start = end + 1
        }
    }
}
