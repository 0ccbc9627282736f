import Foundation
import Testing

/// `gongwen ingest`, `search`, `cites` and `cited-by` as archivists run them, on a SQLite file (the
/// archive's behaviour on both backends is tested in GongwenArchiveTests).
@Suite("The archive commands")
struct ArchiveCommandLineTests {
    static func scratch() throws -> URL { try temporaryFolder(for: "archive-cli") }

    @Test(
        "ingest Notices, then again: five new files, then five unchanged; search lists the seven notices with snippets")
    func ingestAndSearch() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("archive.sqlite").path
        let first = try CommandLineTests.run(["ingest", Corpus.noticesDirectory.path, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout.contains("5 files: 5 new, 0 updated, 0 unchanged, 0 failed; 7 notices stored"),
            "\(first.stdout)")
        #expect(first.stderr.isEmpty, "no progress line when standard error is not a terminal")
        let again = try CommandLineTests.run(["ingest", Corpus.noticesDirectory.path, "--db", db])
        #expect(
            again.stdout.contains("5 files: 0 new, 0 updated, 5 unchanged, 0 failed; 0 notices stored"),
            "\(again.stdout)")
        // The same files listed on standard input (an archive too big for a command line): all known already.
        let list = Corpus.files.map(Corpus.path).joined(separator: "\n") + "\n"
        let listed = try CommandLineTests.run(["ingest", "--files-from", "-", "--db", db], stdin: Data(list.utf8))
        #expect(
            listed.status == 0 && listed.stdout.contains("5 files: 0 new, 0 updated, 5 unchanged"),
            "\(listed.stdout)\(listed.stderr)")
        #expect(try CommandLineTests.run(["ingest", "--db", db]).status == 64)

        let search = try CommandLineTests.run(["search", "质量标杆", "--db", db])
        #expect(search.status == 0)
        #expect(search.stdout.hasPrefix("7 notices for \"质量标杆\"\n"))
        // Each hit: its address line, its title, and the words in their context (not a terminal: 【】).
        #expect(search.stdout.components(separatedBy: "【质量标杆】").count - 1 == 7, "\(search.stdout)")
        let year = try CommandLineTests.run(["search", "标杆", "--year", "2023", "--db", db])
        #expect(year.stdout.hasPrefix("4 notices for \"标杆\""))
        let number = try CommandLineTests.run(["search", "中国质协字[2023]71号", "--db", db])
        #expect(
            number.stdout.hasPrefix("2 notices for 中国质协字〔2023〕71号") && number.stdout.contains("has this number"),
            "\(number.stdout)")
        let jsonl = try CommandLineTests.run(["search", "标杆", "--format", "jsonl", "--limit", "3", "--db", db])
        #expect(jsonl.stdout.split(separator: "\n").count == 3)
        // -o: the same output in a file; --color always marks the words with escapes instead of 【】.
        let saved = folder.appendingPathComponent("hits.txt")
        let toFile = try CommandLineTests.run(["search", "质量标杆", "--db", db, "-o", saved.path])
        #expect(toFile.status == 0 && toFile.stdout.isEmpty)
        #expect(try String(contentsOf: saved, encoding: .utf8) == search.stdout)
        let coloured = try CommandLineTests.run(["search", "质量标杆", "--db", db, "--color", "always"])
        #expect(coloured.stdout.contains("\u{1B}[1;31m质量标杆\u{1B}[0m") && !coloured.stdout.contains("【质量标杆】"))
    }

    @Test("cited-by follows the relay chain: Fujian's notice forwards the national one, Fuzhou's forwards Fujian's")
    func citedBy() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("archive.sqlite").path
        _ = try CommandLineTests.run(["ingest", Corpus.noticesDirectory.path, "--db", db])
        let citedBy = try CommandLineTests.run(["cited-by", "中国质协字〔2023〕71号", "--db", db])
        #expect(citedBy.status == 0)
        let lines = citedBy.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(citedBy.stdout)")
        #expect(lines[1] == "cited by 2 notices:")
        #expect(
            lines[2].hasPrefix("  ") && lines[2].contains("2023_fuzhou_forward.txt#1")
                && lines[2].contains("福建省工业和信息化厅  (forwards it)"))
        #expect(
            lines[3].hasPrefix("    ") && lines[3].contains("2023_fuzhou_forward.txt  ")
                && lines[3].contains("榕工信技术〔2023〕47号  (line 11: 现将《"))
        let cites = try CommandLineTests.run(["cites", Corpus.path("2023_fuzhou_forward.txt"), "--db", db])
        #expect(
            cites.stdout.contains("cites 2 documents:")
                && cites.stdout.contains("→ \(Corpus.path("2023_fuzhou_forward.txt"))#1"), "\(cites.stdout)")
        let saved = folder.appendingPathComponent("graph.json")
        let toFile = try CommandLineTests.run([
            "cited-by", "中国质协字〔2023〕71号", "--format", "json", "--db", db, "--output", saved.path,
        ])
        #expect(toFile.status == 0 && toFile.stdout.isEmpty)
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: saved)) is [String: Any])
    }

    @Test(
        "search, cites and cited-by JSON validate against Schemas/search.schema.json and Schemas/citations.schema.json")
    func schemas() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("archive.sqlite").path
        _ = try CommandLineTests.run(["ingest", Corpus.noticesDirectory.path, "--db", db])
        let searches = folder.appendingPathComponent("search")
        let graphs = folder.appendingPathComponent("citations")
        try FileManager.default.createDirectory(at: searches, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: graphs, withIntermediateDirectories: true)
        for (i, arguments) in [["标杆"], ["中国质协字〔2023〕71号"], ["--level", "association"], ["不存在的词语组合"], ["济源示范区"]]
            .enumerated()
        {
            let run = try CommandLineTests.run(["search"] + arguments + ["--format", "json", "--db", db])
            #expect(run.status == 0)
            try Data(run.stdout.utf8).write(to: searches.appendingPathComponent("\(i).json"))
        }
        for (i, arguments) in [
            ["cited-by", "中国质协字〔2023〕71号"], ["cites", Corpus.path("2023_fuzhou_forward.txt") + "#1"],
        ].enumerated() {
            let run = try CommandLineTests.run(arguments + ["--format", "json", "--db", db])
            #expect(run.status == 0)
            try Data(run.stdout.utf8).write(to: graphs.appendingPathComponent("\(i).json"))
        }
        for (directory, schema) in [(searches, "search"), (graphs, "citations")] {
            let valid = try SchemaValidator.validate(
                directory: directory, schema: Corpus.packageRoot.appendingPathComponent("Schemas/\(schema).schema.json")
            )
            #expect(valid.status == 0, "\(valid.output)")
        }
    }

    @Test("Two ingest processes at once on one SQLite file: both finish, nothing stored twice")
    func concurrentProcesses() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.twoIngestsAtOnce(db: folder.appendingPathComponent("archive.sqlite").path, folder: folder)
    }

    static let postgres = ProcessInfo.processInfo.environment["GONGWEN_TEST_POSTGRES"]

    @Test(
        "Two ingest processes at once on one PostgreSQL database: both finish, nothing stored twice",
        .enabled(if: postgres != nil, "set GONGWEN_TEST_POSTGRES=postgres://user:password@host/database (.ci/run does)")
    )
    func concurrentProcessesOnPostgres() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try #require(Self.postgres)
        let schema = "cli_" + UUID().uuidString.prefix(8).lowercased()
        defer { _ = try? runProcess("/usr/bin/env", ["psql", base, "-qc", "DROP SCHEMA IF EXISTS \(schema) CASCADE"]) }
        try Self.twoIngestsAtOnce(db: base + (base.contains("?") ? "&" : "?") + "schema=" + schema, folder: folder)
    }

    static func twoIngestsAtOnce(db: String, folder: URL) throws {
        // Both started before either is waited for; their error output goes to files, read at the end.
        let processes = try (0..<2).map { i -> (Process, URL) in
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = ["ingest", Corpus.noticesDirectory.path, "--db", db]
            let log = folder.appendingPathComponent("stderr\(i).txt")
            try Data().write(to: log)
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, log)
        }
        for (process, log) in processes {
            process.waitUntilExit()
            #expect(
                process.terminationStatus == 0,
                "\(String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))")
        }
        let search = try CommandLineTests.run(["search", "--level", "association", "--format", "json", "--db", db])
        #expect(search.stdout.contains("\"total\" : 3"), "\(search.stdout)")
        let all = try CommandLineTests.run(["search", "质量标杆", "--db", db])
        #expect(all.stdout.hasPrefix("7 notices"))
    }

    @Test("What cannot be done is said: a failing file, a one-character query, a missing archive, a bad URL")
    func errors() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notices = folder.appendingPathComponent("notices")
        try FileManager.default.createDirectory(
            at: notices.appendingPathComponent("2023"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Corpus.path("2023_henan.txt"), toPath: notices.appendingPathComponent("2023/henan.txt").path)
        try Data("%PDF-1.7\n1 0 obj\n".utf8).write(to: notices.appendingPathComponent("scan.html"))
        let db = folder.appendingPathComponent("archive.sqlite").path
        let ingest = try CommandLineTests.run(["ingest", notices.path, "--db", db])
        #expect(ingest.status == 1)
        #expect(ingest.stdout.contains("2 files: 1 new, 0 updated, 0 unchanged, 1 failed"), "\(ingest.stdout)")
        #expect(ingest.stderr.contains("scan.html") && ingest.stderr.contains("PDF"), "\(ingest.stderr)")

        let short = try CommandLineTests.run(["search", "标", "--db", db])
        #expect(short.status == 1 && short.stderr.contains("\"标\" is one character"))
        let missing = try CommandLineTests.run([
            "search", "标杆", "--db", folder.appendingPathComponent("none.sqlite").path,
        ])
        #expect(missing.status == 1 && missing.stderr.contains("no archive here"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none.sqlite").path))
        let url = try CommandLineTests.run(["search", "标杆", "--db", "postgres://localhost"])
        #expect(url.status == 1 && url.stderr.contains("not a PostgreSQL address"))
        let nothing = try CommandLineTests.run(["ingest", folder.appendingPathComponent("nowhere").path, "--db", db])
        #expect(nothing.status == 1 && nothing.stderr.contains("no such file or folder"))
        let notArchived = try CommandLineTests.run(["cites", "nowhere.txt", "--db", db])
        #expect(notArchived.status == 1 && notArchived.stderr.contains("no archived notice has this number or address"))
    }
}
