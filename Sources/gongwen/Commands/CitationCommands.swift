import ArgumentParser
import Foundation
import GongwenArchive
import GongwenKit

/// What `cites` and `cited-by` take: a notice named by its document number or its address, the format,
/// the archive and the output.
struct CitationGraphArguments: ParsableArguments {
    @Argument(help: "A document number (any bracket form) or an archived address (path, or path#N).")
    var notice: String
    @Option(help: "table, or json (jsonl: the same JSON on one line).") var format: SearchOutput = .table
    @OptionGroup var archive: ArchiveArguments
    @OptionGroup var output: OutputArguments

    /// The notice's citations followed in `direction`, printed.
    func run(_ direction: CitationGraph.Direction) async throws {
        let sink = try output.open()
        let store = try await archive.open(create: false)
        let graph: CitationGraph
        do {
            graph = try await CitationGraph.find(direction, notice, in: store)
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
}

struct CitesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cites",
        abstract: "What an archived notice cites, each citation resolved to the archived notices with its number.",
        discussion: "A citation the archive holds no notice for is listed as unresolved.")

    @OptionGroup var arguments: CitationGraphArguments

    func run() async throws { try await arguments.run(.cites) }
}

struct CitedByCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cited-by",
        abstract: "The archived notices that cite a notice (by its document number).")

    @OptionGroup var arguments: CitationGraphArguments

    func run() async throws { try await arguments.run(.citedBy) }
}
