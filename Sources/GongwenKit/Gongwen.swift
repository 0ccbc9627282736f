import Foundation

/// Reads notices: the pipeline ingest → normalize → segment → extract, from a file or bytes to a
/// ``NoticeRecord``.
///
/// ```swift
/// let record = try Gongwen.parse(path: "Notices/2022_caq.txt")
/// print(record.deadlines.first?.date ?? "no deadline")  // 2022-07-15
/// ```
public enum Gongwen {
    /// The version `gongwen --version` prints and reports name as their maker (semantic versioning: the
    /// record's and the reports' shapes are the public interface).
    public static let version = "0.9.0"

    /// Parses the file at `path` ("-" for standard input) into its record.
    ///
    /// The format is guessed from the name and the first bytes unless `format` says it; the encoding is
    /// found from a byte order mark, an HTML charset, strict UTF-8, then ICU's detector.
    ///
    /// - Throws: ``IngestError`` when the input cannot be read as a notice: missing, larger than
    ///   `limits`, empty, binary (a PDF, a Word file), or in an encoding it is not valid in.
    public static func parse(
        path: String, format: InputFormat? = nil, limits: IngestLimits = .standard
    ) throws -> NoticeRecord {
        record(of: try Ingest.read(path: path, format: format, limits: limits))
    }

    /// Parses the file at `path` into a record that is to be written out at once (`gongwen parse`): its
    /// outlines are held as the segmented items and written from them and their lines (`SectionTree`),
    /// so that neither the outline nor the text is held twice.
    ///
    /// - Throws: ``IngestError``, as `parse(path:format:limits:)` does.
    package static func recordToWrite(
        path: String, format: InputFormat? = nil, limits: IngestLimits = .standard
    ) throws -> NoticeRecord {
        record(of: try Ingest.read(path: path, format: format, limits: limits), sections: .items)
    }

    /// Parses bytes already read; `path` names them in the record and in errors.
    ///
    /// - Throws: ``IngestError`` when the bytes cannot be read as a notice.
    public static func parse(bytes: [UInt8], path: String, format: InputFormat? = nil) throws -> NoticeRecord {
        record(of: try Ingest.ingest(bytes: bytes, path: path, format: format))
    }

    /// Reads the file at `path` ("-" for standard input) through the first two stages: its logical lines,
    /// each with its span in the input.
    ///
    /// ```swift
    /// let notice = try Gongwen.normalize(path: "Notices/2022_caq.txt")
    /// for line in notice.lines { print(line.span.startLine, line.text) }
    /// ```
    ///
    /// - Throws: ``IngestError`` when the input cannot be read as text or HTML.
    public static func normalize(
        path: String, format: InputFormat? = nil, limits: IngestLimits = .standard
    ) throws -> NormalizedNotice {
        normalized(try Ingest.read(path: path, format: format, limits: limits))
    }

    /// The logical lines of bytes already read; `path` names them in the result and in errors.
    ///
    /// - Throws: ``IngestError`` when the bytes cannot be read as text or HTML.
    public static func normalize(bytes: [UInt8], path: String, format: InputFormat? = nil) throws -> NormalizedNotice {
        normalized(try Ingest.ingest(bytes: bytes, path: path, format: format))
    }

    private static func normalized(_ document: IngestedDocument) -> NormalizedNotice {
        let normalized = Normalizer.normalize(
            document.lines, headingLevels: document.headingLevels, links: document.links)
        return NormalizedNotice(
            source: document.source, encodingEvidence: document.encodingEvidence, wrapWidth: normalized.wrapWidth,
            lines: normalized.lines.map { line in
                NormalizedNotice.Line(
                    text: line.text, span: line.span, headingLevel: line.markdownHeadingLevel,
                    isFurniture: line.furniture != nil)
            })
    }

    package static func record(
        of document: consuming IngestedDocument, sections form: SectionTree.Form = .records
    ) -> NoticeRecord {
        let normalized = normalizeLines(of: &document)
        let links = normalized.links
        // The normalized lines are let go once segmented: the sections keep what they need.
        return record(
            of: Segmenter.segment(consume normalized), links: links, document: document, sections: form)
    }

    /// Parses bytes already read into the record and the normalized lines it was read from: what the
    /// archive stores to search the text and point each hit back at the input.
    package static func analyze(bytes: [UInt8], path: String, format: InputFormat? = nil) throws -> AnalyzedNotice {
        analyze(try Ingest.ingest(bytes: bytes, path: path, format: format))
    }

    static func analyze(_ document: consuming IngestedDocument) -> AnalyzedNotice {
        let normalized = normalizeLines(of: &document)
        let record = record(of: Segmenter.segment(normalized), links: normalized.links, document: document)
        return AnalyzedNotice(record: record, lines: normalized.lines)
    }

    /// The document's lines normalized; the input lines are let go as they are (for a 50 MB notice,
    /// 68 MB of scalars).
    private static func normalizeLines(of document: inout IngestedDocument) -> NormalizedDocument {
        var lines: [TextLine] = []
        swap(&lines, &document.lines)
        return Normalizer.normalize(consume lines, headingLevels: document.headingLevels, links: document.links)
    }

