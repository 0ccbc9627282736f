/// libxml2's DOM copied into flat arrays (no object per node), with the counts the content
/// selection needs. Nodes are in document order (pre-order): a node's subtree follows it,
/// `i..<subtreeEnd[i]`, and its children are the nodes that begin the subtrees in there.
///
/// A node holds no list of its children, and its link target is kept aside: on a 50 MB page the
/// children's arrays (a million of them) and the nodes' width held 270 MB.
struct HTMLTree {
    struct Node {
        enum Kind: UInt8 { case element, text }
        /// Lowercased element name; empty for text.
        var name: String
        /// class and id, lowercased, split into words; nil when they hold none, as most elements' do (and
        /// text's): a node read then retains no array. (An empty array's storage was retained and released
        /// at each read of a node, a third of an HTML page's retains and releases.)
        var hints: [String]?
        /// What the element's name makes it (none for text).
        var traits: ElementTraits = []
        /// The element, when it is one the reader asks about by name (`other` for any other, and for text).
        var tag: Tag = .other
        private var storedParent: Int32
        private var storedLine: Int32
        /// A text node's text: where it stands in the tree's one array of text, and its length.
        fileprivate var textStart: Int32 = 0
        fileprivate var textLength: Int32 = 0
        var kind: Kind

        init(kind: Kind, name: String, parent: Int, line: Int) {
            self.kind = kind
            self.name = name
            storedParent = Int32(truncatingIfNeeded: parent)
            storedLine = Int32(clamping: line)
        }

        /// The parent's index, -1 for the root.
        var parent: Int { Int(storedParent) }
        /// libxml2's line (for text: where the text ends).
        var line: Int { Int(storedLine) }
    }

    /// What an element is by its name, for the questions asked of every element: looked up once when the tree
    /// is read (each question hashed the name again, five or six times a paragraph).
    struct ElementTraits: OptionSet {
        let rawValue: UInt8
        /// Left out of the tree with its subtree (`droppedElements`).
        static let dropped = ElementTraits(rawValue: 1 << 0)
        /// Ends a line (`HTMLText.blockElements`).
        static let block = ElementTraits(rawValue: 1 << 1)
        /// Holds page furniture (`furnitureElements`).
        static let furniture = ElementTraits(rawValue: 1 << 2)
        /// May hold the article (`articleContainers`).
        static let articleContainer = ElementTraits(rawValue: 1 << 3)
    }

    /// The elements the page's reader asks about by name, told by a byte when the tree is read (each question
    /// compared the name as a string, several times a node).
    enum Tag: UInt8, CaseIterable {
        case other, a, br, td, th, tr, pre, ol, ul, li, table, tbody, body, html, h1, h2, h3, h4, h5, h6

        /// The level of a heading element (h1–h6).
        var headingLevel: Int? {
            rawValue >= Tag.h1.rawValue ? Int(rawValue - Tag.h1.rawValue) + 1 : nil
        }
    }

    /// What an element is by its name: its traits and its tag, and the name itself (a literal, which a node holds
    /// without a string made for it).
    struct ElementKind {
        let name: String
        let traits: ElementTraits
        let tag: Tag
    }

    /// Every element name that has traits or a tag, and the key of each (`nameKey`), in the keys' order: an
    /// element's name is looked up by a binary search of its bytes, where a dictionary of strings took a string
    /// made of it, lower-cased and hashed (and the strings' comparisons that followed, 2% of reading a page).
    private static let elementKinds: (keys: [NameKey], kinds: [ElementKind]) = {
        var traits: [String: ElementTraits] = [:]
        for (names, trait) in [
            (droppedElements, ElementTraits.dropped), (HTMLText.blockElements, .block),
            (furnitureElements, .furniture), (articleContainers, .articleContainer),
        ] {
            for name in names { traits[name, default: []].insert(trait) }
        }
        let tags = Tag.allCases.filter { $0 != .other }
        let names = Set(traits.keys).union(tags.map { "\($0)" })
        let kinds = names.map { name in
            ElementKind(name: name, traits: traits[name] ?? [], tag: tags.first { "\($0)" == name } ?? .other)
        }.map { (key: nameKey(Array($0.name.utf8))!, kind: $0) }.sorted { $0.key < $1.key }
        return (kinds.map(\.key), kinds.map(\.kind))
    }()

    /// An element name's bytes, ASCII letters lower-cased, as two numbers: its first eight bytes, the first the
    /// highest, and the next eight; ordered as the names are. Nil for a name of more than sixteen bytes, longer
    /// than any the table holds.
    struct NameKey: Comparable {
        var high: UInt64 = 0
        var low: UInt64 = 0

