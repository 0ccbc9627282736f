import Foundation
import Testing

@testable import GongwenKit

/// The hand-read golden header fields (Golden/headers.json).
struct GoldenHeader: Decodable {
    struct Number: Decodable, Equatable {
        var text: String
        var agency: String
        var year: Int
        var serial: Int
    }
    struct Named: Decodable, Equatable {
        var name: String
        var level: String
    }
    var file: String
    var depth: Int
    var docNumber: Number?
    var issuer: Named
    var title: String
    var addressees: [String]
    var signedOn: String?
    var campaignYear: Int?
    var attachmentTitles: [String]
}

@Suite("The corpus: golden headers, schema validity, nothing lost, determinism")
struct CorpusTests {
    static func golden() throws -> [GoldenHeader] {
        struct File: Decodable { var records: [GoldenHeader] }
        let url = try #require(Bundle.module.url(forResource: "headers", withExtension: "json", subdirectory: "Golden"))
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).records
    }

    @Test("Every record's header fields equal the hand-read golden values", arguments: Corpus.files)
    func goldenHeaders(file: String) throws {
        let expected = try Self.golden().filter { $0.file == file }
        let records = Corpus.flatten(try Corpus.record(file))
        #expect(records.map(\.depth) == expected.map(\.depth), "records nested as expected in \(file)")
        for (gold, (_, record)) in zip(expected, records) {
            let number = record.docNumber.map {
                GoldenHeader.Number(text: $0.text, agency: $0.agency, year: $0.year, serial: $0.serial)
            }
            #expect(number == gold.docNumber, "\(file)#\(gold.depth) docNumber")
            #expect(
                GoldenHeader.Named(name: record.issuer.name ?? "", level: record.issuer.level.rawValue) == gold.issuer,
                "\(file)#\(gold.depth) issuer")
            #expect(record.title == gold.title, "\(file)#\(gold.depth) title")
            #expect(record.addressees == gold.addressees, "\(file)#\(gold.depth) addressees")
            #expect(record.signedOn == gold.signedOn, "\(file)#\(gold.depth) signedOn")
            #expect(record.campaignYear == gold.campaignYear, "\(file)#\(gold.depth) campaignYear")
            #expect(record.attachments.map(\.title) == gold.attachmentTitles, "\(file)#\(gold.depth) attachments")
        }
    }

    @Test("The golden file agrees with the gold seeds where both speak")
    func goldenAgreesWithSeeds() throws {
        let seedsURL = Corpus.seeds
        struct Seed: Decodable {
            var file: String
            var depth: Int
            var issuer: String
            var campaignYear: Int
            var docNumber: String?
            var signedOn: String?
            var titleContains: String
            var addressees: [String]
            var attachmentCount: Int
        }
        struct Seeds: Decodable { var records: [Seed] }
        let seeds = try JSONDecoder().decode(Seeds.self, from: Data(contentsOf: seedsURL)).records
        let golden = try Self.golden()
        #expect(seeds.count == golden.count)
        for seed in seeds {
            let gold = try #require(golden.first { $0.file == seed.file && $0.depth == seed.depth })
            #expect(gold.issuer.name == seed.issuer)
            #expect(gold.campaignYear == seed.campaignYear)
            #expect(gold.docNumber?.text == seed.docNumber)
            #expect(gold.signedOn == seed.signedOn)
            #expect(gold.title.contains(seed.titleContains.replacingOccurrences(of: " ", with: "")))
            #expect(gold.addressees == seed.addressees)
            #expect(gold.attachmentTitles.count == seed.attachmentCount)
        }
    }

    @Test(
        "Every record of the corpus (and one with every element kind) is valid against Schemas/notice.schema.json (python3 jsonschema, Draft 2020-12)"
    )
    func schemaValid() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongwen-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in Corpus.files {
            try Gongwen.json(try Corpus.record(file), pretty: true).write(
                to: directory.appendingPathComponent(file + ".json"), atomically: true, encoding: .utf8)
        }
        // And a notice with every rarer element, so each element kind meets the validator.
        let full = try Gongwen.parse(bytes: Array(RareElementTests.fullNotice.utf8), path: "full.txt")
        try Gongwen.json(full, pretty: true).write(
            to: directory.appendingPathComponent("full.json"), atomically: true, encoding: .utf8)
        // And the 36 real notices of the accuracy corpus, as sites and mirrors serve them.
        let realNotices = CorpusAccuracyTests.directory.appendingPathComponent("notices")
        let real = try FileManager.default.contentsOfDirectory(atPath: realNotices.path).filter { $0.hasSuffix(".txt") }
        for file in real {
            let record = try Gongwen.parse(path: realNotices.appendingPathComponent(file).path)
            try Gongwen.json(record, pretty: true).write(
                to: directory.appendingPathComponent("real-" + file + ".json"), atomically: true, encoding: .utf8)
        }
        let result = try SchemaValidator.validate(
            directory: directory, schema: Corpus.packageRoot.appendingPathComponent("Schemas/notice.schema.json"))
        #expect(result.status == 0, "\(result.output)")
        #expect(real.count == 36)
        #expect(
            result.output.contains("validated \(Corpus.files.count + 1 + real.count) documents, 0 errors"),
            "\(result.output)")
    }

    @Test("Every non-blank input line lands in exactly one element or section", arguments: Corpus.files)
    func nothingLost(file: String) throws {
        let record = try Corpus.record(file)
        let coverage = LayoutCoverage(record)
        let lines = try Corpus.text(file).split(separator: "\n", omittingEmptySubsequences: false)
        var missing: [Int] = []
        var doubled: [Int] = []
        for (index, line) in lines.enumerated() where LayoutCoverage.hasText(line) {
            switch coverage.count(line: index + 1) {
            case 1: continue
            case 0: missing.append(index + 1)
            default: doubled.append(index + 1)
            }
        }
        #expect(missing.isEmpty, "lines placed nowhere in \(file): \(missing)")
        #expect(doubled.isEmpty, "lines placed twice in \(file): \(doubled)")
    }

    @Test("The same input always gives byte-identical JSON")
    func deterministic() throws {
        for file in Corpus.files {
            let first = try Gongwen.json(try Corpus.record(file), pretty: true)
            let second = try Gongwen.json(try Corpus.record(file), pretty: true)
            #expect(first == second)
        }
    }

    @Test("Header spans point at the words they came from")
    func spans() throws {
        let record = try Corpus.record("2023_henan.txt")
        let number = try #require(record.docNumber)
        #expect(
            number.span == SourceSpan(start: SourcePoint(line: 3, column: 1), end: SourcePoint(line: 3, column: 15)))
        let addressee = try #require(record.elements.first { $0.kind == .addressee })
        #expect((addressee.span.startLine, addressee.span.endLine) == (9, 11))
        let issuer = try #require(record.issuer.span)
        #expect(issuer == SourceSpan(start: SourcePoint(line: 1, column: 2), end: SourcePoint(line: 1, column: 14)))
    }
}

