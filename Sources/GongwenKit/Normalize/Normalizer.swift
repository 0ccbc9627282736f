import CScan

/// One logical line of normalized text: a paragraph, heading, list item or table row, possibly
/// joined from several hard-wrapped input lines.
package struct NormalizedLine: Sendable, Equatable {
    package var line: TextLine
    /// The width (in CJK layout columns) of the last input line that went into this one (a line is at
    /// most 2 GiB, `IngestLimits.largest`, and two columns a character).
    private var storedWidth: UInt32
    private var storedHeadingLevel: UInt8
    /// Set when the line is a web page's furniture rather than the notice's text.
    package var furniture: SiteFurniture.Kind?

    // A notice holds one of these a line, and the segmenter's arrays hold them again: the width and the
    // level are kept in 5 bytes, not 17, so that a line takes 48 bytes, not 72.
    package init(line: TextLine, markdownHeadingLevel: Int?, lastPhysicalWidth: Int, furniture: SiteFurniture.Kind?) {
        self.line = line
        self.storedWidth = UInt32(clamping: lastPhysicalWidth)
        self.storedHeadingLevel = UInt8(clamping: markdownHeadingLevel ?? 0)
        self.furniture = furniture
    }

    /// 1–6 when the input marked this line as a markdown heading.
    package var markdownHeadingLevel: Int? { storedHeadingLevel == 0 ? nil : Int(storedHeadingLevel) }

    package var lastPhysicalWidth: Int {
        get { Int(storedWidth) }
        set { storedWidth = UInt32(clamping: newValue) }
    }

    package var text: String { line.text }
    package var isTableRow: Bool { line.scalars.contains("\t") }
    package var span: SourceSpan { line.span! }
}

/// The second stage's result: the document as logical lines, and the links its markup carried.
package struct NormalizedDocument: Sendable {
    package var lines: [NormalizedLine]
    package var links: [Link]
    /// The column width at which the input was hard-wrapped, when it was (PDF text).
    package var wrapWidth: Int?
}

