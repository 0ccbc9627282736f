/// Finds document numbers, accepting the brackets real text uses (〔〕 [] （） () 【】 ［］ ﹝﹞) and
/// stray spaces ("〔2023〕152 号"), a 第 before the serial ("〔2023〕第12号"), and the traditional 號.
/// Scans right to left from each 号.
package enum DocNumberScanner {
    static let openBrackets: ScalarSet = ["〔", "[", "（", "(", "【", "［", "﹝", "{"]
    static let closeBrackets: ScalarSet = ["〕", "]", "）", ")", "】", "］", "﹞", "}"]
    /// Agency codes are short ("国办发", "工信厅科函", "豫工信办创新").
    static let maximumAgencyLength = 12
    /// Words that stand before a cited number in running text and are not part of its agency code
    /// ("根据国办发〔2019〕5号", "按照…").
    static let leadingWords = [
        "根据", "按照", "依据", "依照", "参照", "落实", "贯彻", "执行", "对照", "结合", "转发", "印发", "见", "和", "及", "与",
    ]

    package struct Match: Equatable, Sendable {
        package var agency: String
        package var year: Int
        package var serial: Int
        package var range: Range<Int>
        /// "工信部科〔2019〕188号": written into one buffer of its size (the interpolation appended its five pieces
        /// through the string's general path and made a string of each number: 500 instructions, asked of every
        /// number a citation or a heading holds).
        package var canonical: String {
            guard year >= 0, serial >= 0 else { return "\(agency)〔\(year)〕\(serial)号" }
            let (open, close, hao) = ("〔".utf8, "〕".utf8, "号".utf8)
            let (year, serial) = (UInt(year), UInt(serial))
            return StringUTF8.withBytes(of: agency) { agency in
                let count = agency.count + 9 + DecimalDigits.count(year) + DecimalDigits.count(serial)
                return String(encodedUTF8: count) { buffer in
                    var n = 0
                    func append(_ bytes: some Sequence<UInt8>) {
                        for byte in bytes {
                            buffer[n] = byte
                            n += 1
                        }
                    }
                    append(agency)
                    append(open)
                    n += DecimalDigits.write(year, to: buffer.baseAddress! + n)
                    append(close)
                    n += DecimalDigits.write(serial, to: buffer.baseAddress! + n)
                    append(hao)
                    return n
                }
            }
        }

        /// The number as a record holds it, its span read from the line it was found in.
        func docNumber(in line: TextLine, text: String? = nil) -> DocNumber {
            DocNumber(text: text ?? canonical, agency: agency, year: year, serial: serial, span: line.span(range))
        }
    }

    package static func matches(in line: TextLine) -> [Match] {
        let s = line.scalars
        return atEachHao(of: line) { match(endingAt: $0, in: s) }
    }

    /// What `read` finds at each 号 or 號 of `line`, in order. Each found sixteen scalars at a time
    /// (`TextLine.firstIndex(of:or:from:)`), where each scalar of the line was asked in turn: most lines hold
    /// neither, and the titles, the re-flow and the citations ask thousands of lines.
    @inline(__always)
    private static func atEachHao<Found>(of line: TextLine, _ read: (Int) -> Found?) -> [Found] {
        var found: [Found] = []
        var from = 0
        while let i = line.firstIndex(of: "号", or: "號", from: from) {
            if let value = read(i) { found.append(value) }
            from = i + 1
        }
        return found
    }

    /// The document number when the line holds nothing else.
    package static func wholeLine(_ line: TextLine) -> DocNumber? {
        let trimmed = line.trimmed()
        if !trimmed.hasSuffix("号"), !trimmed.hasSuffix("號"), let match = withoutHao(trimmed) {
            // Canonical brackets, but no 号 that the text does not write.
            return match.docNumber(in: trimmed, text: "\(match.agency)〔\(match.year)〕\(match.serial)")
        }
        guard let match = matches(in: trimmed).first, match.range == 0..<trimmed.count else { return nil }
        return match.docNumber(in: trimmed)
    }

    /// The document number of a header line: the number alone, or followed by the signer as
    /// 上行文 set it ("某工信〔2024〕12号 签发人：王某").
    package static func headerLine(_ line: TextLine) -> DocNumber? {
        if let number = wholeLine(line) { return number }
        let trimmed = line.trimmed()
        guard let signer = trimmed.firstIndex(of: "签发人"), signer > 0,
            let number = wholeLine(trimmed[0..<signer])
        else { return nil }
        return number
    }

    /// Numbers written wrong, kept as written for a diagnostic: the closing bracket lost
    /// ("国质检质〔2016512号"), or the serial ("湘工信科技〔2023〕号"). Each read at its 号
    /// (`malformed(endingAt:in:)`).
    package static func malformed(in line: TextLine) -> [(text: String, range: Range<Int>, reason: String)] {
        atEachHao(of: line) { malformed(endingAt: $0, in: line) }
    }

    /// The number written wrong that ends with the 号 (or 號) at `hao` of `line`, or nil.
    static func malformed(endingAt hao: Int, in line: TextLine) -> (text: String, range: Range<Int>, reason: String)? {
        let s = line.scalars
        var i = hao - 1
        var reason: String?
        if i >= 0, closeBrackets.contains(s[i]) {
            i -= 1
            let yearEnd = i + 1
            while i >= 0, s[i].isASCIIDigit { i -= 1 }
            if yearEnd - (i + 1) == 4, i >= 0, openBrackets.contains(s[i]) {
                reason = "no serial number after the year"
            }
        } else {
            let digitsEnd = i + 1
            while i >= 0, s[i].isASCIIDigit { i -= 1 }
            if digitsEnd - (i + 1) >= 5, i >= 0, openBrackets.contains(s[i]),
                let year = Numerals.decimal(s[(i + 1)...(i + 4)]), (1949...2199).contains(year)
            {
                reason = "no closing bracket after the year"
            }
        }
        guard let reason, i > 0, s[i - 1].isHan else { return nil }
        let start = agencyStart(in: s, endingAt: i)
        guard start < i else { return nil }
        return (line[start..<hao].text + "号", start..<(hao + 1), reason)
    }

    /// A number written without its closing 号, as a line of its own: "便函[2022]1476". (In running
    /// text a bracketed year and digits are too common to read as a number without 号.)
    static func withoutHao(_ line: TextLine) -> Match? {
        let s = line.scalars
        let closeBrackets = closeBrackets  // (read once, not at each scalar)
        guard let close = s.firstIndex(where: { closeBrackets.contains($0) }), close + 1 < s.count,
            s[(close + 1)...].allSatisfy(\.isASCIIDigit), s.count - close - 1 <= 6
        else { return nil }
        var withHao = s
        withHao.append("号")
        guard var match = match(endingAt: withHao.count - 1, in: withHao), match.range.lowerBound == 0 else {
            return nil
        }
        match.range = 0..<s.count  // the line as written, without the 号 lent to the scan
        return match
    }

    /// Where the agency code that ends at `end` (exclusive) begins: the Han characters before it, at
    /// most `maximumAgencyLength` of them, less the words of running text among them.
    static func agencyStart(in s: Scalars, endingAt end: Int) -> Int {
        var start = end
        while start > 0, s[start - 1].isHan, end - start < maximumAgencyLength { start -= 1 }
        return agencyCodeStart(in: s, from: start, to: end)
    }

    /// Where an agency code begins in the Han run `from..<to` before its bracketed year: after the
    /// last word of running text inside the run ("东省人民政府关于贯彻国发" → 国发, "根据国办发" → 国办发).
    static func agencyCodeStart(in s: Scalars, from: Int, to: Int) -> Int {
        // Only the words whose first scalar stands in the run are looked for (most codes, "工信部科", hold
        // none: each of the 25 words was looked for at each place of the run, 1,500 instructions a number).
        let initials = runningTextInitials  // (read once: a constant's every read checks that it was made)
        var present: UInt64 = 0
        for k in from..<Swift.max(from, to) where initials.scalars.contains(s[k]) {
            present |= initials.words(beginningWith: s[k])
        }
        guard present != 0 else { return from }
        var start = from
        for (index, pattern) in runningTextWords.enumerated() where present & (1 << UInt64(index)) != 0 {
            var k = to - pattern.count - 1  // leave at least one character of code
            while k >= start {
                // (The first scalar asked first: a slice's `elementsEqual` at every place was 1% of a parse.)
                if s[k] == pattern[0], s[k..<(k + pattern.count)].elementsEqual(pattern) {
                    start = k + pattern.count
                    break
                }
                k -= 1
            }
        }
        return start
    }

    /// Words of running text that never stand inside an agency code.
    static let innerWords = ["关于", "的", "请", "于", "通知", "意见", "决定", "方案", "办法"]

    /// The leading and inner words as scalars, in the order `agencyCodeStart` tries them.
    private static let runningTextWords = (leadingWords + innerWords).map { Array($0.unicodeScalars) }
    private static let runningTextInitials = Initials(runningTextWords)

    /// The first scalars of a list of at most 64 words, and for each the words (a bit each, by index) that
    /// begin with it.
    struct Initials {
        let scalars: ScalarSet
        private let masks: [(scalar: Unicode.Scalar, words: UInt64)]

        init(_ words: [[Unicode.Scalar]]) {
            precondition(words.count <= 64 && words.allSatisfy { !$0.isEmpty })
            var masks: [(scalar: Unicode.Scalar, words: UInt64)] = []
            for (index, word) in words.enumerated() {
                if let k = masks.firstIndex(where: { $0.scalar == word[0] }) {
                    masks[k].words |= 1 << UInt64(index)
                } else {
                    masks.append((word[0], 1 << UInt64(index)))
                }
            }
            self.masks = masks
            scalars = ScalarSet(masks.map(\.scalar))
        }

        /// The words that begin with `scalar` (none, 0, for a scalar not in `scalars`).
        func words(beginningWith scalar: Unicode.Scalar) -> UInt64 {
            masks.first { $0.scalar == scalar }?.words ?? 0
        }
    }

    static func match(endingAt hao: Int, in s: Scalars) -> Match? {
        var i = hao - 1
        func skipSpaces() { while i >= 0, s[i].isLineSpace { i -= 1 } }
        skipSpaces()
        let serialEnd = i + 1
        while i >= 0, s[i].isASCIIDigit { i -= 1 }
        let serialStart = i + 1
        guard serialStart < serialEnd, serialEnd - serialStart <= 6 else { return nil }
        skipSpaces()
        // "〔2023〕第12号": GB/T 9704 leaves 第 out, many notices write it.
        if i >= 0, s[i] == "第" {
            i -= 1
            skipSpaces()
        }
        guard i >= 0, closeBrackets.contains(s[i]) else { return nil }
        i -= 1
        skipSpaces()
        let yearEnd = i + 1
        while i >= 0, s[i].isASCIIDigit { i -= 1 }
        guard yearEnd - (i + 1) == 4 else { return nil }
        let yearStart = i + 1
        skipSpaces()
        guard i >= 0, openBrackets.contains(s[i]) else { return nil }
        i -= 1
        skipSpaces()
        let agencyEnd = i + 1
        let agencyStart = agencyStart(in: s, endingAt: agencyEnd)
        guard agencyStart < agencyEnd,
            let year = Numerals.decimal(s[yearStart..<yearEnd]),
            let serial = Numerals.decimal(s[serialStart..<serialEnd])
        else { return nil }
        let agency = String(scalars: s[agencyStart..<agencyEnd])
        return Match(agency: agency, year: year, serial: serial, range: agencyStart..<(hao + 1))
    }
}
