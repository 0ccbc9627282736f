/// The marks GB/T 9704 sets above the masthead.
package enum HeaderMark: String, Sendable {
    case copyNumber  // 份号: "000123"
    case secrecy  // 密级和保密期限: "机密★1年"
    case urgency  // 紧急程度: "特急", "加急"
    case signer  // 签发人: "签发人：王某"
}

/// An item of the body's outline: its number as written, a heading when the item is one, its own
/// text, and the items under it.
package struct Section: Sendable {
    package var marker: OutlineMarker?
    package var heading: String?
    /// The item's own logical lines (the numbered line and the paragraphs before its first child): a
    /// slice of the notice's lines, sharing their storage.
    package var lines: ArraySlice<NormalizedLine>
    package var children: [Section] = []

    package var number: String? { marker?.text }

    /// The item's own words: the numbered line after its number (unless it is the heading), then
    /// each following paragraph on a line of its own.
    package var text: String { ownText.string }

    /// The same words, left in the item's lines until they are read.
    package var ownText: SectionText {
        SectionText(lines: lines, firstLineStart: heading != nil ? nil : marker?.contentStart ?? 0)
    }

    /// The span of the item's own lines (its children have theirs).
    package var span: SourceSpan { SourceSpan.covering(lines.lazy.map(\.span))! }
}

/// An attachment appended to the notice: "附件 2" and its title, then its body, which is either an
/// outline of its own or a whole notice (a forwarded one).
package struct Appendix: Sendable {
    package indirect enum Content: Sendable {
        case sections([Section])
        case notice(SegmentedNotice)
    }

    /// 2 for "附件 2"; nil for a lone "附件" or an attachment that follows with no marker.
    package var index: Int?
    package var marker: NormalizedLine?
    /// The title: given on the marker line ("附件1：推荐单位名录"), else the line after the marker.
    package var title: TextLine?
    package var titleLine: NormalizedLine?
    package var content: Content
}

/// An entry of the 附件说明 ("附件：1. 推荐单位名录").
package struct AttachmentNoteEntry: Sendable {
    package var index: Int?
    package var title: TextLine
}

/// A notice cut into the elements of GB/T 9704-2012. Every logical line of the input is in exactly
/// one of these fields.
package struct SegmentedNotice: Sendable {
    /// Lines of the header above the masthead: 份号, 密级和保密期限, 紧急程度, 签发人.
    package var headerMarks: [(kind: HeaderMark, line: NormalizedLine)] = []
    /// 发文机关标志: "中国质量协会文件", or the issuer's name set as the first heading.
    package var masthead: NormalizedLine?
    /// 发文字号.
    package var docNumber: NormalizedLine?
    /// 标题, on one or more lines.
    package var title: [NormalizedLine] = []
    /// 主送机关: the addressee line ending in "：".
    package var addressee: NormalizedLine?
    /// 正文, as an outline; an opening paragraph before the first numbered item is an unnumbered section.
    package var body: [Section] = []
    /// 附件说明, its lines and its entries.
    package var attachmentNote: [NormalizedLine] = []
    package var attachmentNoteEntries: [AttachmentNoteEntry] = []
    /// 发文机关署名.
    package var signature: NormalizedLine?
    /// The other issuers' names of a joint notice, signed under the first.
    package var jointSignatures: [NormalizedLine] = []
    /// 成文日期.
    package var date: NormalizedLine?
    /// 附注: a bracketed note after the date ("（此件公开发布）").
    package var annotation: NormalizedLine?
    /// 附件, appended after the notice.
    package var appendices: [Appendix] = []
    /// 版记 at the very end: 抄送机关 ("抄送：…") and 印发机关和印发日期 ("…2023年8月25日印发").
    package var copyTo: [NormalizedLine] = []
    package var printedBy: NormalizedLine?
    /// Lines of the header that are none of its elements: a site's column names, a repeated title,
    /// a reposting site's lead sentence.
    package var preamble: [NormalizedLine] = []
    /// A web page's furniture (breadcrumbs, the publication line and metadata block, page controls,
    /// the footer), set aside before segmenting.
    package var furniture: [NormalizedLine] = []
    /// Lines the segmenter could not place; reported, never dropped.
    package var unplaced: [NormalizedLine] = []
    /// Things a reader should know about the layout (numbering that jumps, and so on).
    package var notes: [(message: String, span: SourceSpan)] = []
}