/// Normalization: full-width ASCII folded (２０２３ → 2023) with Chinese punctuation kept,
/// markdown residue stripped, canonical composition (ICU NFC), spaces that stand inside CJK text
/// removed ("2023 年 8 月 25 日" → "2023年8月25日"), and hard-wrapped lines re-flowed.
package enum Normalizer {
    /// A cleaned input line, before re-flowing.
    enum Piece: Equatable {
        case blank
        case thematicBreak
        /// `width`: the display width of the input line as written (before full-width digits and
        /// letters were folded), which is what a hard wrap measured. (The level and the width in 8 and 32
        /// bits, so that a piece takes 48 bytes, not 64: a huge notice holds one an input line.)
        case content(TextLine, headingLevel: UInt8?, width: UInt32)
    }

    /// `headingLevels`, when given (HTML h1–h6), marks lines as headings the way markdown's # does.
    /// (`lines` is consumed: each input line is let go as soon as it is cleaned.)
    package static func normalize(
        _ lines: consuming [TextLine], headingLevels: [Int?] = [], links inputLinks: [Link] = []
    ) -> NormalizedDocument {
        var links = inputLinks
        let foldedCharacters = ScriptFolding.foldedCharacters(of: lines)
        var pieces: [Piece] = []
        pieces.reserveCapacity(lines.count)
        // Taken from the end of the reversed array, each line is moved out of it, not swapped for an empty
        // one made, retained and released for it. (Reversed in its buffer, whose swaps move the lines: the
        // array's own swaps copied each line, two retains and two releases.)
        lines.withUnsafeMutableBufferPointer { $0.reverse() }
        var mayHoldTab = false  // whether some line may hold a tab (`Steps.scan`): most notices hold none
        for index in 0..<lines.count {
            let piece = clean(lines.removeLast(), links: &links, folding: foldedCharacters, mayHoldTab: &mayHoldTab)
            if index < headingLevels.count, let level = headingLevels[index],
                case let .content(text, nil, width) = piece
            {
                pieces.append(.content(text, headingLevel: UInt8(clamping: level), width: width))
            } else {
                pieces.append(piece)
            }
        }
        lines = []  // the emptied array's storage (a huge notice's 14 MB) is let go before the lines are joined
        let wrapWidth = Reflow.detectWrapWidth(pieces)
        return NormalizedDocument(
            lines: Reflow.join(consume pieces, wrapWidth: wrapWidth, mayHoldTab: mayHoldTab), links: links,
            wrapWidth: wrapWidth)
    }

    /// (`steps`, when given, are the steps run in place of those the scan finds: tests run them all.)
    static func clean(
        _ input: consuming TextLine, links: inout [Link],
        folding foldedCharacters: SimplifiedForms.TraditionalCharacters? = nil,
        steps givenSteps: Steps? = nil
    ) -> Piece {
        var mayHoldTab = false
        return clean(input, links: &links, folding: foldedCharacters, steps: givenSteps, mayHoldTab: &mayHoldTab)
    }

    /// `clean`, and `mayHoldTab` set when the line may hold a tab between its words (one at an end is trimmed
    /// away): no step puts one in a line that held none, so a notice none of whose input lines may hold one
    /// has no table row (`Reflow.join` asks no line).
    /// (`input` is consumed: the line is cleaned in place of it, not in a copy of it.)
    static func clean(
        _ input: consuming TextLine, links: inout [Link],
        folding foldedCharacters: SimplifiedForms.TraditionalCharacters? = nil,
        steps givenSteps: Steps? = nil, mayHoldTab: inout Bool
    ) -> Piece {
        // Most lines need none of the steps: one scan of the line tells which may act on it. Once a
        // step has run, the line may hold what the scan did not see, and each later step looks for itself.
        // The same scan counts the wide scalars, for the width of the line as written (before full-width
        // digits and letters were folded).
        // Only the line without the white space at its ends is scanned: what a step does to that white space
        // (a full-width space folded, a space that called for `removeNoise`, which no entity or run of noise
        // begins with) is trimmed with it before the later steps, so a step that only the ends called for (a
        // line indented with spaces, a tab before its words) changes nothing that is kept (630 of the 3,336
        // lines with a space or "&" in 300 generated notices). (The ends found once: for the scan, the
        // width, and to trim a line no step changes.)
        let inputTrimmedRange = input.trimmedRange
        let scanned = Steps.scan(input, in: inputTrimmedRange)
        if scanned.mayHoldTab { mayHoldTab = true }
        let width = UInt32(clamping: inputTrimmedRange.count + scanned.wideCount)
        var line = input
        var steps = givenSteps ?? scanned.steps
        let changesNoScalar = steps.isDisjoint(with: [.foldWidths, .composeNFC, .removePinyin, .removeNoise])
        if steps.contains(.foldWidths) { steps.ran(foldWidths, on: &line) }
        if steps.contains(.composeNFC) { steps.ran(composeNFC, on: &line) }
        if steps.contains(.removePinyin) { steps.ran(ScriptFolding.removePinyin, on: &line) }
        // (A line that holds no noise is not handed back: a line with a space is asked, and was copied.)
        if steps.contains(.removeNoise), let cleaned = TextNoise.cleaned(line) {
            line = cleaned
            steps = .all
        }
        if changesNoScalar { line.trim(to: inputTrimmedRange) } else { line.trim() }
        // (Folding is character for character, Han for Han: the line stays trimmed.)
        if let foldedCharacters { line = ScriptFolding.fold(line, with: foldedCharacters) }
        if line.isEmpty { return .blank }
        if MarkupResidue.isThematicBreak(line) { return .thematicBreak }
        var level: Int?
        // What is left after a heading's marks, and what stripping and collapsing leave, is trimmed again
        // (most lines are neither, and stay trimmed).
        var mayEndInSpace = false
        if let heading = MarkupResidue.stripHeading(line) {
            level = heading.level
            line = heading.text
            mayEndInSpace = true
        }
        if steps.contains(.stripInline) {
            line = MarkupResidue.stripInline(line, links: &links)
            mayEndInSpace = true
        }
        if steps.contains(.collapseSpaces) {
            if let collapsed = collapsedSpaces(line) { line = collapsed }
            mayEndInSpace = true
        }
        if mayEndInSpace { line.trim() }
        return line.isEmpty
            ? .blank
            : .content(line, headingLevel: level.map { UInt8(clamping: $0) }, width: width)
    }

    /// The cleaning steps of `clean` that may change a line, as far as one scan of it can tell: a step
    /// is left out only when the line holds no scalar that the step acts on (its own test, made by
    /// the step before it does anything). Han characters, most of a line, are passed over at once.
    struct Steps: OptionSet {
        let rawValue: UInt8
        static let foldWidths = Steps(rawValue: 1)
        static let composeNFC = Steps(rawValue: 2)
        static let removePinyin = Steps(rawValue: 4)
        static let removeNoise = Steps(rawValue: 8)
        static let stripInline = Steps(rawValue: 16)
        static let collapseSpaces = Steps(rawValue: 32)
        static let all = Steps(rawValue: 63)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        /// The steps that may change a line holding `scalar`.
        init(mayActOn scalar: Unicode.Scalar) {
            var steps: Steps = []
            if Normalizer.mayFoldWidth(scalar) { steps.insert(.foldWidths) }
            if Normalizer.mayChangeUnderNFC(scalar) { steps.insert(.composeNFC) }
            if ScriptFolding.toneVowels.contains(scalar) { steps.insert(.removePinyin) }
            if TextNoise.mayBegin(scalar) { steps.insert(.removeNoise) }
            if MarkupResidue.mayBeginInline(scalar) { steps.insert(.stripInline) }
            // (A space calls for removeNoise too, after which every step runs: this says what
            // collapseSpaces itself needs, should that change.)
            if scalar == " " { steps.insert(.collapseSpaces) }
            self = steps
        }

        /// The steps that may change `line`, and how many of its scalars are wide (`isWide`), in one scan:
        /// each scalar of a Chinese text (ASCII, punctuation, the full-width forms) is read from
        /// `Steps.ofScalar`, an ideograph calls for no step and is wide, and any other is asked the six
        /// tests and `isWide`. (The six tests at each scalar but an ideograph took 600 instructions a
        /// line; the width, asked of every line, was a second scan of it.) A scalar's entry is read without a
        /// branch — its index in the table chosen (its own, the one entry of the scalars neither part lists,
        /// or the ideographs') —, four scalars at a time by a C loop (`gw_scalars_table_scan`: the indices
        /// chosen in vector registers, the four entries read as one word; a Swift loop took ten instructions a
        /// scalar, and the scan 0.995 of a parse's CPU time after), and the scalars neither part lists, which few
        /// lines hold, are asked in a second pass: a branch between ideographs and the rest went one way or the
        /// other at each change in a mixed line (four ideographs passed over at once: 1.008–1.009 of the CPU
        /// time). A line that holds a tab is read again too (the tab's entry says so), and a line read again may
        /// hold one (`mayHoldTab`). Inlined: called, it was handed a copy of the line.
        @inline(__always)
        static func scan(_ line: borrowing TextLine) -> (steps: Steps, wideCount: Int, mayHoldTab: Bool) {
            scan(line, in: 0..<line.count)
        }

        /// `scan` of the scalars of `line` in `range`.
        @inline(__always)
        static func scan(
            _ line: borrowing TextLine, in range: Range<Int>
        ) -> (steps: Steps, wideCount: Int, mayHoldTab: Bool) {
            let table = Self.ofScalar  // (read once, not at each scalar)
            var steps: UInt8 = 0
            var wideCount = 0
            var mayHoldTab = false
            line.scalars.withUnsafeBufferPointer { whole in
                let scalars = UnsafeBufferPointer(rebasing: whole[range])
                table.withUnsafeBufferPointer { table in
                    guard let base = scalars.baseAddress, let table = table.baseAddress else { return }
                    // (A scalar is its UInt32 value, and is read as one.)
                    var wide = 0
                    steps = base.withMemoryRebound(to: UInt32.self, capacity: scalars.count) {
                        gw_scalars_table_scan(
                            $0, scalars.count, table, Self.lowEnd, Self.highStart, Self.ideographEntry, &wide)
                    }
                    wideCount = wide
                }
                guard steps & Self.unlisted != 0 else { return }
                mayHoldTab = true
                for scalar in scalars
                where scalar.value >= Self.lowEnd && !ScalarSet.isIdeograph(scalar)
                    && scalar.value &- Self.highStart >= 0x100
                {
                    steps |= Steps(mayActOn: scalar).rawValue
                    wideCount &+= scalar.isWide ? 1 : 0
                }
            }
            return (Steps(rawValue: steps & Steps.all.rawValue), wideCount, mayHoldTab)
        }

        private static let lowEnd: UInt32 = 0x3100, highStart: UInt32 = 0xFF00
        /// An entry's bit 7: the scalar is wide; bit 6: neither part of the table lists it.
        private static let wide: UInt8 = 0x80, unlisted: UInt8 = 0x40
        /// Where the entry of every scalar neither part lists stands, and the ideographs' after it.
        private static let unlistedEntry = lowEnd + 0x100, ideographEntry = lowEnd + 0x101
        /// `Steps(mayActOn:)` of each scalar below U+3100, then of each from U+FF00 to U+FFFF, with bit 7 (no
        /// step's) set for a wide one; then the entry `unlisted`, and the ideographs' (`wide`, no step). One
        /// table, an index chosen without a branch and one entry read: two tables, both read and one entry
        /// chosen, took more instructions. The tab's entry has `unlisted` set too: a line that holds one
        /// is read again (the second pass asks only the scalars past both parts, and passes over it), and is
        /// said to hold one (`mayHoldTab`).
        private static let ofScalar: [UInt8] = [UInt8](
            unsafeUninitializedCapacity: Int(ideographEntry) + 1
        ) { buffer, initialized in
            // (Each entry written in place: appended one at a time by `map`, each with its own check of the
            // array's room, they took 0.86 M of the 2.8 M instructions that making the table took at every start.)
            for value in 0..<lowEnd { buffer[Int(value)] = Unicode.Scalar(value).map(entry) ?? 0 }
            for value in highStart..<0x10000 {
                buffer[Int(lowEnd + value - highStart)] = Unicode.Scalar(value).map(entry) ?? 0
            }
            buffer[0x09] |= unlisted
            buffer[Int(unlistedEntry)] = unlisted
            buffer[Int(ideographEntry)] = wide
            initialized = Int(ideographEntry) + 1
        }

        private static func entry(_ scalar: Unicode.Scalar) -> UInt8 {
            Steps(mayActOn: scalar).rawValue | (scalar.isWide ? 0x80 : 0)
        }

        /// Runs `step` on `line`; if it changed the line, the line may now hold anything, and every later
        /// step is run. A step that changed nothing gave the line back as it was (its very scalars), and
        /// what the scan said of the line still holds: a space let noise removal look, and after it found
        /// none, markup stripping ran on every such line. (Noise removal, asked of every line with a space,
        /// says nil for a line it leaves as it is, and is not run through here; the steps that are run here
        /// are asked only of a line holding a scalar they change, and hand one back unchanged rarely.)
        mutating func ran(_ step: (TextLine) -> TextLine, on line: inout TextLine) {
            let result = step(line)
            if !result.scalars.isSameStretch(as: line.scalars) { self = .all }
            line = result
        }
    }

    /// Whether `foldWidths` changes `scalar` (asked of `widthFolded`, which says what it makes of each).
    @inline(__always)
    static func mayFoldWidth(_ scalar: Unicode.Scalar) -> Bool { widthFolded(scalar) != scalar }

    /// Full-width digits, letters and ＠ to ASCII; the many Unicode spaces to one space; zero-width
    /// characters dropped. Chinese punctuation (，。、：；（）〔〕《》) is kept as written.
    static func foldWidths(_ line: TextLine) -> TextLine {
        guard line.scalars.contains(where: mayFoldWidth) else { return line }
        // Each scalar folded where it stands keeps its place: the line's positions are the folded line's, unless a
        // zero-width character is dropped. (Paired with its position and appended a scalar at a time, the folding
        // of a web page's lines, each with a no-break space, took 1.8% of its parse.)
        var dropsOne = false
        let folded = [Unicode.Scalar](unsafeUninitializedCapacity: line.count) { buffer, initialized in
            line.scalars.withUnsafeBufferPointer { scalars in
                for scalar in scalars {
                    guard let kept = widthFolded(scalar) else {
                        dropsOne = true
                        return
                    }
                    buffer.initializeElement(at: initialized, to: kept)
                    initialized += 1
                }
            }
        }
        guard dropsOne else { return TextLine(scalars: Scalars(folded), origins: line.origins) }
        var out = TextLine()
        out.reserveCapacity(line.count)
        for (scalar, origin) in zip(line.scalars, line.origins) {
            if let kept = widthFolded(scalar) { out.append(kept, from: origin) }
        }
        return out
    }

    /// What `foldWidths` makes of `scalar`: nil for a zero-width character, which it drops.
    @inline(__always)
    static func widthFolded(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF20: return Unicode.Scalar(v - 0xFEE0)!
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return nil
        case 0x09: return scalar
        default: return scalar.isLineSpace ? " " : scalar
        }
    }

    /// NFC through ICU; composed scalars take the origin of the first scalar of their grapheme.
    static func composeNFC(_ line: TextLine) -> TextLine {
        guard line.scalars.contains(where: mayChangeUnderNFC), Transcoding.nfc(line.scalars) != nil else { return line }
        var out = TextLine()
        var start = 0
        let text = line.text
        for character in text {
            let length = character.unicodeScalars.count
            let range = start..<(start + length)
            let composed = Transcoding.nfc(line.scalars[range]) ?? Array(line.scalars[range])
            for scalar in composed { out.append(scalar, from: line.origins[start]) }
            start += length
        }
        return out
    }

    /// Whether `scalar` may be changed by NFC, or change the scalar before it: false for the scalars a
    /// Chinese line is made of — Latin below U+0300, Han, CJK and general punctuation, full-width
    /// forms — which have no canonical decomposition, combine with nothing and are no combining mark
    /// (NFC_Quick_Check Yes, combining class 0: checked against ICU for each of them in
    /// `NormalizeTests`). A line of only these is in NFC without asking ICU, which was asked for
    /// nearly every line (each holds a Han character).
    @inline(__always)
    static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {  // (the commonest first)
        case 0x4E00...0x9FFF, 0..<0x300, 0xFF01...0xFF65, 0x3000...0x3029, 0x3030...0x303F, 0x2010...0x2027,
            0x2030...0x205E, 0x3400...0x4DBF:
            return false
        default:
            return true
        }
    }

    /// Removes a run of spaces that touches CJK text on either side; folds other runs to one space.
    static func collapseSpaces(_ line: TextLine) -> TextLine { collapsedSpaces(line) ?? line }

    /// `collapseSpaces(line)`, nil when it leaves the line as it is (most lines with a space: the normalizer
    /// asks each, and a line handed back was a copy).
    static func collapsedSpaces(_ line: borrowing TextLine) -> TextLine? {
        let s = line.scalars
        // (From space to space, each found sixteen scalars at a time: the scalars between two spaces were
        // each asked whether they were one.)
        guard var i = line.firstIndex(of: " ", or: " ") else { return nil }
        if isCollapsed(line, from: i) { return nil }  // one space between words of Latin text, as most are: no copy
        var out = TextLine()
        out.reserveCapacity(s.count)
        var kept = 0  // where the words since the last run of spaces begin: copied at once, with their origins
        while true {
            out.append(contentsOf: line, range: kept..<i)
            var end = i
            while end < s.count, s[end] == " " { end += 1 }
            if keepsSpace(runFrom: i, to: end, in: s) { out.append(" ", from: line.origins[i]) }
            kept = end
            guard let next = line.firstIndex(of: " ", or: " ", from: end) else { break }
            i = next
        }
        out.append(contentsOf: line, range: kept..<s.count)
        return out
    }

    /// Whether a run of spaces from `start` to `end` leaves one space: it stands inside the line and
    /// touches no CJK text. (ASCII punctuation written in CJK text — "电话: (010)", "安排, 加强" — counts
    /// as CJK.)
    static func keepsSpace(runFrom start: Int, to end: Int, in s: Scalars) -> Bool {
        let leftCJK =
            start > 0
            && (s[start - 1].isCJK || s[start - 1] == "\t"
                || (isASCIIClauseMark(s[start - 1]) && start > 1 && s[start - 2].isCJK))
        let rightCJK = end < s.count && (s[end].isCJK || s[end] == "\t")
        return !leftCJK && !rightCJK && start > 0 && end < s.count
    }

    /// ":", ";" or "," (a switch: the literal's scalars were decoded at each space asked about).
    private static func isASCIIClauseMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ":", ";", ",": return true
        default: return false
        }
    }

    /// Whether `collapseSpaces` would leave the line as it is: each run is one space, and kept (`first`: where
    /// the first space stands).
    private static func isCollapsed(_ line: borrowing TextLine, from first: Int) -> Bool {
        let s = line.scalars
        var found: Int? = first
        while let i = found {
            guard i + 1 == s.count || s[i + 1] != " ", keepsSpace(runFrom: i, to: i + 1, in: s) else { return false }
            found = line.firstIndex(of: " ", or: " ", from: i + 1)
        }
        return true
    }
}
