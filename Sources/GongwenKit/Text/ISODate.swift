/// Dates written as the record writes them ("2023-08-25", "2023-08"): what `String(format: "%04d-%02d-%02d")`
/// gave, without Foundation's formatter (1% of a parse on its own).
enum ISODate {
    static func string(year: Int, month: Int, day: Int? = nil) -> String {
        // A year of up to four digits, a month and a day of up to two, as every date read is: its bytes
        // written at once into a small string (joined from padded pieces, 3,600 instructions a date).
        if (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day ?? 0) {
            return String(unsafeUninitializedCapacity: day == nil ? 7 : 10) { bytes in
                func put(_ value: Int, width: Int, at start: Int) {
                    var value = value
                    for k in (start..<(start + width)).reversed() {
                        bytes[k] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10)
                        value /= 10
                    }
                }
                put(year, width: 4, at: 0)
                bytes[4] = UInt8(ascii: "-")
                put(month, width: 2, at: 5)
                guard let day else { return 7 }
                bytes[7] = UInt8(ascii: "-")
                put(day, width: 2, at: 8)
                return 10
            }
        }
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
