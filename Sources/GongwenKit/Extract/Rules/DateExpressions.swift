/// A date or a window of dates as a sentence writes it, with what surrounds it.
struct DateExpression: Sendable, Equatable {
    var start: WrittenDate?
    var end: WrittenDate
    /// "4月底", "4月末": the end is the last day of its month.
    var isMonthEnd: Bool
    /// "…前", "截止", "截至": the date is a due date.
    var isDue: Bool
    /// "下午17:00", "下班": the time of day the text gives with the date.
    var timeOfDay: String? = nil
    /// "每年4月底前": a date that comes back every year, not one due date.
    var isRecurring: Bool = false
    /// The scalars the expression covers, due marker included.
    var range: Range<Int>
}

/// Groups the dates of a sentence into expressions: "2020年5月15日至7月5日", "2023年9至10月",
/// "7月至8月", "4月底前", "2023年9月15日截止".
enum DateExpressions {
    static let rangeWords: [String] = ["至", "到", "—", "－", "-", "~", "～"]
    /// The same words: each is one scalar.
    static let rangeScalars = ScalarSet(of: rangeWords.joined())
    /// Words before a date that make it due: "截止2023年9月15日", "即日起至9月15日" (a window open from today).
    static let dueBefore = ["截止", "截至", "不晚于", "即日起至", "即日至", "即日起到", "即日起—", "即日起-"]
    static let dueAfter = ["之前", "以前", "前", "截止", "截至"]

    /// The date expressions of `line`, whose `triggers` say which dates it may hold: dates written around 月
    /// (`.month`), numeric ones (`.numericDate`; most sentences with a date hold none, and were read for them).
    static func scan(_ line: TextLine, triggers: SentenceTriggers = [.month, .numericDate]) -> [DateExpression] {
        let written = triggers.contains(.month) ? DateScanner.dates(in: line) : []
        let numeric = triggers.contains(.numericDate) ? DateScanner.numericDates(in: line) : []
        var dates = (written + numeric).sorted { $0.range.lowerBound < $1.range.lowerBound }
        let s = line.scalars
        // "2023年9至10月": the month before 至 is the start of a month window in the same year.
        for (k, date) in dates.enumerated() where date.year == nil {
            var i = date.range.lowerBound
            guard i > 0, s[i - 1] == "至" || s[i - 1] == "到" else { continue }
            i -= 1
            let (month, monthStart) = DateScanner.number(endingBefore: i, in: s) ?? (0, i)
            guard (1...12).contains(month), monthStart > 0, s[monthStart - 1] == "年",
                let (year, yearStart) = DateScanner.number(endingBefore: monthStart - 1, in: s, digitsOnly: true)
            else { continue }
            dates[k].year = year
            dates.insert(WrittenDate(year: year, month: month, day: nil, range: yearStart..<i), at: k)
            break
        }
        // "5月10日至20日": a day after a range word, its month (and year) those of the day before it.
        var withDays: [WrittenDate] = []
        withDays.reserveCapacity(dates.count)
        for (k, date) in dates.enumerated() {
            withDays.append(date)
            guard let first = date.day, let (day, end) = dayOnly(after: date.range.upperBound, in: s),
                k + 1 == dates.count || dates[k + 1].range.lowerBound >= end,
                day > first, DateScanner.daysIn(month: date.month, year: date.year ?? 2000) >= day
            else { continue }
            withDays.append(
                WrittenDate(year: date.year, month: date.month, day: day, range: (end - String(day).count - 1)..<end))
        }
        dates = withDays

        var expressions: [DateExpression] = []
        var k = 0
        while k < dates.count {
            var expression = DateExpression(
                start: nil, end: dates[k], isMonthEnd: false, isDue: false, range: dates[k].range)
            if k + 1 < dates.count, let word = between(dates[k].range.upperBound, dates[k + 1].range.lowerBound, in: s),
                rangeWords.contains(word)
            {
                expression.start = dates[k]
                expression.end = dates[k + 1]
                expression.range = dates[k].range.lowerBound..<dates[k + 1].range.upperBound
                k += 1
            }
            var after = expression.range.upperBound
            if expression.end.day == nil, after < s.count, s[after] == "底" || s[after] == "末" {
                expression.isMonthEnd = true
                after += 1
            }
            while after < s.count, s[after].isLineSpace { after += 1 }
            // A time of day or a weekday may stand between the date and 前: "11月18日下午17时前",
            // "10月29日17:00前", "9月1日（星期五）前", "8月30日下班前".
            let (timeStart, timeEnd) = TimeOfDay.range(in: line, at: after)
            if timeEnd > timeStart { expression.timeOfDay = line[timeStart..<timeEnd].text }
            if timeEnd > after, let word = dueAfter.first(where: { line.hasPrefix($0, at: timeEnd) }) {
                expression.isDue = true
                after = timeEnd + word.unicodeScalars.count
            } else if let word = dueAfter.first(where: { line.hasPrefix($0, at: after) }) {
                expression.isDue = true
                after += word.unicodeScalars.count
            }
            let before = expression.range.lowerBound
            if dueBefore.contains(where: { line.hasSuffix($0, before: before) }) { expression.isDue = true }
            if expression.start == nil, expression.end.year == nil,
                ["每年", "每季度", "每月"].contains(where: { line.hasSuffix($0, before: before) })
            {
                expression.isRecurring = true
            }
            expression.range = expression.range.lowerBound..<after
            expressions.append(expression)
            k += 1
        }
        return expressions
    }

