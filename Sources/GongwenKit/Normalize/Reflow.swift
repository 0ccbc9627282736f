/// Re-flows hard-wrapped text: joins an input line with the next when the first stops mid-sentence
/// and the next goes on with it, and never glues together list items, headings, labelled fields
/// ("电话：…") or table rows.
///
/// PDF text is wrapped at a fixed width, so a line that reaches that width and ends without
/// closing punctuation continues on the next line, even when the next begins like a list item
/// ("…质量第" + "一、效益优先。"). Web text has no fixed width; there a long line that stops
/// mid-sentence continues, and a line that begins like a list item never continues another.
enum Reflow {

    /// Lines at least this wide (in CJK layout columns) are long enough to have been wrapped.
    static let minimumWrappedWidth = 40

    /// No page of an official document is narrower: GB/T 9704 sets 28 characters a line (56 columns).
    static let minimumPageWidth = 40

    /// The width at which the text was hard-wrapped: the most common width of the long lines that stop
    /// mid-sentence, when at least half of them are within three columns of it. Nil for text with no
    /// fixed wrap (web pages).
    static func detectWrapWidth(_ pieces: [Normalizer.Piece]) -> Int? {
        var widths: [Int] = []
        // Lines that begin with a number are list items (a directory's entries are all short and
        // unpunctuated); only running text tells the width of the page.
        // (A table row, with its tabs, tells nothing either; the line is scanned for one last, when the
        // cheaper tests have let it through: most lines end in 。.)
        for case let .content(line, nil, inputWidth) in pieces {
            guard let last = line.scalars.last, !last.isTerminalPunctuation, last != "。",
                Int(inputWidth) >= minimumPageWidth, OutlineMarker.parse(line) == nil, !line.scalars.contains("\t")
            else { continue }
            widths.append(Int(inputWidth))
        }
        guard widths.count >= 5 else { return nil }
        // The page width is the most common width; wrapped text clusters within a few columns of it.
        let mode = mostCommon(&widths)
        let near = widths.filter { abs($0 - mode) <= 3 }.count
        return near * 2 >= widths.count ? mode : nil
    }

    /// The value `values` (not empty) hold most often, the greatest of those held as often; `values` is left
    /// sorted. Counted along their runs once sorted: counted in a dictionary, which grew from one entry as
    /// widths came, each growth hashed every width again (7,000 instructions a notice with a page width).
    static func mostCommon(_ values: inout [Int]) -> Int {
        values.sort()
        var mode = values[0]
        var modeCount = 0
        var runStart = 0
        for k in 1...values.count where k == values.count || values[k] != values[runStart] {
            // (A later run is of greater values: one as long replaces the last.)
            if k - runStart >= modeCount { (mode, modeCount) = (values[runStart], k - runStart) }
            runStart = k
        }
        return mode
    }

    /// (`mayHoldTab` false: no piece holds a tab, and none is asked whether it is a table row.)
    static func join(_ pieces: consuming [Normalizer.Piece], wrapWidth: Int?, mayHoldTab: Bool) -> [NormalizedLine] {
        // Room for a line a piece with words (a piece split in two may grow it once): grown by doubling,
        // the array of a huge notice's lines was held twice over while it was copied.
        var joiner = Joiner(
            wrapWidth: wrapWidth, capacity: pieces.count { if case .content = $0 { true } else { false } },
            mayHoldTab: mayHoldTab)
        for index in pieces.indices {
            var piece = Normalizer.Piece.blank
            swap(&piece, &pieces[index])  // let go as soon as it is read: `pieces` is consumed
            switch consume piece {
            case .blank:
                continue
            case .thematicBreak:
                joiner.close()
            case let .content(whole, storedLevel, storedWidth):
                let level = storedLevel.map(Int.init)
                let inputWidth = Int(storedWidth)
                // A publication line that a page set on the line of the notice's own words is split off it.
                let wholeKind = SiteFurniture.kind(of: whole)
                if wholeKind == nil, let cut = SiteFurniture.trailingMetadataStart(in: whole) {
                    let rest = whole[cut..<whole.count]
                    joiner.place(whole[0..<cut].trimmed(), kind: nil, level: level, inputWidth: inputWidth)
                    joiner.place(rest, kind: SiteFurniture.kind(of: rest), level: level, inputWidth: inputWidth)
                } else {
                    joiner.place(whole, kind: wholeKind, level: level, inputWidth: inputWidth)
                }
            }
        }
        joiner.close()
        return joiner.lines
    }

    /// The logical lines joined so far, and the last of them while it may still continue. (A value of
    /// its own, not variables captured by local functions: those live in a heap box, and each line read
    /// from one was a copy, retained and released.)
    private struct Joiner {
        let wrapWidth: Int?
        /// False when no line holds a tab: then none is a table row, and none is scanned for a tab.
        let mayHoldTab: Bool
        private(set) var lines: [NormalizedLine] = []
        private var open: NormalizedLine?  // the logical line that may still continue
        private var openIsTableRow = false  // known when it opened: table rows are never joined
        private var openWasJoined = false

