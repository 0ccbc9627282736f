/// Focus areas (重点领域, 遴选方向, 遴选范围 …) and eligibility (申报条件, 遴选对象 …): the items of the
/// sections so headed, in the body or in an appended attachment.
package enum ListExtractor {
    static let focusHeadings = ["重点领域", "遴选方向", "遴选范围", "重点方向", "申报范围", "推荐范围", "征集范围", "重点内容"]
    static let eligibilityHeadings = ["申报条件", "遴选对象", "申报对象", "参评条件", "基本条件", "申报资格", "推荐条件", "参加对象", "评选条件"]
    static let focusHeadingList = WordList(focusHeadings)
    static let eligibilityHeadingList = WordList(eligibilityHeadings)

    package static func focusAreas(_ notice: SegmentedNotice) -> [ListItem] {
        items(headed: focusHeadingList, in: notice, paragraphsCount: false)
    }

    /// Eligibility: the numbered conditions, or, where the section states them in prose, its paragraphs.
    package static func eligibility(_ notice: SegmentedNotice) -> [ListItem] {
        items(headed: eligibilityHeadingList, in: notice, paragraphsCount: true)
    }

    private static func items(headed words: WordList, in notice: SegmentedNotice, paragraphsCount: Bool) -> [ListItem] {
        // The body's sections, then each appended attachment's, each tree walked in place (not copied into
        // one array, nor into an array for each level of it).
        var matched: [Section] = []
        matching(words, notice.body, into: &matched)
        for appendix in notice.appendices {
            if case let .sections(appended) = appendix.content { matching(words, appended, into: &matched) }
        }
        return matched.flatMap { section -> [ListItem] in
            let numbered = section.children.filter { $0.marker != nil }
            if !numbered.isEmpty { return numbered.map(item) }
            guard paragraphsCount else { return [] }
            return section.lines.dropFirst(section.heading != nil ? 1 : 0).map { line in
                ListItem(index: nil, number: nil, text: line.text, summary: summary(of: line.text), span: line.span)
            }
        }
    }

    /// The sections headed by one of `words` (not looked into further), in reading order.
    private static func matching(_ words: WordList, _ sections: [Section], into matched: inout [Section]) {
        // (Each section read where it stands, `sections[index]`: a copy is four retains and four releases.)
        for index in sections.indices {
            if let heading = sections[index].heading, words.occurs(inScalarsOf: heading) {
                matched.append(sections[index])
            } else if !sections[index].children.isEmpty {  // (a leaf's empty array is not retained for a call)
                matching(words, sections[index].children, into: &matched)
            }
        }
    }

    private static func item(_ section: Section) -> ListItem {
        let text = [section.heading, section.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
        return ListItem(
            index: section.marker?.number, number: section.marker?.text, text: text,
            summary: summary(of: text), span: section.fullSpan)
    }

    /// The words up to the first clause break (cut from the text at once: appended a scalar at a time,
    /// they cost several times as much). Its scalars are read from its UTF-8 in place (through the string's
    /// scalar view and its indices, 35 instructions a scalar), and the words before the break copied out as
    /// they are, valid UTF-8 cut where a scalar begins.
    static func summary(of text: String) -> String {
        let (opening, closing, ends) = (summaryOpenings, summaryClosings, summaryEnds)  // (read once)
        return StringUTF8.withBytes(of: text) { bytes in
            var depth = 0
            var end = 0
            while end < bytes.count {
                let (value, length) = StringUTF8.scalar(in: bytes, at: end)
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"  // (a string's UTF-8 is valid: never taken)
                if opening.contains(scalar) { depth += 1 }
                if closing.contains(scalar) { depth = max(0, depth - 1) }
                if depth == 0, ends.contains(scalar) { break }
                end += length
            }
            return end == bytes.count ? text : StringUTF8.string(ofValid: UnsafeBufferPointer(rebasing: bytes[..<end]))
        }
    }

    /// What a summary is cut at outside brackets and quotes, and the brackets and quotes.
    static let summaryEnds = ScalarSet(of: "，。；：,;\n")
    static let summaryOpenings = ScalarSet(of: "（(《“")
    static let summaryClosings = ScalarSet(of: "）)》”")
}
