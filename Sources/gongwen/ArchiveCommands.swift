import ArgumentParser
import Foundation
import GongwenArchive
import GongwenKit

/// Where the archive is, for every archive command.
struct ArchiveArguments: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The archive: a SQLite file, or postgres://user@host[:port]/database (default: $GONGWEN_DB, else gongwen.sqlite).",
            valueName: "path|url"))
    var db: String?

    var location: String { db ?? ProcessInfo.processInfo.environment["GONGWEN_DB"] ?? ArchiveLocation.defaultPath }

    func open(create: Bool) async throws -> any ArchiveStore {
        do {
            return try await ArchiveLocation(location).open(create: create)
        } catch {
            fail("\(error)")
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("gongwen: \(message)\n".utf8))
    Foundation.exit(ExitCode.failure.rawValue)
}

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store the notices of folders in the archive, to search them and follow their citations.",
        discussion: """
            Walks each FOLDER (recursively; .txt, .html, .htm and .shtml files), takes the files --files-from \
            lists (for archives too big for a command line: find … | gongwen ingest --files-from -), and stores every notice with \
            its record, its text and its citations; a notice forwarded inside another is an entry of its own, \
            linked to the notice that forwards it. A file the archive already holds with the same content \
            (sha256) is not parsed again; a changed file replaces its entries. Each file is stored in one \
            transaction: a file that cannot be read or parsed is reported with its reason, leaves nothing \
            behind, and the rest goes on (the exit status is then 1). On a terminal, a progress line on \
            standard error.
            """
    )

    @Argument(help: "Folders of notices (or single notice files).")
    var paths: [String] = []

    @OptionGroup var list: FileListArguments

    @OptionGroup var archive: ArchiveArguments

    @Flag(help: "No progress line.")
    var quiet = false

    @OptionGroup var limits: LimitArguments

    func validate() throws {
        if paths.isEmpty && list.filesFrom == nil {
            throw ValidationError("give folders of notices, notice files or --files-from")
        }
    }

    func run() async throws {
        let files: [String]
        do { files = try ArchiveIngest.files(under: paths + list.listedPaths(limits: limits.limits)) } catch {
            fail("\(error)")
        }
        guard !files.isEmpty else {
            fail("no notices (.txt, .html, .htm or .shtml files) under \(paths.joined(separator: ", "))")
        }
        let store = try await archive.open(create: true)
        let showProgress = !quiet && isatty(STDERR_FILENO) == 1
        let progress: (@Sendable (IngestSummary) -> Void)? = showProgress ? progressLine : nil
        let summary: IngestSummary
        do {
            summary = try await ArchiveIngest.run(files: files, into: store, limits: limits.limits, progress: progress)
        } catch {
            try? await store.close()
            fail("\(archive.location): \(error)")
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        try await store.close()
        for failure in summary.failures {
            FileHandle.standardError.write(Data("gongwen: \(failure.reason)\n".utf8))
        }
        let rate = summary.seconds > 0 ? Double(summary.bytes) / 1_048_576 / summary.seconds : 0
        FileHandle.standardOutput.write(
            Data(
                """
                \(archive.location): \(summary.files) file\(summary.files == 1 ? "" : "s"): \(summary.added) new, \(summary.updated) updated, \
                \(summary.unchanged) unchanged, \(summary.failures.count) failed; \(summary.entries) notice\(summary.entries == 1 ? "" : "s") stored \
                in \(String(format: "%.1f", summary.seconds)) s (\(String(format: "%.1f", rate)) MB/s)

                """.utf8))
        if !summary.failures.isEmpty { throw ExitCode.failure }
    }
}

/// "  120/3575 files  2.3 MB/s  1 failed", rewritten in place.
@Sendable func progressLine(_ summary: IngestSummary) {
    let rate = summary.seconds > 0 ? Double(summary.bytes) / 1_048_576 / summary.seconds : 0
    let failed = summary.failures.isEmpty ? "" : "  \(summary.failures.count) failed"
    FileHandle.standardError.write(
        Data("\r\u{1B}[K\(summary.done)/\(summary.files) files  \(String(format: "%.1f", rate)) MB/s\(failed)".utf8))
}

