/// A recommending unit of the campaign's 名录.
public struct DirectoryUnit: Encodable, Sendable {
    /// 16 hex digits: of the campaign id and the unit's name the first year the campaign lists it, kept
    /// when a later year lists it again or renamed (matched as `gongwen diff` matches renamed units).
    public var id: String
    public var name: String
    /// Names this unit had in earlier years' lists, the most recent first ("山西省经济和信息化厅").
    public var formerNames: [String]
    @Nullable public var region: String?
    public var kind: DirectoryEntry.Kind
    public var source: ConfigSource
}