        init(wrapWidth: Int?, capacity: Int, mayHoldTab: Bool) {
            self.wrapWidth = wrapWidth
            self.mayHoldTab = mayHoldTab
            lines.reserveCapacity(capacity)
        }

        /// Closes the open line: a joined one is let go of the room its appends reserved beyond its
        /// scalars (up to as much again: a huge notice's joined lines held 3 MB unused).
        mutating func close() {
            guard var line = open.take() else { return }
            if openWasJoined { line.line.shrinkToFit() }
            lines.append(consume line)
            openWasJoined = false
        }

        /// Joins `line` to the open line, or closes that and opens `line`.
        mutating func place(_ line: consuming TextLine, kind: SiteFurniture.Kind?, level: Int?, inputWidth: Int) {
            var next = NormalizedLine(
                line: line, markdownHeadingLevel: level, lastPhysicalWidth: inputWidth, furniture: kind)
            // A row of metadata labels ("索引号 | 发布机构 | 文号") holds its values in the row below.
            if next.furniture == nil, open?.furniture == .metadata,
                let labels = SiteFurniture.labelRow(open!.line),
                SiteFurniture.cells(of: next.line).count == labels.count
            {
                next.furniture = .metadata
            }
            let nextIsTableRow = mayHoldTab && next.isTableRow
            // (The open line asked where it stands, through optional chaining: `open.map` copied it out.)
            if !openIsTableRow, !nextIsTableRow, open?.isContinued(by: next, wrapWidth: wrapWidth) ?? false {
                // Appended in place: a copy of the open line shared its storage, and each join
                // copied the whole paragraph so far (quadratic in its length).
                open!.line.append(next.line)
                openWasJoined = true
                open!.lastPhysicalWidth = next.lastPhysicalWidth
            } else {
                close()
                open = consume next
                openIsTableRow = nextIsTableRow
            }
        }
    }

    static let sentencePunctuation = ScalarSet(of: "，,。")

    /// Longer than any title, even a forwarding one that quotes another's ("关于转发《…》的通知").
    static let longestTitle = 300

    /// Whether `next` goes on with `current` (neither a table row: `join` knows that of each line once).
    static func continues(_ current: NormalizedLine, with next: NormalizedLine, wrapWidth: Int?) -> Bool {
        if current.markdownHeadingLevel != nil || next.markdownHeadingLevel != nil { return false }
        if current.furniture != nil || next.furniture != nil { return false }
        let a = current.line
        let b = next.line
        guard let last = a.scalars.last, let first = b.scalars.first else { return false }
        if opensWithAttachment(b) || LineShape.isLabelled(b) { return false }
        if first.isContinuingPunctuation { return true }
        // (Each rule from here to the labelled line's answers no: a line that ends closed is answered here,
        // before the shape of the two lines is read.)
        if endsClosed(a) { return false }
        // A bracketed note on a line of its own ("（联系人：…）") after a closing bracket.
        if (last == ")" || last == "）") && (first == "(" || first == "（") { return false }
        // Web text has no fixed width: a labelled line ("附件：…", "联系人：…") ends where it ends.
        if wrapWidth == nil, opensWithAttachment(a) || LineShape.isLabelled(a) { return false }
        // What the shape of the two lines says; the rules that read their words (a title, an issuer's name, a
        // date of signing) only ever answer no, and are asked below of a pair these would join: most pairs
        // are not, and were read for names and dates first (3.5 M of the 8.2 M instructions this took on 300
        // notices).
        let startsItem = OutlineMarker.parse(b) != nil
        var mayBeTitle = false  // whether the line before may be a title, which ends where it ends
        let joins: Bool
        if opensMore(last) {
            joins = !startsItem || isFullWidth(current, wrapWidth)
        } else if endsOnConnective(a), isNameFragment(b) {
            joins = !startsItem
        } else if TitleShape.endingList.endsAny(a) {
            joins = false
        } else {
            mayBeTitle = true
            if startsItem {
                joins = wrapWidth != nil && isFullWidth(current, wrapWidth)
            } else if wrapWidth == nil, isNumberedHeading(a) {
                // Without a fixed wrap width, a numbered line with no clause punctuation is a heading
                // ("4. 管理方法（技术）的推进和应用情况（8000字以内）"), however long.
                joins = false
            } else {
                joins = isFullWidth(current, wrapWidth)
            }
        }
        guard joins else { return false }
        // A title with its number after it ("…的通知 工信厅消费函〔2022〕309号"); not a sentence that
        // ends in a cited title ("…根据《…指南》").
        // (A joined paragraph longer than any title is not read again at each join: that was quadratic.)
        if mayBeTitle, a.count <= longestTitle, !a.scalars.contains(where: sentencePunctuation.contains),
            TitleShape.titleText(a) != nil
        {
            return false
        }
        // In web text an issuer's name alone on a line is the signature.
        // (Asked once, when it is asked: a local cache, not a lazy variable, which held a copy of the line.)
        var issuerName: Bool?
        func nextIsIssuerName() -> Bool {
            if let issuerName { return issuerName }
            let answer = OrganizationName.isIssuerName(b)
            issuerName = answer
            return answer
        }
        if wrapWidth == nil, nextIsIssuerName(), !(endsOnConnective(a) && isNameFragment(b)) {
            return false
        }
        if DateScanner.signingDate(b) != nil { return false }  // the date of signing stands on a line of its own
        // The signature under the last attachment title, however long that title. (Web text was answered
        // above: an issuer's name there ends the line before it, whatever that line is.)
        if wrapWidth != nil, opensWithAttachment(a) || OutlineMarker.parse(a, allowDigitAfter: true) != nil,
            nextIsIssuerName(), !(endsOnConnective(a) && isNameFragment(b))
        {
            return false
        }
        return true
    }

