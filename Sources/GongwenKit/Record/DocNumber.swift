/// A document number (发文字号): agency code, year in brackets, serial, "号".
public struct DocNumber: Codable, Equatable, Sendable {
    /// The canonical form: "中国质协字〔2023〕71号" (〔〕 brackets, no spaces), whatever the text used.
    public var text: String
    public var agency: String
    public var year: Int
    public var serial: Int
    public var span: SourceSpan
}
