/// A character position in the original input: 1-based line, and 1-based column counted in
/// Unicode scalars (a CJK character, an ASCII letter and a tab each take one column).
public struct SourcePoint: Hashable, Sendable, Comparable {
    public var line: Int32
    public var column: Int32

    public init(line: Int, column: Int) {
        self.line = Int32(line)
        self.column = Int32(column)
    }

    init(line: Int32, column: Int32) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePoint, rhs: SourcePoint) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// The stretch of the original input that a value came from. Both ends are inclusive:
/// `endColumn` is the column of the last character.
public struct SourceSpan: Hashable, Sendable, Codable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(start: SourcePoint, end: SourcePoint) {
        startLine = Int(start.line)
        startColumn = Int(start.column)
        endLine = Int(end.line)
        endColumn = Int(end.column)
    }

    /// The smallest span that covers every span given; nil for none.
    public static func covering<S: Sequence>(_ spans: S) -> SourceSpan? where S.Element == SourceSpan {
        var result: SourceSpan?
        for span in spans {
            guard var merged = result else {
                result = span
                continue
            }
            if (span.startLine, span.startColumn) < (merged.startLine, merged.startColumn) {
                merged.startLine = span.startLine
                merged.startColumn = span.startColumn
            }
            if (span.endLine, span.endColumn) > (merged.endLine, merged.endColumn) {
                merged.endLine = span.endLine
                merged.endColumn = span.endColumn
            }
            result = merged
        }
        return result
    }
}
