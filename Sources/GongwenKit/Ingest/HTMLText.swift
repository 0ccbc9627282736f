/// What an HTML page gives the pipeline: lines, the heading level of each (from h1–h6), and links.
struct HTMLDocumentText {
    var lines: [TextLine] = []
    var headingLevels: [Int?] = []
    var links: [Link] = []
    /// Blocks inside the article left out as page furniture (a menu, a share bar, related links).
    var dropped: [DroppedBlock] = []
}

/// A block of the page's article that the reader sees but the record leaves out, with why.
package struct DroppedBlock: Sendable, Equatable {
    package enum Reason: String, Sendable {
        case furniture = "navigation, header, footer or share bar"
        case linkList = "a list of links to other pages"
    }

    package var reason: Reason
    /// Its text, cut to its first 60 characters.
    package var excerpt: String
    package var span: SourceSpan
}

/// HTML to lines of text through libxml2's HTML parser (htmlReadMemory, recovering, no network).
///
/// The article is found by content density (HTMLTree.contentRoot); block elements and `<br>` end a
/// line, table cells are separated by tabs, the items of an `<ol>` keep their numbers, headings keep
/// their level, and runs of HTML white space fold to one space. Each character's origin is its line
/// and column in the HTML source, found by walking the source beside the text (SourceAligner).
enum HTMLText {
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "tfoot", "thead", "tr", "ul",
    ]

    /// The text of a page given as UTF-8, its characters mapped to the
    /// lines and columns of that source.
    static func extract(utf8 source: ArraySlice<UInt8>, path: String) throws -> HTMLDocumentText {
        guard source.count < Int(Int32.max) else { throw IngestError.html(path: path, reason: "larger than 2 GiB") }
        let bytes = blankingInternalSubset(source)
        // The document is freed as soon as its tree is copied out (the tree takes it).
        var document = LibXML2.Document(utf8: bytes)
        guard document != nil else { throw IngestError.html(path: path, reason: "libxml2 found no document in it") }
        let tree = HTMLTree(taking: &document)
        guard let root = tree.contentRoot() else { return HTMLDocumentText() }
        // The source decoded once libxml2's tree is gone (its characters are the decoded input's).
        let sourceLines = SourceLines(Transcoding.scalars(ofValidUTF8: source))

        let headings = headingsBefore(root, tree: tree)
        func text(droppingLinkLists: Bool) -> HTMLDocumentText {
            var writer = LineWriter(aligner: SourceAligner(lines: sourceLines), dropsLinkLists: droppingLinkLists)
            for heading in headings { writer.write(heading, tree: tree) }
            writer.write(root, tree: tree)
            writer.endLine()
            return writer.result
        }
        let page = text(droppingLinkLists: true)
        // A page whose text is all links (a list of notices, links nested in links) is read as it is.
        if !page.lines.contains(where: { $0.scalars.contains { !$0.isLineSpace } }) {
            return text(droppingLinkLists: false)
        }
        return page
    }

    /// Article text that must follow a block of links for it to count as part of the article.
    static let articleTextAfterLinks = 30

    /// The page with its DOCTYPE's internal subset (`<!DOCTYPE html [ <!ENTITY …> ]>`) replaced by
    /// spaces, line breaks kept: libxml2's HTML parser does not read a subset and would make text of it.
    /// Entities are never expanded.
    static func blankingInternalSubset(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var i = bytes.startIndex
        while i < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        let doctype = Array("<!doctype".utf8)
        guard bytes.endIndex - i > doctype.count,
            zip(bytes[i...], doctype).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
        else { return bytes }
        guard let open = bytes[i...].firstIndex(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: ">") }),
            bytes[open] == UInt8(ascii: "[")
        else { return bytes }
        // The subset ends at the "]" that a ">" follows (spaces between).
        var close = open + 1
        while close < bytes.endIndex {
            if bytes[close] == UInt8(ascii: "]") {
                var k = close + 1
                while k < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[k]) { k += 1 }
                if k < bytes.endIndex, bytes[k] == UInt8(ascii: ">") { break }
            }
            close += 1
        }
        guard close < bytes.endIndex else { return bytes }
        var blanked = bytes
        for k in open...close where blanked[k] != 0x0A && blanked[k] != 0x0D { blanked[k] = 0x20 }
        return blanked
    }

    /// Headings set just before the content, outside it: many sites put a notice's issuer and title
    /// in <h1>/<h2> apart from the <div> of its body. Walking back from the content through its
    /// preceding siblings, and its ancestors', headings are kept; furniture and short lines of
    /// metadata ("发布时间：…") are passed over; anything longer ends the walk.
    static func headingsBefore(_ root: Int, tree: HTMLTree) -> [Int] {
        // Only a heading that the body repeats at its top is a duplicate.
        // (The strings made with `String(scalars:)`, in one pass: a `String.UnicodeScalarView` built from the
        // scalars appended them one at a time, 2% of the time of reading a page.)
        let content = String(scalars: visibleText(root, tree: tree, atMost: 200))
        var found: [Int] = []
        var node = root
        walk: while true {
            let parent = tree.nodes[node].parent
            guard parent >= 0, tree.nodes[parent].tag != .html else { break }
            let siblings = tree.children(of: parent)
            guard let position = siblings.firstIndex(of: node) else { break }
            for sibling in siblings[..<position].reversed() where tree.nodes[sibling].kind == .element {
                if tree.isFurniture(sibling) { continue }
                let isHeading =
                    tree.nodes[sibling].tag.headingLevel.map { $0 <= 4 } ?? false
                    || tree.nodes[sibling].hints?.contains { $0.hasPrefix("title") } == true
                let text = String(scalars: plainText(sibling, tree: tree).filter { !$0.isLineSpace && $0 != "\n" })
                if isHeading, !text.isEmpty {
                    if !content.contains(text) { found.append(sibling) }
                } else if text.unicodeScalars.count > 100 {
                    break walk
                }
            }
            node = parent
        }
        return found.reversed()
    }

    /// Whether a newline inside a text node ends a paragraph, as pages that set their text without
    /// <p> or <br> mark it: the next line is indented with ideographic or no-break spaces
    /// ("\n　　根据…"), or the line so far ends a sentence or a label ("…如下：", "…。") and the next
    /// begins with Han text. Other newlines in HTML are only spacing.
    static func startsParagraph(_ text: Scalars, afterNewlineAt k: Int, lineSoFar: TextLine) -> Bool {
        var j = k + 1
        while j < text.count, text[j] == "\n" || text[j] == "\r" || text[j] == " " || text[j] == "\t" { j += 1 }
        guard j < text.count else { return false }
        if text[j] == "\u{3000}" || text[j] == "\u{A0}" { return true }
        guard let last = lineSoFar.scalars.last(where: { !$0.isLineSpace }) else { return false }
        return "。：:；".unicodeScalars.contains(last) && text[j].isHan
    }

    /// The first `limit` scalars of the subtree's text that are not white space, in document order:
    /// the text after them is not read (the content's top was the whole article's text, filtered).
    /// (The subtree's nodes in document order are the indices `index..<subtreeEnd[index]`: no walk.)
    static func visibleText(_ index: Int, tree: HTMLTree, atMost limit: Int) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for i in index..<tree.subtreeEnd[index] {
            for scalar in tree.text(of: i) where !scalar.isLineSpace && scalar != "\n" {
                guard result.count < limit else { return result }
                result.append(scalar)
            }
        }
        return result
    }

    /// The text of the subtree of node `index`, in document order.
    static func plainText(_ index: Int, tree: HTMLTree) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for i in index..<tree.subtreeEnd[index] { result += tree.text(of: i) }
        return result
    }

    /// Writes lines from a subtree in document order.
    struct LineWriter {
        var aligner: SourceAligner
        let dropsLinkLists: Bool
        var result = HTMLDocumentText()
        var current = TextLine()
        var currentHeading: Int?
        var pendingSpace: SourcePoint?

        init(aligner: SourceAligner, dropsLinkLists: Bool) {
            self.aligner = aligner
            self.dropsLinkLists = dropsLinkLists
        }

        /// Why a block inside the article is left out, or nil when it is written.
        func reasonToDrop(_ i: Int, root: Int, tree: HTMLTree) -> DroppedBlock.Reason? {
            guard i != root else { return nil }
            if tree.isFurniture(i) { return .furniture }
            guard dropsLinkLists, tree.isLinkList(i), tree.textCount[i] < 400 || tree.isDenseLinkList(i),
                tree.articleText(after: i, within: root) < HTMLText.articleTextAfterLinks
            else { return nil }
            return .linkList
        }

        mutating func recordDropped(_ i: Int, reason: DroppedBlock.Reason, tree: HTMLTree) {
            let words = HTMLText.plainText(i, tree: tree).split { $0.isLineSpace || $0 == "\n" || $0 == "\r" }
            var excerpt = words.map { String(scalars: $0) }.joined(separator: " ")
            if excerpt.count > 60 { excerpt = String(excerpt.prefix(60)) + "…" }
            guard !excerpt.isEmpty else { return }
            // libxml2 gives lines only: the span runs from the first tag on the block's first line to the
            // end of its last line.
            let start = aligner.position(ofElementOnLine: tree.nodes[i].line)
            let lastLine = max(Int(start.line), min(tree.lastLine(of: i), aligner.lines.count))
            let end = SourcePoint(
                line: lastLine, column: max(1, aligner.lines.isEmpty ? 1 : aligner.lines[lastLine - 1].count))
            result.dropped.append(
                DroppedBlock(reason: reason, excerpt: excerpt, span: SourceSpan(start: start, end: end)))
        }

        mutating func endLine() {
            // (Asked of the line where it stands, and the line moved out of `current`, not copied: a trimmed
            // copy was made to ask whether it was blank, and the line kept was a copy of `current`, whose own
            // storage was then let go.)
            let isBlank = current.trimmedRange.isEmpty
            var line = TextLine()
            swap(&line, &current)
            if !isBlank {
                result.lines.append(consume line)
                result.headingLevels.append(currentHeading)
            }
            currentHeading = nil
            pendingSpace = nil
        }

        mutating func write(_ root: Int, tree: HTMLTree) {
            enum Step {
                case enter(Int)
                case leave(Int)
            }
            var stack: [Step] = [.enter(root)]
            var preDepth = 0
            var listCounters: [Int] = []  // one per open list; -1 for <ul>
            var openLinks: [(href: String, start: Int, lineIndex: Int)] = []
            while let step = stack.popLast() {
                switch step {
                case let .enter(i):
                    // (The node's fields read in place, not a copy of the node made for each.)
                    if tree.nodes[i].kind == .text {
                        addText(tree.text(of: i), line: tree.nodes[i].line, preformatted: preDepth > 0)
                        continue
                    }
                    if let reason = reasonToDrop(i, root: root, tree: tree) {
                        recordDropped(i, reason: reason, tree: tree)
                        continue
                    }
                    let tag = tree.nodes[i].tag
                    if tag == .br {
                        endLine()
                        continue
                    }
                    if tree.nodes[i].traits.contains(.block) { endLine() }
                    if let level = tag.headingLevel { currentHeading = level }
                    if tag == .td || tag == .th { startCell() }
                    if tag == .pre { preDepth += 1 }
                    if tag == .ol { listCounters.append(0) }
                    if tag == .ul { listCounters.append(-1) }
                    if tag == .li, let last = listCounters.indices.last, listCounters[last] >= 0 {
                        listCounters[last] += 1
                        let origin = aligner.position(ofElementOnLine: tree.nodes[i].line)
                        for scalar in "\(listCounters[last]).".unicodeScalars { current.append(scalar, from: origin) }
                    }
                    if tag == .a, let href = tree.href(of: i) {
                        openLinks.append((href, current.count, result.lines.count))
                    }
                    stack.append(.leave(i))
                    tree.pushChildren(of: i, onto: &stack) { .enter($0) }
                case let .leave(i):
                    let tag = tree.nodes[i].tag
                    if tag == .pre { preDepth -= 1 }
                    if tag == .ol || tag == .ul { _ = listCounters.popLast() }
                    if tag == .a, let link = openLinks.popLast(), link.lineIndex == result.lines.count,
                        current.count > link.start
                    {
                        let text = current[link.start..<current.count].trimmed()
                        if let span = text.span {
                            result.links.append(Link(text: text.text, url: link.href, span: span))
                        }
                    }
                    if tree.nodes[i].traits.contains(.block) { endLine() }
                }
            }
        }

        private mutating func startCell() {
            if !current.isEmpty, let last = current.origins.last { current.append("\t", from: last) }
            pendingSpace = nil
        }

        private mutating func addText(_ text: Scalars, line: Int, preformatted: Bool) {
            // (Each scalar's origin matched as it is written: an array of them was made for each text node.)
            aligner.start(text, endLine: line)
            // Room made at once for the text up to its first line break, which may end the line (the line grew a
            // scalar at a time, by doubling from one; room for the whole text would stay with its first line).
            current.reserveRoom(for: text.firstIndex(of: "\n") ?? text.count)
            text.withUnsafeBufferPointer { scalars in
                var k = 0
                while k < scalars.count {
                    // Most of a page's text stands in its source as it is written: such a run is matched and
                    // appended at once, one run of positions, where each scalar was matched, and its position
                    // appended, one at a time (three quarters of the time of writing a page's text).
                    let (first, length) = aligner.matchWrittenOut(scalars, from: k)
                    if length > 0 {
                        appendPendingSpace()
                        current.append(
                            contentsOf: UnsafeBufferPointer(rebasing: scalars[k..<(k + length)]), from: first)
                        k += length
                        continue
                    }
                    add(scalars[k], at: k, of: text, preformatted: preformatted)
                    k += 1
                }
            }
        }

        /// One scalar of a text node, at `k`: the white space and the markup, references and differences that
        /// `SourceAligner.matchWrittenOut` leaves to it.
        private mutating func add(_ scalar: Unicode.Scalar, at k: Int, of text: Scalars, preformatted: Bool) {
            let origin = aligner.match(scalar)
            if scalar == "\n" || scalar == "\r" {
                if preformatted || HTMLText.startsParagraph(text, afterNewlineAt: k, lineSoFar: current) {
                    endLine()
                } else if !current.isEmpty {
                    pendingSpace = origin
                }
                return
            }
            if !preformatted && (scalar == " " || scalar == "\t" || scalar == "\u{0C}") {
                if !current.isEmpty { pendingSpace = origin }
                return
            }
            appendPendingSpace()
            current.append(scalar, from: origin)
        }

        /// The space that white space before the text being appended stands for, if any.
        private mutating func appendPendingSpace() {
            guard let space = pendingSpace else { return }
            current.append(" ", from: space)
            pendingSpace = nil
        }
    }
}

