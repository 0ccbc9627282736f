import GongwenKit

/// The citations around one notice: what it cites, or what cites it.
public struct CitationGraph: Sendable, Encodable {
    public enum Direction: String, Sendable, Encodable {
        case cites, citedBy
    }

    public var schemaVersion = "1.0"
    public var direction: Direction
    /// The document number or address asked about, as given.
    public var asked: String
    /// Its canonical document number, if it has one.
    @Nullable public var docNumber: String?
    /// The archived notices it names (none when a cited number is not archived).
    public var notices: [EntrySummary]
    public var citations: [CitationLink]

    /// How far `cited-by` follows citations of citations.
    public static let maximumDepth = 8

    /// Looks `notice` (a document number in any bracket form, or an address) up in the archive.
    public static func find(
        _ direction: Direction, _ notice: String, in store: any ArchiveStore
    ) async throws -> CitationGraph {
        var graph = CitationGraph(
            direction: direction, asked: notice, docNumber: QueryForm.docNumber(notice), notices: [], citations: [])
        if let number = graph.docNumber {
            graph.notices = try await store.entries(docNumber: number, address: nil)
        } else {
            graph.notices = try await store.entries(docNumber: nil, address: notice)
            guard let entry = graph.notices.first else { throw CitationGraphError.notArchived(notice) }
            graph.docNumber = entry.docNumber
        }
        switch direction {
        case .cites:
            guard !graph.notices.isEmpty else { throw CitationGraphError.notArchived(notice) }
            for entry in graph.notices { graph.citations += try await store.citations(from: entry.address) }
        case .citedBy:
            // Relays cite relays: the notices that cite those that cite it, and so on, each at its depth.
            var targets = graph.notices.map { (number: $0.docNumber, title: $0.title) }
            if targets.isEmpty, let number = graph.docNumber { targets = [(number, nil)] }
            guard targets.contains(where: { $0.number != nil || $0.title != nil }) else {
                throw CitationGraphError.noNumber(notice)
            }
            var seen = Set(graph.notices.map(\.address))
            var depth = 1
            while !targets.isEmpty && depth <= maximumDepth {
                var reached: [String: EntrySummary] = [:]
                for target in targets {
                    for var link in try await store.citations(toNumber: target.number, title: target.title)
                    where !seen.contains(link.from.address) {
                        link.depth = depth
                        graph.citations.append(link)
                        reached[link.from.address] = link.from
                    }
                }
                seen.formUnion(reached.keys)
                targets = reached.keys.sorted().map { (reached[$0]!.docNumber, reached[$0]!.title) }
                depth += 1
            }
        }
        return graph
    }
}

public enum CitationGraphError: Error, CustomStringConvertible, Equatable {
    case notArchived(String)
    case noNumber(String)

    public var description: String {
        switch self {
        case let .notArchived(notice):
            return
                "\(notice): no archived notice has this number or address (`gongwen search` lists what the archive holds)"
        case let .noNumber(notice):
            return "\(notice): the notice has neither a document number nor a title, so nothing can cite it"
        }
    }
}
