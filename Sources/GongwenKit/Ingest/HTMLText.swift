import CHTML

/// HTML to lines of text through libxml2's HTML parser (htmlReadMemory, recovering, no network).
///
/// Block elements (p, div, h1–h6, li, tr …) and `<br>` end a line, table cells are separated by
/// tabs, script/style/head are dropped, and runs of HTML white space fold to one space. Each
/// character keeps the source line libxml2 reports for its text node; the column is found by
/// locating the text in that source line (exact for text without entity references).
enum HTMLText {
    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "tfoot", "thead", "tr", "ul",
    ]
    private static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "head", "iframe", "object", "svg", "math", "select",
    ]

    static func lines(utf8 bytes: [UInt8], sourceLines: [[Unicode.Scalar]], path: String) throws -> [TextLine] {
        guard bytes.count < Int(Int32.max) else { throw IngestError.html(path: path, reason: "larger than 2 GiB") }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { gw_html_parse($0.baseAddress, Int32($0.count)) }
        }
        guard let document = parsed else { throw IngestError.html(path: path, reason: "libxml2 found no document in it") }
        defer { gw_html_free(document) }
        guard let root = gw_html_root(document) else { return [] }

        var builder = LineBuilder(sourceLines: sourceLines)
        // An explicit stack, not recursion: pages nest thousands of levels deep.
        var stack: [(node: UnsafeMutableRawPointer, leaving: Bool)] = [(root, false)]
        var preDepth = 0
        while let (node, leaving) = stack.popLast() {
            switch gw_node_kind(node) {
            case Int32(GW_NODE_ELEMENT):
                let name = gw_node_name(node).map { String(cString: $0).lowercased() } ?? ""
                if droppedElements.contains(name) { continue }
                if leaving {
                    if name == "pre" { preDepth -= 1 }
                    if blockElements.contains(name) { builder.endLine() }
                    continue
                }
                if name == "br" { builder.endLine(); continue }
                if blockElements.contains(name) { builder.endLine() }
                if name == "td" || name == "th" { builder.startCell() }
                if name == "pre" { preDepth += 1 }
                stack.append((node, true))
                var children: [UnsafeMutableRawPointer] = []
                var child = gw_node_first_child(node)
                while let current = child {
                    children.append(current)
                    child = gw_node_next(current)
                }
                stack.append(contentsOf: children.reversed().map { ($0, false) })
            case Int32(GW_NODE_TEXT):
                guard let content = gw_node_text(node) else { continue }
                let text = Array(String(cString: content).unicodeScalars)
                builder.addText(text, endLine: Int(gw_node_line(node)), preformatted: preDepth > 0)
            default:
                continue
            }
        }
        builder.endLine()
        return builder.lines
    }

    private struct LineBuilder {
        let sourceLines: [[Unicode.Scalar]]
        var lines: [TextLine] = []
        var current = TextLine()
        var pendingSpace: SourcePoint?
        var searchCursor: [Int: Int] = [:]

        init(sourceLines: [[Unicode.Scalar]]) { self.sourceLines = sourceLines }

        mutating func endLine() {
            if !current.isEmpty { lines.append(current) }
            current = TextLine()
            pendingSpace = nil
        }

        mutating func startCell() {
            if !current.isEmpty, let last = current.origins.last { current.append("\t", from: last) }
            pendingSpace = nil
        }

        mutating func addText(_ text: [Unicode.Scalar], endLine: Int, preformatted: Bool) {
            let newlines = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            var line = max(1, endLine - newlines)
            var column = locate(text, onLine: line)
            for scalar in text {
                let origin = SourcePoint(line: line, column: column)
                if scalar == "\n" {
                    line += 1
                    column = 1
                    if preformatted { self.endLine() } else if !current.isEmpty { pendingSpace = origin }
                    continue
                }
                column += 1
                if !preformatted && (scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}") {
                    if !current.isEmpty { pendingSpace = origin }
                    continue
                }
                if let space = pendingSpace {
                    current.append(" ", from: space)
                    pendingSpace = nil
                }
                current.append(scalar, from: origin)
            }
        }

        /// The column where `text` begins on `line` of the source, searching after text already
        /// placed on that line; column 1 when the text cannot be found (entity references).
        private mutating func locate(_ text: [Unicode.Scalar], onLine line: Int) -> Int {
            guard line - 1 < sourceLines.count else { return 1 }
            let source = sourceLines[line - 1]
            let probe = Array(text.prefix { $0 != "\n" }.prefix(8))
            guard !probe.isEmpty, probe.count <= source.count else { return 1 }
            var start = searchCursor[line, default: 0]
            while start + probe.count <= source.count {
                if source[start..<(start + probe.count)].elementsEqual(probe) {
                    searchCursor[line] = start + probe.count
                    return start + 1
                }
                start += 1
            }
            return 1
        }
    }
}
