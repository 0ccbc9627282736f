/// Chinese numerals as official documents write them: 一 … 九十九 in outlines ("十二、"), and
/// digit by digit in dates ("二〇二三年").
public enum ChineseNumerals {
    /// The value of one numeral digit, 〇 and its look-alikes included.
    public static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "零", "○", "Ｏ", "O", "0": return 0
        case "一", "壹": return 1
        case "二", "两", "贰": return 2
        case "三", "叁": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    public static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        digit(scalar) != nil || scalar == "十" || scalar == "拾" || scalar == "百"
    }

    /// A number below 1000 written with 十 and 百 ("十二" = 12, "二十五" = 25, "三十" = 30),
    /// or a run of digits ("二〇二三" = 2023). Nil when the scalars are not such a number.
    public static func value<C: Collection>(of scalars: C) -> Int? where C.Element == Unicode.Scalar {
        guard !scalars.isEmpty else { return nil }
        let hasUnits = scalars.contains { $0 == "十" || $0 == "拾" || $0 == "百" }
        if !hasUnits {
            var result = 0
            for scalar in scalars {
                guard let d = digit(scalar) else { return nil }
                result = result * 10 + d
            }
            return result
        }
        var total = 0
        var pending: Int?
        for scalar in scalars {
            if let d = digit(scalar) {
                guard pending == nil || pending == 0 else { return nil }
                pending = d
            } else if scalar == "百" {
                guard let p = pending, p > 0 else { return nil }
                total += p * 100
                pending = nil
            } else {  // 十 / 拾
                total += (pending ?? 1) * 10
                pending = nil
            }
        }
        return total + (pending ?? 0)
    }
}