/// Walks the HTML source beside the decoded text of its text nodes, so that every character gets
/// the line and column it was written at: tags and comments are stepped over, and an entity
/// reference ("&nbsp;", "&#12288;") maps to the one character it decodes to.
struct SourceAligner {
    let lines: SourceLines
    private var line = 0 {
        didSet { source = line < lines.count ? lines[line] : Scalars() }
    }
    private var column = 0
    /// The scalars of line `line` (none past the last): cut once a line, where each step over the source
    /// cut the line again (a reference taken and let go at every scalar of the page).
    private var source: Scalars
    /// Steps left for looking ahead (`resynchronize`): twice the page, so that a page on which the
    /// looks fail (its text written as entities) stays linear.
    private var lookAheadBudget: Int

    init(lines: SourceLines) {
        self.lines = lines
        source = lines.isEmpty ? Scalars() : lines[0]
        lookAheadBudget = 2 * lines.reduce(0) { $0 + $1.count + 1 }
    }

    /// Where an element opens: the first "<" on its line, for characters Gongwen writes itself
    /// (the number of an <ol> item).
    func position(ofElementOnLine line: Int) -> SourcePoint {
        let index = max(0, min(line - 1, lines.count - 1))
        let column = lines.isEmpty ? 0 : (lines[index].firstIndex(of: "<") ?? 0)
        return SourcePoint(line: index + 1, column: column + 1)
    }

