/// A sentence of a notice: what the rule extractors read.
package struct Sentence: Sendable {
    package let line: TextLine
    /// What the rules look for first, found in one pass when the sentence is cut.
    package let triggers: SentenceTriggers

    /// (The line is taken, not copied: a sentence is cut, made and kept without a retain and a release
    /// at each hand-over.)
    package init(line: consuming TextLine) {
        self.triggers = SentenceTriggers(of: line)
        self.line = line
    }

    package var text: String { line.text }
    package var span: SourceSpan { line.span! }

    /// Sentences longer than this many characters are quoted in part.
    static let longestQuote = 1_000
    /// How many characters either side of a value a partial quote keeps.
    static let quoteContext = 200

    /// The sentence, as the `text` of a value found in it at `range`. A sentence longer than
    /// `longestQuote` characters is cut to `quoteContext` characters either side of the value, with "…"
    /// where it was cut: a thousand values in one endless sentence must not each copy it whole.
    func quote(_ range: Range<Int>) -> String {
        guard !isQuotedWhole else { return text }
        let quoted = Self.quoteRange(range, in: line.count)
        return (quoted.lowerBound > 0 ? "…" : "") + line[quoted].text + (quoted.upperBound < line.count ? "…" : "")
    }

    /// Whether every value found in the sentence quotes it whole (it is no longer than `longestQuote`).
    var isQuotedWhole: Bool { line.count <= Self.longestQuote }

    /// `range` with `quoteContext` characters either side, within a line of `count` characters.
    static func quoteRange(_ range: Range<Int>, in count: Int) -> Range<Int> {
        max(0, range.lowerBound - quoteContext)..<min(count, range.upperBound + quoteContext)
    }
}

/// A sentence being read by a rule that may find several values in it: the sentence's text, when it is
/// short enough to be quoted whole, is made once and shared by every value that quotes it (a sentence
/// that cites ten documents, or names a channel, a form and a file format, was encoded for each: on
/// 3,000 notices, 40% of the bytes quoted were a sentence the citation or submission rule had quoted
/// already).
struct QuotingSentence {
    let sentence: Sentence
    /// The sentence's whole text, once a value has quoted it.
    private var wholeText: String?

    init(_ sentence: Sentence) { self.sentence = sentence }

    var line: TextLine { sentence.line }
    var triggers: SentenceTriggers { sentence.triggers }

    /// What `Sentence.quote(range)` is: the same string.
    mutating func quote(_ range: Range<Int>) -> String {
        guard sentence.isQuotedWhole else { return sentence.quote(range) }
        if let wholeText { return wholeText }
        let text = sentence.text
        wholeText = text
        return text
    }
}