enum SearchOutput: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl
}

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find archived notices by their words, their document number, or filters.",
        discussion: """
            QUERY is any run of two or more characters as it stands in the text
            (标杆, 质量标杆, 〔2023〕71号): notices whose title or text holds it, best
            first, each with the words in their context and the input line they stand
            on. A document number in any bracket form (中国质协字[2023]71号) finds the
            notice with that number, then the notices that cite it. Filters narrow
            either, or list on their own. Full-width letters, traditional characters
            and spaces in the query are read as the text holds them.
            """
        // (Broken by hand: argument parsing folds at 80 characters, and a Han character takes two columns.)
    )

    @Argument(help: "Words or a document number (optional when a filter is given).")
    var query: String?

    @Option(help: "Only notices whose issuer's name contains this.")
    var issuer: String?

    @Option(help: "Only notices of this year (the campaign year, else the year signed).")
    var year: Int?

    @Option(help: "Only notices of an issuer of this level: national, provincial, municipal, association or other.")
    var level: Issuer.Level?

    @Option(help: "Only notices of this campaign (its id, as `config` gives it, or part of its name).")
    var campaign: String?

    @Option(name: .customLong("doc-number"), help: "Only the notice with this document number (any bracket form).")
    var docNumber: String?

    @Option(help: "At most this many results.")
    var limit: Int = 20

    @Option(help: "table, json or jsonl (one result per line).")
    var format: SearchOutput = .table

    @OptionGroup var archive: ArchiveArguments
    @OptionGroup var color: ColorArguments
    @OptionGroup var output: OutputArguments

    func run() async throws {
        guard limit > 0 else { fail("--limit must be at least 1") }
        let sink = try output.open()
        let store = try await archive.open(create: false)
        let results: SearchResults
        do {
            results = try await store.search(
                SearchQuery(
                    text: query, issuer: issuer, year: year, level: level?.rawValue,
                    campaign: campaign, docNumber: docNumber, limit: limit))
        } catch let error as ArchiveQueryError {
            try? await store.close()
            fail("\(error)")
        } catch {
            try? await store.close()
            fail("\(archive.location): \(error)")
        }
        try await store.close()
        switch format {
        case .json:
            sink.write([UInt8](try Gongwen.jsonData(results, pretty: true)) + [0x0A])
        case .jsonl:
            for hit in results.hits { sink.write([UInt8](try Gongwen.jsonData(hit, pretty: false)) + [0x0A]) }
        case .table:
            sink.write(ArchiveTables.search(results, colour: color.colour(for: sink)))
        }
        try sink.finish(failure: .failure)
    }
}

/// A notice named by its document number or its address.
struct NoticeArgument: ParsableArguments {
    @Argument(help: "A document number (any bracket form) or an archived address (path, or path#N).")
    var notice: String
}

enum CitationDirection { case cites, citedBy }

struct CitesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cites",
        abstract: "What an archived notice cites, each citation resolved to the archived notices with its number.",
        discussion: "A citation the archive holds no notice for is listed as unresolved.")

    @OptionGroup var notice: NoticeArgument
    @Option(help: "table, or json (jsonl: the same JSON on one line).") var format: SearchOutput = .table
    @OptionGroup var archive: ArchiveArguments
    @OptionGroup var output: OutputArguments

    func run() async throws {
        try await citationGraph(.cites, notice.notice, format: format, archive: archive, output: output)
    }
}

struct CitedByCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cited-by",
        abstract: "The archived notices that cite a notice (by its document number).")

    @OptionGroup var notice: NoticeArgument
    @Option(help: "table, or json (jsonl: the same JSON on one line).") var format: SearchOutput = .table
    @OptionGroup var archive: ArchiveArguments
    @OptionGroup var output: OutputArguments

    func run() async throws {
        try await citationGraph(.citedBy, notice.notice, format: format, archive: archive, output: output)
    }
}

func citationGraph(
    _ direction: CitationDirection, _ notice: String, format: SearchOutput, archive: ArchiveArguments,
    output: OutputArguments
) async throws {
    let sink = try output.open()
    let store = try await archive.open(create: false)
    let graph: CitationGraph
    do {
        graph = try await CitationGraph.find(direction == .cites ? .cites : .citedBy, notice, in: store)
    } catch {
        try? await store.close()
        fail("\(error)")
    }
    try await store.close()
    switch format {
    case .json, .jsonl:
        sink.write([UInt8](try Gongwen.jsonData(graph, pretty: format == .json)) + [0x0A])
    case .table:
        sink.write(ArchiveTables.graph(graph))
    }
    try sink.finish(failure: .failure)
}

extension Issuer.Level: ExpressibleByArgument {}
