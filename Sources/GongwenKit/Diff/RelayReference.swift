/// A notice that forwards another notice of the series.
public struct RelayReference: Encodable, Sendable {
    public var notice: NoticeReference
    public var level: Issuer.Level
    /// The address of the notice it forwards (a notice of the series, or another relay).
    public var relays: String
}