    private static func record(
        of segmented: SegmentedNotice, links: [Link], document: borrowing IngestedDocument,
        sections form: SectionTree.Form = .records
    ) -> NoticeRecord {
        var record = RecordBuilder.record(segmented, source: document.source, links: links, sections: form)
        record.diagnostics += document.dropped.map { block in
            Diagnostic(
                severity: .info, message: "left out of the article as \(block.reason.rawValue): \(block.excerpt)",
                span: block.span)
        }
        return record
    }

    /// JSON with sorted keys: the same record always gives the same bytes.
    public static func json(_ record: NoticeRecord, pretty: Bool) throws -> String {
        String(decoding: try jsonData(record, pretty: pretty), as: UTF8.self)
    }

    /// The JSON of a record (or of any output: a configuration, a series) as UTF-8 bytes, for writing out
    /// without another copy; sorted keys, so the same value always gives the same bytes.
    public static func jsonData(_ value: some Encodable, pretty: Bool) throws -> Data {
        if let value = value as? any JSONWritable { return Data(JSONWriter.bytes(of: value, pretty: pretty)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

/// A record and the normalized logical lines of its file (site furniture included, each with the
/// span of the input it came from).
package struct AnalyzedNotice: Sendable {
    package var record: NoticeRecord
    package var lines: [NormalizedLine]
}

/// What can go wrong before a diff or a series: an input that cannot be read, an address that names
/// no notice, a folder that holds none.
public enum GongwenError: Error, CustomStringConvertible {
    case ingest(IngestError)
    case noSuchRecord(address: String, count: Int)
    case notAFolder(path: String)
    case noNotices(path: String)

    public var description: String {
        switch self {
        case let .ingest(error):
            return error.description
        case let .noSuchRecord(address, count):
            let range = count == 1 ? "only #0, the file's own notice" : "#0 (the file's own notice) to #\(count - 1)"
            return "\(address): no such notice; the file holds \(count) notice\(count == 1 ? "" : "s"), \(range)"
        case let .notAFolder(path):
            return "\(path): not a folder"
        case let .noNotices(path):
            return "\(path): no notices (.txt, .html, .htm or .shtml files) in the folder"
        }
    }
}

extension Gongwen {
    /// The extensions read as notices in a folder.
    public static let noticeExtensions: Set<String> = ["txt", "html", "htm", "shtml"]

    /// The paths of the folder's notice files (`extensions`, hidden files left out), in path order: its
    /// own, or with `recursive` those of its subfolders too (hidden folders left out).
    public static func noticeFiles(
        inFolder folder: String, recursive: Bool = false,
        extensions: Set<String> = noticeExtensions
    ) throws(GongwenError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .notAFolder(path: folder)
        }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var relatives: [String] = []
        if recursive {
            guard let walker = FileManager.default.enumerator(atPath: folder) else {
                throw .ingest(.unreadable(path: folder, reason: "the folder cannot be read"))
            }
            while let relative = walker.nextObject() as? String {
                if (relative as NSString).lastPathComponent.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                relatives.append(relative)
            }
        } else {
            do { relatives = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
                throw .ingest(.unreadable(path: folder, reason: "\(error.localizedDescription)"))
            }
        }
        let notices = relatives.filter { relative in
            let name = (relative as NSString).lastPathComponent
            return !name.hasPrefix(".") && extensions.contains((name as NSString).pathExtension.lowercased())
        }.sorted()
        guard !notices.isEmpty else { throw .noNotices(path: folder) }
        return notices.map { base + "/" + $0 }
    }
}

/// The notices of a folder, and the files that could not be read.
public struct FolderRecords: Sendable {
    public var records: [LocatedRecord]
    public var failures: [IngestError]
}

extension Gongwen {
    /// The notice at an address: a path, or a path and "#N" for the N-th notice of the file,
    /// depth-first, 0 being the file's own. A path that exists as given is never split at "#".
    public static func locate(_ address: String, limits: IngestLimits = .standard) throws(GongwenError) -> LocatedRecord
    {
        var path = address
        var index = 0
        if !FileManager.default.fileExists(atPath: address), let hash = address.lastIndex(of: "#"),
            let n = Int(address[address.index(after: hash)...]), n >= 0
        {
            path = String(address[..<hash])
            index = n
        }
        let record: NoticeRecord
        do { record = try parse(path: path, limits: limits) } catch let error as IngestError {
            throw .ingest(error)
        } catch {
            throw .ingest(.unreadable(path: path, reason: "\(error)"))
        }
        let all = LocatedRecord.flatten(record, path: path)
        guard index < all.count else { throw .noSuchRecord(address: address, count: all.count) }
        return all[index]
    }

    /// Every notice in the folder's notice files (with `recursive`, its subfolders' too), embedded ones
    /// included, in path order.
    public static func records(
        inFolder folder: String, recursive: Bool = false,
        limits: IngestLimits = .standard
    ) throws(GongwenError) -> FolderRecords {
        var result = FolderRecords(records: [], failures: [])
        for path in try noticeFiles(inFolder: folder, recursive: recursive) {
            do {
                result.records += LocatedRecord.flatten(try parse(path: path, limits: limits), path: path)
            } catch let error as IngestError {
                result.failures.append(error)
            } catch {
                result.failures.append(.unreadable(path: path, reason: "\(error)"))
            }
        }
        return result
    }
}