/// Which input lines the record's layout covers: its elements, its sections and its attachments'
/// sections (own lines only), the unplaced lines in its diagnostics, and the same for every
/// embedded record.
struct LayoutCoverage {
    private var counts: [Int: Int] = [:]

    init(_ record: NoticeRecord) { add(record) }

    func count(line: Int) -> Int { counts[line, default: 0] }

    /// A line with something to read: a letter, a digit or a Han character (a markdown "---" has none).
    static func hasText<S: StringProtocol>(_ line: S) -> Bool {
        line.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    private mutating func add(_ record: NoticeRecord) {
        for element in record.elements { cover(element.span) }
        for section in record.sections { add(section) }
        for section in record.attachments.flatMap(\.sections) { add(section) }
        for span in record.diagnostics.filter({ $0.message.hasPrefix("line not placed") }).compactMap(\.span) {
            cover(span)
        }
        for embedded in record.embedded { add(embedded) }
    }

    private mutating func add(_ section: SectionRecord) {
        cover(section.span)
        for child in section.children { add(child) }
    }

    private mutating func cover(_ span: SourceSpan) {
        for line in span.startLine...span.endLine { counts[line, default: 0] += 1 }
    }
}

/// The seeds the tests read are committed with them; where the shared original is beside the repository,
/// the copy must be the same bytes (when it is not there, the test is reported as skipped, not passed).
@Suite("The committed copy of the gold seeds")
struct SeedsCopyTests {
    @Test(
        "Tests/GongwenKitTests/Corpus/seeds.json is ../shared/gold/seeds.json",
        .enabled(
            if: FileManager.default.fileExists(atPath: Corpus.sharedSeeds.path),
            "../shared/gold/seeds.json is not beside the repository"))
    func sameAsShared() throws {
        #expect(try Data(contentsOf: Corpus.seeds) == Data(contentsOf: Corpus.sharedSeeds))
    }
}

/// Runs a real JSON Schema validator (python3's jsonschema, Draft 2020-12, with format checks).
enum SchemaValidator {
    static let script = """
        import json, sys, pathlib
        try:
            from jsonschema import Draft202012Validator
        except ImportError:
            print("python3 has no jsonschema module: install Debian's python3-jsonschema (.ci/run does)")
            sys.exit(3)
        schema_path = pathlib.Path(sys.argv[1])
        schema = json.loads(schema_path.read_text())
        Draft202012Validator.check_schema(schema)
        # The schemas beside it, by their $id: one schema may use another's definitions.
        known = [json.loads(p.read_text()) for p in schema_path.parent.glob("*.schema.json")]
        try:
            from referencing import Registry, Resource
            registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in known])
            validator = Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
        except ImportError:  # jsonschema before 4.18 (Debian 12's python3-jsonschema)
            from jsonschema import RefResolver
            resolver = RefResolver.from_schema(schema, store={s["$id"]: s for s in known})
            validator = Draft202012Validator(schema, resolver=resolver, format_checker=Draft202012Validator.FORMAT_CHECKER)
        files = sorted(pathlib.Path(sys.argv[2]).glob("*.json"))
        bad = 0
        for f in files:
            for error in validator.iter_errors(json.loads(f.read_text())):
                bad += 1
                print(f"{f.name}: {'/'.join(map(str, error.absolute_path))}: {error.message[:300]}")
        print(f"validated {len(files)} documents, {bad} errors")
        sys.exit(1 if bad or not files else 0)
        """

    static func validate(directory: URL, schema: URL) throws -> (status: Int32, output: String) {
        try runProcess("/usr/bin/env", ["python3", "-c", script, schema.path, directory.path])
    }
}
