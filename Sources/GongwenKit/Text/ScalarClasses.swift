/// Character classes that the normalizer, segmenter and extractors agree on.
extension Unicode.Scalar {
    /// A CJK unified or compatibility ideograph (the Han characters of the text).
    package var isHan: Bool {
        // (An ideograph, most of a Chinese text, with one comparison, and what stands before 〇 with one
        // more: the switch's comparisons for the rest.)
        if value &- 0x4E00 < 0x5200 { return true }
        if value < 0x3007 { return false }
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        case 0x3007: return true  // 〇, the ideographic zero of dates
        default: return false
        }
    }

    /// CJK punctuation: the ideographic block, full-width forms and the corner/lenticular brackets.
    package var isCJKPunctuation: Bool {
        switch value {
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
        case 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7: return true  // — ‘ ’ “ ” … ·
        default: return false
        }
    }

    /// Han or CJK punctuation: the characters between which a space carries no meaning.
    package var isCJK: Bool { isHan || isCJKPunctuation }

    package var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    package var isASCIILetter: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }

    /// White space within a line: space, tab, no-break and ideographic spaces.
    package var isLineSpace: Bool {
        // (Past the ideographic space, most of a Chinese text, with one comparison.)
        if value > 0x3000 { return false }
        switch value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0x2000...0x200A, 0x202F, 0x205F: return true
        default: return false
        }
    }

    /// Takes two columns in a CJK monospace layout (ICU's East Asian Width: Wide or Fullwidth).
    package var isWide: Bool {
        // Most scalars of a Chinese text first: a CJK ideograph, then the narrow ones below U+1100, each
        // with one comparison (through the switch, an ideograph took eight).
        if ScalarSet.isIdeograph(self) { return true }
        if value < 0x1100 { return false }
        switch value {
        // Wide or full-width throughout (Unicode's EastAsianWidth): CJK punctuation (。、《》), the Han
        // blocks, Hangul syllables, full-width forms, answered without a call into ICU.
        // `TextScanningTests` holds `isWide` to ICU's answer for every scalar.
        case 0x3000...0x303E, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF01...0xFF60,
            0xFFE0...0xFFE6:
            return true
        // Neither: the dashes, quotation marks and ellipsis of general punctuation (— “ ” …).
        case 0x2010...0x2027: return false
        default: return isWideByICU
        }
    }

    /// ICU's East Asian Width: Wide or Fullwidth.
    var isWideByICU: Bool { ICU.isWide(self) }

    /// Punctuation that ends a sentence or a clause that stands alone.
    package var isTerminalPunctuation: Bool {
        switch self {
        case "。", "！", "？", "；", "：", "!", "?", ";", ":", "…": return true
        default: return false
        }
    }

    /// Punctuation that cannot begin a line of prose: it continues the previous one.
    package var isContinuingPunctuation: Bool {
        switch self {
        case "，", "。", "、", "；", "：", "）", "》", "”", "’", "〕", "】", "」", "』", "！", "？": return true
        default: return false
        }
    }
}
