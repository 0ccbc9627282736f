/// Dates written as the record writes them ("2023-08-25", "2023-08"): what `String(format: "%04d-%02d-%02d")`
/// gave, without Foundation's formatter (1% of a parse on its own).
enum ISODate {
    static func string(year: Int, month: Int, day: Int? = nil) -> String {
        var text = padded(year, width: 4) + "-" + padded(month, width: 2)
        if let day { text += "-" + padded(day, width: 2) }
        return text
    }

    /// `value` with zeros in front up to `width` characters, the sign counted: `%0*d`.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let zeros = max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }
}
