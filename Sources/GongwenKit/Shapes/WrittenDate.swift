/// A calendar date as written in a notice.
package struct WrittenDate: Equatable, Sendable {
    package var year: Int?
    package var month: Int
    package var day: Int?
    /// Scalar range in the line.
    package var range: Range<Int>

    /// "2023-08-25" when the year and day are known.
    package var iso: String? {
        guard let year, let day else { return nil }
        return ISODate.string(year: year, month: month, day: day)
    }
}