/// The scalars the sentence rules start from, which of them a sentence holds: found in one pass when
/// the sentence is cut, so that a rule passes over a sentence without them unread (each rule scanned
/// every sentence for its own: a dozen passes over each, though few hold a date or a document number).
/// Each is a condition the rule cannot match without; a rule whose trigger is present reads as before.
package struct SentenceTriggers: OptionSet, Sendable {
    package let rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// 月: every date `DateScanner.dates` reads is written around it.
    static let month = Self(rawValue: 1 << 0)
    /// Four ASCII digits and - . or /: a numeric date ("2023-09-01") starts with them.
    static let numericDate = Self(rawValue: 1 << 1)
    /// 号 or 號: a document number, a decree and a malformed number end with one.
    static let hao = Self(rawValue: 1 << 2)
    /// 《: a cited title.
    static let titleOpening = Self(rawValue: 1 << 3)
    /// 附: an attachment named in passing (附件).
    static let fu = Self(rawValue: 1 << 4)
    /// 命 or 邮: a naming rule (…命名, 邮件主题为…).
    static let naming = Self(rawValue: 1 << 5)
    /// A run of at least `UnreadableNumbers.shortestRun` digits or Chinese numerals.
    static let longNumber = Self(rawValue: 1 << 6)
    /// 份 or 电: a material counted in copies (一式两份) or an electronic copy (电子版).
    static let copies = Self(rawValue: 1 << 7)
    /// The first scalar of a word that sets a quota (`QuotaExtractor.quotaWords`: 推荐, 名额, 不限 …).
    static let quotaWord = Self(rawValue: 1 << 8)
    /// The first scalar of a word a submission channel or file format is read from
    /// (`SubmissionExtractor.sentenceWords`: 报送, 邮箱, 登录, PDF …).
    static let submissionWord = Self(rawValue: 1 << 9)

    /// The first scalars of the words of `quotaWord` and `submissionWord`. (Most sentences hold none of
    /// either list's, and were scanned for each list's words all the same: a quarter of them set a
    /// quota or name a channel.)
    private static let quotaInitials = QuotaExtractor.quotaWords.initials
    private static let submissionInitials = SubmissionExtractor.sentenceWords.initials

    /// Every scalar a trigger is made of, the numerals of a number's run included: any other scalar
    /// is passed over, a zero bit of its block (`ScalarSet.forEachMember`).
    private static let scalars = ScalarSet(union: [
        ScalarSet(of: "月号號《附命邮份电-./0123456789" + ChineseNumerals.digitForms.joined() + "十拾百"),
        quotaInitials, submissionInitials,
    ])

    /// What each scalar of `scalars` is, for `init(of:)`: the triggers it makes (the low 16 bits: none for a
    /// digit or a numeral, which begins no word of the two lists), and whether it is a digit or a numeral of a
    /// number's run (`numeric`), an ASCII digit (`asciiDigit`), or what a numeric date goes on with after its
    /// year (`dateSeparator`: - . /).
    private static let kinds = ScalarKinds(scalars, value: kind(of:))
    private static let numeric: UInt32 = 1 << 31, asciiDigit: UInt32 = 1 << 30, dateSeparator: UInt32 = 1 << 29

    private static func kind(of scalar: Unicode.Scalar) -> UInt32 {
        if scalar.isASCIIDigit { return numeric | asciiDigit }
        if ChineseNumerals.numerals.contains(scalar) { return numeric }
        var found: SentenceTriggers = []
        if quotaInitials.contains(scalar) { found.insert(.quotaWord) }
        if submissionInitials.contains(scalar) { found.insert(.submissionWord) }
        switch scalar {
        case "-", ".", "/": return dateSeparator | UInt32(found.rawValue)
        case "月": found.insert(.month)
        case "号", "號": found.insert(.hao)
        case "《": found.insert(.titleOpening)
        case "附": found.insert(.fu)
        case "命", "邮": found.insert(.naming)
        case "份", "电": found.insert(.copies)
        default: break
        }
        return UInt32(found.rawValue)
    }

    /// The triggers of `line`: only the scalars of `scalars` are visited (any other between two of them
    /// breaks both runs of digits), and what each one is read from `kinds` and added without a branch. (Each
    /// scalar asked whether it is in the set, and each one that is asked what it is, one test after another,
    /// went one way or the other wherever Chinese, digits and punctuation took turns.)
    init(of line: borrowing TextLine) {
        // (The tables read once, not at each scalar: a constant's every read checks that it was made.)
        let scalars = Self.scalars
        let kinds = Self.kinds
        let shortestRun = UnreadableNumbers.shortestRun
        var found: UInt32 = 0
        var run = 0  // digits and numerals in a row, as `UnreadableNumbers.find` reads a number
        var asciiRun = 0  // ASCII digits in a row
        var previous = -2  // where the last scalar of the set stood
        line.scalars.withUnsafeBufferPointer { line in
            scalars.forEachMember(in: line) { i in
                let kind = kinds[member: line[i]]
                let follows = i == previous &+ 1
                previous = i
                let asciiBefore = follows ? asciiRun : 0
                run = kind & Self.numeric != 0 ? (follows ? run : 0) &+ 1 : 0
                asciiRun = kind & Self.asciiDigit != 0 ? asciiBefore &+ 1 : 0
                found |= kind & 0xFFFF
                found |= run >= shortestRun ? UInt32(Self.longNumber.rawValue) : 0
                found |= kind & Self.dateSeparator != 0 && asciiBefore >= 4 ? UInt32(Self.numericDate.rawValue) : 0
                return true
            }
        }
        self.init(rawValue: UInt16(truncatingIfNeeded: found))
    }
}

enum Sentences {
    /// Every sentence of the sections, in reading order: the numbered line (marker dropped), then
    /// each paragraph, cut at 。！？ and ； outside brackets and quotes.
    static func of(_ sections: [Section]) -> [Sentence] {
        of(sections, countingFrom: countedBodySize)
    }

    /// `of(sections)`, with room for the sentences counted first (`mostSentences`) when the sections hold
    /// at least `countingFrom` scalars.
    static func of(_ sections: [Section], countingFrom countedSize: Int) -> [Sentence] {
        var result: [Sentence] = []
        // Room for as many sentences as the lines can hold, reserved at once for a huge notice: grown by
        // doubling, the array of its sentences kept up to half of itself unused. A smaller body's room is
        // a guess from its size (a sentence for each 32 scalars), grown by doubling when it falls short.
        let scalars = sum(over: sections) { $0.count }
        result.reserveCapacity(scalars >= countedSize ? sum(over: sections, mostSentences(in:)) : scalars / 32)
        forEachSentence(in: sections) { result.append(consume $0) }
        return result
    }

    /// The size of body, in scalars, from which its sentences are counted before they are cut. A smaller
    /// one's room is guessed from its size: counting was a pass over every line (1% of a parse), and the
    /// room a guess or a doubling leaves unused is a few megabytes at most (48 bytes a sentence).
    static let countedBodySize = 1 << 20

    /// The sum of `value` over the lines of `sections` and of every item under them.
    private static func sum(over sections: [Section], _ value: (TextLine) -> Int) -> Int {
        // (Each section and line read where it stands: `reduce` handed its closure a copy of each section and of
        // each line, retained and released.)
        var total = 0
        for index in sections.indices {
            if !sections[index].children.isEmpty { total += sum(over: sections[index].children, value) }
            for line in sections[index].lines.indices { total += value(sections[index].lines[line].line) }
        }
        return total
    }

