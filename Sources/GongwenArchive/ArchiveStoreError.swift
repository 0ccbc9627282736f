/// A database error, in the database's own words.
public struct ArchiveStoreError: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}
