/// A notice after the first two stages: its logical lines as the normalizer leaves them, each with the
/// span of the input it came from. What `gongwen normalize` prints, to see what the later stages read.
public struct NormalizedNotice: Sendable {
    /// A logical line: hard wraps joined, widths folded, markup stripped.
    public struct Line: Sendable, Equatable {
        public var text: String
        public var span: SourceSpan
        /// 1–6 when the input marked the line as a heading (markdown `#`, HTML h1–h6).
        public var headingLevel: Int?
        /// Whether the line is a web page's furniture (a breadcrumb, a footer) rather than the notice's text.
        public var isFurniture: Bool
    }

    public var source: SourceInfo
    /// How the encoding was found: "bom", "declared", "valid" (strict UTF-8) or "detected" (ICU).
    public var encodingEvidence: String
    /// The column width at which the input was hard-wrapped, when it was.
    public var wrapWidth: Int?
    public var lines: [Line]
}
