/// A unit of a directory (推荐单位名录 and the like).
public struct DirectoryEntry: Encodable, Sendable, Equatable {
    public enum Kind: String, Encodable, Sendable {
        /// A department of a province, autonomous region, municipality or the XPCC.
        case provincialDepartment
        /// A department of one of the five cities with planning status (计划单列市).
        case plannedCityDepartment
        case municipalDepartment
        case industryAssociation
        case other
    }

    @Nullable public var index: Int?
    public var name: String
    public var kind: Kind
    /// The division the unit belongs to ("北京市", "大连市"); null for national associations.
    @Nullable public var region: String?
    public var span: SourceSpan
}