    /// Moves to where a text node that ends on `endLine` begins: its scalars' positions are then
    /// `match(_:)` of each, in order.
    mutating func start(_ text: Scalars, endLine: Int) {
        let newlines = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        let startLine = max(0, endLine - 1 - newlines)
        if startLine > line { (line, column) = (startLine, 0) }
        skipMarkup()
        resynchronize(on: text, endLine: endLine)
    }

    /// How far ahead the aligner looks for a text it is out of step with.
    static let resynchronizationReach = 20_000

    /// Text the page writes but the record leaves out (a menu, a breadcrumb in another cell of the same
    /// line) puts the cursor behind: when the text does not begin at the cursor, the cursor moves to where
    /// its first characters stand written out literally, outside tags, on the lines up to the one the text
    /// ends on. When they are not found (an entity among them), it stays.
    private mutating func resynchronize(on text: Scalars, endLine: Int) {
        // Up to four characters that stand together in the source: the text's first word.
        let isSpace = { (scalar: Unicode.Scalar) in
            scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{A0}"
        }
        // (Where it stands in `text`, not an array of its own: one was made for each text node.)
        var keyStart = 0
        while keyStart < text.count, isSpace(text[keyStart]) { keyStart += 1 }
        var keyEnd = keyStart
        while keyEnd < text.count, keyEnd - keyStart < 4, !isSpace(text[keyEnd]), text[keyEnd] != "&",
            text[keyEnd] != "<"
        {
            keyEnd += 1
        }
        let key = text.stretch(keyStart..<keyEnd)
        guard let first = key.first, line < lines.count else { return }
        var (l, c) = (line, column)
        while l < lines.count, c >= lines[l].count || [" ", "\t"].contains(lines[l][c]) {
            if c >= lines[l].count { (l, c) = (l + 1, 0) } else { c += 1 }
        }
        // In step; or an entity reference, which may stand for the first character: no look-ahead.
        if l < lines.count, c < lines[l].count, lines[l][c] == first || lines[l][c] == "&" { return }
        var inTag = false
        var steps = 0
        let reach = min(Self.resynchronizationReach, lookAheadBudget)
        defer { lookAheadBudget -= steps }
        (l, c) = (line, column)
        while l < lines.count, l < endLine, steps < reach {
            let looked = lines[l]
            while c < looked.count, steps < reach {
                steps += 1
                let scalar = looked[c]
                if inTag {
                    if scalar == ">" { inTag = false }
                } else if scalar == "<" {
                    inTag = true
                } else if scalar == first, c + key.count <= looked.count, looked[c..<(c + key.count)].elementsEqual(key)
                {
                    (line, column) = (l, c)
                    return
                }
                c += 1
            }
            (l, c) = (l + 1, 0)
        }
    }