    /// At least as many as `forEachSentence` cuts from `line`: one a sentence end, and one more when the
    /// line does not end on one (a sentence that is cut off ends at a sentence end, and what follows
    /// the last is a sentence only when it holds more than white space).
    static func mostSentences(in line: TextLine) -> Int {
        let ends = sentenceEnds  // (read once, not at each scalar: a constant's every read checks it was made)
        var count = 0
        var endsOnSentenceEnd = true  // (a line of white space holds no sentence)
        // An ideograph, most of a line, is no white space and (when the ends hold none) no sentence end.
        let passesIdeographs = !ends.holdsIdeographs
        line.scalars.withUnsafeBufferPointer { scalars in
            for scalar in scalars {
                if passesIdeographs, ScalarSet.isIdeograph(scalar) {
                    endsOnSentenceEnd = false
                    continue
                }
                guard !scalar.isLineSpace else { continue }
                endsOnSentenceEnd = ends.contains(scalar)
                if endsOnSentenceEnd { count += 1 }
            }
        }
        return endsOnSentenceEnd ? count : count + 1
    }

    /// Each sentence of `sections`, in the order `of` gives them, handed over as it is cut: a reader that
    /// needs them once holds no array of them (for a huge notice's appended outlines, 9 MB).
    static func forEachSentence(in sections: [Section], _ body: (consuming Sentence) -> Void) {
        // (Each section read where it stands, `sections[index]`: a copy is four retains and four releases;
        // and a leaf's empty array of children is not retained for a call.)
        for index in sections.indices {
            sections[index].ownText.forEachParagraph { paragraph in
                forEachSentence(in: paragraph) { body(Sentence(line: consume $0)) }
            }
            if !sections[index].children.isEmpty { forEachSentence(in: sections[index].children, body) }
        }
    }

    /// Cuts a line into sentences; the closing punctuation stays with its sentence.
    static let sentenceEnds = ScalarSet(of: "。！？；!?;")
    static let sentenceSplit = TextLine.Separators(sentenceEnds)

    static func split(_ line: TextLine) -> [TextLine] {
        var sentences: [TextLine] = []
        forEachSentence(in: line) { sentences.append(consume $0) }
        return sentences
    }

    /// Each sentence of `line` as `split` cuts it (trimmed; empty ones left out), handed over as it is cut:
    /// one line made for each, where its trimmed range lies (a cut then trimmed was a line made and let go).
    static func forEachSentence(in line: TextLine, _ body: (consuming TextLine) -> Void) {
        line.forEachRange(separatedBy: sentenceSplit, keepingSeparators: true) { range in
            let sentence = line.trimmedRange(within: range)
            if !sentence.isEmpty { body(line[sentence]) }
        }
    }

    /// Each clause of a sentence, cut at ，；： outside brackets: a range into the line, handed over as it
    /// is cut.
    static let clauseSplit = TextLine.Separators(.clausePunctuation)

    static func forEachClause(of line: TextLine, _ body: (Range<Int>) -> Void) {
        line.forEachRange(separatedBy: clauseSplit, body)
    }
}

/// What the extractors know of the notice as a whole.
package struct ExtractionContext: Sendable {
    /// The year a date without one belongs to: the notice's campaign year, else the signing year.
    package var year: Int?
    /// The date of signing, when known: a due date cannot fall before it.
    package var signedOn: (year: Int, month: Int, day: Int)?
    package var issuerName: String?
    package var issuerLevel: Issuer.Level
}

/// The body a sentence addresses: "请各市工信局参照…" → 各市工信局.
enum SentenceSubject {
    /// How an issuer names itself in its own notice: a step it takes ("我厅将于…") is not its recipients'.
    static let selfReferences = ["我委", "我厅", "我局", "我部", "我办", "我会", "我司", "我处", "本委", "本厅", "本局", "本部", "本会"]
    static let selfReferenceList = WordList(selfReferences)

    static let verbs = ["参照", "按照", "结合", "对照", "从", "于", "将", "在", "根据", "认真", "积极", "做好", "组织", "择优"]
    static let verbList = WordList(verbs)
    static let bodies = OrganizationName.suffixes + ["单位", "企业", "部门", "机构", "会员"]
    static let bodyList = SuffixList(bodies)

    static func find(_ line: TextLine) -> String? {
        guard let please = line.firstIndex(of: "请") else { return nil }
        let rest = line[(please + 1)..<line.count]
        guard let stop = verbList.firstPosition(in: rest), stop > 0 else { return nil }
        let name = rest[0..<stop].trimmed()
        return isBody(name) ? name.text : nil
    }

    /// Words that end like the name of a body or a group of bodies (asked of the words themselves: a
    /// string of them was made for each ask).
    static func isBody(_ words: TextLine) -> Bool {
        !words.isEmpty && words.count <= 60 && bodyList.endsAny(words)
    }
}