        static func < (a: NameKey, b: NameKey) -> Bool { (a.high, a.low) < (b.high, b.low) }
    }

    /// The `NameKey` of a name's bytes, or nil past sixteen of them.
    static func nameKey<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> NameKey? {
        var key = NameKey()
        var count = 0
        for byte in bytes {
            guard count < 16 else { return nil }
            let folded = UInt64(byte.asciiLowercased)
            if count < 8 { key.high |= folded << (56 - 8 * count) } else { key.low |= folded << (120 - 8 * count) }
            count += 1
        }
        return key
    }

    /// The kind of the element named `name` (in any case), or nil when it has no traits and no tag.
    static func elementKind<Bytes: Sequence<UInt8>>(named name: Bytes) -> ElementKind? {
        guard let key = nameKey(name) else { return nil }
        let (keys, kinds) = elementKinds
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? kinds[low] : nil
    }

    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "head", "iframe", "object", "svg", "math", "select", "button",
        "input", "textarea",
    ]
    /// Elements that hold page furniture, not an article.
    static let furnitureElements: Set<String> = ["nav", "header", "footer", "aside", "menu"]
    /// Words of class and id values that mark page furniture in most CMS templates.
    static let furnitureHints = [
        "nav", "menu", "breadcrumb", "crumb", "footer", "foot", "header", "topbar", "banner", "sidebar",
        "side", "share", "toolbar", "copyright", "login", "search", "related", "recommend", "position", "location",
    ]

    var nodes: [Node] = []
    /// The `href` of each `<a>` element that has one, by index.
    private var hrefs: [Int: String] = [:]
    /// The text of every text node, one after the other (an array each held a 50 MB page's text in a
    /// million allocations).
    private var texts = Scalars()
    /// Scalars of visible text in each subtree, and of those the ones inside links.
    var textCount: [Int] = []
    var linkCount: [Int] = []
    /// `<a>` elements in each subtree (the node itself excluded), and whether one of them links to a file.
    var anchorCount: [Int] = []
    var holdsFileLink: [Bool] = []
    /// Nodes are in document order (pre-order): the subtree of node i is `i..<subtreeEnd[i]`.
    var subtreeEnd: [Int] = []
    /// Readable characters of article text (not in a link, not in furniture) in the nodes before index i.
    var articleTextBefore: [Int] = []

    /// Copies the nodes of `document` and lets go of it (it is nil after) before the counts are made:
    /// libxml2's tree and the counts are never held at once.
    init(taking document: inout LibXML2.Document?) {
        guard let root = document?.root else {
            document = nil
            return
        }
        // Upper bounds: dropped elements are counted in them.
        let most = root.subtreeCount
        nodes.reserveCapacity(most.nodes)
        var texts: [Unicode.Scalar] = []
        texts.reserveCapacity(most.textScalars)
        var stack: [(node: LibXML2.Node, parent: Int)] = [(root, -1)]
        while let (source, parent) = stack.popLast() {
            let index = nodes.count
            switch source.kind {
            case .element:
                let kind = source.nameBytes.flatMap(Self.elementKind(named:))
                if kind?.traits.contains(.dropped) == true { continue }
                // (A name that the table does not hold is made a string, lower-cased as the table's are.)
                let name = kind?.name ?? source.name?.lowercased() ?? ""
                var node = Node(kind: .element, name: name, parent: parent, line: source.line)
                node.traits = kind?.traits ?? []
                node.tag = kind?.tag ?? .other
                if node.tag == .a, let href = source.attribute("href") { hrefs[index] = href }
                node.hints = Self.hints(class: source.attribute("class"), id: source.attribute("id"))
                nodes.append(node)
                var child = source.lastChild
                while let current = child {
                    stack.append((current, index))
                    child = current.previous
                }
            case .text:
                let start = texts.count
                guard source.appendText(to: &texts) else { continue }
                var node = Node(kind: .text, name: "", parent: parent, line: source.line)
                node.textStart = Int32(start)
                node.textLength = Int32(texts.count - start)
                nodes.append(node)
            case .other:
                continue
            }
        }
        document = nil
        self.texts = Scalars(texts)
        countText()
    }

    /// The text of node `index` (empty for an element).
    func text(of index: Int) -> Scalars {
        let (start, length) = (Int(nodes[index].textStart), Int(nodes[index].textLength))
        return texts.stretch(start..<start + length)
    }

    /// The `href` of node `index`, when it is an `<a>` element with one.
    func href(of index: Int) -> String? { hrefs[index] }

    /// Pushes the children of node `index` onto `stack`, made `item`s, the last first: popped, they come in
    /// document order. (In place: the walks that wrote a page made an array of each element's children, and
    /// a reversed copy of it, two allocations an element.)
    func pushChildren<Item>(of index: Int, onto stack: inout [Item], _ item: (Int) -> Item) {
        let first = stack.count
        forEachChild(of: index) { stack.append(item($0)) }
        stack[first...].reverse()
    }

    /// The children of node `index`, in document order.
    func children(of index: Int) -> [Int] {
        var children: [Int] = []
        forEachChild(of: index) { children.append($0) }
        return children
    }

    /// Calls `body` with each child of node `index`, in document order: the node after it, then the node
    /// after each child's subtree, while they are in its own.
    private func forEachChild(of index: Int, _ body: (Int) -> Void) {
        var child = index + 1
        while child < subtreeEnd[index] {
            body(child)
            child = subtreeEnd[child]
        }
    }

    private static func words(_ value: String) -> [String] {
        value.lowercased().split { !$0.isLetter }.map(String.init)
    }

    /// The words of an element's class and id, or nil when there are none (no array made for them).
    private static func hints(class classValue: String?, id: String?) -> [String]? {
        var words: [String] = []
        if let classValue { words += Self.words(classValue) }
        if let id { words += Self.words(id) }
        return words.isEmpty ? nil : words
    }

    /// Children come after their parents, so one backward pass adds every subtree up (and the facts
    /// about links that `isLinkList` asks of every block: walking each block's subtree was quadratic
    /// on nested link blocks). The sums are
    /// built in local arrays and stored once: writing into `self`'s arrays between calls to methods of
    /// `self` let each write copy a shared buffer (measured quadratic on a 50 MB page).
    private mutating func countText() {
        let furniture = nodes.indices.map(isFurniture)
        var text = [Int](repeating: 0, count: nodes.count)
        var links = [Int](repeating: 0, count: nodes.count)
        // Parents come before children: whether a node is inside a link or furniture is known from its parent.
        var insideLink = [Bool](repeating: false, count: nodes.count)
        var insideFurniture = [Bool](repeating: false, count: nodes.count)
        var articleText = [Int](repeating: 0, count: nodes.count + 1)
        // (The page's text read as one buffer: each text node's count was asked of a stretch made for it and
        // read through an iterator, each holding the text's storage, two retains and two releases a node.)
        let pageText = texts
        pageText.withUnsafeBufferPointer { pageText in
            for i in nodes.indices {
                let parent = nodes[i].parent
                if parent >= 0 {
                    insideLink[i] = insideLink[parent] || nodes[parent].tag == .a
                    insideFurniture[i] = insideFurniture[parent] || furniture[parent]
                }
                if nodes[i].kind == .text {
                    let start = Int(nodes[i].textStart)
                    text[i] = Self.readableCount(
                        UnsafeBufferPointer(rebasing: pageText[start..<start + Int(nodes[i].textLength)]))
                    if insideLink[i] { links[i] = text[i] }
                }
                articleText[i + 1] = articleText[i] + (insideLink[i] || insideFurniture[i] ? 0 : text[i])
            }
        }
        var ends = nodes.indices.map { $0 + 1 }
        for i in nodes.indices.reversed() where nodes[i].parent >= 0 {
            ends[nodes[i].parent] = max(ends[nodes[i].parent], ends[i])
        }
        subtreeEnd = ends
        articleTextBefore = articleText
        for i in nodes.indices.reversed() where nodes[i].parent >= 0 && !furniture[i] {
            text[nodes[i].parent] += text[i]
            links[nodes[i].parent] += links[i]
        }
        // Anchors are counted in every subtree, furniture included.
        var anchors = [Int](repeating: 0, count: nodes.count)
        var fileLink = [Bool](repeating: false, count: nodes.count)
        for (index, href) in hrefs where LinkKinds.isFile(href) { fileLink[index] = true }
        for i in nodes.indices.reversed() where nodes[i].parent >= 0 {
            let parent = nodes[i].parent
            anchors[parent] += anchors[i] + (nodes[i].tag == .a ? 1 : 0)
            if fileLink[i] { fileLink[parent] = true }
        }
        textCount = text
        linkCount = links
        anchorCount = anchors
        holdsFileLink = fileLink
    }

    /// Readable characters (letters, digits, Han): a run of punctuation or entity references is not text.
    static func readableCount(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        var count = 0
        for scalar in scalars {
            if scalar.isHan || scalar.isASCIILetter || scalar.isASCIIDigit {
                count += 1
            } else if scalar.value > 0x7F, !isPunctuationOfChineseText(scalar),
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            {
                count += 1
            }
        }
        return count
    }

    /// The punctuation of Chinese text (，。、：；“”《》（）！？…—): neither letters nor numbers, answered
    /// without looking up the scalars' Unicode properties, which most of a page's non-Han text asked.
    static func isPunctuationOfChineseText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2010...0x2027, 0x3000...0x3004, 0x3008...0x3011, 0xFF01...0xFF0F, 0xFF1A...0xFF20: true
        default: false
        }
    }

    /// Navigation, headers, footers, sidebars and share bars: by element, or by the words of their
    /// class and id ("breadcrumb", "footer" …), or by being mostly links to pages (not to files).
    func isFurniture(_ index: Int) -> Bool {
        // (The node's fields read in place: a copy of the node was made for each element asked.)
        guard nodes[index].kind == .element else { return false }
        if nodes[index].traits.contains(.furniture) { return true }
        guard let hints = nodes[index].hints else { return false }
        return hints.contains { hint in
            Self.furnitureHints.contains { hint == $0 || hint.hasPrefix($0) && hint.count <= $0.count + 4 }
        }
    }

    /// A block of several links to other pages that is mostly links: a menu or a list of related
    /// articles, not text. (A single link, or links to files, are content.)
    func isLinkList(_ index: Int) -> Bool {
        guard nodes[index].kind == .element, nodes[index].traits.contains(.block), textCount[index] > 0,
            linkCount[index] * 10 >= textCount[index] * 6
        else { return false }
        return anchorCount[index] >= 2 && !holdsFileLink[index]
    }

    /// Readable article text that follows the subtree of `index` inside the subtree of `root`: a block
    /// of links with the article going on after it is part of the article ("相关链接：<a>申报系统</a>" in
    /// the middle of the body), not a menu.
    func articleText(after index: Int, within root: Int) -> Int {
        articleTextBefore[subtreeEnd[root]] - articleTextBefore[subtreeEnd[index]]
    }

    /// The last source line of a subtree.
    func lastLine(of index: Int) -> Int {
        nodes[index..<subtreeEnd[index]].reduce(nodes[index].line) { max($0, $1.line) }
    }

    /// A long list of links with hardly any other text ("相关链接", forty related articles): furniture
    /// however long it is.
    func isDenseLinkList(_ index: Int) -> Bool {
        linkCount[index] * 10 >= textCount[index] * 9
    }

    /// Elements that can contain an article: block containers. Not a paragraph or a heading, not a
    /// list, and a table only as a layout table, when one of its rows holds most of its text (a
    /// directory's rows share it out).
    static let articleContainers: Set<String> = [
        "div", "section", "article", "main", "td", "center", "form", "body", "font", "blockquote",
    ]

    func canHoldArticle(_ index: Int) -> Bool {
        switch nodes[index].tag {
        case .table, .tbody:
            var rows = children(of: index).filter { nodes[$0].tag == .tr }
            rows += children(of: index).filter { nodes[$0].tag == .tbody }.flatMap { children(of: $0) }.filter {
                nodes[$0].tag == .tr
            }
            guard let largest = rows.map({ textCount[$0] - linkCount[$0] }).max() else { return false }
            return largest * 10 >= (textCount[index] - linkCount[index]) * 7
        case .tr:
            return children(of: index).contains { textCount[$0] * 10 >= textCount[index] * 7 }
        default:
            return nodes[index].traits.contains(.articleContainer)
        }
    }

    /// What may stay outside the article when the selection goes down a level: a title, a line of
    /// metadata ("发布时间：… 来源：…"); not paragraphs.
    static let maximumTextLeftOutside = 200

    /// The element that holds the article: from <body> down, into the child that holds most (70%)
    /// of the text that is not in links, as long as one does and what it leaves outside (not counting
    /// furniture) is short. Content density, not site names.
    func contentRoot() -> Int? {
        guard var current = nodes.firstIndex(where: { $0.tag == .body }) ?? (nodes.isEmpty ? nil : 0) else {
            return nil
        }
        while true {
            let total = textCount[current] - linkCount[current]
            guard total > 0 else { return current }
            let candidates = children(of: current).filter {
                nodes[$0].kind == .element && !isFurniture($0) && canHoldArticle($0)
            }
            guard let best = candidates.max(by: { (textCount[$0] - linkCount[$0]) < (textCount[$1] - linkCount[$1]) })
            else { return current }
            let inside = textCount[best] - linkCount[best]
            guard inside * 10 >= total * 7, total - inside <= Self.maximumTextLeftOutside else { return current }
            current = best
        }
    }
}