    /// Whether `line` begins with 附件, its first scalar asked first: most lines begin with another, and
    /// the word's scalars were read from the string at each line asked (9,485 asks on 300 notices).
    @inline(__always)
    static func opensWithAttachment(_ line: TextLine) -> Bool {
        line.scalars.first == "附" && line.hasPrefix("附件")
    }

    /// A comma, an enumeration comma, an opening bracket or quote, a dash: what a line cut off inside a
    /// sentence ends with.
    static func opensMore(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "、", "《", "（", "“", "‘", "—": return true
        default: return false
        }
    }

    static func isNumberedHeading(_ line: TextLine) -> Bool {
        guard let marker = OutlineMarker.parse(line) else { return false }
        let clausePunctuation = ScalarSet.clausePunctuation  // (read once, not at each scalar)
        return !line.scalars[marker.contentStart...].contains(where: clausePunctuation.contains)
    }

    /// Ends on a conjunction that joins the parts of a name ("新疆生产建设兵团工业和" + "信息化厅").
    /// (Words end in these too — 参与, 涉及 — so the rule also wants a fragment after it.)
    static func endsOnConnective(_ line: TextLine) -> Bool {
        guard let last = line.scalars.last else { return false }
        return isConnective(last)
    }

    /// 和, 及, 与 (a switch: a literal's scalars were decoded at each ask).
    static func isConnective(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "和", "及", "与": return true
        default: return false
        }
    }

    /// A short run of Han characters with no punctuation: the tail of a wrapped name.
    static func isNameFragment(_ line: TextLine) -> Bool {
        line.count <= 10 && line.scalars.allSatisfy(\.isHan)
    }

    /// The quotes and brackets that may close a line after its sentence ends.
    static let closingMarks = ScalarSet(of: "”’）)》」』】〕")

    /// Ends with closing punctuation, possibly followed by a closing quote or bracket ("。”", "；）").
    static func endsClosed(_ line: TextLine) -> Bool {
        var i = line.count - 1
        while i >= 0, closingMarks.contains(line.scalars[i]) { i -= 1 }
        return i >= 0 && (line.scalars[i].isTerminalPunctuation || line.scalars[i] == "。")
    }

    /// Reaches the wrap width, give or take the two-character indent of a paragraph's first line
    /// and the narrower digits and Latin letters.
    private static func isFullWidth(_ line: NormalizedLine, _ wrapWidth: Int?) -> Bool {
        line.lastPhysicalWidth >= (wrapWidth.map { $0 - 8 } ?? minimumWrappedWidth)
    }
}

/// Shapes of a line that several stages recognise.
enum LineShape {
    /// "电话：…", "联 系 人：…", "邮编:…": one to six Han characters, a colon, then a value.
    /// ("息化主管部门：", with nothing after the colon, is the tail of a wrapped line.)
    static func isLabelled(_ line: TextLine) -> Bool {
        labelEnd(line) != nil
    }

    /// The index of the colon after a short label, or nil.
    static func labelEnd(_ line: TextLine) -> Int? {
        var han = 0
        for (i, scalar) in line.scalars.prefix(8).enumerated() {
            if scalar == "：" || scalar == ":" { return han >= 1 && i + 1 < line.count ? i : nil }
            guard scalar.isHan else { return nil }
            han += 1
            if han > 6 { return nil }
        }
        return nil
    }
}

extension NormalizedLine {
    /// `Reflow.continues(self, with: next, wrapWidth:)`, for a line read where it stands.
    fileprivate func isContinued(by next: NormalizedLine, wrapWidth: Int?) -> Bool {
        Reflow.continues(self, with: next, wrapWidth: wrapWidth)
    }
}