    /// A day written alone after a range word ("至20日", "—20号"): the day and the index after it.
    private static func dayOnly(after index: Int, in s: Scalars) -> (day: Int, end: Int)? {
        var i = index
        while i < s.count, s[i].isLineSpace { i += 1 }
        guard i < s.count, rangeScalars.contains(s[i]) else { return nil }
        i += 1
        while i < s.count, s[i].isLineSpace { i += 1 }
        var day = 0
        var digits = 0
        while i < s.count, let digit = s[i].properties.numericType == .decimal ? s[i].properties.numericValue : nil,
            digits < 2
        {
            day = day * 10 + Int(digit)
            digits += 1
            i += 1
        }
        guard digits > 0, i < s.count, s[i] == "日" || s[i] == "号", (1...31).contains(day) else { return nil }
        // Not the day of a month that follows ("至6月20日"): that is a date of its own.
        return (day, i + 1)
    }

    /// The text between two positions when it is short (a range word), else nil.
    private static func between(_ from: Int, _ to: Int, in s: Scalars) -> String? {
        guard to >= from, to - from <= 2 else { return nil }
        return String(scalars: s[from..<to].filter { !$0.isLineSpace })
    }
}

/// A time of day written after a date: "下午17:00", "17时", "下午5点", "上午10时30分", "下班", "（星期五）".
enum TimeOfDay {
    static let periods = ["上午", "下午", "中午", "晚上", "凌晨", "早上", "傍晚"]

    /// Where the time of day after a date begins (after a weekday in brackets) and ends; an empty
    /// range when there is none.
    static func range(in line: TextLine, at start: Int) -> (start: Int, end: Int) {
        let weekdayEnd = afterWeekday(in: line, at: start)
        let end = timeEnd(in: line, at: weekdayEnd)
        return (weekdayEnd, max(end, weekdayEnd))
    }

    /// The index after a weekday in brackets at `start`: （星期五）, (周五), or （含）; `start` when there is none.
    static func afterWeekday(in line: TextLine, at start: Int) -> Int {
        let s = line.scalars
        var i = start
        if s.indices.contains(i), s[i] == "（" || s[i] == "(" {
            // A weekday in brackets: （星期五）, (周五).
            var j = i + 1
            while j < s.count, j - i <= 5, s[j] != "）", s[j] != ")" { j += 1 }
            let inside = j < s.count ? line[(i + 1)..<j].text : ""
            // …or the day itself counted in: （含）, （含当日）, (含当天).
            if inside.hasPrefix("星期") || inside.hasPrefix("周") || inside.hasPrefix("礼拜")
                || ["含", "含当日", "含当天", "含本日"].contains(inside)
            {
                i = j + 1
                while i < s.count, s[i].isLineSpace { i += 1 }
            }
        }
        return i
    }

    /// The periods after which an hour below 12 is in the afternoon or evening.
    static let afternoonPeriods = ["下午", "晚上", "傍晚"]

    /// The clock time of a time of day this reader found: "17:00", "下午17:00", "下午5点" → 17:00,
    /// "下午五点半" → 17:30, "17时30分"; nil when no hour is written ("下班").
    static func hourAndMinute(_ time: String) -> (Int, Int)? {
        let s = Array(time.unicodeScalars)
        var i = 0
        while i < s.count, !(s[i].isASCIIDigit || ChineseNumerals.isNumeral(s[i])) { i += 1 }
        let start = i
        while i < s.count, s[i].isASCIIDigit || ChineseNumerals.isNumeral(s[i]) { i += 1 }
        guard var hour = Numerals.count(s[start..<i]), hour <= 24 else { return nil }
        var minute = 0
        if i < s.count, s[i] == ":" || s[i] == "：" {
            let from = i + 1
            var j = from
            while j < s.count, s[j].isASCIIDigit { j += 1 }
            guard let m = Numerals.decimal(s[from..<j]), m < 60 else { return nil }
            minute = m
        } else if i < s.count, s[i] == "点" || s[i] == "时" {
            if i + 1 < s.count, s[i + 1] == "半" {
                minute = 30
            } else {
                var j = i + 1
                while j < s.count, s[j].isASCIIDigit || ChineseNumerals.isNumeral(s[j]) { j += 1 }
                if j > i + 1, j < s.count, s[j] == "分", let m = Numerals.count(s[(i + 1)..<j]), m < 60 { minute = m }
            }
        } else {
            return nil
        }
        let afternoon = afternoonPeriods.contains { time.contains($0) }
        if afternoon, hour < 12 { hour += 12 }
        if hour == 24 { return (23, 59) }
        return (hour, minute)
    }

    /// The index after a time of day at `start`: "下午17:00", "17时", "下午5点", "下班"; `start` when none.
    static func timeEnd(in line: TextLine, at start: Int) -> Int {
        let s = line.scalars
        var i = start
        if line.hasPrefix("下班", at: i) { return i + 2 }
        if let period = periods.first(where: { line.hasPrefix($0, at: i) }) { i += period.unicodeScalars.count }
        let digitsStart = i
        while i < s.count, s[i].isASCIIDigit || ChineseNumerals.isNumeral(s[i]) { i += 1 }
        guard i > digitsStart, i - digitsStart <= 3 else { return digitsStart }
        if i < s.count, s[i] == ":" || s[i] == "：" {
            i += 1
            while i < s.count, s[i].isASCIIDigit { i += 1 }
            return i
        }
        if i < s.count, s[i] == "时" || s[i] == "点" || s[i] == "點" {
            i += 1
            if i < s.count, s[i] == "半" { return i + 1 }
            let minutesStart = i
            while i < s.count, s[i].isASCIIDigit || ChineseNumerals.isNumeral(s[i]) { i += 1 }
            if i > minutesStart, i < s.count, s[i] == "分" { return i + 1 }
            return minutesStart
        }
        return start
    }
}
