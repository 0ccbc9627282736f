/// Chinese numerals as official documents write them: 一 … 九十九 in outlines ("十二、"), and
/// digit by digit in dates ("二〇二三年").
package enum ChineseNumerals {
    /// The ways each digit is written, by value: 〇 and its look-alikes for 0, the financial forms
    /// (壹 贰 …) and 两 beside the plain ones.
    static let digitForms = ["〇零○ＯO0", "一壹", "二两贰", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖"]

    /// Every numeral, the digits and 十 拾 百: a scalar outside them is passed over with one bit test
    /// (the readers ask it of every scalar of a sentence).
    static let numerals = ScalarSet(of: digitForms.joined() + "十拾百")

    /// The value of one numeral digit, 〇 and its look-alikes included: the forms of `digitForms`, in a
    /// switch (a dictionary of them hashed each scalar asked, and the outline markers ask it of every
    /// scalar of a heading; the table's every read also checked that it was made).
    package static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "零", "○", "Ｏ", "O", "0": 0
        case "一", "壹": 1
        case "二", "两", "贰": 2
        case "三", "叁": 3
        case "四", "肆": 4
        case "五", "伍": 5
        case "六", "陆": 6
        case "七", "柒": 7
        case "八", "捌": 8
        case "九", "玖": 9
        default: nil
        }
    }

    /// Whether `scalar` is one of `numerals` (a digit of `digitForms`, 十, 拾 or 百), without the table.
    package static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "十", "拾", "百": true
        default: digit(scalar) != nil
        }
    }

    /// A number written with 十 and 百 ("十二" = 12, "二十五" = 25, "三十" = 30, "三百零五" = 305), or a
    /// run of digits ("二〇二三" = 2023). Nil when the scalars are not such a number, or when the run of
    /// digits is too long for `Int` (read with checked arithmetic: text never traps).
    package static func value<C: Collection>(of scalars: C) -> Int? where C.Element == Unicode.Scalar {
        guard !scalars.isEmpty else { return nil }
        let hasUnits = scalars.contains { $0 == "十" || $0 == "拾" || $0 == "百" }
        if !hasUnits {
            var result = 0
            for scalar in scalars {
                guard let d = digit(scalar) else { return nil }
                guard let next = Numerals.appendingDigit(d, to: result) else { return nil }
                result = next
            }
            return result
        }
        // With units the value stays below 1000 unless the units repeat; at most 百 and 十 once each.
        var total = 0
        var pending: Int?
        var unitsSeen = 0
        for scalar in scalars {
            if let d = digit(scalar) {
                guard pending == nil || pending == 0 else { return nil }
                pending = d
            } else if scalar == "百" {
                guard let p = pending, p > 0, unitsSeen == 0 else { return nil }
                total += p * 100
                pending = nil
                unitsSeen = 1
            } else {  // 十 / 拾
                guard unitsSeen < 2 else { return nil }
                total += (pending ?? 1) * 10
                pending = nil
                unitsSeen = 2
            }
        }
        return total + (pending ?? 0)
    }
}

/// Numbers read from text, Arabic or Chinese, with checked arithmetic: a number too long for `Int`
/// is nil (the text keeps it; `UnreadableNumbers` reports it), never a trap.
package enum Numerals {
    /// `value * 10 + digit`, or nil on overflow.
    static func appendingDigit(_ digit: Int, to value: Int) -> Int? {
        let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
        guard !overflow else { return nil }
        let (sum, overflow2) = times10.addingReportingOverflow(digit)
        return overflow2 ? nil : sum
    }

    /// The value of a run of ASCII digits ("2023"); nil when empty, when any scalar is not a digit, or
    /// on overflow.
    package static func decimal<C: Collection>(_ scalars: C) -> Int? where C.Element == Unicode.Scalar {
        guard !scalars.isEmpty else { return nil }
        var result = 0
        for scalar in scalars {
            guard scalar.isASCIIDigit, let next = appendingDigit(Int(scalar.value - 0x30), to: result) else {
                return nil
            }
            result = next
        }
        return result
    }

    /// The largest count the record holds: 2^53 − 1, the largest integer every JSON reader (JavaScript's
    /// numbers included) reads exactly.
    package static let largestCount = 9_007_199_254_740_991

    /// A count as notices write it, in Arabic digits ("3") or Chinese numerals ("三", "十二"); nil above
    /// `largestCount`.
    package static func count<C: Collection>(_ scalars: C) -> Int? where C.Element == Unicode.Scalar {
        guard let first = scalars.first else { return nil }
        let value = first.isASCIIDigit ? decimal(scalars) : ChineseNumerals.value(of: scalars)
        return value.flatMap { $0 <= largestCount ? $0 : nil }
    }
}
