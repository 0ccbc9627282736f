/// A record and where it was found: a file, and for a notice forwarded inside another, its place
/// among the file's records in depth-first order ("2023_fuzhou_forward.txt#2").
public struct LocatedRecord: Sendable {
    public var record: NoticeRecord
    public var path: String
    /// 0 for the file's own notice, then each embedded notice depth-first.
    public var index: Int

    public var address: String { index == 0 ? path : "\(path)#\(index)" }

    /// The file's notice and every notice embedded in it, depth-first.
    public static func flatten(_ record: NoticeRecord, path: String) -> [LocatedRecord] {
        var result: [LocatedRecord] = []
        func visit(_ record: NoticeRecord) {
            result.append(LocatedRecord(record: record, path: path, index: result.count))
            record.embedded.forEach(visit)
        }
        visit(record)
        return result
    }
}
