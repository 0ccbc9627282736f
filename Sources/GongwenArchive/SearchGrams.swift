import GongwenKit

/// The words the archive's full-text index holds: every pair of adjacent characters (bigrams) of a
/// text, so that any substring of two or more characters is found, Chinese having no spaces between
/// words.
///
/// A query of n characters is the phrase of its n − 1 bigrams; the index answers it from its posting
/// lists, whatever the query's length (SQLite's `trigram` tokenizer, by contrast, cannot answer a
/// two-character query but by scanning every text). Characters that are not letters or digits
/// (punctuation, spaces, line breaks) are indexed too, each as a private-use character that the SQL
/// tokenizer (`unicode61`) keeps inside a word, so that the whole text is one run of bigrams: a phrase
/// matches only characters that stand next to each other, and no query character is FTS syntax.
public enum SearchGrams {
    /// Bigrams of a text as the words of a document for `unicode61`, separated by spaces.
    public static func document(_ text: String) -> String {
        let scalars = indexable(text)
        guard scalars.count > 1 else { return String(scalars: scalars) }
        // (The bigrams' scalars gathered, then encoded as one string: appended to a `String.UnicodeScalarView`
        // a scalar at a time, they took a tenth of an ingest.)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count * 3)
        for i in 0..<(scalars.count - 1) {
            if i > 0 { out.append(" ") }
            out.append(scalars[i])
            out.append(scalars[i + 1])
        }
        return String(scalars: out)
    }

    /// The distinct bigrams of a text (PostgreSQL's GIN index holds them as an array).
    public static func distinct(_ text: String) -> [String] {
        let scalars = indexable(text)
        guard scalars.count > 1 else { return [] }
        var seen = Set<String>()
        var grams: [String] = []
        for i in 0..<(scalars.count - 1) {
            let text = String(scalars: scalars[i...(i + 1)])
            if seen.insert(text).inserted { grams.append(text) }
        }
        return grams
    }

    /// The bigrams of a query, in order (an FTS5 phrase); nil for a query shorter than two characters.
    public static func query(_ text: String) -> [String]? {
        let scalars = indexable(text)
        guard scalars.count > 1 else { return nil }
        return (0..<(scalars.count - 1)).map { i in String(scalars: scalars[i...(i + 1)]) }
    }

    /// True when a query holds a character the index cannot tell from others (one outside the Basic
    /// Multilingual Plane that is not a letter or digit: emoji, rare symbols), so that a match must be
    /// checked against the text itself.
    public static func needsVerification(_ text: String) -> Bool {
        text.unicodeScalars.contains { !isWordCharacter($0) && $0.value > 0xFFFF }
    }

    /// Letters and digits as themselves, lower-cased; anything else as a character of the private-use
    /// plane 15 (U+F0000 + its code point), one for each character of the Basic Multilingual Plane.
    static func indexable(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isWordCharacter(scalar) {
                if scalar.isASCII, scalar.properties.isUppercase {
                    out.append(Unicode.Scalar(scalar.value + 0x20)!)
                } else {
                    out.append(scalar)
                }
            } else {
                out.append(Unicode.Scalar(0xF0000 + min(scalar.value, 0xFFFD))!)
            }
        }
        return out
    }

    /// What `unicode61` keeps inside a word by default: letters (L*), digits and numbers (N*),
    /// private-use characters (Co) — but not those of planes 15 and 16, which stand for the rest here.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        }
        if scalar.value >= 0xF0000 { return false }
        // A CJK Unified Ideograph (most of a notice) is a letter, Lo: not looked up in Unicode's properties.
        if ScalarSet.isIdeograph(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}