    private var current: Unicode.Scalar? {
        guard line < lines.count else { return nil }
        return column < source.count ? source[column] : "\n"
    }

    private var point: SourcePoint { SourcePoint(line: min(line, max(0, lines.count - 1)) + 1, column: column + 1) }

    private mutating func advance() {
        guard line < lines.count else { return }
        if column < source.count {
            column += 1
        } else {
            line += 1
            column = 0
        }
    }

    /// Steps over tags, comments and the blank between them, and over the content of elements whose
    /// text is never shown (a script, a style, the page's <title>).
    private mutating func skipMarkup() {
        while let c = current {
            if c == "<" {
                let isComment =
                    column + 3 < source.count && source[column + 1] == "!" && source[column + 2] == "-"
                    && source[column + 3] == "-"
                let hidden = isComment ? nil : hiddenElement()
                skipTag(comment: isComment)
                if let hidden { skipPast(closing: hidden) }
            } else {
                return
            }
        }
    }

    /// The elements whose text is never shown, and each name's ASCII packed into an integer, a byte a letter.
    static let hiddenTextElements = ["script", "style", "title", "textarea"].map { name in
        (name: name, packed: name.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    /// The element of `hiddenTextElements` that the tag at the cursor opens ("<TITLE>" → "title"), or
    /// nil: its name (letters, then letters and digits) read in place and packed as `hiddenTextElements`
    /// packs theirs, not made a lowercased string for each tag of the page.
    private func hiddenElement() -> String? {
        var i = column + 1
        var packed: UInt64 = 0
        while i < source.count, source[i].isASCIILetter || (source[i].isASCIIDigit && i > column + 1) {
            guard i - column <= 8 else { return nil }  // longer than any of their names
            packed = packed << 8 | UInt64(asciiLowercased(source[i]).value)
            i += 1
        }
        return Self.hiddenTextElements.first { $0.packed == packed }?.name
    }

    private func asciiLowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
    }

    /// Moves to the "<" of the element's closing tag ("</title"), when there is one; else stays.
    private mutating func skipPast(closing name: String) {
        let closing = Array("</\(name)".unicodeScalars)
        var (l, c) = (line, column)
        while l < lines.count {
            let looked = lines[l]
            while c + closing.count <= looked.count {
                if looked[c] == "<",
                    zip(looked[c..<(c + closing.count)], closing).allSatisfy({ asciiLowercased($0.0) == $0.1 })
                {
                    (line, column) = (l, c)
                    return
                }
                c += 1
            }
            (l, c) = (l + 1, 0)
        }
    }

    /// Steps over one tag or comment; a DOCTYPE's internal subset (`<!DOCTYPE html [ <!ENTITY …> ]>`)
    /// ends at the ">" after its "]".
    private mutating func skipTag(comment: Bool) {
        // Most tags are no comment and no declaration ("<!…>", whose brackets are counted below) and end on the line
        // they open on: the first ">" after the "<" ends one, found sixteen scalars at a time where the loop below
        // stepped to it a scalar at a time (1.2% of the time of reading a page).
        if !comment, line < lines.count, column + 1 < source.count, source[column + 1] != "!" {
            let from = column + 1
            let close = Unicode.Scalar(">").value
            let end = source.withUnsafeBufferPointer { Scalars.firstIndex(of: close, or: close, in: $0, from: from) }
            if let end, end - column < Self.longestTagStep {
                column = end + 1
                return
            }
        }
        var steps = 0
        // The two scalars stepped over before `c` (a comment ends at "-->"): two values, where an array
        // of the last three was shifted at every scalar of every tag.
        var (beforeLast, last): (Unicode.Scalar?, Unicode.Scalar?) = (nil, nil)
        var bracketDepth = 0
        while let c = current, steps < Self.longestTagStep {
            advance()
            steps += 1
            if !comment, steps == 2, c == "!" { bracketDepth = -1 }  // a declaration: brackets may follow
            if bracketDepth != 0, c == "[" { bracketDepth = max(1, bracketDepth + 1) }
            if bracketDepth > 0, c == "]" { bracketDepth -= 1 }
            if c == ">" && bracketDepth <= 0 && (!comment || beforeLast == "-" && last == "-") { return }
            (beforeLast, last) = (last, c)
        }
    }

    /// How far a tag is stepped over at most: a stray "<" in a huge page must not take the rest of it.
    static let longestTagStep = 1_000_000

    /// How many of `text`'s scalars from `start` on stand at the cursor as they are written, on its line, and the
    /// position of the first: what `match` gives each of them, in one pass over the two. The run ends at white
    /// space, markup ("<"), a reference ("&"), the end of the line and the first scalar that differs, which
    /// `match` is asked about one by one. The cursor moves past the run.
    mutating func matchWrittenOut(_ text: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> (SourcePoint, Int) {
        guard line < lines.count else { return (point, 0) }
        let first = point
        let length = source.withUnsafeBufferPointer { source in
            var n = 0
            while start + n < text.count, column + n < source.count {
                let scalar = source[column + n]
                guard scalar == text[start + n] else { break }
                switch scalar {
                case "<", "&", " ", "\n", "\r", "\t", "\u{0C}": return n
                default: n += 1
                }
            }
            return n
        }
        column += length
        return (first, length)
    }

    /// The position of one decoded scalar; steps over markup and entity references as needed.
    mutating func match(_ scalar: Unicode.Scalar) -> SourcePoint {
        var guardSteps = 0
        while let c = current, guardSteps < 4096 {
            guardSteps += 1
            if c == "<" {
                skipTag(comment: false)
                continue
            }
            // An unknown reference ("&b;") stays in the text as written: only "&amp;" stands for "&".
            if c == "&", let length = entityLength(), scalar != "&" || isAmpersandReference(length: length) {
                let at = point
                for _ in 0..<length { advance() }
                return at
            }
            if c == scalar || (scalar == "\n" && c == "\n") {
                let at = point
                advance()
                return at
            }
            if c == "\n" || c == " " || c == "\t" || c == "\r" {
                advance()  // white space libxml2 folded or dropped
                continue
            }
            return point  // out of step: give the nearest place rather than wander off
        }
        return point
    }

    private func isAmpersandReference(length: Int) -> Bool {
        let name = String(scalars: source[(column + 1)..<(column + length - 1)]).lowercased()
        return name == "amp" || name == "#38" || name == "#x26"
    }

    /// "&nbsp;", "&#12288;", "&#x3000;", "&amp;": the length of the reference at the cursor.
    private func entityLength() -> Int? {
        guard line < lines.count else { return nil }
        var i = column + 1
        while i < source.count, i - column <= 12 {
            let c = source[i]
            if c == ";" { return i - column + 1 }
            guard c.isASCIILetter || c.isASCIIDigit || c == "#" else { return nil }
            i += 1
        }
        return nil
    }
}
