public struct ArchiveCounts: Sendable, Equatable, Encodable {
    public var sources: Int
    public var entries: Int
    public var citations: Int
}
