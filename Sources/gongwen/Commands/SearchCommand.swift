import ArgumentParser
import Foundation
import GongwenArchive
import GongwenKit

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
