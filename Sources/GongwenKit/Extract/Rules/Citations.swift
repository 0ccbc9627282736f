/// Every 《title》, paired with the document number that follows it ("（工信部科〔2019〕188号）" or
/// "工信部联企业〔2011〕300号" right after), and every document number standing alone.
package enum CitationExtractor {
    /// Title and number: each document is cited once (compared by their bytes: see `ExactText`).
    struct Cited: Hashable {
        var title: ExactText?
        var docNumber: ExactText?
    }

    package static func extract(_ sentences: some Sequence<Sentence>) -> [Citation] {
        var collector = Collector()
        for sentence in sentences { collector.read(sentence) }
        return collector.citations
    }

    /// The citations of sentences read one at a time, in order, each document once.
    package struct Collector {
        package private(set) var citations: [Citation] = []
        /// The documents cited so far (a notice's few dozen at most).
        private var seen = SmallSet<Cited>()

        package init() {}

        /// The citation of `title` and `docNumber` at `range` of `sentence`, unless the document is cited
        /// already (then nothing is made of it: a notice cites the same few documents again and again).
        private mutating func add(
            title: String?, docNumber: String?, attachmentIndex: Int?, at range: Range<Int>,
            of sentence: inout QuotingSentence
        ) {
            let cited = Cited(title: title.map(ExactText.init), docNumber: docNumber.map(ExactText.init))
            guard seen.insert(cited) else { return }
            citations.append(
                Citation(
                    title: title, docNumber: docNumber, attachmentIndex: attachmentIndex, text: sentence.quote(range),
                    span: sentence.line.span(range)))
        }

        package mutating func read(_ sentence: Sentence) {
            // (Most sentences hold neither a number, which ends with 号, nor a title: they are not read.)
            let hasNumbers = sentence.triggers.contains(.hao)
            let hasTitles = sentence.triggers.contains(.titleOpening)
            guard hasNumbers || hasTitles else { return }
            var quoting = QuotingSentence(sentence)
            read(&quoting, hasNumbers: hasNumbers, hasTitles: hasTitles)
        }

        private mutating func read(_ sentence: inout QuotingSentence, hasNumbers: Bool, hasTitles: Bool) {
            let line = sentence.line
            let numbers = hasNumbers ? DocNumberScanner.matches(in: line) : []
            let titles = hasTitles ? CitationExtractor.titleBrackets(line) : []
            // Which of the numbers follow a title (a flag a number: a set of them was hashed, and allocated
            // at its first insertion, for the few numbers of a sentence).
            // (Not `[Bool](repeating:count:)`, whose allocation looks the storage's type up at each call.)
            var paired = Array(repeatElement(false, count: numbers.count))
            var next = 0  // the next title in `titles` (by its 《) not passed over yet
            var i = 0
            while true {
                // The next 《 with its 》 at or after i: one inside a title read already is passed over.
                while next < titles.count, titles[next].open < i || titles[next].close == nil { next += 1 }
                guard next < titles.count, let close = titles[next].close else { break }
                i = titles[next].open
                let title = line[(i + 1)..<close].text
                var end = close + 1
                var after = end
                var docNumber: String?
                var attachmentIndex: Int?
                if after < line.count, line.scalars[after] == "（" || line.scalars[after] == "(" { after += 1 }
                if let k = numbers.firstIndex(where: { $0.range.lowerBound == after }) {
                    docNumber = numbers[k].canonical
                    paired[k] = true
                    end = numbers[k].range.upperBound
                    if end < line.count, line.scalars[end] == "）" || line.scalars[end] == ")" { end += 1 }
                } else if line.hasPrefix("附件", at: after) {
                    var j = after + 2
                    while j < line.count, line.scalars[j].isLineSpace { j += 1 }
                    let digits = line.scalars[j...].prefix { $0.isASCIIDigit }
                    attachmentIndex = digits.isEmpty ? nil : Numerals.decimal(digits)
                }
                add(title: title, docNumber: docNumber, attachmentIndex: attachmentIndex, at: i..<end, of: &sentence)
                i = end
            }
            for (k, number) in numbers.enumerated() where !paired[k] {
                add(title: nil, docNumber: number.canonical, attachmentIndex: nil, at: number.range, of: &sentence)
            }
            for decree in hasNumbers ? CitationExtractor.decrees(in: line) : [] {
                let written = line[decree.lowerBound..<(decree.upperBound - 1)].text + "号"  // 號 as 号
                add(title: nil, docNumber: written, attachmentIndex: nil, at: decree, of: &sentence)
            }
        }
    }

    /// Decrees numbered without a year: "国家发展改革委令第34号", "商务部令2023年第1号" is a number too.
    static func decrees(in line: TextLine) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var from = 0
        while let at = line.firstIndex(of: "令第", from: from) {
            from = at + 2
            var i = at + 2
            while i < line.count, line.scalars[i].isASCIIDigit { i += 1 }
            guard i > at + 2, i < line.count, line.scalars[i] == "号" || line.scalars[i] == "號" else { continue }
            let start = DocNumberScanner.agencyStart(in: line.scalars, endingAt: at)
            guard start < at else { continue }
            found.append(start..<(i + 1))
        }
        return found
    }

    /// A 《 of a line, and the 》 that closes it (nil: it is never closed).
    struct TitleBracket {
        let open: Int
        var close: Int?
        /// The 《 this one stands inside, still open when this one opened (an index among the line's, or -1).
        fileprivate let enclosing: Int
    }

    /// Each 《 of the line, in order, and the 》 that closes it (nested titles inside); an unclosed 《 has
    /// none. One pass for the line: looking for each 《's closer from it was quadratic on unclosed brackets.
    /// (One array, the brackets still open chained through it: a dictionary and a stack were two. The brackets
    /// found sixteen scalars at a time, `TextLine.firstIndex(of:or:from:)`, where each scalar was asked.)
    static func titleBrackets(_ line: TextLine) -> [TitleBracket] {
        var titles: [TitleBracket] = []
        var innermost = -1  // the last 《 not closed yet, an index in `titles`
        var next = 0
        while let i = line.firstIndex(of: "《", or: "》", from: next) {
            if line.scalars[i] == "《" {
                titles.append(TitleBracket(open: i, close: nil, enclosing: innermost))
                innermost = titles.count - 1
            } else if innermost >= 0 {
                titles[innermost].close = i
                innermost = titles[innermost].enclosing
            }
            next = i + 1
        }
        return titles
    }
}