/// Which links point at files (attachments) and which at pages.
package enum LinkKinds {
    static let fileExtensions = [
        "doc", "docx", "pdf", "xls", "xlsx", "rar", "zip", "7z", "wps", "et", "ofd", "txt", "ppt", "pptx", "csv",
    ]

    /// Whether `url` names a file: its path (before any `?` or `#`) ends in a dot and one of the file
    /// extensions, in any case.
    ///
    /// An address is ASCII and is read as bytes; a text that is not (the segmenter asks of attachment
    /// lines too) is read by characters, as all were, but only when a dot and an extension stand together
    /// in it: `lowercased()` and the character-by-character search took 50,000 instructions a call. (No
    /// character lowercases to a dot, and none but the Kelvin sign to an ASCII letter alone, and no
    /// extension holds a k: a text without an ASCII ".pdf", in any case, names no file either way.)
    package static func isFile(_ url: String) -> Bool {
        let byBytes: Bool? = StringUTF8.withBytes(of: url) { bytes in
            guard bytes.contains(UInt8(ascii: ".")) else { return false }
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                return holdsDotAndExtension(bytes) ? extensionAfterLastDot(nonASCII: bytes) : false
            }
            let end = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
            guard let dot = bytes[..<end].lastIndex(of: UInt8(ascii: ".")),
                !bytes[dot..<end].contains(UInt8(ascii: "/"))
            else { return false }
            return fileExtensions.contains { lowercaseASCII(bytes[(dot + 1)..<end]).elementsEqual($0.utf8) }
        }
        return byBytes ?? isFileByCharacters(url)
    }

    private static func lowercaseASCII(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> some Sequence<UInt8> {
        bytes.lazy.map(\.asciiLowercased)
    }

    /// Whether a dot stands right before one of the extensions (in any ASCII case) somewhere in `bytes`.
    private static func holdsDotAndExtension(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.indices.contains { dot in
            bytes[dot] == UInt8(ascii: ".")
                && fileExtensions.contains { ext in
                    dot + ext.utf8.count < bytes.count
                        && lowercaseASCII(bytes[(dot + 1)...(dot + ext.utf8.count)]).elementsEqual(ext.utf8)
                }
        }
    }

    /// What `isFileByCharacters` answers for a text that is not ASCII, read from its bytes when that is
    /// sure to agree (an attachment line, "附件1：申报表.docx", took 60,000 instructions by characters);
    /// nil when it is not. It agrees when no `?` or `#` cuts the path and nothing before the last dot
    /// joins it into one character: ASCII, or a scalar of U+0080–U+05FF or U+1000–U+FFFF (the scalars
    /// a dot joins, Unicode's Prepend class, stand in U+0600–U+0D4E and past U+FFFF). Then the path's
    /// extension is what follows that dot, lowercased: lowercasing makes no dot, and turns nothing but
    /// ASCII letters into a lone ASCII letter but the Kelvin sign (no extension holds a k), so a suffix
    /// with a byte that is not ASCII is no extension. (A combining mark after the dot joins it too, and
    /// the characters' reading then takes an earlier dot — but its suffix holds the mark: no extension
    /// either way.)
    private static func extensionAfterLastDot(nonASCII bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !bytes.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }),
            let dot = bytes.lastIndex(of: UInt8(ascii: "."))
        else { return nil }
        if dot > 0, bytes[dot - 1] >= 0x80 {
            var lead = dot - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            // A two-byte lead below 0xD8 starts a scalar below U+0600; a three-byte lead from 0xE1 one of
            // U+1000–U+FFFF.
            guard (0xC2..<0xD8).contains(bytes[lead]) || (0xE1...0xEF).contains(bytes[lead]) else { return nil }
        }
        let suffix = bytes[(dot + 1)...]
        return fileExtensions.contains { lowercaseASCII(suffix).elementsEqual($0.utf8) }
    }

    /// `isFile` read by characters: for a text that is not ASCII.
    static func isFileByCharacters(_ url: String) -> Bool {
        var path = Substring(url.lowercased())
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return fileExtensions.contains(String(path[path.index(after: dot)...]))
    }
}
