import Foundation

/// The pipeline: ingest → normalize → segment → extract → record.
public enum Gongwen {
    /// Parses the file at `path` ("-" for standard input) into its record.
    public static func parse(path: String, format: InputFormat? = nil) throws -> NoticeRecord {
        record(of: try Ingest.read(path: path, format: format))
    }

    /// Parses bytes already read; `path` names them in the record and in errors.
    public static func parse(bytes: [UInt8], path: String, format: InputFormat? = nil) throws -> NoticeRecord {
        record(of: try Ingest.ingest(bytes: bytes, path: path, format: format))
    }

    public static func record(of document: IngestedDocument) -> NoticeRecord {
        let normalized = Normalizer.normalize(document.lines, headingLevels: document.headingLevels, links: document.links)
        let segmented = Segmenter.segment(normalized)
        return RecordBuilder.record(segmented, source: document.source, links: normalized.links)
    }

    /// JSON with sorted keys: the same record always gives the same bytes.
    public static func json(_ record: NoticeRecord, pretty: Bool) throws -> String {
        String(decoding: try jsonData(record, pretty: pretty), as: UTF8.self)
    }

    /// The JSON as UTF-8 bytes, for writing out without another copy.
    public static func jsonData(_ record: NoticeRecord, pretty: Bool) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(record)
    }
}
