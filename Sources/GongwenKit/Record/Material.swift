/// Copies asked for: "纸质一式二份" (paper, 2), "光盘电子版一份" (disc, 1), "一式三份" (3).
public struct Material: Encodable, Sendable, Equatable {
    /// As written: 纸质, 光盘电子版, U盘电子版, 电子版; null for "一式三份" alone.
    @Nullable public var form: String?
    @Nullable public var copies: Int?
    public var text: String
    public var span: SourceSpan
}
