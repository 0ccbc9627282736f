/// A search query in the form the normalized text has: full-width letters and digits folded to ASCII,
/// canonical composition, spaces beside CJK text removed, traditional characters in simplified script. Without
/// it, "２０２３年" or "質量標桿" would not find what the archive holds as "2023年" and "质量标杆".
package enum QueryForm {
    package static func normalized(_ query: String) -> String {
        // Control characters (line breaks, NUL …) are never in the normalized text; a tab is a space.
        let scalars = query.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            scalar == "\t" ? " " : (scalar.value < 0x20 || scalar.value == 0x7F ? nil : scalar)
        }
        var line = TextLine(original: scalars, lineNumber: 1)
        line = Normalizer.collapseSpaces(Normalizer.composeNFC(Normalizer.foldWidths(line))).trimmed()
        let simplified = ScriptFolding.simplified(Array(line.scalars))
        return String(scalars: simplified)
    }

    /// The document number the query is, in any bracket form ("中国质协字[2023]71号",
    /// "国办发（2019）5號"), in its canonical form ("中国质协字〔2023〕71号"); nil when the query is
    /// anything else.
    package static func docNumber(_ query: String) -> String? {
        let line = TextLine(original: normalized(query).unicodeScalars.filter { $0 != " " }, lineNumber: 1)
        guard let match = DocNumberScanner.matches(in: line).first, match.range == 0..<line.count else { return nil }
        return match.canonical
    }
}
