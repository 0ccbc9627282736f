/// A date or a window of dates as a sentence writes it, with what surrounds it.
struct DateExpression: Sendable {
    var start: WrittenDate?
    var end: WrittenDate
    /// "4月底", "4月末": the end is the last day of its month.
    var isMonthEnd: Bool
    /// "…前", "截止", "截至": the date is a due date.
    var isDue: Bool
    /// The scalars the expression covers, due marker included.
    var range: Range<Int>
}

/// Groups the dates of a sentence into expressions: "2020年5月15日至7月5日", "2023年9至10月",
/// "7月至8月", "4月底前", "2023年9月15日截止".
enum DateExpressions {
    static let rangeWords: [String] = ["至", "到", "—", "－", "-", "~", "～"]
    static let dueBefore = ["截止", "截至", "不晚于"]
    static let dueAfter = ["之前", "以前", "前", "截止", "截至"]

    static func scan(_ line: TextLine) -> [DateExpression] {
        var dates = DateScanner.dates(in: line)
        let s = line.scalars
        // "2023年9至10月": the month before 至 is the start of a month window in the same year.
        for (k, date) in dates.enumerated() where date.year == nil {
            var i = date.range.lowerBound
            guard i > 0, s[i - 1] == "至" || s[i - 1] == "到" else { continue }
            i -= 1
            let (month, monthStart) = DateScanner.number(endingBefore: i, in: s) ?? (0, i)
            guard (1...12).contains(month), monthStart > 0, s[monthStart - 1] == "年",
                  let (year, yearStart) = DateScanner.number(endingBefore: monthStart - 1, in: s, digitsOnly: true) else { continue }
            dates[k].year = year
            dates.insert(WrittenDate(year: year, month: month, day: nil, range: yearStart..<i), at: k)
            break
        }

        var expressions: [DateExpression] = []
        var k = 0
        while k < dates.count {
            var expression = DateExpression(start: nil, end: dates[k], isMonthEnd: false, isDue: false, range: dates[k].range)
            if k + 1 < dates.count, let word = between(dates[k].range.upperBound, dates[k + 1].range.lowerBound, in: s),
               rangeWords.contains(word) {
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
            if let word = dueAfter.first(where: { line.hasPrefix($0, at: after) }) {
                expression.isDue = true
                after += word.unicodeScalars.count
            }
            let before = expression.range.lowerBound
            if dueBefore.contains(where: { line.hasSuffix($0, before: before) }) { expression.isDue = true }
            expression.range = expression.range.lowerBound..<after
            expressions.append(expression)
            k += 1
        }
        return expressions
    }

    /// The text between two positions when it is short (a range word), else nil.
    private static func between(_ from: Int, _ to: Int, in s: [Unicode.Scalar]) -> String? {
        guard to >= from, to - from <= 2 else { return nil }
        return String(String.UnicodeScalarView(s[from..<to].filter { !$0.isLineSpace }))
    }
}

extension TextLine {
    /// Whether `prefix` stands at scalar `index`.
    func hasPrefix(_ prefix: String, at index: Int) -> Bool {
        var i = index
        for scalar in prefix.unicodeScalars {
            guard i < count, scalars[i] == scalar else { return false }
            i += 1
        }
        return true
    }

    /// Whether `suffix` ends right before scalar `index`.
    func hasSuffix(_ suffix: String, before index: Int) -> Bool {
        let tail = Array(suffix.unicodeScalars)
        guard index >= tail.count, index <= count else { return false }
        return scalars[(index - tail.count)..<index].elementsEqual(tail)
    }
}
