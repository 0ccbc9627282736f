import Foundation

/// Finds dates written "2023年8月25日", "2023 年 8 月 25 日" (after normalization), "8月30日",
/// or in Chinese numerals "二〇二三年八月二十五日". A hand-written scanner: it walks the line once.
package enum DateScanner {
    /// Every date in the line, left to right: each read around its 月 (`date(around:in:)`), found sixteen
    /// scalars at a time. (A scalar at a time, the search for 月 was half of this function's cost, asked of
    /// every sentence with a date and every line the segmenter and the re-flow ask for a date of signing.)
    package static func dates(in line: TextLine) -> [WrittenDate] {
        var found: [WrittenDate] = []
        forEachDate(in: line) { date in
            found.append(date)
            return true
        }
        return found
    }

    /// The first of `dates(in:)`, read without the rest (and without an array of them: most lines asked hold
    /// one date, an array each).
    package static func firstDate(in line: TextLine) -> WrittenDate? {
        var first: WrittenDate?
        forEachDate(in: line) { date in
            first = date
            return false
        }
        return first
    }

    /// Whether one of `dates(in:)` is one `condition` holds for: read until it is found.
    static func containsDate(in line: TextLine, where condition: (WrittenDate) -> Bool) -> Bool {
        var found = false
        forEachDate(in: line) { date in
            found = condition(date)
            return !found
        }
        return found
    }

    /// Calls `body` with each of `dates(in:)`, in order, until it returns false.
    static func forEachDate(in line: TextLine, _ body: (WrittenDate) -> Bool) {
        var i = 0
        while let month = line.firstIndex(of: "月", or: "月", from: i) {
            if let date = date(around: month, in: line.scalars) {
                guard body(date) else { return }
                i = date.range.upperBound
            } else {
                i = month + 1
            }
        }
    }

    /// The date written around the 月 at `i` of `s`: the month's number before it (nil when there is none,
    /// or it is no month), the year before that, the day after it.
    static func date(around i: Int, in s: Scalars) -> WrittenDate? {
        guard let (month, monthStart) = number(endingBefore: i, in: s), (1...12).contains(month) else { return nil }
        var start = monthStart
        var year: Int?
        if monthStart > 0, s[monthStart - 1] == "年",
            let (y, yearStart) = number(endingBefore: monthStart - 1, in: s, digitsOnly: true),
            (1900...2199).contains(y)
        {
            year = y
            start = yearStart
        }
        var end = i + 1
        var day: Int?
        if let (d, dayEnd) = number(startingAt: i + 1, in: s), dayEnd < s.count,
            s[dayEnd] == "日" || s[dayEnd] == "号",
            d >= 1, d <= daysIn(month: month, year: year)
        {
            day = d
            end = dayEnd + 1
        }
        // A month-day pair without a year must not be the tail of a longer number ("12月" in "2012月").
        return WrittenDate(year: year, month: month, day: day, range: start..<end)
    }

    /// What a year written in digits may not follow: the joints of a URL's path, a version or a time.
    static let numberJoiners = ScalarSet(of: "/.-:_")

    /// Dates written in digits as web pages do ("截止时间：2023-09-15 17:00", "2023.9.15前", "2023/09/15"):
    /// a year, a month and a day apart by one kind of separator. Not inside a longer number, a URL or
    /// a version ("http://…/2023/09/15/…", "V2023.1.2.5").
    package static func numericDates(in line: TextLine) -> [WrittenDate] {
        let s = line.scalars
        var found: [WrittenDate] = []
        var i = 0
        while i + 7 < s.count {
            guard s[i].isASCIIDigit,
                i == 0
                    || !(s[i - 1].isASCIIDigit || s[i - 1].isASCIILetter || numberJoiners.contains(s[i - 1]))
            else {
                i += 1
                continue
            }
            var j = i
            func digits(_ maximum: Int) -> Int? {
                let start = j
                while j < s.count, s[j].isASCIIDigit, j - start < maximum { j += 1 }
                guard j > start else { return nil }
                return Numerals.decimal(s[start..<j])
            }
            guard let year = digits(4), j - i == 4, (1990...2199).contains(year), j < s.count,
                s[j] == "-" || s[j] == "." || s[j] == "/"
            else {
                i += 1
                continue
            }
            let separator = s[j]
            j += 1
            guard let month = digits(2), (1...12).contains(month), j < s.count, s[j] == separator else {
                i += 1
                continue
            }
            j += 1
            guard let day = digits(2), day >= 1, day <= daysIn(month: month, year: year) else {
                i += 1
                continue
            }
            // Not followed by more of the same (a URL's path, a version) or by a digit.
            if j < s.count, s[j].isASCIIDigit || s[j] == separator || s[j].isASCIILetter || s[j] == "/" {
                i = j
                continue
            }
            found.append(WrittenDate(year: year, month: month, day: day, range: i..<j))
            i = j
        }
        return found
    }

    /// The date when the whole line is one date (成文日期), allowing nothing else but spaces.
    package static func wholeLineDate(_ line: TextLine) -> WrittenDate? {
        guard line.trimmedRange.count <= 20 else { return nil }  // (before the trimmed line is made)
        let trimmed = line.trimmed()
        guard let date = firstDate(in: trimmed), date.year != nil, date.day != nil,
            date.range == 0..<trimmed.count
        else { return nil }
        return date
    }

    /// The date of signing as real pages set it: alone on its line, after the issuer's name on the
    /// same line ("深圳市经济贸易和信息化委员会 2017年12月19日 |"), or with an attachment link glued
    /// after it ("2021年12月15日附件：….pdf").
    package static func signingDate(_ line: TextLine) -> WrittenDate? {
        // Every date that `dates(in:)` reads is written around 月: a line without one (most lines, and
        // the segmenter and the reflow ask of each) holds none, and nothing is trimmed or cut for it.
        guard line.scalars.contains("月") else { return nil }
        if let date = wholeLineDate(line) { return date }
        let text = withoutTrailingBars(line)
        // A date with a day ends with 日 or 号, and one with a year begins with its digits: a line that neither
        // ends with the one nor begins with the other (a sentence that names a date, most lines with 月) holds
        // no date either rule of `signingDate(amongDatesOf:)` takes, and is not read for its dates.
        guard let first = text.scalars.first, let last = text.scalars.last,
            last == "日" || last == "号" || first.isASCIIDigit
        else { return nil }
        return signingDate(amongDatesOf: text)
    }

    /// `line` trimmed, without the bars and white space a page set after it ("… 2017年12月19日 |").
    static func withoutTrailingBars(_ line: TextLine) -> TextLine {
        var text = line.trimmed()
        while let last = text.scalars.last, last == "|" || last == "｜" || last.isLineSpace {
            text = text[0..<(text.count - 1)]
        }
        return text
    }

    /// The date of signing among the dates of `text` (`withoutTrailingBars`) with a year and a day: the last,
    /// when it ends the text after an issuer's name, or the first, when it begins the text before 附件.
    static func signingDate(amongDatesOf text: TextLine) -> WrittenDate? {
        let (first, last) = firstAndLastFullDates(in: text)
        if let last, last.range.upperBound == text.count, last.range.lowerBound > 0,
            OrganizationName.isIssuerName(text[0..<last.range.lowerBound])
        {
            return last
        }
        if let first, first.range.lowerBound == 0, text.hasPrefix("附件", at: first.range.upperBound) {
            return first
        }
        return nil
    }

    /// The first and the last of `dates(in:)` with a year and a day, kept as they are read (no array of them).
    static func firstAndLastFullDates(in text: TextLine) -> (first: WrittenDate?, last: WrittenDate?) {
        var first: WrittenDate?
        var last: WrittenDate?
        forEachDate(in: text) { date in
            if date.year != nil && date.day != nil {
                if first == nil { first = date }
                last = date
            }
            return true
        }
        return (first, last)
    }

    /// Days in a month; February has 29 when the year is unknown or a leap year.
    static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The number whose last scalar is at `end - 1`: Arabic digits, or Chinese numerals.
    /// Returns the value and the index where it starts.
    static func number(endingBefore end: Int, in s: Scalars, digitsOnly: Bool = false) -> (Int, Int)? {
        var start = end
        if start > 0, s[start - 1].isASCIIDigit {
            while start > 0, s[start - 1].isASCIIDigit, end - start < 4 { start -= 1 }
            if start > 0, s[start - 1].isASCIIDigit { return nil }
            return Numerals.decimal(s[start..<end]).map { ($0, start) }
        }
        while start > 0, ChineseNumerals.isNumeral(s[start - 1]), end - start < 4 { start -= 1 }
        guard start < end else { return nil }
        let run = s[start..<end]
        let hasUnits = run.contains { $0 == "十" || $0 == "拾" || $0 == "百" }
        if digitsOnly && hasUnits { return nil }
        return ChineseNumerals.value(of: run).map { ($0, start) }
    }

    /// The number that starts at `start`: the value and the index after it.
    static func number(startingAt start: Int, in s: Scalars) -> (Int, Int)? {
        var end = start
        if end < s.count, s[end].isASCIIDigit {
            while end < s.count, s[end].isASCIIDigit, end - start < 2 { end += 1 }
            return Numerals.decimal(s[start..<end]).map { ($0, end) }
        }
        while end < s.count, ChineseNumerals.isNumeral(s[end]), end - start < 3 { end += 1 }
        guard end > start else { return nil }
        return ChineseNumerals.value(of: s[start..<end]).map { ($0, end) }
    }
}
