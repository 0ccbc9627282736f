import Foundation
import GongwenKit

/// The words of a hit in their context: where they first stand in the text (else in the title), with
/// up to `context` characters either side on the same and neighbouring lines, and the input span of the
/// line they stand on.
enum Snippets {
    static let context = 30

    static func snippet(of words: String, title: String?, body: String, lineSpansJSON: String) -> Snippet? {
        if let range = body.range(of: words, options: [.caseInsensitive, .literal]) {
            let line = body[..<range.lowerBound].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            let start = body.index(range.lowerBound, offsetBy: -context, limitedBy: body.startIndex) ?? body.startIndex
            let end = body.index(range.upperBound, offsetBy: context, limitedBy: body.endIndex) ?? body.endIndex
            return Snippet(
                before: flat(body[start..<range.lowerBound]), match: String(body[range]),
                after: flat(body[range.upperBound..<end]),
                span: span(ofLine: line, in: lineSpansJSON))
        }
        if let title, let range = title.range(of: words, options: [.caseInsensitive, .literal]) {
            return Snippet(
                before: String(title[..<range.lowerBound]), match: String(title[range]),
                after: String(title[range.upperBound...]), span: nil)
        }
        return nil
    }

    /// Line breaks shown as " / " so that a snippet stays on one line.
    static func flat(_ text: Substring) -> String {
        text.replacingOccurrences(of: "\n", with: " / ")
    }

    static func span(ofLine line: Int, in lineSpansJSON: String) -> SourceSpan? {
        guard let spans = try? JSONDecoder().decode([[Int]].self, from: Data(lineSpansJSON.utf8)),
            line < spans.count, spans[line].count == 4
        else { return nil }
        let s = spans[line]
        return SourceSpan(start: SourcePoint(line: s[0], column: s[1]), end: SourcePoint(line: s[2], column: s[3]))
    }
}
